"""Snapshots: the settings kept under a name inside the scenario file.

"Take snapshot" (``action:snapshot``) asks a name; the Snapshots panel lists them, newest
last, to rename, delete, restore or compare with now. Each change is one undo step; restoring
puts back the weights, targets, edited ratings, radar picks, participants and group method in
one step (core.room.edits.restore_snapshot).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.derived import EVERYTHING, Path, affects
from ...core.errors import ScenarioError
from ...core.room import edits as room_edits
from .. import prompts
from ..plain import guarded, visible
from ..signals import signals_blocked
from .state import RoomState

ID_ROLE = Qt.ItemDataRole.UserRole


def suggested_name(doc) -> str:
    names = {s.name.casefold() for s in doc.scenario.snapshots}
    n = 1
    while f"snapshot {n}" in names:
        n += 1
    return f"Snapshot {n}"


def take_snapshot(parent: QWidget | None, room: RoomState, name: str | None = None) -> str | None:
    """Ask a name (unless given) and keep the current settings under it. The new
    snapshot's id, or None when cancelled or refused."""
    doc = room.document
    if name is None:
        name, ok = prompts.get_text(parent, "Take snapshot",
                                    "Name (e.g. \u201cbefore lunch\u201d):",
                                    text=suggested_name(doc))
        if not ok:
            return None
    try:
        edit = room_edits.take_snapshot(doc, name)
    except ScenarioError as exc:
        prompts.warn(parent, "Cannot take snapshot", exc.message)
        return None
    room.controller.push(edit)
    return room_edits.added_snapshot_id(edit)


class SnapshotsPanel(QWidget):
    """The list of snapshots and what can be done with one."""

    compareRequested = Signal(str)
    """A snapshot id to compare with the current state."""

    def __init__(self, room: RoomState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshots-panel")
        self.room = room
        self.list = QListWidget()
        self.list.setObjectName("snapshot-list")
        self.list.setAccessibleName("Snapshots, oldest first")
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self._on_double_click)
        self.empty = QLabel("No snapshots yet. \u201cTake snapshot\u201d keeps the weights, "
                            "ratings and participants under a name, to compare or go back to.")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (key, text, slot, tip) in enumerate((
                ("take", "Take snapshot…", self.take, "Keep the current settings under a name"),
                ("restore", "Restore", self.restore_selected,
                 "Put the snapshot's settings back (undo takes it back)"),
                ("rename", "Rename…", self.rename_selected, "Rename the snapshot"),
                ("delete", "Delete", self.delete_selected, "Delete the snapshot (undoable)"),
                ("compare", "Compare with now…", self._compare_selected,
                 "Compare the snapshot with the current state"))):
            b = QPushButton(text)
            b.setObjectName(f"snapshot-{key}")
            b.setToolTip(tip)
            b.clicked.connect(slot)
            grid.addWidget(b, i // 2, i % 2)
            self.buttons[key] = b
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(grid)
        room.controller.changed.connect(self._on_changed)
        room.controller.scenarioReplaced.connect(self.refresh)
        self.refresh()

    def _on_changed(self, _framework_id: str, path: Path = EVERYTHING) -> None:
        if affects(path, ("snapshots",)):
            self.room.controller.scheduler.soon(("snapshots", id(self)), self.refresh)

    def refresh(self) -> None:
        snaps = self.room.document.scenario.snapshots
        current = self.selected_id()
        with signals_blocked(self.list):
            self.list.clear()
            for s in snaps:
                when = s.created.astimezone().strftime("%d %b %Y %H:%M")
                item = QListWidgetItem(f"{visible(s.name)}\n    {when}")
                item.setData(ID_ROLE, s.id)
                item.setToolTip(guarded(f"{s.name}, taken {when}"))
                self.list.addItem(item)
            ids = [s.id for s in snaps]
            if snaps:
                self.list.setCurrentRow(ids.index(current) if current in ids else len(snaps) - 1)
        self.empty.setVisible(not snaps)
        self._update_buttons()

    def names(self) -> list[str]:
        return [s.name for s in self.room.document.scenario.snapshots]

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def select(self, snapshot_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == snapshot_id:
                self.list.setCurrentRow(i)

    def _on_double_click(self, _item) -> None:
        self.rename_selected()

    def _update_buttons(self, *_args) -> None:
        has = self.selected_id() is not None
        for key in ("restore", "rename", "delete", "compare"):
            self.buttons[key].setEnabled(has)

    # -- actions ------------------------------------------------------------------------------

    def _push(self, make, *args, title: str):
        try:
            edit = make(self.room.document, *args)
        except ScenarioError as exc:
            prompts.warn(self, title, exc.message)
            return None
        return edit

    def take(self) -> str | None:
        sid = take_snapshot(self, self.room)
        if sid is not None:
            self.refresh()
            self.select(sid)
        return sid

    def rename_selected(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        old = room_edits.find_snapshot(self.room.document, sid)
        name, ok = prompts.get_text(self, "Rename snapshot", "Name:", text=old.name)
        if not ok:
            return
        edit = self._push(room_edits.rename_snapshot, sid, name, title="Cannot rename snapshot")
        if edit is not None:
            self.room.controller.push(edit)

    def delete_selected(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        edit = self._push(room_edits.delete_snapshot, sid, title="Cannot delete snapshot")
        if edit is not None:
            self.room.controller.push(edit)

    def restore_selected(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        edits = self._push(room_edits.restore_snapshot, sid, title="Cannot restore snapshot")
        if edits:
            self.room.controller.push_many(edits, edits[0].text)

    def _compare_selected(self) -> None:
        sid = self.selected_id()
        if sid is not None:
            self.compareRequested.emit(sid)
