"""Side panels (History, Sessions, Snapshots) that never squeeze the charts.

On a window narrower than ``FLOAT_BELOW`` (a 1024 or 1366 pixel projector) a panel that opens
floats over the lower right of the window (under the charts) instead of taking its width
from the charts; on a wide window it docks as usual. Esc closes a panel that has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow

FLOAT_BELOW = 1400
"""Narrower windows float their side panels: the charts keep the width."""
FLOAT_WIDTH = 300
FLOAT_FROM = 0.6
"""A floating panel starts this far down the window: the charts above stay in view."""


def float_if_narrow(window: QMainWindow, dock: QDockWidget) -> None:
    """Float ``dock`` over the window's right edge when the window is narrow (and dock it
    again, on a wide window, if it was floated here)."""
    if not dock.isVisible() or window.isFullScreen():
        return
    if window.width() >= FLOAT_BELOW:
        if dock.isFloating() and dock.property("auto-floated"):
            dock.setProperty("auto-floated", False)
            dock.setFloating(False)
        return
    if dock.isFloating():
        return
    dock.setProperty("auto-floated", True)
    frame = window.geometry()
    width = min(FLOAT_WIDTH, frame.width() // 3)
    # Over the lower right (the details under the charts), not over the radar.
    top = frame.top() + round(frame.height() * FLOAT_FROM)
    top = max(frame.top(), min(top, frame.bottom() - dock.minimumSizeHint().height()))
    dock.setFloating(True)
    dock.setGeometry(QRect(frame.right() - width, top, width, frame.bottom() - top))


def fit_dock(window: QMainWindow, dock: QDockWidget) -> None:
    """Give ``dock`` the projector behaviour (see the module's description)."""
    # When the planner opens it (menu or shortcut), not when a layout is restored.
    def opened(shown: bool) -> None:
        if shown:
            float_if_narrow(window, dock)
    dock.toggleViewAction().triggered.connect(opened)
    close = QShortcut(QKeySequence(Qt.Key.Key_Escape), dock)
    close.setObjectName(f"close:{dock.objectName()}")
    close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    close.activated.connect(dock.close)
