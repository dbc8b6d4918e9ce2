"""The Three Horizons chart's plot area: it hands mouse clicks and drags on initiatives to the
chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from .horizons import HorizonsChart


class HorizonsView(pg.ViewBox):
    """A ViewBox that hands mouse clicks and drags on initiatives to the chart."""

    def __init__(self, chart: HorizonsChart) -> None:
        super().__init__(enableMouse=False, enableMenu=False)
        self._chart = chart

    def mouseClickEvent(self, ev):  # noqa: N802 - pyqtgraph's name
        chart = self._chart
        if not chart.interactive or ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        hit = chart.hit_test(ev.scenePos())
        ev.accept()
        chart.setFocus(Qt.FocusReason.MouseFocusReason)
        chart.select(hit or "")

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802 - pyqtgraph's name
        chart = self._chart
        if not chart.interactive or ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            hit = chart.hit_test(ev.buttonDownScenePos())
            if not hit:
                ev.ignore()
                return
            chart.begin_drag(hit)
        if chart.dragging is None:
            ev.ignore()
            return
        ev.accept()
        chart.drag_to(self.mapSceneToView(ev.scenePos()))
        if ev.isFinish():
            chart.end_drag()


def set_points(item: pg.ScatterPlotItem, points: list[tuple]) -> None:
    """Give a scatter its points, each (x, y, size, fill colour, pen colour, pen width), only
    when they changed: ``setData`` renders every symbol again (2-3 ms for the chart's three
    scatters), and a drag that moves the top structure changes one scatter, not three."""
    if points == getattr(item, "_shown_points", None):
        return
    item._shown_points = list(points)
    item.setData([p[0] for p in points], [p[1] for p in points], size=[p[2] for p in points],
                 brush=[pg.mkBrush(p[3]) for p in points],
                 pen=[pg.mkPen(p[4], width=p[5]) for p in points])
