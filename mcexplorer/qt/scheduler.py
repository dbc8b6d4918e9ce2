"""One coalescing scheduler for every view (as glue batches callbacks with delay_callback).

``soon(key, callback)`` runs the callback at once for the first request of an event-loop
turn, so what is on screen (and what code reads back) follows a slider immediately; further
requests with the same key in the same turn (a sweep, a flood of events) coalesce into one
call with the latest state when the turn ends. Stale intermediate states are never drawn
after newer ones arrived. ``settle(key, callback, ms)`` runs it once, ``ms`` after the last
request (for views that may lag behind a drag, such as a table's Fit column).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, QTimer

Callback = Callable[[], None]


class Scheduler(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._in_turn: set[Hashable] = set()
        self._pending: dict[Hashable, Callback] = {}
        self._timers: dict[Hashable, QTimer] = {}
        self._settling: dict[Hashable, Callback] = {}

    def soon(self, key: Hashable, callback: Callback) -> None:
        if key in self._in_turn:
            self._pending[key] = callback
            return
        self._in_turn.add(key)
        QTimer.singleShot(0, partial(self._end_turn, key))
        callback()

    def _end_turn(self, key: Hashable) -> None:
        if not shiboken6.isValid(self):
            return
        self._in_turn.discard(key)
        callback = self._pending.pop(key, None)
        if callback is not None and _alive(callback):
            callback()

    def settle(self, key: Hashable, callback: Callback, ms: int) -> None:
        timer = self._timers.get(key)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(partial(self._fire, key))
            self._timers[key] = timer
        self._settling[key] = callback
        timer.start(ms)

    def cancel(self, key: Hashable) -> None:
        timer = self._timers.get(key)
        if timer is not None:
            timer.stop()
        self._settling.pop(key, None)
        self._pending.pop(key, None)

    def _fire(self, key: Hashable) -> None:
        callback = self._settling.pop(key, None)
        if callback is not None and _alive(callback):
            callback()


def _alive(callback: Callback) -> bool:
    """False for a bound method of a Qt object that has been deleted meanwhile (a tab the
    window replaced, or the tabs an export built and dropped): its turn never comes."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
