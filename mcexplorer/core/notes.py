"""The planner's notes on a framework (the notes box under each tab), as an undoable edit.

Typing merges into one undo step per burst: the caller passes the same ``burst`` for the
keystrokes of one burst (see qt.framework.notes). No Qt here.
"""

from __future__ import annotations

from collections.abc import Hashable

from .document import Document
from .edits import Edit
from .errors import ScenarioError

MAX_NOTES = 4000
"""Characters per framework's notes (the scenario file's LongText limit)."""


def clean_notes(text: object) -> str:
    """Notes with line ends made plain ("\\n"); refused past MAX_NOTES characters."""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > MAX_NOTES:
        raise ScenarioError(f"notes are limited to {MAX_NOTES} characters (these have "
                            f"{len(value)})", field="notes")
    return value


def set_notes(doc: Document, framework_id: str, text: object, burst: Hashable = None) -> Edit:
    """An edit setting the framework's notes; edits of one ``burst`` merge into one step."""
    title = doc.framework(framework_id).title
    value = clean_notes(text)
    path = ("frameworks", framework_id, "notes")
    return doc.make_edit(path, value, f"Notes on {title}", framework_id,
                         None if burst is None else ("notes", framework_id, burst))


def notes(doc: Document, framework_id: str) -> str:
    return doc.settings(framework_id).notes
