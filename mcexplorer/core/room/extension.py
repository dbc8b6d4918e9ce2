"""The room's record: its scenario checks (participants and snapshots span every framework, so
no framework names this extension; its checks run for every scenario), the file sections it
owns and added in version 2, and the ``group`` key of every ranked framework's entry in
``score --json``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..extensions import Extension, FileSection, register
from .checks import check
from .group import report

if TYPE_CHECKING:
    from ..document import Document
    from ..weighting import Weighting


def group_entry(doc: Document, framework_id: str, _weighting: Weighting,
                _draws: Mapping[str, Any]) -> dict[str, Any]:
    """``{"group": ...}`` when there are participants (the group's own weighting whatever
    the weighting asked for: it is the room's reading), else nothing."""
    return report(doc, framework_id)


EXTENSION = register(Extension(
    id="room", title="the room's views", kind="scenario",
    sections=("participants", "group", "snapshots"), check=check,
    ranked_report=group_entry,
    file_sections=(FileSection("participants", 2, [], "participants (none)"),
                   FileSection("group", 2, {"method": "median"}, "group weighting (median)"),
                   FileSection("snapshots", 2, [], "snapshots (none)"))))
