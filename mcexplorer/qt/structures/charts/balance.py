"""Balance chart: the H1/H2/H3 split as stacked horizontal bars (intended, observed, reference)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetricsF

from ....core.structures.chart_data import BalanceData, BalanceRow  # noqa: F401
from ...charts.base import Chart, text_item
from ...charts.style import font
from .horizons_data import HORIZON_COLOURS

TEXT_ON = {1: "#ffffff", 2: "#1a1a1a", 3: "#ffffff"}
"""Label colour on each horizon's bar colour (dark text on orange for contrast)."""
BAR_HEIGHT = 0.62
"""A bar's height as a share of its row."""
MIN_LABEL_SHARE = 4.5
"""Segments narrower than this (%) carry no label inside."""


def segment_label(k: int, share: float) -> str:
    """'H1 70%' on a wide segment, '7%' on a narrow one, nothing on a sliver."""
    if share < MIN_LABEL_SHARE:
        return ""
    if share < 10:
        return f"{share:.0f}%"
    return f"H{k} {_pct(share)}" if share >= 16 else _pct(share)




class BalanceChart(Chart):
    kind = "balance"
    CAPTION = "What you intend, what your initiatives imply, and a 70/20/10 rule of thumb"
    export_aspect = 0.34
    TITLE_LINES = 2  # its long title whole at 1024x768 (it was cut to "… r…")
    COMPACT_HEIGHT = 280  # ... and on one line at the body's size where the chart is short

    def __init__(self, framework_id: str, title: str = "Balance of effort", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.setMinimumSize(240, 150)
        self.plot = self.add_bar_plot(grid_alpha=0.2)
        self._bars = {k: pg.BarGraphItem(x0=[], y=[], height=[], width=[]) for k in (1, 2, 3)}
        for bar in self._bars.values():
            self.plot.addItem(bar)
        self._labels: list[pg.TextItem] = []
        self._style_axes()

    def _style_axes(self) -> None:
        self.style_axes(self.plot, bottom_scale=0.85)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in range(0, 101, 25)]])

    def _draw(self, data: BalanceData) -> None:
        rows = data.rows
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]
        for lab in self._labels:
            self.plot.removeItem(lab)
        self._labels = []
        for k in (1, 2, 3):
            x0, y, w = [], [], []
            for row, yy in zip(rows, ys):
                if row.shares is None:
                    continue
                x0.append(sum(row.shares[:k - 1]))
                w.append(row.shares[k - 1])
                y.append(yy)
            self._bars[k].setOpts(x0=x0, y=y, width=w, height=[BAR_HEIGHT] * len(y),
                                  brush=pg.mkBrush(QColor(HORIZON_COLOURS[k])),
                                  pen=pg.mkPen(self.style.background, width=1))
        for row, yy in zip(rows, ys):
            if row.shares is None:
                lab = text_item(row.note, self.style.muted, 0.95, anchor=(0, 0.5))
                lab.setPos(1.0, yy)
                self._add(lab)
                continue
            left = 0.0
            for k, share in enumerate(row.shares, start=1):
                text = segment_label(k, share)
                if text:
                    lab = text_item(text, TEXT_ON[k], 0.95, bold=True)
                    lab.setPos(left + share / 2, yy)
                    self._add(lab)
                left += share
        left_axis = self.plot.getAxis("left")
        left_axis.setTicks([[(yy, row.label) for row, yy in zip(rows, ys)]])
        self._fit_text(rows)
        self.plot.setXRange(0, 100, padding=0.01)
        self.plot.setYRange(-0.5, max(n - 0.5, 0.5), padding=0.02)

    def _fit_text(self, rows) -> None:
        """Room for the type in the style drawn (presenting's is 1.4 times larger): the row
        names' column as wide as the longest, and each bar as tall as its label."""
        names = QFontMetricsF(font(1.0))
        self.plot.getAxis("left").setWidth(math.ceil(
            max((names.horizontalAdvance(r.label) for r in rows), default=0.0) + 14))
        line = QFontMetricsF(font(0.95, bold=True)).height()
        bars = len(rows) * (line + 2) / BAR_HEIGHT
        self.setMinimumHeight(max(150, math.ceil(bars + 3.4 * names.height() + 16)))

    def _add(self, item: pg.TextItem) -> None:
        item.setZValue(10)
        self.plot.addItem(item)
        self._labels.append(item)

    def restyle(self) -> None:
        self.style = self.restyled()
        self._style_axes()
        super().restyle()


def _pct(x: float) -> str:
    """A share in whole percent ("38%", not "38.1%": the balance is a rough intent)."""
    return f"{x:.0f}%"
