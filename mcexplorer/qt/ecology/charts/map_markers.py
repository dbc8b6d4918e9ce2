"""The offerings on the credential-ecology map, painted as one item.

Each offering is a ``Spot``: its marker (core data), its disc's radius, its place in the
paint order and, once the names are placed (``map_layout``), the box of its name or none
(left out where the plane is too crowded). ``MarkerLayer`` paints every name, disc,
number badge and the selection ring in one pass with QPainter, the pyqtgraph way for custom
items: 500 offerings had been 2,000 graphics items (a name and a badge each a TextItem),
whose construction and colouring took most of the tab's first showing.

Discs and the ring are drawn in the plane's units; names and badges in the scene's pixels
at their point size (as a TextItem draws them), so they stay upright and sharp under the
view's flipped y axis, the chart's fit-to-widget scale and an export's pixel ratio. Text is
plain: a name is never read as markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QWidget

from ....core.ecology.chart_data import MapMarker
from ...charts.painted import TextBoxes, safe_paint
from ...plain import visible
from .map_items import MARKER_FILL, PLANE, R_MAX, SELECTED

LABEL_PAD = 2.0
"""Pixels between a name's box and its text, each side."""

Box = tuple[float, float, float, float]
"""(left, right, low y, high y) in the plane's units."""


def shown_text(text: str) -> str:
    """A name as one plain line (control characters shown as escapes, breaks as spaces)."""
    return " ".join(visible(text).split())


@dataclass
class Spot:
    """One offering as the map draws it."""

    marker: MapMarker
    r: float
    """The disc's radius (plane units)."""
    z: int = 0
    """Paint order: larger on top (big discs are painted first, below the small ones)."""
    text: str = ""
    """The name as drawn (one plain line)."""
    label: Box | None = None
    """The name's box once placed; None: not shown (no free place in its quadrant)."""
    shown: str = ""
    """The name as placed: ``text``, or its start where the whole name had no room."""

    def label_rect(self) -> QRectF:
        """The name's box in plane units (empty when it is left out)."""
        if self.label is None:
            return QRectF()
        left, right, low, high = self.label
        return QRectF(left, low, right - left, high - low)

    def disc_rect(self) -> QRectF:
        m, r = self.marker, self.r
        return QRectF(m.x - r, m.y - r, 2 * r, 2 * r)


class MarkerLayer(pg.GraphicsObject):
    """Every offering's name, disc, badge and the selection ring, painted in one pass."""

    def __init__(self) -> None:
        super().__init__()
        self.spots: list[Spot] = []
        self.selected = ""
        self.label_font = QFont()
        self.badge_font = QFont()
        self.foreground = QColor("#1a1a1a")
        self.panel = QColor(255, 255, 255, 200)
        self.edge = QColor("#ffffff")
        self._boxes = TextBoxes()
        self._discs: dict[tuple, QPixmap] = {}
        self.setZValue(5)

    def set_look(self, label_font: QFont, badge_font: QFont, foreground: QColor,
                 background: QColor) -> None:
        self.label_font, self.badge_font = QFont(label_font), QFont(badge_font)
        self.foreground = QColor(foreground)
        self.panel = QColor(background)
        self.panel.setAlpha(200)
        self.edge = QColor(background)
        self.update()

    def label_size(self, text: str) -> QSizeF:
        """A name's box in pixels (its text and LABEL_PAD around it)."""
        return self._boxes.size(text, self.label_font, LABEL_PAD)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        # Names stay on the plane and discs are at most R_MAX across their centre: the plane
        # with a margin holds everything (and never changes, so no geometry change to tell).
        edge = PLANE + R_MAX + 0.15
        return QRectF(-edge, -edge, 2 * edge, 2 * edge)

    def _disc(self, p: QPainter, centre: QPointF, rx: float, ry: float, fill: QColor,
              edge: QPen) -> None:
        """A disc; on screen a cached image of it (an antialiased translucent circle costs
        about 0.3 ms to draw, 500 of them a frame's worth), in an export a vector circle."""
        device = p.device()
        t = p.transform()
        if not isinstance(device, QWidget) \
                or t.type().value > QTransform.TransformationType.TxScale.value:
            p.setPen(edge)
            p.setBrush(QBrush(fill))
            p.drawEllipse(centre, rx, ry)
            return
        dpr = device.devicePixelRatioF()
        ratio = dpr * max(abs(t.m11()), abs(t.m22()))
        key = (round(rx * ratio), round(ry * ratio), fill.rgba(), edge.color().rgba(),
               round(edge.widthF() * dpr, 2), round(ratio, 3))
        image = self._discs.get(key)
        if image is None:
            pad = key[4] + 1
            w, h = key[0] * 2 + 2 * pad, key[1] * 2 + 2 * pad
            image = QPixmap(max(1, math.ceil(w)), max(1, math.ceil(h)))
            image.fill(Qt.GlobalColor.transparent)
            q = QPainter(image)
            q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = QPen(edge)
            pen.setWidthF(key[4])  # 1.5 pixels on the screen at any scale
            q.setPen(pen)
            q.setBrush(QBrush(fill))
            q.drawEllipse(QPointF(image.width() / 2, image.height() / 2), key[0], key[1])
            q.end()
            image.setDevicePixelRatio(ratio)
            if len(self._discs) > 512:
                self._discs.clear()
            self._discs[key] = image
        size = QSizeF(image.width(), image.height()) / ratio
        p.drawPixmap(QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2,
                            size.width(), size.height()), image,
                     QRectF(0, 0, image.width(), image.height()))

    # -- where things are, in scene pixels -----------------------------------------------------

    def label_scene_rect(self, spot: Spot) -> QRectF | None:
        if spot.label is None:
            return None
        left, _right, _low, high = spot.label
        top_left = self.sceneTransform().map(QPointF(left, high))
        return QRectF(top_left, self.label_size(spot.shown))

    def badge_size(self, number: int) -> QSizeF:
        """A number badge's box in pixels."""
        return self._boxes.size(str(number), self.badge_font, 0.0)

    def badge_rects(self, px: float, py: float) -> list[QRectF]:
        """Each spot's number badge in plane units (px, py: plane units per pixel); on a
        small disc it is wider than the disc."""
        out = []
        for s in self.spots:
            size = self.badge_size(s.marker.number)
            w, h = size.width() * px, size.height() * py
            out.append(QRectF(s.marker.x - w / 2, s.marker.y - h / 2, w, h))
        return out

    def badge_scene_rect(self, spot: Spot) -> QRectF:
        centre = self.sceneTransform().map(QPointF(spot.marker.x, spot.marker.y))
        size = self.badge_size(spot.marker.number)
        return QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2,
                      size.width(), size.height())

    def text_boxes(self) -> list[tuple[str, QRectF]]:
        """Every text drawn, with its box in this item's coordinates (screen_checks reads
        it as it reads TextItems)."""
        inverse, ok = self.sceneTransform().inverted()
        if not ok:
            return []
        out = []
        for s in sorted(self.spots, key=lambda s: s.z):
            rect = self.label_scene_rect(s)
            if rect is not None:
                out.append((s.shown, inverse.mapRect(rect)))
            out.append((str(s.marker.number), inverse.mapRect(self.badge_scene_rect(s))))
        return out

    # -- painting ---------------------------------------------------------------------------------

    @safe_paint
    def paint(self, p: QPainter, *_args) -> None:
        if not self.spots:
            return
        to_scene = self.sceneTransform()
        inverse, ok = to_scene.inverted()
        to_device = inverse * p.transform() if ok else QTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        order = sorted(self.spots, key=lambda s: s.z)
        # Names first, under every disc (a small disc stays visible and clickable on top).
        p.setTransform(to_device)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(self.panel))
        rects = [(s, self.label_scene_rect(s)) for s in order]
        for _s, rect in rects:
            if rect is not None:
                p.drawRect(rect)
        for s, rect in rects:
            if rect is not None:
                self._boxes.draw(p, rect, s.shown, self.label_font, self.foreground, LABEL_PAD)
        edge = QPen(self.edge)
        edge.setWidthF(1.5)
        ring = QPen(QColor(SELECTED))
        ring.setWidthF(2.5)
        ring.setStyle(Qt.PenStyle.DashLine)
        fm = QFontMetricsF(self.badge_font)
        # Discs in scene pixels too: a disc drawn through the view's flipped y axis takes
        # Qt's slow path (0.4 ms each); mapped here it is a plain circle.
        sx = abs(to_scene.m11()) or 1.0
        sy = abs(to_scene.m22()) or 1.0
        for s in order:
            selected = s.marker.id == self.selected
            fill = QColor(SELECTED if selected else MARKER_FILL)
            fill.setAlpha(215)
            centre = to_scene.map(QPointF(s.marker.x, s.marker.y))
            self._disc(p, centre, s.r * sx, s.r * sy, fill, edge)
            number = str(s.marker.number)
            w = fm.horizontalAdvance(number)
            box = QRectF(centre.x() - w / 2 - 1, centre.y() - fm.height() / 2, w + 2,
                         fm.height())
            self._boxes.draw(p, box, number, self.badge_font, QColor("#ffffff"), 0.0)
            if selected:
                rr = s.r + 0.025
                p.setPen(ring)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(centre, rr * sx, rr * sy)
