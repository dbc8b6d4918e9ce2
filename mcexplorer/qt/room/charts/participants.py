"""Where the room disagrees: per criterion, every person's weight as a dot, the range and
the median; the most divisive criterion at the top, and the one-line reading under the title.

Dots of one person share a colour and symbol across rows. Each dot is labelled with the
person's name (or P1, P2 ... when anonymised) where the label fits: labels sit above their
row (in as many lanes as the row's height allows, below the next row up), left to right, and
one that would overlap another is left off (its dot stays). Labels are placed again when the
chart is resized, so they never collide at any size.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF

from ....core.room.chart_data import ParticipantsData, PersonDot, SpreadRow
from ...charts.base import Chart, text_item
from ...charts.style import font, line, option_colour

SYMBOLS = ("o", "s", "t", "d", "h")
X_RANGE = (-4.0, 104.0)
LABEL_SCALE = 0.82
LABEL_GAP_PX = 4.0


def person_symbol(index: int) -> str:
    return SYMBOLS[(index // 8) % len(SYMBOLS)]


class ParticipantsChart(Chart):
    kind = "participants"
    export_aspect = 0.7

    def __init__(self, framework_id: str, title: str = "Where the room disagrees",
                 parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self._reading_item = self.addLabel("", row=1, col=0)
        self.plot = self.add_menuless_plot(row=2, col=0)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self._key_item = self.addLabel("", row=3, col=0)
        self.ci.layout.setRowStretchFactor(2, 10)
        self._ranges = pg.BarGraphItem(x0=[], y=[], height=[], width=[])
        self._medians = pg.PlotCurveItem(connect="pairs")
        self._medians.setZValue(5)
        self._dots = pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=_dot_tip)
        self._dots.setZValue(10)
        for item in (self._ranges, self._medians, self._dots):
            self.plot.addItem(item)
        self._labels: list[pg.TextItem] = []
        self._rows: tuple[tuple[SpreadRow, int], ...] = ()
        """The rows drawn, each with its y."""
        self._message = text_item("", self.style.foreground, 1.2, bold=True)
        self.plot.addItem(self._message)
        self.plot.getViewBox().sigResized.connect(self._place_labels)
        self._style_axes()

    def _style_axes(self) -> None:
        self.style_axes(self.plot, bottom_scale=0.9)
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.getAxis("bottom").setLabel(
            "Weight (0-100)", **{"font-size": f"{font(0.9).pointSizeF():.0f}pt",
                                 "color": self.style.muted.name()})
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}") for v in range(0, 101, 25)]])

    # -- drawing --------------------------------------------------------------------------

    def _draw(self, data: ParticipantsData) -> None:
        st = self.style
        rows = data.rows if not data.message else ()
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]
        self._fit_reading()
        range_colour = QColor(st.muted)
        range_colour.setAlpha(70)
        self._ranges.setOpts(x0=[r.low for r in rows], y=ys, width=[r.high - r.low for r in rows],
                             height=[0.16] * n, brush=pg.mkBrush(range_colour),
                             pen=pg.mkPen(None))
        mx, my = [], []
        for r, y in zip(rows, ys):
            mx += [r.median, r.median]
            my += [y - 0.2, y + 0.2]
        self._medians.setData(mx, my, pen=pg.mkPen(st.foreground, width=line(3)))
        self._rows = tuple(zip(rows, ys))
        left = [[(y, r.label) for y, r in zip(ys, rows)]]
        self.plot.getAxis("left").setTicks(left)
        self.plot.setXRange(*X_RANGE, padding=0)
        self.plot.setYRange(-0.6, max(n - 0.05, 0.4), padding=0)  # the top row's names
        message = data.message or ("" if rows else "No participants yet")
        self._message.setText(message)
        self._message.setColor(st.foreground)
        self._message.setPos(50, (n - 1) / 2 if n else 0)
        self._place_labels()

    short_title = ""
    """Shown instead of the title when the chart is too narrow for it (empty: never)."""
    _full_title = ""

    def _fit_title(self) -> None:
        full = self._full_title or self.title
        self._full_title = full
        wide = QFontMetricsF(font(1.25, True)).horizontalAdvance(full) + 40 <= self.width()
        shown = full if wide or not self.short_title else self.short_title
        if shown != self.title:
            Chart.set_title(self, shown)
            self.setAccessibleName(full)

    def set_title(self, title: str) -> None:
        self._full_title = title
        super().set_title(title)
        self._fit_title()

    def clone(self) -> ParticipantsChart:
        """For export: the full title, whatever fits on screen now."""
        twin = type(self)(self.framework_id, self._full_title or self.title)
        twin.short_title = self.short_title
        if self.data is not None:
            twin.show_data(self.data)
        return twin

    def _fit_reading(self) -> None:
        """The reading under the title: on one line if it fits, else on two (broken after
        the colon), else shortened with an ellipsis (the full line is then the tooltip). It
        never widens the chart. Plain text: names from files are escaped."""
        text = self.reading()
        fm = QFontMetricsF(font(1.0))
        room = max(self.width() - 30, 120)
        lines = [text]
        if fm.horizontalAdvance(text) > room and ": " in text:
            head, _, tail = text.partition(": ")
            lines = [head + ":", tail]
        lines = [fm.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines]
        self._reading_item.setText("<br>".join(html.escape(line) for line in lines),
                                   size=f"{font(1.0).pointSizeF():.0f}pt",
                                   color=self.style.foreground.name())
        self.setToolTip(text if " ".join(lines) != text else "")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if getattr(self, "data", None) is not None:
            self._fit_title()
            self._fit_reading()

    def _key(self, some_unnamed: bool) -> str:
        if not self._rows:
            return ""
        key = "\u25cf a person   \u2503 median   \u2501 range"
        return key + ("   \u00b7 point at a dot for a name" if some_unnamed else "")

    def _place_dots(self, px_h: float) -> list[Stack]:
        """Draw every person's dot; people with the same weight stand in a column a dot apart
        (upwards, so no dot hides another). Returns the columns, for the labels."""
        st = self.style
        spots, stacks = [], []
        for r, y in self._rows:
            by_value: dict[float, list[PersonDot]] = {}
            for d in r.dots:
                by_value.setdefault(d.value, []).append(d)
            for value, people in by_value.items():
                step = min(line(11) * px_h, 0.45 / max(len(people) - 1, 1))
                for k, d in enumerate(people):
                    spots.append({"pos": (value, y + k * step), "symbol": person_symbol(d.index),
                                  "size": line(11), "brush": pg.mkBrush(option_colour(d.index)),
                                  "pen": pg.mkPen(st.background, width=line(1)),
                                  "data": f"{d.name}: {value:g}"})
                stacks.append(Stack(value, y, y + (len(people) - 1) * step,
                                    tuple(d.name for d in people)))
        self._dots.setData(spots)
        return stacks

    def _place_labels(self) -> None:
        """Name each column of dots above it where the names fit without touching another
        label or dot (see place_labels); placed again on every resize."""
        vb = self.plot.getViewBox()
        px_w, px_h = vb.viewPixelSize() if vb.width() > 1 and vb.height() > 1 else (0.2, 0.02)
        stacks = self._place_dots(px_h)
        metrics = QFontMetricsF(font(LABEL_SCALE))
        shown = place_labels(stacks, lambda t: metrics.horizontalAdvance(t) * px_w,
                             metrics.height() * px_h, line(6) * px_w, line(6) * px_h,
                             LABEL_GAP_PX * px_w)
        complete = sum(1 for *_, full in shown if full)
        key = QFontMetricsF(font(0.85)).elidedText(
            self._key(complete < len(stacks)), Qt.TextElideMode.ElideRight,
            max(self.width() - 30, 120))
        self._key_item.setText(key, size=f"{font(0.85).pointSizeF():.0f}pt",
                               color=self.style.muted.name())
        while len(self._labels) < len(shown):
            lab = text_item("", self.style.foreground, LABEL_SCALE, anchor=(0, 1))
            lab.setZValue(8)
            # QGraphicsTextItem pads its text: without the margin the box is the text's.
            lab.textItem.document().setDocumentMargin(0)
            self.plot.addItem(lab)
            self._labels.append(lab)
        for i, lab in enumerate(self._labels):
            if i >= len(shown):
                lab.setVisible(False)
                continue
            text, x, y, _full = shown[i]
            if lab.toPlainText() != text:
                lab.setText(text)
            lab.setColor(self.style.foreground)
            lab.setPos(x, y)
            lab.setVisible(True)

    def labels_shown(self) -> list[str]:
        """The dot labels on screen (for tests and screen readers)."""
        return [lab.toPlainText() for lab in self._labels if lab.isVisible()]

    def reading(self) -> str:
        return self.data.reading if self.data is not None else ""

    def restyle(self) -> None:
        self.style = self.restyled()
        for lab in self._labels:
            lab.setFont(font(LABEL_SCALE))
        self._style_axes()
        super().restyle()
        self._fit_title()


def _dot_tip(x=None, y=None, data=None) -> str:
    """A dot's tooltip: the person and their weight (names that do not fit still show)."""
    return str(data)


@dataclass(frozen=True)
class Stack:
    """The people at one weight on one criterion: a column of dots from ``y`` up to ``top``."""

    x: float
    y: float
    top: float
    names: tuple[str, ...]


def label_texts(names: tuple[str, ...]) -> list[str]:
    """What to write above a column, longest first: every name, then shorter forms."""
    texts = [", ".join(names)]
    if len(names) > 2:
        texts.append(f"{names[0]}, {names[1]} +{len(names) - 2}")
    if len(names) > 1:
        texts.append(f"{len(names)} people")
    return texts


def place_labels(stacks: list[Stack], width_of, text_h: float, dot_w: float, dot_h: float,
                 gap: float) -> list[tuple[str, float, float, bool]]:
    """(text, left x, bottom y, every name in full) of each label that fits: above its
    column, centred on it, stepping up in half lines (at most one line, so a name stays by
    its dots) until it touches no label or dot already there and stays below the next row's
    line; the full names first, shorter forms when they do not fit, nothing when none fits.
    All in data units (rows are 1 apart)."""
    obstacles = [(s.x - dot_w, s.x + dot_w, s.y - dot_h, s.top + dot_h) for s in stacks]
    shown: list[tuple[str, float, float, bool]] = []

    def free(box) -> bool:
        x0, x1, y0, y1 = box
        return all(x1 + gap <= a or x0 >= b + gap or y1 <= c or y0 >= d
                   for a, b, c, d in obstacles)

    for s in sorted(stacks, key=lambda s: (-s.y, s.x)):
        ceiling = s.y + 1 - dot_h  # the next row up
        for n, text in enumerate(label_texts(s.names)):
            w = width_of(text)
            left = min(max(s.x - w / 2, X_RANGE[0]), X_RANGE[1] - w)
            bottom = s.top + dot_h
            highest = min(ceiling - text_h, bottom + text_h)  # near its dots, or not at all
            while bottom <= highest + 1e-9:
                box = (left, left + w, bottom, bottom + text_h)
                if free(box):
                    obstacles.append(box)
                    shown.append((text, left, bottom, n == 0))
                    break
                bottom += text_h / 2
            else:
                continue
            break
    return shown
