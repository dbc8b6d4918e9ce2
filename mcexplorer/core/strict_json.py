"""JSON text to Python data, refusing what a scenario file must not hold, by field.

Besides the JSON grammar, ``loads`` refuses NaN and infinities, a key written twice in one
object (which of the two counts differs between readers), whole numbers too long for Python to
convert (thousands of digits) and unpaired surrogate escapes (``"\\udce9"``: not
text, and they cannot be written back). Each refusal names the field where it sits, e.g.
``frameworks.business-models.weights.effort``. No Qt here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import ScenarioError, shown

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _Refused:
    """Stands in for a value the parser met but must refuse, so its place can be found."""

    __slots__ = ("problem",)

    def __init__(self, problem: str) -> None:
        self.problem = problem


def _constant(name: str) -> _Refused:
    return _Refused(f"non-finite number {name} is not allowed")


def _whole(text: str) -> int | _Refused:
    try:
        return int(text)
    except ValueError:
        digits = len(text.lstrip("-"))
        return _Refused(f"a whole number with {digits} digits is too long")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _first_refused(data: object) -> tuple[list[str], str] | None:
    """The path and problem of the first refused value or unpaired surrogate, in file order."""
    stack: list[tuple[list[str], object]] = [([], data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Refused):
            return path, value.problem
        if isinstance(value, str):
            if _has_surrogate(value):
                return path, "contains an unpaired surrogate escape, which is not text"
        elif isinstance(value, dict):
            items = list(value.items())
            for key, _ in items:
                if _has_surrogate(key):
                    return path + [key], "the key contains an unpaired surrogate escape"
            stack.extend((path + [str(k)], v) for k, v in reversed(items))
        elif isinstance(value, list):
            stack.extend((path + [str(i)], v) for i, v in reversed(list(enumerate(value))))
    return None


def loads(text: str, source: str) -> object:
    """Parse JSON text; a ScenarioError naming ``source`` (and the field) when refused.
    json.JSONDecodeError and RecursionError pass through for the caller to word."""
    refused: list[bool] = []

    def constant(name: str) -> _Refused:
        refused.append(True)
        return _constant(name)

    def pairs(items: list[tuple[str, object]]) -> dict[str, Any]:
        """An object; a key written twice (JSON readers disagree on which one wins) is
        marked at its place, so the refusal names it."""
        data = dict(items)
        if len(data) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    data[key] = _Refused(f"the key {shown(key)!r} appears twice in one object; "
                                         "keep one")
                    refused.append(True)
                seen.add(key)
        return data

    try:
        data = json.loads(text, parse_constant=constant, object_pairs_hook=pairs)
    except json.JSONDecodeError:
        raise
    except ValueError:
        # A whole number too long to convert: parse again, marking it, to find its place.
        data = json.loads(text, parse_constant=constant, parse_int=_whole,
                          object_pairs_hook=pairs)
        refused.append(True)
    if refused or _SURROGATE_ESCAPE.search(text):
        found = _first_refused(data)
        if found is not None:
            path, problem = found
            field = ".".join(shown(p) for p in path) or None
            raise ScenarioError(problem, file=source, field=field)
    return data
