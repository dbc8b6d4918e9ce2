"""Side panels (History, Sessions, Snapshots) that never squeeze the charts.

On a window narrower than ``FLOAT_BELOW`` (a 1024 or 1366 pixel projector) a panel that opens
floats over the lower right or lower left of the window, whichever covers less of the charts,
instead of taking its width from the charts; on a wide window it docks as usual. However the
panel is opened (the View or Room menu, its shortcut, taking a snapshot, leaving presenting, a
script's ``show()``), not only through its menu action: a panel shown docked on a narrow
window took about a quarter of the width from the charts. A layout restored from the settings
is left as it was (the panel is shown with the window then, before the window is on screen).
Esc closes a panel that has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow

from .charts.base import Chart

FLOAT_BELOW = 1400
"""Narrower windows float their side panels: the charts keep the width."""
FLOAT_WIDTH = 300
FLOAT_FROM = 0.6
"""A floating panel starts this far down the window: the charts above stay in view."""
FLOAT_MIN_HEIGHT = 200
"""A floating panel moved below a chart keeps at least this height."""


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
    dock.setFloating(True)
    dock.setGeometry(float_rect(window, dock))


def float_rect(window: QMainWindow, dock: QDockWidget) -> QRect:
    """Where a floating panel goes: the lower right or the lower left of the window, whichever
    covers less of the charts shown (the details under the business models' charts, the
    portfolio under the ecology map)."""
    frame = window.geometry()
    width = min(FLOAT_WIDTH, frame.width() // 3)
    top = frame.top() + round(frame.height() * FLOAT_FROM)
    top = max(frame.top(), min(top, frame.bottom() - dock.minimumSizeHint().height()))
    height = frame.bottom() - top
    corners = [QRect(frame.right() - width, top, width, height),
               QRect(frame.left(), top, width, height)]
    charts = [QRect(c.mapToGlobal(QPoint(0, 0)), c.size()) for c in window.findChildren(Chart)
              if c.isVisible() and c.window() is window]

    def covered(rect: QRect) -> int:
        return sum((rect & chart).width() * (rect & chart).height() for chart in charts)

    best = min(corners, key=covered)  # the right one on a tie
    # Below the charts it would still cover, when that leaves the panel room enough.
    under = max((chart.bottom() + 1 for chart in charts if (best & chart).isValid()),
                default=best.top())
    if under > best.top() and frame.bottom() - under >= FLOAT_MIN_HEIGHT:
        best.setTop(under)
    return best


class _OnShow(QObject):
    """Floats the dock when it is shown on a window already on screen (after the event, once
    the dock's show has settled: floating it inside its own show event is undone by the
    main window's layout)."""

    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        super().__init__(dock)
        self._window = window
        self._dock = dock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.Show and not event.spontaneous()
                and self._window.isVisible() and self._window.property("on-screen")):
            QTimer.singleShot(0, self._float)
        return False

    def _float(self) -> None:
        float_if_narrow(self._window, self._dock)


def mark_on_screen(window: QMainWindow) -> None:
    """Called once the window's first frame is shown: panels shown from now on were opened
    (before, they are the window's restored layout)."""
    window.setProperty("on-screen", True)


def fit_dock(window: QMainWindow, dock: QDockWidget) -> None:
    """Give ``dock`` the projector behaviour (see the module's description)."""
    # When the planner opens it (menu or shortcut), not when a layout is restored.
    def opened(shown: bool) -> None:
        if shown:
            float_if_narrow(window, dock)
    dock.toggleViewAction().triggered.connect(opened)
    dock.installEventFilter(_OnShow(window, dock))
    close = QShortcut(QKeySequence(Qt.Key.Key_Escape), dock)
    close.setObjectName(f"close:{dock.objectName()}")
    close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    close.activated.connect(dock.close)
