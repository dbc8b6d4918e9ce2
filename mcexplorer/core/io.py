"""Reading, migrating and writing scenario files (checking them against their frameworks is
core.validation's work; the built-in frameworks are core.resources').

Reading refuses, with a one-line ScenarioError naming file, field and problem: anything but
a regular file (a FIFO, a device: never opened for reading), files above MAX_FILE_BYTES
(checked before parsing), text that is not JSON or is truncated, non-finite numbers, numbers
written as text or true/false, the wrong shape, values out of range, and files from a newer
schema version. Writing refuses what reading would refuse (a file above MAX_FILE_BYTES) and
writes ratings compactly (core.compact_json). Writing is atomic (core.safe_files): a
short-named temporary in the same
folder, flushed and fsynced, then renamed; a symbolic link stays a link, a read-only file or a
file changed on disk since it was read is replaced only when the caller says so.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import compact_json, safe_files, strict_json
from .errors import FileChanged, ReadOnlyFile, ScenarioError, shown
from .file_guard import FileStamp, changed_since
from .migrations import migrate
from .models import SCHEMA_VERSION, Scenario

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Scenario files above this size (8 MiB) are refused before they are parsed."""


# --------------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------------


@dataclass
class LoadReport:
    """What happened while reading a file: its version and the migrations applied."""

    path: str
    file_version: int
    migrations: list[str] = field(default_factory=list)


def read_scenario(path: str | os.PathLike[str]) -> tuple[Scenario, LoadReport]:
    """Read, migrate and validate the shape of a scenario file (core.validation.load_scenario
    also checks it against its frameworks). Raises ScenarioError; never half-loads."""
    p = Path(path)
    data = read_json(p)
    if not isinstance(data, dict):
        raise ScenarioError(f"expected a JSON object, found {type(data).__name__}", file=str(p))
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioError(f"must be a whole number, found {version!r}", file=str(p),
                            field="schema_version")
    if version > SCHEMA_VERSION:
        raise ScenarioError(
            f"the file is from a newer version of mcexplorer (schema {version}; this build reads "
            f"up to {SCHEMA_VERSION}); update mcexplorer to open it",
            file=str(p), field="schema_version")
    if version < 1:
        raise ScenarioError(f"unknown schema version {version}", file=str(p),
                            field="schema_version")
    report = LoadReport(str(p), version)
    while version < SCHEMA_VERSION:
        data, said = migrate(data, version)
        report.migrations.append(f"{version}->{version + 1}: {said}")
        version += 1
        data["schema_version"] = version
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, str(p)) from None
    return scenario, report


def parse_scenario_text(text: str, *, source: str = "<text>") -> Scenario:
    """The shape of scenario JSON held in memory (core.validation.parse_scenario also checks
    it against its frameworks)."""
    data = parse_json(text, source)
    if not isinstance(data, dict):
        raise ScenarioError(f"expected a JSON object, found {type(data).__name__}", file=source)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ScenarioError(f"unsupported schema version {version!r}", file=source,
                            field="schema_version")
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, source) from None
    return scenario


_NO_RATINGS = {"definitions": {"__all__": {"options": {"__all__": {"ratings"}}}}}


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as JSON data, its frameworks' ratings in the compact form
    (core.compact_json: one list per option, numbers and labels, not full objects)."""
    data = scenario.model_dump(mode="json", exclude=_NO_RATINGS)
    for doc, fw in zip(data["definitions"], scenario.definitions):
        compact_json.compact_framework(doc, fw)
    return data


def scenario_json(scenario: Scenario) -> str:
    """The scenario file's text: indented when small, compact when large (compact_json)."""
    return compact_json.dumps(scenario_data(scenario))


def scenario_payload(scenario: Scenario, file: str | None = None) -> bytes:
    """The scenario file's bytes; a ScenarioError (nothing written) when they could not be
    written as UTF-8 or would be larger than every reader accepts (MAX_FILE_BYTES)."""
    try:
        payload = scenario_json(scenario).encode("utf-8")
    except (ValueError, TypeError) as exc:  # e.g. text that cannot be written as UTF-8
        raise ScenarioError(f"cannot be written as a scenario file ({exc})", file=file) from None
    if len(payload) > MAX_FILE_BYTES:
        raise ScenarioError(
            f"the file would be {safe_files.size_text(len(payload))}; scenario files are "
            f"limited to {safe_files.size_text(MAX_FILE_BYTES)}, so it could not be opened "
            "again; nothing was written (remove options or criteria from the largest "
            "framework, or shorten long texts)", file=file)
    return payload


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the stamp of the file written, and where the previous version went."""

    stamp: FileStamp
    backup: Path | None = None


def save_scenario(path: str | os.PathLike[str], scenario: Scenario, *, backup: bool = False,
                  expected: FileStamp | None = None,
                  replace_read_only: bool = False) -> SaveResult:
    """Write atomically; raise ScenarioError (one line) and change nothing when refused.

    A symbolic link is followed (the link stays a link, its target gets the new content).
    With ``backup`` an existing file is first kept as NAME.bak (a shortened name when NAME.bak
    would be too long; ``SaveResult.backup`` says where). With ``expected`` (the stamp taken at
    open or last save) a file changed on disk since is refused with FileChanged. A read-only
    file is refused with ReadOnlyFile unless ``replace_read_only``. Anything but a regular file
    (a folder, a FIFO, a device) is refused before it is touched.
    """
    p = safe_files.follow_link(Path(path))
    safe_files.check_name(p)
    payload = scenario_payload(scenario, str(p))
    existing = safe_files.regular_file_stat(p, what="scenario file")
    if existing is not None:
        if expected is not None and changed_since(p, expected):
            raise FileChanged("the file was changed on disk since it was opened or last saved "
                              "here (by another program or window)", file=str(p))
        if not replace_read_only and safe_files.is_read_only(existing, p):
            raise ReadOnlyFile("the file is read-only; it was not replaced", file=str(p))
    kept = None
    if backup and existing is not None:
        kept = safe_files.backup_path(p)
        safe_files.atomic_copy(p, kept, what="scenario file")
    written = safe_files.atomic_write(p, payload)
    return SaveResult(FileStamp.of_bytes(payload, written), kept)


def atomic_write(path: Path, payload: bytes) -> None:
    """Write payload to path so the file is always either the old or the new version."""
    safe_files.atomic_write(Path(path), payload)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def read_json(path: Path, *, what: str = "scenario file") -> object:
    """JSON from a regular file of at most MAX_FILE_BYTES (a FIFO or a device is refused
    before it is opened for reading); ``what`` names the kind of file in refusals."""
    raw = safe_files.read_capped(path, MAX_FILE_BYTES, what=what)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(f"not UTF-8 text (byte {exc.start})", file=str(path)) from None
    return parse_json(text, str(path))


def parse_json(text: str, source: str) -> object:
    if not text.strip():
        raise ScenarioError("the file is empty", file=source)
    try:
        return strict_json.loads(text, source)
    except RecursionError:
        raise ScenarioError("not JSON (nested too deeply)", file=source) from None
    except json.JSONDecodeError as exc:
        # An unterminated string runs to the end of the text: the file was cut short.
        ends_early = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "truncated JSON" if ends_early else "not JSON"
        # Python words one as "Unterminated string starting at"; the place follows once.
        msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
        raise ScenarioError(f"{what} ({msg} at line {exc.lineno}, column {exc.colno})",
                            file=source) from None
    except ValueError as exc:
        raise ScenarioError(str(exc), file=source) from None


def from_validation(exc: ValidationError, file: str) -> ScenarioError:
    err = exc.errors(include_url=False)[0]
    loc = ".".join(shown(str(p)) for p in err["loc"])
    msg = shown(err["msg"])
    if err["type"] == "extra_forbidden":
        msg = "unknown field"
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    value = err.get("input")
    if err["type"] not in ("missing", "extra_forbidden") and isinstance(value, (int, float, str)):
        found = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        msg = f"{msg} (found {found})"
    more = len(exc.errors()) - 1
    if more:
        msg += f" (and {more} more problem{'s' if more > 1 else ''})"
    return ScenarioError(msg, file=file, field=loc or None)
