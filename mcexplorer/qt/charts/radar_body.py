"""The radar's plot as one painted item: rings, spokes and their names (the still layer,
cached), the dashed weights profile (named by the chart's legend, not on the data), each
option's filled polygon, outline and vertex markers, and a message in the centre.

Geometry is in units (the unit circle, y up) mapped to the item's pixels: the rings get the
radius (pixels per unit) the spoke names leave them, as ``charts.fit.radar_radius`` works it
out; where that is below ``MIN_RADIUS_PX`` the names are elided (whole on hover). Pens and
markers are sized in the item's pixels, so an export drawn at 2x keeps them in proportion.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QSizePolicy

from .fit import elide, radar_extent, radar_min_radius, radar_radius
from .painted import StaticLayer, TextBoxes, anchored, safe_paint
from .radar_marks import add_symbol
from .style import ChartStyle, font, line, needs_edge, option_symbol

RINGS = (0.25, 0.5, 0.75, 1.0)
LABEL_RADIUS = 1.13
MIN_RADIUS_PX = 45.0
"""Below this the rings are too small to read: spoke labels are elided instead."""
PAD_PX = 4.0
FILL_ALPHA = 40
WEIGHTS_DASHES = (5.0, 2.5, 1.0, 2.5)
NAME_SCALES = (1.0, 0.9, 0.8, 0.72)
"""Spoke names shrink through these (of the chart type) until the rings get RING_SHARE."""
RING_SHARE = 0.86
"""The plotted diameter the names should leave: this share of the plot's shorter side."""


def _sign(x: float, eps: float = 1e-6) -> int:
    return 0 if abs(x) < eps else (1 if x > 0 else -1)


def angles(n: int) -> list[float]:
    """Spoke angles, the first straight up, clockwise."""
    return [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]


LEADER_WIDTH = 2.25
"""The leader's line, in units of ``line(2)``: nearly twice the others' 1.25."""


def series_width(series) -> float:
    """An option's line width in units of ``line(2)``: the leader's heavier (greyscale)."""
    return LEADER_WIDTH if getattr(series, "leader", False) else 1.25


@lru_cache(maxsize=64)
def _unit_symbol(symbol: str) -> QPainterPath:
    """A marker of radius 1 around the origin, in pixels (y down)."""
    path = QPainterPath()
    add_symbol(path, symbol, QPointF(0, 0), 1.0)  # drawn in y-up units: flip it
    return QTransform.fromScale(1.0, -1.0).map(path)


@dataclass
class _Layout:
    """Where things go for one size and one set of spoke names."""

    size: tuple[float, float]
    r: float
    """Pixels per unit."""
    centre: QPointF
    names: list[str]
    """The spoke names as shown (elided when the rings would be too small)."""
    name_rects: list[QRectF]


class RadarBody(pg.GraphicsWidget):
    """One item that paints the whole radar plot (the title, legend and caption are the
    chart's own layout items)."""

    def __init__(self, ring_labels: tuple[tuple[float, str], ...]) -> None:
        super().__init__()
        self.ring_labels = ring_labels
        self.look = ChartStyle.current()
        self.spokes: tuple[str, ...] = ()
        self.series: tuple = ()
        self.weights: tuple[float, ...] = ()
        self.message = ""
        self._boxes = TextBoxes()
        self._static = StaticLayer()
        # Take the room the chart's layout has, as pyqtgraph's plots do.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout: _Layout | None = None
        self._name_scale = NAME_SCALES[0]
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)

    # -- fonts ------------------------------------------------------------------------------

    def name_font(self):
        """The spoke names' font: as large as lets the rings take their share (see
        ``layout_now``), down to NAME_SCALES[-1]."""
        return font(self._name_scale, bold=True)

    @staticmethod
    def message_font():
        return font(1.2, bold=True)

    # -- data -------------------------------------------------------------------------------

    def set_style(self, style: ChartStyle) -> None:
        """A new palette or type scale (presenting): measure and paint everything again."""
        self.look = style
        self._static.invalidate()
        self._layout = None
        if self.spokes:
            self._set_minimum()
        self.update()

    def set_data(self, spokes, series, weights, message: str) -> None:
        if tuple(spokes) != self.spokes:
            self.spokes = tuple(spokes)
            self._layout = None
            self._set_minimum()
        self.series, self.weights, self.message = tuple(series), tuple(weights), message
        self.update()

    def _name_boxes(self, names) -> list[tuple[float, float, float, float]]:
        """(cos, sin, width, height) of each spoke's name: the glyphs, without the margin."""
        f = self.name_font()
        out = []
        for name, a in zip(names, angles(max(len(names), 1))):
            s = self._boxes.size(name, f, 0.0)
            out.append((math.cos(a), math.sin(a), s.width(), s.height()))
        return out

    def _set_minimum(self) -> None:
        """Ask the layout for the room the names need apart from each other: the chart then
        shrinks as a whole (charts.fit) rather than pile them up."""
        self._name_scale = NAME_SCALES[-1]
        boxes = self._name_boxes(self.spokes)
        need = max(MIN_RADIUS_PX, radar_min_radius(boxes, LABEL_RADIUS))
        half_w, half_h = radar_extent(boxes, need, LABEL_RADIUS)
        self.setMinimumSize(2 * half_w, 2 * half_h)

    # -- geometry ---------------------------------------------------------------------------

    def layout_now(self) -> _Layout:
        rect = self.boundingRect()
        w, h = rect.width(), rect.height()
        if self._layout is not None and self._layout.size == (w, h):
            return self._layout
        names = list(self.spokes)
        want = RING_SHARE * (min(w, h) / 2 - PAD_PX)
        for self._name_scale in NAME_SCALES:  # the largest names that leave the rings room
            boxes = self._name_boxes(names)
            r = radar_radius(w, h, boxes, LABEL_RADIUS) if names else min(w, h) / 2 - PAD_PX
            if r >= want:
                break
        if r < MIN_RADIUS_PX and names:
            r = min(MIN_RADIUS_PX, min(w, h) / 2 - PAD_PX)
            f = self.name_font()
            for i, ((c, _s, _bw, _bh), full) in enumerate(zip(boxes, self.spokes)):
                room = (w / 2 - PAD_PX - LABEL_RADIUS * r * abs(c)) if abs(c) > 1e-6 \
                    else w - 2 * PAD_PX
                names[i] = elide(full, f, room - 2)
        r = max(r, 1.0)
        centre = QPointF(w / 2, h / 2)
        f = self.name_font()
        name_rects = []
        for name, a in zip(names, angles(max(len(names), 1))):
            c, s = math.cos(a), math.sin(a)
            anchor = (0.5 - 0.5 * _sign(c), 0.5 + 0.5 * _sign(s))
            x, y = self.to_px(centre, r, LABEL_RADIUS * c, LABEL_RADIUS * s)
            name_rects.append(anchored(x, y, anchor, self._boxes.size(name, f)))
        self._layout = _Layout((w, h), r, centre, names, name_rects)
        return self._layout

    @staticmethod
    def to_px(centre: QPointF, r: float, x: float, y: float) -> tuple[float, float]:
        return centre.x() + r * x, centre.y() - r * y

    def _polygon(self, lay: _Layout, values) -> QPolygonF:
        pts = [QPointF(*self.to_px(lay.centre, lay.r, max(0.0, v) * math.cos(a),
                                   max(0.0, v) * math.sin(a)))
               for v, a in zip(values, angles(len(values)))]
        return QPolygonF(pts)

    def diameter(self) -> float:
        """The plotted diameter (the outer ring's) in item pixels."""
        return 2 * self.layout_now().r

    # -- painting ---------------------------------------------------------------------------

    @safe_paint
    def paint(self, p: QPainter, *_args) -> None:
        lay = self.layout_now()
        n = len(self.spokes)
        st = self.look
        key = (lay.size, tuple(lay.names), self.ring_labels, n)
        self._static.paint(p, self.boundingRect(), key, st.background,
                           lambda q: self._paint_still(q, lay))
        series = self.series if not self.message and n >= 3 else ()
        if series:
            self._paint_series(p, lay, series)
        if n >= 3 and self.weights:  # over the options, as its label must be read
            self._paint_weights(p, lay)
        message = self.message or ("A radar needs three or more criteria" if n < 3 else "")
        if message:
            f = self.message_font()
            box = anchored(lay.centre.x(), lay.centre.y(), (0.5, 0.5),
                           self._boxes.size(message, f))
            self._boxes.draw(p, box, message, f, st.foreground)

    def _paint_still(self, p: QPainter, lay: _Layout) -> None:
        st = self.look
        n = len(self.spokes)
        if n:
            pen = QPen(st.grid)
            pen.setWidthF(1.0)
            pen.setCosmetic(True)
            p.save()
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # as pyqtgraph's curves
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            for radius in RINGS:
                p.drawPolygon(self._polygon(lay, [radius] * n))
            for a in angles(n):
                p.drawLine(QPointF(*self.to_px(lay.centre, lay.r, 0.0, 0.0)),
                           QPointF(*self.to_px(lay.centre, lay.r, math.cos(a), math.sin(a))))
            p.restore()
        for name, rect in zip(lay.names, lay.name_rects):
            self._boxes.draw(p, rect, name, self.name_font(), st.foreground)

    def _paint_weights(self, p: QPainter, lay: _Layout) -> None:
        """Dashed, unfilled and labelled, so it is never read as an option."""
        p.setPen(self.weights_pen())
        p.setBrush(self.weights_brush())
        p.drawPolygon(self._polygon(lay, self.weights))
        # No label on the data: the legend names the dashed line and the caption the rings.

    def _paint_series(self, p: QPainter, lay: _Layout, series) -> None:
        st = self.look
        dot = line(2.0)
        polys = [self._polygon(lay, s.values) for s in series]
        p.setPen(Qt.PenStyle.NoPen)
        for s, poly in zip(series, polys):  # every fill under every outline and marker
            fill = QColor(st.ink(s.colour))
            fill.setAlpha(FILL_ALPHA)
            p.setBrush(fill)
            p.drawPolygon(poly)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for s, poly in zip(series, polys):
            if needs_edge(s.colour):  # yellow on white: a dark casing under the line
                casing = QPen(st.foreground)
                casing.setWidthF(dot * (series_width(s) + 0.75))
                p.setPen(casing)
                p.drawPolygon(poly)
            pen = QPen(st.ink(s.colour))
            pen.setWidthF(dot * series_width(s))  # 2.5 px, the leader's 4.5 px
            p.setPen(pen)
            p.drawPolygon(poly)
        for s, poly in zip(series, polys):
            colour = st.ink(s.colour)
            unit = _unit_symbol(option_symbol(s.colour))
            marks = QPainterPath()
            size = dot * 2.2
            for pt in poly:  # type: ignore[attr-defined]  # stub lacks QPolygonF.__iter__
                marks.addPath(QTransform(size, 0, 0, size, pt.x(), pt.y()).map(unit))
            edge = QPen(st.foreground if needs_edge(s.colour) else colour)
            edge.setWidthF(dot * 0.5)
            p.setPen(edge)
            p.setBrush(QBrush(colour))
            p.drawPath(marks)

    # -- reading (tests, tooltips, accessibility) -------------------------------------------

    def shown_names(self) -> list[str]:
        return list(self.layout_now().names)

    def name_at(self, pos: QPointF) -> str:
        """The full name of the spoke whose label is under ``pos`` (item pixels) if elided."""
        lay = self.layout_now()
        for shown, full, rect in zip(lay.names, self.spokes, lay.name_rects):
            if shown != full and rect.contains(pos):
                return full
        return ""

    def text_boxes(self) -> list[tuple[str, QRectF]]:
        """Every text this item paints, with its glyphs' box in item pixels."""
        lay = self.layout_now()
        m = 4.0
        out = [(name, rect.adjusted(m, m, -m, -m)) for name, rect in zip(lay.names,
                                                                         lay.name_rects)]
        return out

    def outline_colours(self) -> list[QColor]:
        """The colour of each option's outline as painted, in series order."""
        if self.message or len(self.spokes) < 3:
            return []
        return [QColor(self.look.ink(s.colour)) for s in self.series]

    def weights_shown(self) -> bool:
        return len(self.spokes) >= 3 and bool(self.weights)

    def weights_pen(self) -> QPen:
        """The weights profile's pen: dashed, 1.6 px (at the type scale)."""
        pen = QPen(self.look.weights)
        pen.setWidthF(line(2.0) * 0.8)
        pen.setDashPattern(list(WEIGHTS_DASHES))
        return pen

    @staticmethod
    def weights_brush() -> QBrush:
        """The weights profile is never filled, so it is not read as an option."""
        return QBrush(Qt.BrushStyle.NoBrush)

