"""The ranking's plot as one painted item: each option's rank and name, its bar and its fit,
over grid lines and a bottom axis (the still layer, cached), with a message in the middle.

It reads as pyqtgraph's bar plot did: names right-aligned left of the axis with short tick
marks into the plot, bars 0.68 of a row high, the fit in bold just past each bar, faint grid
lines at the bottom axis's ticks (0 is not labelled, as pyqtgraph drops a label it would have
to cut), the unit under the axis. Rows are numbered best first, top down.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy

from .painted import StaticLayer, TextBoxes, anchored, safe_paint
from .style import ChartStyle, font, needs_edge

VALUE_SCALE = 0.95
TICK_SCALE = 0.9
TICK_STEPS = (20, 25, 50, 100)
BAR_HEIGHT = 0.68
Y_PAD = 0.6
"""Rows sit at whole numbers; the plot shows 0.6 of a row beyond the first and the last."""
TICK_OFFSET_X, TICK_OFFSET_Y = 5.0, 2.0
TICK_MARK = 5.0
TICK_TEXT_HEIGHT = 18.0
GRID_ALPHA = 64
NEUTRAL_ALPHA = 150
MARGIN = 1.0
LABEL_NUDGE = 5.0


LEADER_FRAME = 2.0
"""The leader's frame: this wide, ``LEADER_GAP`` outside its bar."""
LEADER_GAP = 2.5


def is_leader(row) -> bool:
    """The one option first on its own (a tie for first has no leader)."""
    return row.rank == 1 and not row.tied


def leader_frame(bar: QRectF, axis: float) -> QRectF:
    """The leader's frame around its ``bar``, open at the names' ``axis``."""
    out = LEADER_GAP + LEADER_FRAME / 2
    return QRectF(axis, bar.top() - out, bar.right() + out - axis, bar.height() + 2 * out)


HATCH_STEP = 6.0
"""The spacing of the hatch of an option off the radar, in pixels at the chart's scale."""


def hatch(p: QPainter, rect: QRectF, colour: QColor) -> None:
    """Diagonal lines across ``rect``, drawn as lines (Qt's pattern brushes are 8 device
    pixels: a report's 3x drawing turned them into a grey tint)."""
    p.save()
    p.setClipRect(rect)
    p.setPen(QPen(colour, 1))
    x, h = rect.left() - rect.height(), rect.height()
    while x < rect.right():
        p.drawLine(QPointF(x, rect.bottom()), QPointF(x + h, rect.top()))
        x += HATCH_STEP
    p.restore()


def frame_room(row) -> float:
    """How far the fit's text moves right to clear the leader's frame."""
    return LEADER_GAP + LEADER_FRAME if is_leader(row) else 0.0


@dataclass
class _Layout:
    size: tuple[float, float]
    plot: QRectF
    x_max: float
    step: int


class RankingBody(pg.GraphicsWidget):
    def __init__(self) -> None:
        super().__init__()
        self.look = ChartStyle.current()
        self.rows: tuple = ()
        self.names: list[str] = []
        """Each row's "rank  name" as shown (names elided by the chart)."""
        self.unit = "Fit (%)"
        self.message = ""
        self._boxes = TextBoxes()
        self._static = StaticLayer()
        # Take the room the chart's layout has, as pyqtgraph's plots do.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout: _Layout | None = None
        self._name_w = 0.0

    # -- fonts ------------------------------------------------------------------------------

    @staticmethod
    def name_font():
        return font(1.0)

    @staticmethod
    def tick_font():
        return font(TICK_SCALE)

    @staticmethod
    def value_font():
        return font(VALUE_SCALE, bold=True)

    @staticmethod
    def message_font():
        return font(1.2, bold=True)

    # -- data -------------------------------------------------------------------------------

    def set_style(self, style: ChartStyle) -> None:
        self.look = style
        self._static.invalidate()
        self._layout = None
        self._measure()
        self.update()

    def set_rows(self, rows, names: list[str], unit: str, message: str) -> None:
        n_before = len(self.rows)
        self.rows, self.names, self.message = tuple(rows), list(names), message
        if unit != self.unit:
            self.unit = unit
            self._layout = None
        if len(self.rows) != n_before:
            self._layout = None
        self._measure()
        self.update()

    def set_names(self, names: list[str]) -> None:
        if names != self.names:
            self.names = list(names)
            self._measure()
            self.update()

    def _measure(self) -> None:
        """The names' column (as pyqtgraph's left axis: it widens at once, and narrows only by
        more than 10 pixels) and the height each row needs for a line of text."""
        fm = QFontMetricsF(self.name_font())
        widest = max((fm.horizontalAdvance(t) for t in self.names), default=0.0)
        if widest > self._name_w or widest < self._name_w - 10:
            self._name_w = widest
            self._layout = None
        line = QFontMetricsF(self.value_font()).height()
        bottom = self._bottom_height()
        self.setMinimumHeight(len(self.rows) * (line + 2) + bottom + 2 * MARGIN)
        self.setMinimumWidth(self._name_w + TICK_OFFSET_X + 60)

    def _bottom_height(self) -> float:
        """pyqtgraph's bottom axis: tick text (at least 18 px), its offset, 0.8 of the unit's
        text box."""
        fm = QFontMetricsF(self.tick_font())
        return max(TICK_TEXT_HEIGHT, fm.height() * 0.8) + TICK_OFFSET_Y + (fm.height() + 8) * 0.8

    def _span(self) -> tuple[float, float]:
        """The rows' range shown: rows at whole numbers, 0.6 of a row beyond each end."""
        n = len(self.rows)
        return -Y_PAD, max(n - 1 + Y_PAD, Y_PAD - 0.2)

    # -- geometry ---------------------------------------------------------------------------

    def layout_now(self) -> _Layout:
        rect = self.boundingRect()
        w, h = rect.width(), rect.height()
        if self._layout is not None and self._layout.size == (w, h):
            return self._layout
        left = MARGIN + self._name_w + TICK_OFFSET_X
        plot = QRectF(left, MARGIN, max(1.0, w - MARGIN - left),
                      max(1.0, h - 2 * MARGIN - self._bottom_height()))
        pw = plot.width()
        label = QFontMetricsF(self.value_font()).horizontalAdvance("100.0%") + 6
        x_max = 100.0 * pw / (pw - label) if pw > label + 40 else 112.0
        tick_w = QFontMetricsF(self.tick_font()).horizontalAdvance("100") + 10
        step = next((st for st in TICK_STEPS if st * pw / x_max >= tick_w), 100)
        self._layout = _Layout((w, h), plot, x_max, step)
        return self._layout

    def x_px(self, lay: _Layout, x: float) -> float:
        return lay.plot.left() + x / lay.x_max * lay.plot.width()

    def y_px(self, lay: _Layout, y: float) -> float:
        """Pixels down of the row value ``y`` (rows at n-1 ... 0, top down)."""
        lo, hi = self._span()
        return lay.plot.top() + (hi - y) / (hi - lo) * lay.plot.height()

    def row_centre(self, i: int) -> QPointF:
        """The middle of row ``i`` (best first) at 50% fit, in item pixels."""
        lay = self.layout_now()
        return QPointF(self.x_px(lay, 50.0), self.y_px(lay, len(self.rows) - 1 - i))

    def row_at(self, pos: QPointF) -> int | None:
        """The row under ``pos`` (item pixels), None between rows or outside the plot."""
        lay = self.layout_now()
        n = len(self.rows)
        if not n or pos.x() < MARGIN or pos.y() < lay.plot.top() or pos.y() > lay.plot.bottom():
            return None
        lo, hi = self._span()
        y = hi - (pos.y() - lay.plot.top()) / lay.plot.height() * (hi - lo)
        i = n - 1 - round(y)
        return i if 0 <= i < n and abs(y - round(y)) <= 0.45 else None

    # -- painting ---------------------------------------------------------------------------

    @safe_paint
    def paint(self, p: QPainter, *_args) -> None:
        lay = self.layout_now()
        st = self.look
        key = (lay.size, lay.x_max, lay.step, self.unit, len(self.rows), self._name_w)
        self._static.paint(p, self.boundingRect(), key, st.background,
                           lambda q: self._paint_still(q, lay))
        self._paint_rows(p, lay)
        if self.message:
            f = self.message_font()
            n = len(self.rows)
            box = anchored(self.x_px(lay, 50.0), self.y_px(lay, (n - 1) / 2 if n else 0),
                           (0.5, 0.5), self._boxes.size(self.message, f))
            self._boxes.draw(p, box, self.message, f, st.foreground)

    def _paint_still(self, p: QPainter, lay: _Layout) -> None:
        st = self.look
        plot = lay.plot
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # as pyqtgraph's axes
        grid = QColor(st.grid)
        grid.setAlpha(GRID_ALPHA)
        ticks = list(range(0, 101, lay.step))
        p.setPen(QPen(grid, 0))
        for v in ticks:  # grid lines at the bottom axis's ticks
            x = self.x_px(lay, v)
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        p.setPen(QPen(st.grid, 0))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.restore()
        tf = self.tick_font()
        fm = QFontMetricsF(tf)
        p.setFont(tf)
        p.setPen(st.foreground)
        for v in ticks:
            text = f"{v}"
            width = fm.horizontalAdvance(text)
            x = self.x_px(lay, v)
            if x - width / 2 < plot.left():
                continue  # pyqtgraph drops a tick label it would have to cut
            rect = QRectF(x - width / 2, plot.bottom() + TICK_OFFSET_Y, width, fm.height() * 0.8)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                 | Qt.TextFlag.TextDontClip), text)
        size = self._boxes.size(self.unit, tf)
        x = int(plot.left() + plot.width() / 2 - size.width() / 2)
        y = int(plot.bottom() + self._bottom_height() - size.height() + LABEL_NUDGE)
        self._boxes.draw(p, QRectF(x, y, size.width(), size.height()), self.unit, tf, st.muted)

    def _paint_rows(self, p: QPainter, lay: _Layout) -> None:
        st = self.look
        plot = lay.plot
        nf, vf = self.name_font(), self.value_font()
        fm = QFontMetricsF(nf)
        neutral = QColor(st.muted)
        neutral.setAlpha(NEUTRAL_ALPHA)
        edge = QPen(st.foreground, 1)
        frame = QPen(st.foreground, LEADER_FRAME)
        frame.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        n = len(self.rows)
        lo, hi = self._span()
        row_h = BAR_HEIGHT / (hi - lo) * plot.height()
        p.setFont(nf)
        p.setPen(st.foreground)
        for i, text in enumerate(self.names[:n]):  # "=3  Name", right-aligned at the axis
            y = self.y_px(lay, n - 1 - i)
            h = fm.height() * 0.8
            rect = QRectF(plot.left() - TICK_OFFSET_X - fm.horizontalAdvance(text) - 1,
                          y - h / 2, fm.horizontalAdvance(text) + 1, h)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                                 | Qt.TextFlag.TextDontClip), text)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # as pyqtgraph's bars
        for i, r in enumerate(self.rows):
            fit = r.fit if r.fit is not None else 0.0
            y = self.y_px(lay, n - 1 - i)
            bar = QRectF(plot.left(), y - row_h / 2, self.x_px(lay, fit) - plot.left(), row_h)
            # Told apart in black and white too, whatever the colour: an option off the
            # radar is hatched, not solid; the leader is framed, a gap of the background
            # between its bar and the frame (so a dark bar keeps it); a light colour gets a
            # thin dark edge.
            if not r.colour:
                p.setBrush(Qt.BrushStyle.NoBrush)
                hatch(p, bar, neutral)
                p.setPen(QPen(neutral, 1))
            else:
                p.setBrush(st.ink(r.colour))
                p.setPen(edge if needs_edge(r.colour) else Qt.PenStyle.NoPen)
            p.drawRect(bar)
            if is_leader(r):
                p.setPen(frame)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(leader_frame(bar, plot.left()))
        # The names' axis over the bars, with a short tick mark into the plot for each row.
        p.setPen(QPen(st.grid, 0))
        p.drawLine(plot.topLeft(), plot.bottomLeft())
        for i in range(n):
            y = self.y_px(lay, i)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.left() + TICK_MARK, y))
        p.restore()
        gap = 3.0
        for i, r in enumerate(self.rows):
            if r.fit is None:
                continue
            text = f"{r.fit:.1f}%"
            size = self._boxes.size(text, vf)
            box = anchored(self.x_px(lay, r.fit) + gap + frame_room(r),
                           self.y_px(lay, n - 1 - i), (0.0, 0.5), size)
            self._boxes.draw(p, box, text, vf, st.foreground)

    # -- reading (tests, tooltips, accessibility) -------------------------------------------

    def text_boxes(self) -> list[tuple[str, QRectF]]:
        """The names and fits this item paints, with their glyphs' boxes in item pixels."""
        lay = self.layout_now()
        n = len(self.rows)
        fm = QFontMetricsF(self.name_font())
        out = []
        for i, text in enumerate(self.names[:n]):
            y = self.y_px(lay, n - 1 - i)
            w = fm.horizontalAdvance(text)
            out.append((text, QRectF(lay.plot.left() - TICK_OFFSET_X - w, y - fm.height() / 2,
                                     w, fm.height())))
        vf = self.value_font()
        for i, r in enumerate(self.rows):
            if r.fit is not None:
                text = f"{r.fit:.1f}%"
                box = anchored(self.x_px(lay, r.fit) + 3.0 + frame_room(r),
                               self.y_px(lay, n - 1 - i), (0.0, 0.5),
                               self._boxes.size(text, vf))
                out.append((text, box.adjusted(4, 4, -4, -4)))
        return out
