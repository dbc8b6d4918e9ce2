"""Scenario file migrations: plain functions from schema version N to N+1.

MIGRATIONS[n] takes the parsed JSON of a version-n file (a dict) and returns the version n+1
dict. The loader applies them in order and reports each one. When the format changes, bump
SCHEMA_VERSION in models.py, add MIGRATIONS[old] here, and keep the old default file under
tests/data/.

Version 2 only adds sections. To add another section to version 2 (before it is released),
add one entry to V2_SECTIONS: the migration and its description in ``validate`` follow.
Version 3 lets a framework carried in the file (``definitions``) write each option's ratings
as a list in the criteria's order, numbers and labels rather than full objects
(core.compact_json); a version-2 file reads as it is, so its migration changes nothing but the
number. A new field with a default inside an existing section (FrameworkSettings.rating_notes, the
planner's notes on ratings) needs no entry: a version-1 file simply has none.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

Migration = Callable[[dict[str, Any]], dict[str, Any]]

V2_SECTIONS: dict[str, tuple[object, str]] = {
    "participants": ([], "participants (none)"),
    "group": ({"method": "median"}, "group weighting (median)"),
    "snapshots": ([], "snapshots (none)"),
    "leadership": ({}, "leadership (not set)"),
    "risks": ({}, "risk register (the paper's six risks)"),
}
"""Section name -> (the value a version-1 file gets, how the migration report names it).
An empty ``risks`` takes the model's default: the risks the paper names (Brown, McGreal &
Peters 2023, Mitigating risks) at the tool's default likelihood and impact."""


def to_version_2(data: dict[str, Any]) -> dict[str, Any]:
    out = dict(data)
    for key, (value, _) in V2_SECTIONS.items():
        out.setdefault(key, deepcopy(value))
    return out


to_version_2.__doc__ = "adds " + ", ".join(text for _, text in V2_SECTIONS.values())

def to_version_3(data: dict[str, Any]) -> dict[str, Any]:
    """lets an option's ratings be written as a list, one per criterion (the compact form)"""
    return dict(data)


MIGRATIONS: dict[int, Migration] = {1: to_version_2, 2: to_version_3}
