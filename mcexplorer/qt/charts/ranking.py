"""Ranking chart: fit of every option in %, best at the top, ties shown as ties."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetricsF

from .base import Chart, text_item
from .fit import elide
from .style import ChartStyle, font, needs_edge

NAME_SHARE = 0.45
"""Option names take at most this share of the chart's width; longer ones are elided (the
full name shows on hover)."""
VALUE_SCALE = 0.95
TICK_STEPS = (20, 25, 50, 100)


@dataclass(frozen=True)
class RankingRow:
    name: str
    fit: float | None
    rank: int
    tied: bool
    colour: str = ""
    """Bar colour; empty for the neutral colour (options not on the radar)."""


@dataclass(frozen=True)
class RankingData:
    rows: tuple[RankingRow, ...]
    message: str = ""
    unit: str = "Fit (%)"


def rank_label(row: RankingRow) -> str:
    return f"={row.rank}" if row.tied else f"{row.rank}"


class RankingChart(Chart):
    kind = "ranking"
    CAPTION = "Fit: 100% = the best rating on every criterion you weight"
    export_aspect = 0.62

    def __init__(self, framework_id: str, title: str = "Ranking of fit", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.ci.setContentsMargins(18, 6, 10, 6)  # the longest name keeps clear of the edge
        self.plot = self.add_bar_plot(grid_alpha=0.25)
        self._bars = pg.BarGraphItem(x0=[], y=[], height=[], width=[])
        self.plot.addItem(self._bars)
        self._value_labels: list[pg.TextItem] = []
        self._ticks: list = []
        self._unit = ""
        self._message = text_item("", self.style.foreground, 1.2, bold=True)
        self.plot.addItem(self._message)
        self._rows: tuple[RankingRow, ...] = ()
        self._x_max = 112.0
        self._style_axes()
        self.plot.vb.sigResized.connect(self._fit_x)

    def _style_axes(self) -> None:
        self.style_axes(self.plot, bottom_scale=0.9)
        self.plot.getAxis("bottom").setLabel("Fit (%)", **{"font-size": f"{font(0.9).pointSizeF():.0f}pt",
                                                          "color": self.style.muted.name()})

    def _draw(self, data: RankingData) -> None:
        rows = data.rows
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]
        neutral = QColor(self.style.muted)
        neutral.setAlpha(150)
        brushes = [pg.mkBrush(self.style.ink(r.colour)) if r.colour else pg.mkBrush(neutral)
                   for r in rows]
        edge = pg.mkPen(self.style.foreground, width=1)
        pens = [edge if r.colour and needs_edge(r.colour) else pg.mkPen(None) for r in rows]
        widths = [r.fit if r.fit is not None else 0.0 for r in rows]
        self._bars.setOpts(x0=[0.0] * n, y=ys, height=[0.68] * n, width=widths, brushes=brushes,
                           pens=pens)
        self._rows = rows
        self._set_ticks(self.width())
        # Each row needs a line of text: a crowded chart asks for the height (and is then
        # drawn smaller as a whole) rather than pile its labels up.
        line = QFontMetricsF(font(VALUE_SCALE, True)).height()
        self.plot.vb.setMinimumHeight(n * (line + 2))
        if data.unit != self._unit:
            self._unit = data.unit
            self.plot.getAxis("bottom").setLabel(data.unit)
        while len(self._value_labels) < n:
            lab = text_item("", self.style.foreground, 0.95, anchor=(0, 0.5), bold=True)
            self.plot.addItem(lab)
            self._value_labels.append(lab)
        for i, lab in enumerate(self._value_labels):
            if i >= n or rows[i].fit is None:
                lab.setVisible(False)
                continue
            text = f"{rows[i].fit:.1f}%"
            if lab.toPlainText() != text:
                lab.setText(text)
            lab.setVisible(True)
        self._message.setText(data.message)
        self._message.setColor(self.style.foreground)
        self._message.setPos(50, (n - 1) / 2 if n else 0)
        self.plot.setYRange(-0.6, max(n - 0.4, 0.4), padding=0)
        self._fit_x()

    def _set_ticks(self, width: float) -> None:
        """Rank and name of each row, names elided to NAME_SHARE of ``width``."""
        rows = self._rows
        n = len(rows)
        tick_font = font(1.0)
        room = max(60.0, NAME_SHARE * width) if width > 1 else 10_000.0
        ticks = [[(n - 1 - i, f"{rank_label(r)}  {elide(r.name, tick_font, room)}")
                  for i, r in enumerate(rows)]]
        if ticks != self._ticks:  # re-laying out the axis text is the costly part of a redraw
            self._ticks = ticks
            self.plot.getAxis("left").setTicks(ticks)

    def fit_parts(self, width: float) -> None:
        super().fit_parts(width)
        if hasattr(self, "_rows"):
            self._set_ticks(width)

    def _fit_x(self, *_args) -> None:
        """Room right of 100% for the longest value label, and bottom ticks far enough apart."""
        vb = self.plot.vb
        w = vb.width()
        fm = QFontMetricsF(font(VALUE_SCALE, True))
        label = fm.horizontalAdvance("100.0%") + 6
        x_max = 100.0 * w / (w - label) if w > label + 40 else 112.0
        self._x_max = x_max
        self.plot.setXRange(0, x_max, padding=0)
        gap = 3.0 * x_max / w if w > 0 else 1.0  # 3 px in data units
        for i, lab in enumerate(self._value_labels[:len(self._rows)]):
            fit = self._rows[i].fit
            if fit is not None:
                lab.setPos(fit + gap, len(self._rows) - 1 - i)
        tick_w = QFontMetricsF(font(0.9)).horizontalAdvance("100") + 10
        step = next((st for st in TICK_STEPS if w <= 0 or st * w / x_max >= tick_w), 100)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}") for v in range(0, 101, step)]])

    def tooltip_at(self, scene_pos) -> str:
        """A row's full name, rank and fit under the mouse (names may be elided)."""
        axis = self.plot.getAxis("left")
        vb = self.plot.vb
        inside = axis.sceneBoundingRect().united(vb.sceneBoundingRect())
        if self._rows and inside.contains(scene_pos):
            y = vb.mapSceneToView(scene_pos).y()
            i = len(self._rows) - 1 - round(y)
            if 0 <= i < len(self._rows) and abs(y - round(y)) <= 0.45:
                r = self._rows[i]
                fit = "-" if r.fit is None else f"{r.fit:.1f}%"
                return f"{rank_label(r)}  {r.name}: fit {fit}"
        return super().tooltip_at(scene_pos)

    def restyle(self) -> None:
        self.style = ChartStyle.current()
        self._ticks, self._unit = [], ""
        for lab in self._value_labels:
            lab.setColor(self.style.foreground)
        self._style_axes()
        super().restyle()

    def tick_labels(self) -> list[str]:
        """The row labels as shown, best first (for tests and accessibility)."""
        ticks = self.plot.getAxis("left")._tickLevels
        if not ticks:
            return []
        return [label for _, label in sorted(ticks[0], key=lambda t: -t[0])]
