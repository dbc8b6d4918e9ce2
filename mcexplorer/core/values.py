"""Small value helpers every feature shares: a clamp, a cleaned-up name, a fresh id.

No Qt here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from .errors import ScenarioError

MAX_NAME = 200
"""Names (offerings, initiatives, sessions, risks) are limited to this many characters."""


def clamp_to(value: float, lo: float, hi: float) -> float:
    """``value`` kept within [lo, hi]."""
    return min(hi, max(lo, value))


def clean_name(name: object, field: str, *, truncate: bool = False) -> str:
    """A name with its white space folded; empty is refused, and so is one over MAX_NAME
    characters (or it is cut there with ``truncate``)."""
    text = " ".join(str(name).split())
    if not text:
        raise ScenarioError("a name cannot be empty", field=field)
    if len(text) > MAX_NAME:
        if not truncate:
            raise ScenarioError(f"a name is limited to {MAX_NAME} characters", field=field)
        text = text[:MAX_NAME]
    return text


def slug(name: str, fallback: str, limit: int = 48) -> str:
    """An id-shaped version of a name: lower case letters, digits and single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:limit].strip("-") or fallback


def unique_id(base: str, taken: Iterable[str], *, always_number: bool = False) -> str:
    """``base``, or ``base-2``, ``base-3`` ... whichever is not taken (``base-1`` first with
    ``always_number``)."""
    used = set(taken)
    if not always_number and base not in used:
        return base
    n = 1 if always_number else 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def share_text(share: float) -> str:
    """A share (0-1) as the one percentage every place prints: whole percent, halves rounded
    up (0.785 -> "79%"), "under 1%" and "over 99%" for what would read as 0% or 100% but is not.

    The verdict, Strategy on a page, ``mcexplorer summary``, the report and the charts all use
    this, so one share never reads two ways.
    """
    if share >= 1.0:
        return "100%"
    if share <= 0.0:
        return "0%"
    # Rounded to 9 places first so 0.785 (stored as 0.78499999...) reads as the half it is.
    whole = math.floor(round(share * 100, 9) + 0.5)
    if whole >= 100:
        return "over 99%"
    if whole <= 0:
        return "under 1%"
    return f"{whole}%"


def percent_text(value: float) -> str:
    """A percentage (0-100), such as a fit or a share of effort, as a whole percent with halves
    rounded up (78.5 -> "79%"), the same rule as ``share_text``."""
    return f"{math.floor(round(value, 9) + 0.5)}%"
