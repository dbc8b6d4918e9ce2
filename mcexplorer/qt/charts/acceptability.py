"""Rank acceptability chart: for each option, the share of draws at each rank, stacked.

One horizontal bar per option (100% of the draws), split into first place, second place, ...;
ranks past the fourth are lumped together when there are more than five options, so the bars
stay readable on a projector. A swatch in the option's colour (as on the other charts) leads
each row; the share of first place is written after the bar. Under the bars, one line keys
the rank colours and one says how the draws were made (number, jitter, seed, ratings); both
are short so the chart fits beside the ranking at 1024 pixels. Fed plain data; draws only.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtGui import QColor

from ...core.robustness.chart_data import AcceptabilityData, AcceptabilityRow  # noqa: F401
from ...core.values import share_text
from .base import Chart, text_item
from .style import font

RANK_COLOURS = ("#253494", "#2c7fb8", "#41b6c4", "#a1dab4", "#e6f2c4")
"""Darker is better: first place darkest (ColorBrewer YlGnBu, reversed)."""
SWATCH = (-6.0, -2.0)
"""Where the option's colour swatch sits, left of the bars (x in %)."""
SHARE_AT = 102.0
"""Where the share of first place is written, right of the bars (x in %)."""
X_MAX = 121.0
NARROW = 470
"""Below this width (pixels) the key and caption take more, shorter lines."""
ROW_PX, AXIS_PX = 17, 34
"""The least height of a bar's row (its name beside it) and of the axis under the bars: a
short slot draws the chart smaller (charts.fit) rather than run the names into each other."""


def rank_groups(n: int) -> list[tuple[int, int, str]]:
    """(first rank index, last rank index exclusive, legend label) for ``n`` ranks."""
    names = ["1st", "2nd", "3rd", "4th", "5th"]
    if n <= len(RANK_COLOURS):
        return [(k, k + 1, names[k]) for k in range(n)]
    last = len(RANK_COLOURS) - 1
    return [(k, k + 1, names[k]) for k in range(last)] + [(last, n, f"{last + 1}th\u2013{n}th")]


class AcceptabilityChart(Chart):
    kind = "acceptability"
    export_aspect = 0.62

    def __init__(self, framework_id: str, title: str = "Share of draws at each rank",
                 parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.setMinimumSize(240, 150)  # shares the radar's slot with its controls
        self.plot = self.add_bar_plot(grid_alpha=0.2)
        self._bars: list[pg.BarGraphItem] = []
        self._swatches = pg.BarGraphItem(x0=[], y=[], height=[], width=[])
        self.plot.addItem(self._swatches)
        self._labels: list[pg.TextItem] = []
        self._caption = self.addLabel("", row=2, col=0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._ticks: list = []
        self._groups: list = []
        self._message = text_item("", self.style.foreground, 1.1, bold=True)
        self._message.setZValue(20)
        self.plot.addItem(self._message)
        self._style_axes()

    def _style_axes(self) -> None:
        self.style_axes(self.plot, bottom_scale=0.85)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in range(0, 101, 25)]])

    def _draw(self, data: AcceptabilityData) -> None:
        rows = data.rows
        n = len(rows)
        ranks = len(rows[0].ranks) if rows else 0
        groups = rank_groups(ranks)
        ys = [n - 1 - i for i in range(n)]
        while len(self._bars) < len(groups):
            bar = pg.BarGraphItem(x0=[], y=[], height=[], width=[])
            self.plot.addItem(bar)
            self._bars.append(bar)
        for g, bar in enumerate(self._bars):
            if g >= len(groups):
                bar.setOpts(x0=[], y=[], height=[], width=[])
                continue
            a, b, _ = groups[g]
            x0 = [100.0 * sum(r.ranks[:a]) for r in rows]
            widths = [100.0 * sum(r.ranks[a:b]) for r in rows]
            bar.setOpts(x0=x0, y=ys, height=[0.66] * n, width=widths,
                        brush=pg.mkBrush(QColor(RANK_COLOURS[g])),
                        pen=pg.mkPen(self.style.background, width=1))
        self._swatches.setOpts(x0=[SWATCH[0]] * n, y=ys, height=[0.5] * n,
                               width=[SWATCH[1] - SWATCH[0]] * n,
                               brushes=[pg.mkBrush(QColor(r.colour)) for r in rows],
                               pens=[pg.mkPen(None)] * n)
        for lab in self._labels:
            self.plot.removeItem(lab)
        self._labels = []
        for row, y in zip(rows, ys):
            first = row.ranks[0] if row.ranks else 0.0
            lab = text_item(_pct(first), self.style.foreground, 0.9, anchor=(0, 0.5), bold=True)
            lab.setPos(SHARE_AT, y)
            lab.setZValue(10)
            self.plot.addItem(lab)
            self._labels.append(lab)
        ticks = [[(y, row.name) for y, row in zip(ys, rows)]]
        if ticks != self._ticks:
            self._ticks = ticks
            self.plot.getAxis("left").setTicks(ticks)
        self._groups = groups
        self._show_caption()
        self._message.setText(data.message)
        self._message.setColor(self.style.foreground)
        self._message.setPos(50, (n - 1) / 2 if n else 0)
        self.plot.setMinimumHeight(max(n, 1) * ROW_PX + AXIS_PX)
        self.plot.setXRange(SWATCH[0], X_MAX, padding=0.01)
        self.plot.setYRange(-0.6, max(n - 0.4, 0.4), padding=0)

    def _narrow(self, width: int | None = None) -> bool:
        return (self.width() if width is None else width) < NARROW

    def _show_caption(self, width: int | None = None) -> None:
        data = getattr(self, "data", None)  # None while the base class is being built
        if data is None:
            return
        self._shown_narrow = self._narrow(width)
        self._caption.setText(self.caption_html(self._groups, data.caption, self._shown_narrow),
                              size=f"{font(0.85).pointSizeF():.0f}pt",
                              color=self.style.muted.name())

    def fit_width(self, width: int) -> None:
        if getattr(self, "_shown_narrow", None) not in (None, self._narrow(width)):
            self._show_caption(width)

    def caption_html(self, groups, caption: tuple[str, ...], narrow: bool = False) -> str:
        """The key of rank colours over the caption: two lines, or four when narrow.
        Only rank names, numbers and the panel's words: no text from files."""
        fg = self.style.foreground.name()
        keys = " ".join(f"<span style='color:{RANK_COLOURS[g]}'>\u25a0</span>"
                        f"<span style='color:{fg}'>{label}</span>"
                        for g, (_, _, label) in enumerate(groups))
        lines = [f"rank: {keys}", "right: share of draws ranked first"] if groups else []
        parts = [html.escape(p) for p in caption]
        if narrow:
            lines += [" \u00b7 ".join(parts[:3]), " \u00b7 ".join(parts[3:])]
        else:
            lines = [" &nbsp;\u00b7 ".join(lines)] if lines else []
            lines.append(" \u00b7 ".join(parts))
        return "<br>".join(t for t in lines if t)

    def restyle(self) -> None:
        self.style = self.restyled()
        self._ticks = []
        self._style_axes()
        super().restyle()


def _pct(share: float) -> str:
    return share_text(share)
