"""Presentation mode (View > Present, F5; Esc leaves): the window as a projector slide.

Entering: full screen on the screen the window is on; chart type and lines 1.4x larger (the
charts' style scale; the room's top-options table too); the menu bar, status bar and the
History, Sessions and Snapshots panels out of the way (the Room panel stays if it is open);
on every tab the options table and details hidden (qt.room.actions does that, as it does for
the room's view) and the weights panel collapsed to a strip along the left edge (click the
strip to open or close it). Names follow View > Anonymise
participants. Leaving puts everything back as it was.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow, QSizePolicy, QWidget

from ..charts.base import Chart
from ..charts.radar import RadarChart
from ..charts.style import PRESENTING_SCALE, ChartStyle

SCALE = PRESENTING_SCALE
SCALED_PROPERTY = "present-scaled"
"""A widget with this property set True gets its type 1.4x larger too while presenting (the
charts always do); other widgets (panels, sliders) keep their size, so nothing crowds out
the charts on a 1024x768 projector."""
NARROW_SCREEN = 1400
"""On a screen narrower than this (a 1024x768 projector), a tab's ranking and radar stack
while presenting: side by side, the larger type would leave the bars and spokes no room."""
RANKING_SHARE = 0.36
"""The ranking's share of the height when stacked: the radar keeps >= 240 px across at 768."""
HIDDEN_DOCKS = ("dock-history", "dock-sessions", "dock-snapshots")


class WeightsStrip(QAbstractButton):
    """A narrow vertical button that opens and closes a tab's weights panel."""

    def __init__(self, panel: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setObjectName(name)
        self.setCheckable(True)
        self.setToolTip("Show or hide the weights")
        self.setAccessibleName("Weights panel")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.toggled.connect(self.panel.setVisible)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.fontMetrics().height() + 14, 160)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.button() if not self.underMouse() else pal.midlight())
        p.setPen(pal.mid().color())
        p.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        p.setPen(pal.buttonText().color())
        p.translate(0, self.height())
        p.rotate(-90)
        text = "Hide weights" if self.isChecked() else "Show weights"
        p.drawText(QRect(0, 0, self.height(), self.width()),
                   int(Qt.AlignmentFlag.AlignCenter), text)


def table_area(tab: QWidget) -> QWidget | None:
    """The part holding a tab's options table (and details) but no chart: what presenting
    hides. None when the tab has no table."""
    return getattr(tab, "table_area", None)


class Presentation(QObject):
    changed = Signal(bool)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self._saved: dict = {}
        self._scaled: list = []
        self._tabs: dict[int, tuple] = {}
        """id(tab) -> (tab, its weights strip, how to unstack its charts)."""
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self.escape.setEnabled(False)
        self.escape.activated.connect(self.leave)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Leave before the window closes, so its saved layout is the normal one."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.active:
            self.leave()
        return False

    def toggle(self, on: bool | None = None) -> None:
        on = not self.active if on is None else bool(on)
        self.enter() if on else self.leave()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self.active = True
        self._saved = {
            "geometry": w.saveGeometry(), "maximized": w.isMaximized(),
            "menu": w.menuBar().isVisible(), "status": w.statusBar().isVisible(),
            "docks": {d.objectName(): d.isVisible() for d in w.findChildren(QDockWidget)},
        }
        self._scaled = []
        for widget in w.findChildren(QWidget):
            if widget.property(SCALED_PROPERTY):
                self._scaled.append((widget, QFont(widget.font()),
                                     widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)))
                font = QFont(widget.font())
                font.setPointSizeF(font.pointSizeF() * SCALE)
                widget.setFont(font)
        w.menuBar().hide()
        w.statusBar().hide()
        for dock in w.findChildren(QDockWidget):
            if dock.objectName() in HIDDEN_DOCKS:
                dock.hide()
        for tab in getattr(w, "framework_tabs", {}).values():
            self.apply(tab)
        self.restyle(self.window)
        handle = w.windowHandle()
        if handle is not None and w.screen() is not None:
            handle.setScreen(w.screen())
        w.showFullScreen()
        screen = w.screen()
        if screen is not None and w.geometry() != screen.geometry():
            w.setGeometry(screen.geometry())  # no window manager (a kiosk, Xvfb) to do it
        self.escape.setEnabled(True)
        self.changed.emit(True)

    def apply(self, tab: QWidget) -> None:
        """Present one tab (also for a tab built while presenting)."""
        if not self.active or id(tab) in self._tabs:
            return
        self.restyle(tab)
        panel = getattr(tab, "weights_panel", None)
        strip = None
        if panel is not None and hasattr(tab, "add_leading"):
            strip = WeightsStrip(panel, f"weights-strip:{getattr(tab, 'framework_id', '')}")
            tab.add_leading(strip)
            panel.hide()
        self._tabs[id(tab)] = (tab, strip, self._stack(tab))

    def _stack(self, tab: QWidget):
        """On a narrow screen, ranking over radar (the radar's legend on one row); returns
        what puts it back, or None when nothing changed."""
        charts = getattr(tab, "chart_splitter", None)
        screen = self.window.screen()
        if (charts is None or charts.orientation() != Qt.Orientation.Horizontal
                or screen is None or screen.geometry().width() >= NARROW_SCREEN):
            return None
        sizes = charts.sizes()
        radar = getattr(tab, "radar_chart", None)
        radar = radar if isinstance(radar, RadarChart) else None
        columns = radar.legend_columns if radar is not None else None
        charts.setOrientation(Qt.Orientation.Vertical)
        height = max(sum(sizes), screen.geometry().height())
        charts.setSizes([int(height * RANKING_SHARE), int(height * (1 - RANKING_SHARE))])
        if radar is not None:
            radar.legend_columns = 4  # the chart fits its legend to these at its next fit

        def unstack() -> None:
            charts.setOrientation(Qt.Orientation.Horizontal)
            charts.setSizes(sizes)
            if radar is not None and columns is not None:
                radar.legend_columns = columns
        return unstack

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        self.active = False
        self.escape.setEnabled(False)
        for tab, strip, unstack in self._tabs.values():
            if not shiboken6.isValid(tab):
                continue
            if unstack is not None:
                unstack()
            if strip is not None:
                strip.panel.show()
                strip.deleteLater()
                strip.setParent(None)  # its own widget
        self._tabs.clear()
        s = self._saved
        for widget, font, own in self._scaled:
            if shiboken6.isValid(widget):
                widget.setFont(font if own else QFont())
        self._scaled = []
        w.menuBar().setVisible(s["menu"])
        w.statusBar().setVisible(s["status"])
        for dock in w.findChildren(QDockWidget):
            if dock.objectName() in HIDDEN_DOCKS:
                dock.setVisible(s["docks"].get(dock.objectName(), False))
        w.showNormal()
        w.restoreGeometry(s["geometry"])
        if s["maximized"]:
            w.showMaximized()
        self.restyle(self.window)
        self.changed.emit(False)

    def restyle(self, widget: QWidget) -> None:
        """Every chart in ``widget`` in the presenting style (larger) or the normal one."""
        normal = ChartStyle.normal()
        for chart in widget.findChildren(Chart):
            if chart.style.kind != "print":
                chart.set_style(normal.presenting() if self.active else normal)
