"""Scenario file migrations: from schema version N to N+1, a generic step and the features'.

``migrate(data, n)`` takes the parsed JSON of a version-n file (a dict) and returns the
version n+1 dict with a line saying what changed. A step has two parts: the generic change of
that version (``GENERIC``: a plain function, dict in, dict out), then the sections features
added in version n+1, each given the value an older file gets; a feature's record names its
sections (``Extension.file_sections``, core.extensions), so no feature is named here. When the
format changes, bump SCHEMA_VERSION in models.py, add the generic step here or the section to
the feature's record, and keep the old default file under tests/data/.

Version 2 only added sections (the room's participants, group and snapshots; leadership and
the risk register). Version 3 lets a framework carried in the file (``definitions``) write
each option's ratings as a list in the criteria's order, numbers and labels rather than full
objects (core.compact_json); a version-2 file reads as it is. A new field with a default
inside an existing section (FrameworkSettings.rating_notes, the planner's notes on ratings)
needs no step: an older file simply has none.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

from .extensions import FileSection, registered

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _unchanged(data: dict[str, Any]) -> dict[str, Any]:
    return dict(data)


GENERIC: dict[int, tuple[Migration, str]] = {
    2: (_unchanged, "lets an option's ratings be written as a list, one per criterion "
                    "(the compact form)"),
}
"""Version n -> (the generic change from n to n+1, what it does in words)."""


def added_in(version: int) -> list[FileSection]:
    """The sections features added in ``version`` (their records say so)."""
    return [s for e in registered().values() for s in e.file_sections if s.since == version]


def migrate(data: dict[str, Any], version: int) -> tuple[dict[str, Any], str]:
    """A version-``version`` file's dict as the next version's, with what changed in words."""
    out = dict(data)
    said = []
    generic = GENERIC.get(version)
    if generic is not None:
        out = generic[0](out)
        said.append(generic[1])
    added = added_in(version + 1)
    for section in added:
        out.setdefault(section.name, deepcopy(section.older))
    if added:
        said.append("adds " + ", ".join(s.described for s in added))
    return out, "; ".join(said) or "changes nothing but the version number"
