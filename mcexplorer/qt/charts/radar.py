"""Radar chart: criteria as spokes, utilities 0-1, selected options over the weight profile.

pyqtgraph has no radar; this is a ViewBox with the aspect locked and the mouse off, rings
and spokes as curves, each profile a polygon, labels as TextItems. Items are updated in place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import ClassVar

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPolygonItem

from ..plain import escaped
from .base import Chart, text_item
from .fit import elide, fit_legend, make_legend, radar_extent, radar_min_radius, radar_radius
from .radar_marks import WideSample, add_symbol, text_box, weights_label_spot
from .style import WEIGHTS_LABEL, ChartStyle, font, line, needs_edge, option_symbol

RINGS = (0.25, 0.5, 0.75, 1.0)
LABEL_RADIUS = 1.13
X_RANGE = (-1.5, 1.5)
Y_RANGE = (-1.36, 1.36)
"""The least a view shows (units); more when the labels need the room (see ``_fit_range``)."""
MARGIN_PX = 4
MIN_RADIUS_PX = 45.0
"""Below this the rings are too small to read: spoke labels are elided instead."""


@dataclass(frozen=True)
class RadarSeries:
    name: str
    colour: str
    values: tuple[float, ...]
    """Utility 0-1 per criterion, in spoke order."""


@dataclass(frozen=True)
class RadarData:
    spokes: tuple[str, ...]
    series: tuple[RadarSeries, ...]
    weights: tuple[float, ...] = ()
    """Weight profile on 0-1 (slider value / 100), drawn faintly behind the options."""
    message: str = ""
    """Shown in the centre instead of the options (e.g. all weights zero)."""
    weights_label: str = "Weights"
    extra: dict = field(default_factory=dict)


class RadarChart(Chart):
    kind = "radar"
    CAPTION = "Centre = worst, edge = best on each criterion; dashed = your weights"
    export_aspect = 0.8
    x_range: ClassVar[tuple[float, float]] = X_RANGE
    y_range: ClassVar[tuple[float, float]] = Y_RANGE
    """The view's extent around the unit circle (room for the spoke labels)."""
    ring_labels: ClassVar[tuple[tuple[float, str], ...]] = ((0.5, "0.5"), (1.0, "1"))
    """(radius, text) of the ring labels: the value scale."""

    def __init__(self, framework_id: str, title: str = "Profile of fit", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.view = self.addViewBox(row=1, col=0, lockAspect=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.view.setRange(xRange=self.x_range, yRange=self.y_range, padding=0)
        self.view.sigResized.connect(self._fit_range)
        self.legend = make_legend(colCount=2, labelTextColor=self.style.foreground,
                                  labelTextSize=f"{font().pointSizeF():.0f}pt",
                                  sampleType=WideSample, horSpacing=8)
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._n = -1
        self._grid: list[pg.PlotCurveItem] = []
        self._labels: list[pg.TextItem] = []
        self._ring_labels: list[pg.TextItem] = []
        self._polys: list[QGraphicsPolygonItem] = []
        self._outlines: list[QGraphicsPathItem] = []
        self._weights_poly = QGraphicsPolygonItem()
        self._weights_poly.setZValue(5)
        self.view.addItem(self._weights_poly)
        self._weights_label = text_item(WEIGHTS_LABEL, self.style.weights, 0.85, anchor=(0, 0.5))
        self._weights_label.fill = pg.mkBrush(self._label_fill())
        self._weights_label.setZValue(6)
        self.view.addItem(self._weights_label)
        self._marks: list[QGraphicsPathItem] = []
        self._message = text_item("", self.style.foreground, 1.2, bold=True)
        self._message.setZValue(20)
        self.view.addItem(self._message)
        self._legend_key: tuple = ()
        self._legend_samples: list[pg.PlotDataItem] = []
        self._legend_names: list[str] = []
        self.legend.max_columns = 2
        self._spokes: tuple[str, ...] = ()

    # -- geometry -------------------------------------------------------------------------

    def _angles(self, n: int) -> list[float]:
        return [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]

    def _points(self, values) -> tuple[list[float], list[float]]:
        angles = self._angles(len(values))
        xs = [max(0.0, v) * math.cos(a) for v, a in zip(values, angles)]
        ys = [max(0.0, v) * math.sin(a) for v, a in zip(values, angles)]
        return xs + xs[:1], ys + ys[:1]

    def _build_grid(self, spokes: tuple[str, ...]) -> None:
        for item in self._grid + self._labels + self._ring_labels:
            self.view.removeItem(item)
        self._grid, self._labels, self._ring_labels = [], [], []
        n = len(spokes)
        self._n = n
        pen = pg.mkPen(self.style.grid, width=1)
        for r in RINGS:
            xs, ys = self._points([r] * n)
            ring = pg.PlotCurveItem(xs, ys, pen=pen)
            ring.setZValue(-10)
            self.view.addItem(ring)
            self._grid.append(ring)
        for a in self._angles(n):
            spoke = pg.PlotCurveItem([0, math.cos(a)], [0, math.sin(a)], pen=pen)
            spoke.setZValue(-10)
            self.view.addItem(spoke)
            self._grid.append(spoke)
        for r, text in self.ring_labels:
            # Just inside the ring, right of the top spoke: clear of the top spoke's label.
            lab = text_item(text, self.style.muted, 0.8, anchor=(0, 0))
            lab.setPos(0.02, r)
            self.view.addItem(lab)
            self._ring_labels.append(lab)
        self._spokes = tuple(spokes)
        for name, a in zip(spokes, self._angles(n)):
            c, s = math.cos(a), math.sin(a)
            anchor = (0.5 - 0.5 * _sign(c), 0.5 + 0.5 * _sign(s))
            lab = text_item(name, self.style.foreground, 1.0, anchor=anchor, bold=True)
            lab.setPos(LABEL_RADIUS * c, LABEL_RADIUS * s)
            self.view.addItem(lab)
            self._labels.append(lab)
        # The plot area asks for the room its labels need apart from each other; the chart
        # then shrinks as a whole (charts.fit) rather than pile the labels up.
        boxes = self._label_boxes()
        need = max(MIN_RADIUS_PX, radar_min_radius(boxes, LABEL_RADIUS))
        half_w, half_h = radar_extent(boxes, need, LABEL_RADIUS)
        self.view.setMinimumSize(2 * half_w, 2 * half_h)

    def _label_boxes(self) -> list[tuple[float, float, float, float]]:
        angles = self._angles(max(len(self._labels), 1))
        # The glyphs' box: the text document's margin around them may overlap a neighbour's.
        boxes = []
        for lab, a in zip(self._labels, angles):
            m = 2 * lab.textItem.document().documentMargin()
            rect = lab.textItem.boundingRect()
            boxes.append((math.cos(a), math.sin(a), rect.width() - m, rect.height() - m))
        return boxes

    # -- drawing --------------------------------------------------------------------------

    def _draw(self, data: RadarData) -> None:
        spokes = data.spokes
        if len(spokes) != self._n or self._spokes != tuple(spokes):
            self._build_grid(spokes)
            self._fit_range()
        n = len(spokes)
        if n < 3:
            self._message.setText(data.message or "A radar needs three or more criteria")
        else:
            self._message.setText(data.message)
        self._message.setColor(self.style.foreground)
        # Weight profile: dashed, unfilled and labelled, so it is never read as an option.
        if data.weights and n >= 3:
            xs, ys = self._points(data.weights)
            self._weights_poly.setPolygon(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys)]))
            self._weights_poly.setBrush(QBrush(pg.QtCore.Qt.BrushStyle.NoBrush))
            pen = QPen(self.style.weights)
            pen.setWidthF(self._dot_radius() * 0.8)  # 1.6 px, in data units so exports keep it
            pen.setDashPattern([5.0, 2.5, 1.0, 2.5])
            self._weights_poly.setPen(pen)
            self._weights_poly.setVisible(True)
            (lx, ly), anchor = weights_label_spot(xs[:-1], ys[:-1], *self._text_room())
            self._weights_label.setAnchor(anchor)
            self._weights_label.setPos(lx, ly)
            self._weights_label.setColor(self.style.weights)
            self._weights_label.fill = pg.mkBrush(self._label_fill())
            self._weights_label.setVisible(True)
        else:
            self._weights_poly.setVisible(False)
            self._weights_label.setVisible(False)
        # Option polygons, pooled
        series = data.series if not data.message and n >= 3 else ()
        while len(self._polys) < len(series):
            poly = QGraphicsPolygonItem()
            self.view.addItem(poly)
            outline = QGraphicsPathItem()
            outline.setZValue(1)
            self.view.addItem(outline)
            marks = QGraphicsPathItem()  # vertex markers: one shape per option colour
            marks.setZValue(2)
            self.view.addItem(marks)
            self._polys.append(poly)
            self._outlines.append(outline)
            self._marks.append(marks)
        dot = self._dot_radius()
        for i, (poly, outline, marks) in enumerate(zip(self._polys, self._outlines, self._marks)):
            if i >= len(series):
                for item in (poly, outline, marks):
                    item.setVisible(False)
                continue
            s = series[i]
            xs, ys = self._points(s.values)
            colour = self.style.ink(s.colour)
            fill = QColor(colour)
            fill.setAlpha(40)
            points = [QPointF(x, y) for x, y in zip(xs, ys)]
            poly.setPolygon(QPolygonF(points))
            poly.setBrush(QBrush(fill))
            poly.setPen(QPen(pg.QtCore.Qt.PenStyle.NoPen))
            poly.setVisible(True)
            path = QPainterPath()
            path.addPolygon(QPolygonF(points))
            pen = QPen(colour)
            pen.setWidthF(dot * 1.25)  # 2.5 px on screen, in data units so a 2x export keeps it
            outline.setPen(pen)
            outline.setBrush(QBrush(pg.QtCore.Qt.BrushStyle.NoBrush))  # stroke only
            outline.setPath(path)
            outline.setVisible(True)
            shapes = QPainterPath()
            symbol = option_symbol(s.colour)
            for pt in points[:-1]:
                add_symbol(shapes, symbol, pt, dot * 2.2)
            edge = QPen(self.style.foreground if needs_edge(s.colour) else colour)
            edge.setWidthF(dot * 0.5)
            marks.setPen(edge)
            marks.setBrush(QBrush(colour))
            marks.setPath(shapes)
            marks.setVisible(True)
        self._update_legend(data, series)

    def _text_room(self):
        """The spoke and ring labels' boxes and the weights label's size, in data units, so
        "weights" is written clear of them."""
        px = getattr(self, "_px_per_unit", 0.0)
        if px <= 0:
            return (), (0.0, 0.0)
        def size(lab) -> tuple[float, float]:
            rect = lab.textItem.boundingRect()
            return rect.width() / px, rect.height() / px
        boxes = [text_box(lab.pos().x(), lab.pos().y(), lab.anchor, size(lab))
                 for lab in self._labels + self._ring_labels]
        return boxes, size(self._weights_label)

    def _label_fill(self) -> QColor:
        fill = QColor(self.style.background)
        fill.setAlpha(200)
        return fill

    def _fit_range(self) -> None:
        """Keep every spoke label inside: the rings get the radius the labels leave them (in
        logical pixels); where that is too small the labels are elided (full name on hover)."""
        view = getattr(self, "view", None)
        if view is None or not getattr(self, "_labels", None):
            return
        w, h = view.width(), view.height()
        if w <= 0 or h <= 0:
            return
        for lab, full in zip(self._labels, self._spokes):
            if lab.toPlainText() != full:
                lab.setText(full)
        boxes = self._label_boxes()
        r = radar_radius(w, h, boxes, LABEL_RADIUS)
        if r < MIN_RADIUS_PX:
            r = min(MIN_RADIUS_PX, min(w, h) / 2 - 4)
            for lab, (c, s, bw, _bh), full in zip(self._labels, boxes, self._spokes):
                room = (w / 2 - 4 - LABEL_RADIUS * r * abs(c)) if abs(c) > 1e-6 else w - 8
                lab.setText(elide(full, lab.textItem.font(), room - 2))
        r = max(r, 1.0)
        self._px_per_unit = r
        view.setRange(xRange=(-w / (2 * r), w / (2 * r)), yRange=(-h / (2 * r), h / (2 * r)),
                      padding=0)

    def _dot_radius(self) -> float:
        """2 px (at the type scale) in data units: the outline pen is 1.25x this, the vertex markers 2.2x (about
        9 px across). The view shows at least 3 units across its width."""
        width = max(self.view.width(), 1.0)
        px = 3.0 / width
        try:
            px = max(px, float(self.view.viewPixelSize()[0]))
        except (ValueError, TypeError, ZeroDivisionError):  # not laid out yet
            pass
        return line(2.0) * px

    def resizeEvent(self, event) -> None:  # noqa: N802 - keep the dots round and small
        super().resizeEvent(event)
        self._fit_range()
        if getattr(self, "data", None) is not None:
            self.redraw()

    def _update_legend(self, data: RadarData, series) -> None:
        key = tuple((s.name, s.colour) for s in series) + (bool(data.weights),)
        if key == self._legend_key:
            return
        entries = [(s.name, pg.mkPen(self.style.ink(s.colour), width=line(4)), option_symbol(s.colour),
                    self.style.ink(s.colour)) for s in series]
        if data.weights:
            dashed = pg.mkPen(self.style.weights, width=line(2.5))
            dashed.setDashPattern([3.0, 1.5, 0.8, 1.5])
            entries.append((data.weights_label, dashed, None, None))
        for _, pen, _, _ in entries:
            pen.setCosmetic(False)  # scales with the chart in an export
        if len(entries) == len(self.legend.items) and self._legend_samples:
            # Same number of entries (the usual case while dragging): relabel in place.
            for (name, pen, symbol, brush), sample, (shown, label) in zip(
                    entries, self._legend_samples, self.legend.items):
                sample.setPen(pen)
                sample.setSymbol(symbol)
                if brush is not None:
                    sample.setSymbolBrush(brush)
                    sample.setSymbolPen(pen.color())
                label.setText(escaped(name))  # LabelItem reads HTML; names are plain
                shown.update()  # the swatch paints from its item: repaint it now, not later
        else:
            self.legend.clear()
            self._legend_samples = []
            for name, pen, symbol, brush in entries:
                sample = pg.PlotDataItem(pen=pen, symbol=symbol, symbolBrush=brush,
                                         symbolPen=None if brush is None else pen.color(),
                                         symbolSize=11)
                self._legend_samples.append(sample)
                self.legend.addItem(sample, escaped(name))
        self._legend_key = key
        self._legend_names = [entry[0] for entry in entries]
        self.fit_parts(self.width())

    def fit_parts(self, width: float) -> None:
        super().fit_parts(width)
        fit_legend(self.legend, width - 20, self.legend.max_columns, self._legend_names)

    def tooltip_at(self, scene_pos) -> str:
        for (_sample, label), full in zip(self.legend.items, self._legend_names):
            if label.text != escaped(full) and label.sceneBoundingRect().contains(scene_pos):
                return full
        for lab, full in zip(self._labels, self._spokes):
            if lab.toPlainText() != full and lab.sceneBoundingRect().contains(scene_pos):
                return full
        return super().tooltip_at(scene_pos)

    def restyle(self) -> None:
        self.style = ChartStyle.current()
        self._n = -1
        self._legend_key = ()
        self._legend_samples = []
        self.legend.clear()
        self.legend.opts["labelTextColor"] = self.style.foreground
        self.legend.opts["labelTextSize"] = f"{font().pointSizeF():.0f}pt"
        super().restyle()


def _sign(x: float, eps: float = 1e-6) -> int:
    return 0 if abs(x) < eps else (1 if x > 0 else -1)
