"""Edits of a scenario's own words: its title and its notes (undoable like any other edit).

No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .edits import Edit
from .errors import ScenarioError
from .values import clean_name

if TYPE_CHECKING:
    from .document import Document

MAX_NOTES = 4000
"""Scenario.notes holds at most this many characters (core.base.LongText)."""


def set_title(doc: Document, title: str) -> Edit:
    """A new title, its white space folded; an empty or over-long one is refused."""
    text = clean_name(title, "title")
    return doc.make_edit(("title",), text, "Edit the scenario's title", "")


def set_notes(doc: Document, notes: str) -> Edit:
    """New notes, kept as written (lines and all), trailing white space trimmed."""
    text = str(notes).rstrip()
    if len(text) > MAX_NOTES:
        raise ScenarioError(f"notes are limited to {MAX_NOTES} characters ({len(text)} given)",
                            field="notes")
    return doc.make_edit(("notes",), text, "Edit the scenario's notes", "")
