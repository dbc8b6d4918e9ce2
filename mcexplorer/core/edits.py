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


