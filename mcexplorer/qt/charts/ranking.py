"""Ranking chart: fit of every option in %, best at the top, ties shown as ties."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics

from .base import Chart, text_item
from .style import ChartStyle, font, needs_edge


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
        self._style_axes()

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
        ticks = self._tick_texts(rows, ys)
        if ticks != self._ticks:  # re-laying out the axis text is the costly part of a redraw
            self._ticks = ticks
            self.plot.getAxis("left").setTicks(ticks)
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
            lab.setPos(rows[i].fit + 1.0, ys[i])
            lab.setVisible(True)
        self._message.setText(data.message)
        self._message.setColor(self.style.foreground)
        self._message.setPos(50, (n - 1) / 2 if n else 0)
        self.plot.setXRange(0, 112, padding=0)
        self.plot.setYRange(-0.6, max(n - 0.4, 0.4), padding=0)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}") for v in range(0, 101, 20)]])

    def _tick_texts(self, rows, ys, width: int | None = None) -> list:
        """"=3  Name" per row; names cut with an ellipsis when the chart is narrow, so the
        labels leave the bars the rest of the width."""
        room = max(80, int((self.width() if width is None else width) * 0.55))
        metrics = QFontMetrics(font(1.0))
        return [[(y, metrics.elidedText(f"{rank_label(r)}  {r.name}",
                                        Qt.TextElideMode.ElideRight, room))
                 for y, r in zip(ys, rows)]]

    def fit_width(self, width: int) -> None:
        data = getattr(self, "data", None)
        if data is not None:
            ticks = self._tick_texts(data.rows, [len(data.rows) - 1 - i
                                                 for i in range(len(data.rows))], width)
            if ticks != self._ticks:
                self._ticks = ticks
                self.plot.getAxis("left").setTicks(ticks)

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
