"""Edits: every change to a scenario, as a value with an inverse.

An Edit sets the value at a path in the scenario from ``old`` to ``new``. Documents build them
(validated, with the old value captured) and apply them; the Qt layer wraps each one in an
undo command, so undo, autosave and the modified flag all hang off one path. Feature packages
build their edits through ``Document.make_edit``. No Qt here.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel


class _Missing:
    """Marks a dict entry that is absent (before an override is set, or after a reset)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

Path = tuple[str, ...]


@dataclass(frozen=True)
class Edit:
    """Set the value at ``path`` in the scenario from ``old`` to ``new``.

    The path walks attributes of models and keys of dicts, e.g.
    ("frameworks", <framework id>, "weights", <criterion id>). MISSING as a value means the key
    is absent. ``merge_key`` lets consecutive edits of one gesture collapse into one undo step.
    """

    path: Path
    old: Any
    new: Any
    text: str
    framework: str = ""
    merge_key: Hashable | None = None

    def inverse(self) -> Edit:
        return replace(self, old=self.new, new=self.old)

    def merged(self, later: Edit) -> Edit:
        """This edit followed by ``later`` (same path and gesture) as one step."""
        return replace(later, old=self.old)

    @property
    def is_noop(self) -> bool:
        return bool(self.old == self.new)

    @property
    def step_text(self) -> str:
        """The step's name in History, with the number it changed: "Weight of ROI 50 -> 74".

        A number (a weight, a target) or one number field of one item of a list (a risk's
        likelihood) shows its value before and after; any other change shows its name alone.
        """
        change = _number_change(self.old, self.new)
        if change is None:
            return self.text
        return f"{self.text} {_number(change[0])} -> {_number(change[1])}"


def set_path(root: Any, path: Path, value: Any) -> None:
    target = root
    for key in path[:-1]:
        target = target[key] if isinstance(target, dict) else getattr(target, key)
    last = path[-1]
    if isinstance(target, dict):
        if value is MISSING:
            target.pop(last, None)
        else:
            target[last] = value
    else:
        setattr(target, last, None if value is MISSING else value)


def get_path(root: Any, path: Path) -> Any:
    target = root
    for key in path:
        if isinstance(target, dict):
            if key not in target:
                return MISSING
            target = target[key]
        else:
            target = getattr(target, key)
    return target


def copy_value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_value(v) for v in value]
    return value




def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _number_change(old: Any, new: Any) -> tuple[float, float] | None:
    """(before, after) when the edit changes exactly one number, else None."""
    if _is_number(old) and _is_number(new):
        return old, new
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        if len(changed) == 1 and isinstance(changed[0][0], BaseModel) \
                and type(changed[0][0]) is type(changed[0][1]):
            a, b = (m.model_dump() for m in changed[0])
            fields = [k for k in a if a[k] != b.get(k)]
            if len(fields) == 1 and _is_number(a[fields[0]]) and _is_number(b[fields[0]]):
                return a[fields[0]], b[fields[0]]
    return None
