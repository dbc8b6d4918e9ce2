"""Adding, renaming, removing and importing participants from the window.

Each is one undoable edit (core.room.edits / people_import); a refusal shows its one line in
a dialog and changes nothing. Names and roles are asked through qt.prompts; people's own
scenario files through QFileDialog (tests replace both).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.errors import ScenarioError
from ...core.room import edits as room_edits
from ...core.room.people_import import import_participants
from .. import prompts
from .state import RoomState

SCENARIO_FILTER = "Scenario files (*.json);;All files (*)"


def _push(parent: QWidget | None, room: RoomState, make, *args, title: str, **kwargs):
    """Build an edit and push it; a refusal is one line in a dialog. The edit, or None."""
    try:
        edit = make(*args, **kwargs)
    except ScenarioError as exc:
        prompts.warn(parent, title, exc.message)
        return None
    room.controller.push(edit)
    return edit


def _ask(parent, title: str, label: str, text: str = "") -> str | None:
    value, ok = prompts.get_text(parent, title, label, text=text)
    return value if ok else None


def add_person(parent: QWidget | None, room: RoomState) -> str | None:
    """Ask a name and an optional role, add the person and pick them (so the sliders are
    theirs at once). Returns the new participant's id, or None when cancelled or refused."""
    title = "Add participant"
    name = _ask(parent, title, "Name (shown on screen unless names are anonymised):")
    if name is None:
        return None
    role = _ask(parent, title, "Role (optional, e.g. Finance or Faculty):")
    if role is None:
        return None
    edit = _push(parent, room, room_edits.add_participant, room.document, name, role,
                 room_edits.IN_VIEW, title="Cannot add participant")
    if edit is None:
        return None
    pid = room_edits.added_participant_id(edit)
    room.pick(pid)
    return pid


def edit_person(parent: QWidget | None, room: RoomState, participant_id: str) -> bool:
    """Rename a participant and change their role, as one undo step."""
    person = room_edits.find_participant(room.document, participant_id)
    title = f"Edit participant {person.name}"
    name = _ask(parent, title, "Name:", person.name)
    if name is None:
        return False
    role = _ask(parent, title, "Role (optional):", person.role)
    if role is None:
        return False
    return _push(parent, room, room_edits.edit_participant, room.document, participant_id,
                 name=name, role=role, title="Cannot change participant") is not None


def remove_person(parent: QWidget | None, room: RoomState, participant_id: str) -> bool:
    """Take a person out of the room (undo brings them back with their weights)."""
    return _push(parent, room, room_edits.remove_participant, room.document, participant_id,
                 title="Cannot remove participant") is not None


def import_people(parent: QWidget | None, room: RoomState, start: str = "") -> int:
    """Pick people's own scenario files and import their weights as one undo step; a wrong
    file is refused with its one-line reason and nothing is imported. Returns how many
    files were imported."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import people's scenario files", start,
                                            SCENARIO_FILTER)
    if not paths:
        return 0
    edit = _push(parent, room, import_participants, room.document, paths,
                 title="Cannot import participants")
    return 0 if edit is None else len(paths)


def set_group_method(parent: QWidget | None, room: RoomState, method: str) -> None:
    _push(parent, room, room_edits.set_group_method, room.document, method,
          title="Cannot change the group's weighting")
