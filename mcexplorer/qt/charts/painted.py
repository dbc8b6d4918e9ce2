"""What a chart drawn as one painted item needs: its still layer cached, and text boxes that
look like pyqtgraph's TextItems.

A chart body (``RadarBody``, ``RankingBody``) is one ``pg.GraphicsWidget`` in the chart's
layout that paints itself with QPainter, the pyqtgraph way for custom items, instead of
dozens of items that each lay themselves out. Its still part (rings and spoke names, grid
lines and axes) is painted once into a pixmap for the screen and blitted on every frame; an
export (an image at another scale, an SVG, a PDF) paints everything as vectors, so text stays
text and lines stay sharp.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Hashable

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap, QStaticText, QTransform
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

TEXT_MARGIN = 4.0
"""The margin a pyqtgraph TextItem (a QGraphicsTextItem) keeps around its text."""
TEXT_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def safe_paint(paint):
    """A ``paint`` method that never lets an exception reach Qt (PySide ends the process on
    an exception raised inside a paint override): it is logged and the frame is left as is."""

    @functools.wraps(paint)
    def wrapper(self, p, *args):
        try:
            paint(self, p, *args)
        except Exception:
            log.exception("painting %s failed", type(self).__name__)

    return wrapper


def font_key(font: QFont) -> tuple:
    return (font.family(), font.pointSizeF(), font.bold())


class TextBoxes:
    """Sizes of text boxes, measured once per text and font."""

    def __init__(self) -> None:
        self._sizes: dict[tuple, QSizeF] = {}
        self._static: dict[tuple, QStaticText] = {}

    def size(self, text: str, font: QFont, margin: float = TEXT_MARGIN) -> QSizeF:
        """The box of ``text`` (lines split at newlines) with ``margin`` around it."""
        key = (text, font_key(font), margin)
        size = self._sizes.get(key)
        if size is None:
            fm = QFontMetricsF(font)
            lines = text.split("\n")
            width = max(fm.horizontalAdvance(line) for line in lines)
            size = QSizeF(width + 2 * margin, fm.height() * len(lines) + 2 * margin)
            if len(self._sizes) > 4096:
                self._sizes.clear()
            self._sizes[key] = size
        return size

    def draw(self, p: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor,
             margin: float = TEXT_MARGIN, flags: int = TEXT_FLAGS) -> None:
        """``text`` inside ``rect`` (a box from ``size``), as a TextItem would show it."""
        p.setFont(font)
        p.setPen(colour)
        inner = rect.adjusted(margin, margin, -margin, -margin)
        if "\n" not in text and isinstance(p.device(), QWidget) and flags == TEXT_FLAGS:
            # On screen, a laid-out text is reused from one frame to the next.
            key = (text, font_key(font))
            static = self._static.get(key)
            if static is None:
                static = QStaticText(text)
                static.setTextFormat(Qt.TextFormat.PlainText)
                static.prepare(QTransform(), font)
                if len(self._static) > 2048:
                    self._static.clear()
                self._static[key] = static
            p.drawStaticText(inner.topLeft(), static)
            return
        p.drawText(inner, flags | int(Qt.TextFlag.TextDontClip), text)


def anchored(x: float, y: float, anchor: tuple[float, float], size: QSizeF) -> QRectF:
    """The box of ``size`` whose point ``anchor`` (fractions of its width and height, from
    the top left) sits on (x, y): TextItem's anchor, in pixels."""
    return QRectF(x - anchor[0] * size.width(), y - anchor[1] * size.height(),
                  size.width(), size.height())


class StaticLayer:
    """The still part of a painted chart, cached as pixmaps for the screen.

    ``paint(p, rect, key, background, draw)`` blits the pixmap made by ``draw(painter)`` for
    ``key`` (and the painter's scale and the screen's pixel ratio), making it when it has none
    for them. A few are kept: while a drag changes the top three, the legend below the radar
    takes one or two rows and the plot switches between two sizes. Painting to anything but
    a widget (an export) calls ``draw`` directly.
    """

    KEEP = 6

    def __init__(self) -> None:
        self._pixmaps: dict[tuple, QPixmap] = {}

    def invalidate(self) -> None:
        self._pixmaps.clear()

    def paint(self, p: QPainter, rect: QRectF, key: Hashable, background: QColor,
              draw: Callable[[QPainter], None]) -> None:
        device = p.device()
        t = p.worldTransform()
        if not isinstance(device, QWidget) \
                or t.type().value > QTransform.TransformationType.TxScale.value \
                or t.m11() <= 0 or t.m22() <= 0:
            draw(p)
            return
        ratio = device.devicePixelRatioF()
        sx, sy = t.m11(), t.m22()
        full = (key, rect.x(), rect.y(), rect.width(), rect.height(), round(sx, 5),
                round(sy, 5), ratio, background.rgba(), p.renderHints().value)
        pixmap = self._pixmaps.pop(full, None)
        if pixmap is None:
            w = max(1, math.ceil(rect.width() * sx * ratio))
            h = max(1, math.ceil(rect.height() * sy * ratio))
            pixmap = QPixmap(w, h)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(background)
            q = QPainter(pixmap)
            q.setRenderHints(p.renderHints())
            q.scale(sx, sy)
            q.translate(-rect.x(), -rect.y())
            draw(q)
            q.end()
            while len(self._pixmaps) >= self.KEEP:
                self._pixmaps.pop(next(iter(self._pixmaps)))
        self._pixmaps[full] = pixmap  # most recently used last
        origin = t.map(rect.topLeft())
        p.save()
        p.resetTransform()
        p.drawPixmap(QPointF(round(origin.x()), round(origin.y())), pixmap)
        p.restore()
