"""Run something once the window's first frame is painted (not merely scheduled).

A 0 ms timer started when a window is shown fires before the window's first paint; work put
there (building the hidden tabs) delays the first frame. Here the callback waits for the
window's first Paint event and runs on the next turn of the event loop, once that paint and
its flush to the screen are done. A window that is never painted (never exposed) runs it
after ``fallback_ms``.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstFrame(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint and its flush
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None and shiboken6.isValid(self._window):
            self._window.removeEventFilter(self)
            callback()
