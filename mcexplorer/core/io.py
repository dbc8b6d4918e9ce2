"""Reading, migrating and writing scenario files (checking them against their frameworks is
core.validation's work; the built-in frameworks are core.resources').

Reading refuses, with a one-line ScenarioError naming file, field and problem: files above
MAX_FILE_BYTES (checked before parsing), text that is not JSON or is truncated, non-finite
numbers, the wrong shape, values out of range, and files from a newer schema version.
Writing is atomic: a temporary file in the same folder, flushed and fsynced, then renamed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .errors import ScenarioError
from .migrations import MIGRATIONS
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
        raise ScenarioError(f"unknown schema version {version}", file=str(p), field="schema_version")
    report = LoadReport(str(p), version)
    while version < SCHEMA_VERSION:
        migrate = MIGRATIONS[version]
        data = migrate(data)
        report.migrations.append(f"{version}->{version + 1}: {migrate.__doc__ or migrate.__name__}")
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


def scenario_json(scenario: Scenario) -> str:
    return scenario.model_dump_json(indent=2) + "\n"


def save_scenario(path: str | os.PathLike[str], scenario: Scenario, *, backup: bool = False) -> None:
    """Write atomically. With backup=True an existing file is first kept as NAME.bak."""
    p = Path(path)
    text = scenario_json(scenario)
    if backup and p.exists():
        atomic_write(p.with_name(p.name + ".bak"), p.read_bytes())
    atomic_write(p, text.encode("utf-8"))


def atomic_write(path: Path, payload: bytes) -> None:
    """Write payload to path so the file is always either the old or the new version."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ScenarioError(f"cannot write here ({exc.strerror or exc})", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            try:
                os.chmod(tmp, path.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ScenarioError(f"could not save ({exc.strerror or exc})", file=str(path)) from None
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def read_json(path: Path) -> object:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ScenarioError("no such file", file=str(path)) from None
    except OSError as exc:
        raise ScenarioError(f"cannot read ({exc.strerror or exc})", file=str(path)) from None
    if path.is_dir():
        raise ScenarioError("is a folder, not a scenario file", file=str(path))
    if size > MAX_FILE_BYTES:
        raise ScenarioError(
            f"file is {size / 1048576:.1f} MiB; scenario files are limited to "
            f"{MAX_FILE_BYTES // 1048576} MiB", file=str(path))
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ScenarioError(f"cannot read ({exc.strerror or exc})", file=str(path)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError(f"file is larger than {MAX_FILE_BYTES // 1048576} MiB", file=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(f"not UTF-8 text (byte {exc.start})", file=str(path)) from None
    return parse_json(text, str(path))


def _reject_constant(name: str) -> float:
    raise ValueError(f"non-finite number {name} is not allowed")


def parse_json(text: str, source: str) -> object:
    if not text.strip():
        raise ScenarioError("the file is empty", file=source)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise ScenarioError("not JSON (nested too deeply)", file=source) from None
    except json.JSONDecodeError as exc:
        # An unterminated string runs to the end of the text: the file was cut short.
        ends_early = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "truncated JSON" if ends_early else "not JSON"
        raise ScenarioError(f"{what} ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                            file=source) from None
    except ValueError as exc:
        raise ScenarioError(str(exc), file=source) from None


def shown(text: str) -> str:
    """Text from the file (a key, a label) as it may appear in a one-line message: line breaks
    and other unprintable characters are written as escapes (\\r, \\x1e, \\u2028)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


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
