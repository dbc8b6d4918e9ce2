"""How scenario and framework files are written so that what the app writes it can read.

A framework of 1000 options x 100 criteria has 100 000 ratings; written as full objects
(``{"value": 3.0, "label": "", "rationale": "", "source": ""}``) with indentation it is 16 MB,
twice what any reader accepts (io.MAX_FILE_BYTES). So each option's ratings are written as a
list in the criteria's order, each rating as small as it reads back: its number (``3``), its
level label (``"LOW/MED"``), or an object only when it carries a rationale or a source.
Small files are indented (pleasant to read and to compare); files above ``INDENT_BELOW``
are written without indentation. The readers accept the old forms too (core.models). No Qt.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .models import Criterion, Framework, Rating, level_value

INDENT_BELOW = 256 * 1024
"""A file whose compact text is at least this long is written without indentation."""


def number(value: float) -> int | float:
    """3.0 as 3 (the same number, two bytes shorter in a file); other values as they are."""
    if math.isfinite(value) and value == int(value) and abs(value) < 2 ** 53:
        return int(value)
    return value


def _label_reads_back(levels: dict[str, float], label: str, value: float) -> bool:
    try:
        return level_value(levels, label, "") == value
    except ValueError:
        return False


def rating_value(criterion: Criterion, rating: Rating) -> object:
    """One rating as small as it reads back: a number, a level label, or an object."""
    if rating.rationale or rating.source:
        return rating.model_dump(mode="json", exclude_defaults=True)
    if rating.label and _label_reads_back(criterion.levels, rating.label, rating.value):
        return rating.label
    if rating.label:
        return {"value": number(rating.value), "label": rating.label}
    return number(rating.value)


def ratings_list(fw: Framework, option_index: int) -> list[object]:
    """An option's ratings in the compact form: one per criterion, in the criteria's order."""
    option = fw.options[option_index]
    return [rating_value(c, option.ratings[c.id]) for c in fw.criteria]


_EMPTY: tuple[object, ...] = ("", None, {})
_KEEP = ("id", "name", "direction", "scale")


def _drop_empty(item: dict[str, Any]) -> None:
    for key in [k for k, v in item.items() if k not in _KEEP and v in _EMPTY]:
        del item[key]


def compact_framework(doc: dict[str, Any], fw: Framework) -> dict[str, Any]:
    """``doc`` (fw dumped as JSON data) with each option's ratings in the compact form, and
    the empty texts of its criteria and options left out (they read back as empty)."""
    for crit_doc in doc.get("criteria") or ():
        _drop_empty(crit_doc)
    for i, opt_doc in enumerate(doc.get("options") or ()):
        _drop_empty(opt_doc)
        opt_doc["ratings"] = ratings_list(fw, i)
    return doc


def dumps(data: object, *, indent: int = 2, ensure_ascii: bool = False) -> str:
    """JSON text: indented when its compact form is shorter than INDENT_BELOW, else compact."""
    compact = json.dumps(data, ensure_ascii=ensure_ascii, allow_nan=False,
                         separators=(",", ":"))
    if len(compact) >= INDENT_BELOW:
        return compact + "\n"
    return json.dumps(data, ensure_ascii=ensure_ascii, allow_nan=False, indent=indent) + "\n"
