"""Small value helpers every feature shares: a clamp, a cleaned-up name, a fresh id.

No Qt here.
"""

from __future__ import annotations

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
