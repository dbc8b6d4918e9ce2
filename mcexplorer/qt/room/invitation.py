"""The Room menu's phone items: Invite the room..., Close the room, Merge participants...

``Invitation`` owns the PhoneRoom (the server and its bridge to the undo stack) and the
invite screen. Where the laptop's addresses come from is ``interfaces`` (the system's list
when a person runs the app; headless, this computer only, so no test ever listens on a real
network by accident); tests set it, and ``port``, before inviting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QMainWindow

from ...core.errors import ScenarioError
from ...core.room import edits as room_edits
from ...server.network import InterfaceSource, system_interfaces
from .. import prompts
from ..prompts import HEADLESS_PLATFORMS
from .invite import DEFAULT_PORT, InviteDialog
from .phones import PhoneRoom
from .state import RoomState


def this_computer_only() -> list[tuple[str, str]]:
    return [("lo", "127.0.0.1")]


def default_interfaces() -> InterfaceSource:
    if QGuiApplication.platformName() in HEADLESS_PLATFORMS:
        return this_computer_only
    return system_interfaces


class Invitation:
    def __init__(self, window: QMainWindow, state: RoomState) -> None:
        self.window = window
        self.state = state
        self.phones = PhoneRoom(state, window)
        self.interfaces: InterfaceSource = default_interfaces()
        self.port = DEFAULT_PORT
        self.dialog: InviteDialog | None = None
        self.action_invite = self._action("invite-room", "&Invite the room…", self.invite,
                                          "People join from their phones: a QR code and an "
                                          "address on the laptop's network")
        self.action_close = self._action("close-room", "C&lose the room", self.close_room,
                                         "Stop the room's server: nothing listens afterwards")
        self.action_close.setEnabled(False)
        self.action_merge = self._action("merge-participants", "&Merge participants…",
                                         self.merge, "One person entered twice: keep one entry")
        self.phones.changed.connect(self._sync)
        self.phones.closed.connect(self._on_closed)
        self._closer = _CloseWithWindow(self.phones, window)
        window.installEventFilter(self._closer)

    def _action(self, name: str, text: str, slot, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action:{name}")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())
        self.window.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.action_invite, self.action_close, self.action_merge]

    def _sync(self) -> None:
        self.action_close.setEnabled(self.phones.is_open)

    # -- inviting -----------------------------------------------------------------------------

    def invite(self) -> InviteDialog:
        """Show the invite screen; open the room on the first network if it is not open."""
        if self.dialog is None:
            self.dialog = InviteDialog(self.phones, self.interfaces, self.action_close,
                                       self.port, self.window)
        dialog = self.dialog
        if not self.phones.is_open:
            dialog.listen()  # on failure the reason stays on screen
        else:
            dialog.refresh()
        dialog.show_for_room()
        return dialog

    def close_room(self) -> None:
        self.phones.close()

    def _on_closed(self) -> None:
        """The room closed (Close the room, another scenario opened, the window closing)."""
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        bar = self.window.statusBar() if hasattr(self.window, "statusBar") else None
        if bar is not None:
            bar.showMessage("The room is closed: phones can no longer send weights.", 8000)

    # -- merging ------------------------------------------------------------------------------

    def merge(self) -> bool:
        people = self.state.participants
        if len(people) < 2:
            prompts.warn(self.window, "Merge participants", "The room needs two people to "
                                                            "merge.")
            return False
        dialog = MergeDialog(self.state, self.window)
        if not prompts.run_dialog(dialog):
            return False
        try:
            edit = room_edits.merge_participants(self.state.document, dialog.source(),
                                                 dialog.target())
        except ScenarioError as exc:
            prompts.warn(self.window, "Cannot merge participants", exc.message)
            return False
        self.state.controller.push(edit)
        return True


class _CloseWithWindow(QObject):
    """The window closed (not minimised): the room closes with it."""

    def __init__(self, phones: PhoneRoom, window: QMainWindow) -> None:
        super().__init__(window)
        self.phones = phones

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Hide and not event.spontaneous() \
                and not watched.isMinimized():
            self.phones.close()
        return False


class MergeDialog(QDialog):
    """Pick the duplicate entry and the one to keep."""

    def __init__(self, state: RoomState, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge participants")
        self.setObjectName("merge-participants")
        names = state.names()
        self.from_combo, self.into_combo = QComboBox(), QComboBox()
        self.from_combo.setObjectName("merge-from")
        self.into_combo.setObjectName("merge-into")
        for p in state.participants:
            self.from_combo.addItem(names[p.id], p.id)
            self.into_combo.addItem(names[p.id], p.id)
        self.into_combo.setCurrentIndex(min(1, self.into_combo.count() - 1))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Merge (leaves the room):", self.from_combo)
        form.addRow("into (stays; its own weights win):", self.into_combo)
        form.addRow(buttons)

    def source(self) -> str:
        return self.from_combo.currentData()

    def target(self) -> str:
        return self.into_combo.currentData()
