"""Reading single spreadsheet cells: numbers, scales, ids made from names, and where a cell is.

Positions are 1-based as a spreadsheet shows them: ``row 4, column C (Risk)``.
No Qt here.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass, field

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_NUM = r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)"
_RANGE = re.compile(rf"^({_NUM})\s*(?:-|\u2013|\u2014|\.\.|to)\s*({_NUM})$", re.IGNORECASE)
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe",
                       "Œ": "oe", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th"})
ID_MAX = 64
"""Longest id (models.Identifier)."""


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 1-based column: 1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def place(row: int, column: int | None = None, name: str | None = None) -> str:
    """``row 4, column C (Risk)``: where a cell is, as a spreadsheet shows it."""
    text = f"row {row}"
    if column is not None:
        text += f", column {column_letter(column)}"
        if name:
            text += f" ({shown(name)})"
    return text


def shown(text: str, limit: int = 40) -> str:
    """Text from the file as it may appear in a one-line message: escapes, cut at ``limit``."""
    flat = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def parse_number(text: str, *, decimal_comma: bool = False) -> float | None:
    """The finite number a cell holds, or None. ``2,5`` reads as 2.5 when ``decimal_comma``
    (files separated by semicolons or tabs, as Excel writes them in much of Europe)."""
    t = text.strip()
    if decimal_comma and t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    if not _NUMBER.match(t):
        return None
    value = float(t)
    return value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """A number as short as it can be written and still read back exactly: 2, 2.5, 0.1."""
    text = f"{value:g}"
    return text if float(text) == value else repr(float(value))


@dataclass
class Scale:
    """A criterion's scale as a cell declares it: a range, or levels 1..n."""

    lo: float
    hi: float
    levels: dict[str, float] = field(default_factory=dict)


class CellError(ValueError):
    """A cell that cannot be read; the caller adds the file and the cell's place."""


def parse_scale(text: str, *, decimal_comma: bool = False) -> Scale:
    """``1-5``, ``0 - 100``, ``1 to 7``, ``-2..2``, or levels ``LOW|MED|HIGH`` (1..n on [1, n])."""
    t = text.strip()
    if "|" in t:
        labels = [part.strip() for part in t.split("|")]
        if len(labels) < 2:
            raise CellError("a scale of levels needs at least two, such as LOW|HIGH")
        seen: dict[str, str] = {}
        for label in labels:
            if not label:
                raise CellError(f"scale {shown(t)!r} has an empty level")
            if "/" in label:
                raise CellError(f"level {shown(label)!r} contains '/', which marks a midpoint "
                                "between two levels (LOW/MED)")
            if len(label) > 200:
                raise CellError(f"level {shown(label)!r} is longer than 200 characters")
            if label.upper() in seen:
                raise CellError(f"level {shown(label)!r} appears twice in the scale")
            seen[label.upper()] = label
        return Scale(1.0, float(len(labels)), {label: float(i) for i, label in
                                                enumerate(labels, start=1)})
    match = _RANGE.match(t)
    if match is None:
        raise CellError(f"{shown(t)!r} is not a scale: write a range such as 1-5 or levels "
                        "such as LOW|MED|HIGH")
    lo, hi = (parse_number(g, decimal_comma=decimal_comma) for g in match.groups())
    if lo is None or hi is None:
        raise CellError(f"{shown(t)!r} is not a scale: write a range such as 1-5 or levels "
                        "such as LOW|MED|HIGH")
    if not lo < hi:
        raise CellError(f"scale {shown(t)!r} must run from low to high (for a scale where lower "
                        "is better keep it low to high and set the direction to cost)")
    return Scale(lo, hi)


def scale_text(lo: float, hi: float, levels: dict[str, float]) -> str:
    """The cell that declares a scale: levels when they are exactly 1..n on [1, n]."""
    ordered = sorted(levels.items(), key=lambda kv: kv[1])
    n = len(ordered)
    if n >= 2 and (lo, hi) == (1.0, float(n)) \
            and all(v == i for i, (_, v) in enumerate(ordered, start=1)) \
            and all(_plain_level(label) for label, _ in ordered):
        return "|".join(label for label, _ in ordered)
    return f"{format_number(lo)} - {format_number(hi)}"


def _plain_level(label: str) -> bool:
    return bool(label.strip()) and label == label.strip() and "|" not in label and "/" not in label


# Standard scales tried, in order, when a criterion declares none.
COMMON_SCALES = ((0.0, 1.0), (1.0, 3.0), (1.0, 5.0), (1.0, 7.0), (1.0, 10.0), (0.0, 10.0),
                 (0.0, 100.0))


def infer_scale(values: list[float]) -> tuple[float, float] | None:
    """The first common scale (0-1, 1-3, 1-5, 1-7, 1-10, 0-10, 0-100) that holds every value."""
    lo, hi = min(values), max(values)
    for a, b in COMMON_SCALES:
        if a <= lo and hi <= b:
            return a, b
    return None


def make_id(name: str, kind: str) -> str:
    """An id from a display name: lowercase a-z, 0-9 and hyphens, at most 64 characters.

    Accents are dropped (Évaluation -> evaluation). A name with no such letters at all (for
    example in another script) gets ``<kind>-`` and a short hash of the name, which stays the
    same however the rows are ordered.
    """
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:ID_MAX].rstrip("-")
    if slug:
        return slug
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{kind}-{digest}"
