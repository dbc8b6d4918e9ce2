"""Framework files: reading, writing, converting a CSV, and telling a framework file from a
scenario file. What ``mcexplorer import-framework``, ``validate`` and ``schema --framework``
call. No Qt here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mcexplorer.core.compact_json import rating_value, ratings_list
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import (
    MAX_FILE_BYTES,
    atomic_write,
    from_validation as _from_validation,
    read_json as _read_json,
)
from mcexplorer.core.models import Framework
from mcexplorer.core.safe_files import size_text
from mcexplorer.core.validation import load_scenario

from .csv_import import check_framework_id, import_csv
from .csv_read import DELIMITER_NAMES

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
"""Files read as CSV; everything else is read as JSON."""


def framework_from_json(path: str | os.PathLike[str]) -> Framework:
    """A framework file, validated. One-line ScenarioError naming file, field and problem."""
    p = Path(path)
    data = _read_json(p)
    if not isinstance(data, dict):
        raise ScenarioError(f"expected a JSON object, found {type(data).__name__}", file=str(p))
    if "schema_version" in data:
        raise ScenarioError("is a scenario file, not a framework file", file=str(p))
    try:
        return Framework.model_validate(data)
    except ValidationError as exc:
        raise _from_validation(exc, str(p)) from None


def framework_json(fw: Framework, *, indent: int | None = 2, by_position: bool = False) -> str:
    """The framework file's text, readable by io.load_framework and framework_from_json.

    Fields at their defaults are left out of criteria and options; a rating with no rationale
    or source is written as its level label (``"LOW/MED"``) or its number, as in the built-in
    files. With ``by_position`` each option's ratings are a list in the criteria's order (the
    compact form of core.compact_json) rather than a mapping by criterion id.
    """
    doc = fw.model_dump(mode="json", exclude_defaults=True,
                        exclude={"options": {"__all__": {"ratings"}}})
    doc["method"] = fw.method
    doc["provenance"] = fw.provenance
    for i, (opt_doc, opt) in enumerate(zip(doc["options"], fw.options)):
        if by_position:
            opt_doc["ratings"] = ratings_list(fw, i)
        else:
            opt_doc["ratings"] = {c.id: rating_value(c, opt.ratings[c.id]) for c in fw.criteria}
    order = ["id", "extension", "order", "title", "method", "provenance", "description",
             "source", "criteria", "options"]
    doc = {**{key: doc[key] for key in order if key in doc},
           **{key: value for key, value in doc.items() if key not in order}}
    separators = None if indent is not None else (",", ":")
    return json.dumps(doc, indent=indent, separators=separators, ensure_ascii=False,
                      allow_nan=False) + "\n"


def framework_payload(fw: Framework, file: str | None = None) -> bytes:
    """The framework file's bytes: indented, or compact (ratings as lists, core.compact_json)
    when indenting would take it past the size every reader accepts (MAX_FILE_BYTES);
    refused when even that is too large."""
    payload = framework_json(fw).encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        payload = framework_json(fw, indent=None, by_position=True).encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        raise ScenarioError(f"the framework file would be {size_text(len(payload))}; "
                            f"files are limited to {size_text(MAX_FILE_BYTES)}", file=file)
    return payload


def framework_schema() -> dict[str, Any]:
    """The JSON Schema of framework files (for ``mcexplorer schema --framework``)."""
    return Framework.model_json_schema()


def read_any_framework(src: str | os.PathLike[str], *, framework_id: str | None = None,
                       title: str | None = None) -> tuple[Framework, list[str]]:
    """A framework from a CSV or JSON file (by its suffix), and notes on how it was read."""
    p = Path(src)
    if p.suffix.lower() in CSV_SUFFIXES:
        result = import_csv(p, framework_id=framework_id, title=title)
        notes = [f"read as {result.encoding}, {DELIMITER_NAMES[result.delimiter]}-separated",
                 *result.notes]
        return result.framework, notes
    check_framework_id(framework_id, str(p))
    fw = framework_from_json(p)
    changes = {}
    if framework_id:
        changes["id"] = framework_id
    if title:
        changes["title"] = title
    if changes:
        try:
            fw = Framework.model_validate({**fw.model_dump(), **changes})
        except ValidationError as exc:
            raise _from_validation(exc, str(p)) from None
    return fw, []


def import_framework(src: str | os.PathLike[str], out: str | os.PathLike[str], *,
                     framework_id: str | None = None, title: str | None = None,
                     overwrite: bool = False) -> str:
    """Validate a CSV or JSON framework and write it as a framework file, atomically.

    Returns one line for the user: what was written, its size, how the input was read and
    what was assumed. Refuses (ScenarioError, nothing written) bad input, an existing ``out``
    unless ``overwrite``, and a result too large to be read back.
    """
    target = Path(out)
    if target.is_dir():
        raise ScenarioError("is a folder", file=str(target))
    if target.exists() and not overwrite:
        raise ScenarioError("already exists; choose another name or allow overwriting",
                            file=str(target))
    fw, notes = read_any_framework(src, framework_id=framework_id, title=title)
    atomic_write(target, framework_payload(fw, str(target)))
    line = f"{src} -> {target}: {summary(fw)}"
    return "; ".join([line, *notes])


def summary(fw: Framework) -> str:
    """``framework 'Title' (id x; 8 criteria, 9 options)``."""
    return (f"framework {fw.title!r} (id {fw.id}; {_count(len(fw.criteria), 'criterion')}, "
            f"{_count(len(fw.options), 'option')})")


def validate_any(path: str | os.PathLike[str]) -> str:
    """Check a scenario file, a framework file (JSON) or a framework CSV; one line saying what
    it is. A JSON object with ``schema_version`` is a scenario; one with ``criteria`` or
    ``options`` is a framework. Raises ScenarioError, as every reader here does."""
    p = Path(path)
    if p.suffix.lower() in CSV_SUFFIXES:
        fw, notes = read_any_framework(p)
        return "; ".join([f"{path}: valid {summary(fw)}", *notes])
    data = _read_json(p)
    if not isinstance(data, dict):
        raise ScenarioError(f"expected a JSON object, found {type(data).__name__}", file=str(p))
    if "schema_version" in data:
        scenario, report = load_scenario(p)
        migrations = "; ".join(report.migrations) if report.migrations else "none"
        return (f"{path}: valid (schema version {report.file_version}; migrations applied: "
                f"{migrations}; frameworks: {', '.join(scenario.frameworks) or 'defaults'})")
    if "criteria" in data or "options" in data:
        try:
            fw = Framework.model_validate(data)
        except ValidationError as exc:
            raise _from_validation(exc, str(p)) from None
        return f"{path}: valid {summary(fw)}"
    raise ScenarioError("neither a scenario file (it has no schema_version) nor a framework "
                        "file (it has no criteria or options)", file=str(p))


def _count(n: int, word: str) -> str:
    plural = "criteria" if word == "criterion" else word + "s"
    return f"{n} {word if n == 1 else plural}"
