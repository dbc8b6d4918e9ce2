"""PhoneRoom: the room's web server, run for the window, each submission an edit on the GUI
thread.

The server (mcexplorer.server) runs on its own thread with its own asyncio loop. A phone's
submission arrives there, is handed across with a queued signal, and on the GUI thread
becomes one undoable edit (core.room.phones.submission_edit) pushed on the window's undo
stack: "Where the room disagrees", the group's weighting and the charts follow as for any
edit, and every arrival is one undo step. The phone waits for the answer (joined, updated,
refused) through a concurrent Future; a submission the phone stopped waiting for is dropped
unapplied. Closing the room, opening another scenario, closing the window or quitting stops
the server: nothing listens afterwards.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from ...core.errors import ScenarioError
from ...core.room.phones import (
    Outcome,
    RoomSpec,
    Submission,
    phone_count,
    room_spec,
    submission_edit,
)
from .state import RoomState

if TYPE_CHECKING:  # the server (aiohttp: about 0.14 s to import) loads when the room opens
    from ...server.app import RoomServer
    from ...server.running import ServerThread


class PhoneRoom(QObject):
    """The open room: its server thread, lock, code, frameworks and the joined count."""

    arrived = Signal(object, object)
    """(Submission, Future) from the server's thread; handled on the GUI thread."""
    changed = Signal()
    """The address, the code, the lock or the joined count changed."""
    closed = Signal()

    def __init__(self, room: RoomState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.server: RoomServer | None = None
        self.server_thread: ServerThread | None = None
        self.frameworks: list[str] = []
        self.arrived.connect(self._on_arrival, Qt.ConnectionType.QueuedConnection)
        room.controller.changed.connect(self._on_document)
        room.controller.scenarioReplaced.connect(self.close)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self.destroyed.connect(_stopper(self))

    # -- reading ------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.server_thread is not None and self.server_thread.running

    @property
    def host(self) -> str:
        return self.server_thread.host if self.server_thread is not None else ""

    @property
    def port(self) -> int:
        return self.server_thread.port if self.server_thread is not None else 0

    def url(self) -> str:
        if self.server_thread is None or self.server is None:
            return ""
        from ...server.running import join_url

        return join_url(self.server_thread.host, self.server_thread.port, self.server.token)

    def joined(self) -> int:
        """How many people in the room joined from a phone."""
        return phone_count(self.room.document.scenario.participants)

    @property
    def locked(self) -> bool:
        return self.server is not None and self.server.locked

    # -- opening and closing ------------------------------------------------------------------

    def spec(self) -> RoomSpec:
        doc = self.room.document
        return room_spec(doc.frameworks, self.frameworks, doc.scenario.title)

    def open(self, host: str, port: int) -> str:
        """Listen on ``host``:``port`` (the same code when moving to another network); the
        join URL. ScenarioError (nothing listening) when that address or port cannot be used."""
        from ...server.app import RoomServer
        from ...server.running import ServerThread

        token = self.server.token if self.server is not None else None
        locked = self.locked
        self._stop()
        server = RoomServer(self.spec(), self._hand_over, token=token)
        server.locked = locked
        thread = ServerThread(server, host, port)
        thread.start()
        self.server, self.server_thread = server, thread
        self.changed.emit()
        return self.url()

    def close(self) -> None:
        """Stop the server: the port refuses connections from now on."""
        was_open = self.server_thread is not None
        self._stop()
        self.server = None
        if was_open:
            self.changed.emit()
            self.closed.emit()

    def _stop(self) -> None:
        thread, self.server_thread = self.server_thread, None
        if thread is not None:
            thread.stop()

    # -- the facilitator's controls -----------------------------------------------------------

    def set_locked(self, on: bool) -> None:
        if self.server is not None and self.server.locked != bool(on):
            self.server.locked = bool(on)
            self.changed.emit()

    def regenerate(self) -> str:
        """A new code: the old address and QR code stop working at once."""
        if self.server is not None:
            self.server.regenerate()
            self.changed.emit()
        return self.url()

    def set_frameworks(self, ids: list[str]) -> None:
        """The frameworks phones weigh (all when empty); pages opened from now on show them."""
        self.frameworks = list(ids)
        if self.server is not None:
            self.server.spec = self.spec()
        self.changed.emit()

    # -- submissions --------------------------------------------------------------------------

    def _hand_over(self, sub: Submission) -> Future[Outcome]:
        """Called on the server's thread: queue the submission for the GUI thread."""
        future: Future[Outcome] = Future()
        self.arrived.emit(sub, future)
        return future

    def _on_arrival(self, sub: Submission, future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return  # the phone stopped waiting: do not record what it was told failed
        if not self.is_open:  # closed while this one was on its way: nothing changes
            future.set_result(Outcome("refused", "The room is closed."))
            return
        try:
            edit, outcome = submission_edit(self.room.document, sub)
        except ScenarioError as exc:
            future.set_result(Outcome("refused", exc.problem))
            return
        if edit is not None:
            self.room.controller.push(edit)
        future.set_result(outcome)

    def _on_document(self, *_args) -> None:
        if self.server is not None:
            self.changed.emit()


def _stopper(room: PhoneRoom):
    """Stops the thread when the PhoneRoom object is destroyed (its window closed)."""
    holder = {"room": room}

    def stop(*_args) -> None:
        r = holder.pop("room", None)
        thread = getattr(r, "server_thread", None) if r is not None else None
        if thread is not None:
            thread.stop()

    return stop
