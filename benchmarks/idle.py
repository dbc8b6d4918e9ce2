"""Waiting for "painted and idle", by events rather than by a guessed number of processEvents.

A step is over when every widget we watch has received its Paint event and the event
dispatcher has nothing left to do: no posted event, no timer that is due. Timers that are not
due yet (a view that settles 40 ms later) do not count; if one comes due while we wait (back
to back steps of a drag), its work is counted in the step it lands in, as a planner would
feel it.
"""

from __future__ import annotations

import time

LIMIT_S = 2.0
"""A step that takes longer than this is cut short (and counted at this length)."""


class PaintWatcher:
    """Records Paint events reaching the given widgets (a chart's viewport, a window)."""

    def __init__(self, widgets) -> None:
        from PySide6.QtCore import QEvent, QObject

        watcher = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    watcher.painted.add(obj)
                return False

        self.painted: set = set()
        self.filter = Filter()
        self.widgets = list(widgets)
        for w in self.widgets:
            w.installEventFilter(self.filter)

    def all_painted(self, required=None) -> bool:
        """Have ``required`` (default: every watched widget) painted since the last clear?"""
        return all(w in self.painted for w in (self.widgets if required is None else required))

    def clear(self) -> None:
        self.painted.clear()

    def remove(self) -> None:
        for w in self.widgets:
            w.removeEventFilter(self.filter)


def until_idle(watcher: PaintWatcher | None = None, required=None,
               limit: float = LIMIT_S) -> None:
    """Run the event loop until the watched widgets (``required`` of them, if given) have
    painted and nothing is left to do."""
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop

    dispatcher = QAbstractEventDispatcher.instance()
    flags = QEventLoop.ProcessEventsFlag.AllEvents
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        busy = dispatcher.processEvents(flags)
        if not busy and (watcher is None or watcher.all_painted(required)):
            return
        if not busy:  # nothing due, but a paint is still to come (a timer not due yet)
            time.sleep(0.0002)


def timed_steps(step, count: int, watcher: PaintWatcher | None = None) -> list[float]:
    """Seconds from each ``step(i)`` until painted and idle; ``step`` returns the watched
    widgets that must paint (None: all of them)."""
    times = []
    for i in range(count):
        if watcher is not None:
            watcher.clear()
        t0 = time.perf_counter()
        required = step(i)
        until_idle(watcher, required)
        times.append(time.perf_counter() - t0)
    return times
