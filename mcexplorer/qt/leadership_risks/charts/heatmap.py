"""Risk heat map: likelihood (x) by impact (y), 1-5 each, every risk a numbered point in its
cell, numbered by likelihood x impact (1 = highest); the legend lists the numbers with the
risks' texts. Cells are shaded by likelihood x impact in four bands (the tool's reading).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetricsF

from ....core.leadership_risks.chart_data import HeatmapData, HeatPoint
from ...charts.base import Chart, text_item
from ...charts.style import ChartStyle, font
from ...plain import escaped

LEVELS = (1, 2, 3, 4, 5)
BANDS: tuple[tuple[int, str, str], ...] = (
    (4, "#dff0e0", "#24402a"), (9, "#fbf1c9", "#4a4220"), (16, "#fddcbf", "#553a22"),
    (25, "#f6c3bd", "#5a2a26"))
"""(highest score in the band, light tint, dark tint): 1-4, 5-9, 10-16, 20-25 (our reading)."""
BANDS_NOTE = "Shading: likelihood x impact 1-4, 5-9, 10-16, 20-25 (our reading)"
LEGEND_ROWS = 12
TEXT_CHARS = 60
SPOTS: dict[int, list[tuple[float, float]]] = {
    1: [(0, 0)], 2: [(-0.2, 0), (0.2, 0)], 3: [(-0.2, 0.15), (0.2, 0.15), (0, -0.18)],
    4: [(-0.2, 0.18), (0.2, 0.18), (-0.2, -0.18), (0.2, -0.18)]}
"""Where the points of a cell sit (offsets from its centre) for 1-4 risks; more use a 3x3 grid."""


def band_colour(score: int, dark: bool) -> str:
    for top, light, deep in BANDS:
        if score <= top:
            return deep if dark else light
    return BANDS[-1][2] if dark else BANDS[-1][1]


MARK_MIN_PX, MARK_MAX_PX = 24.0, 72.0
MARK_SHARE = 0.26
"""A marker's diameter as a share of a cell (four markers in a cell still stand apart)."""
NUMBER_SHARE = 0.5
"""A marker's number's height as a share of the marker: it stays inside."""


def spots(count: int) -> list[tuple[float, float]]:
    if count in SPOTS:
        return SPOTS[count]
    grid = [(dx, dy) for dy in (0.27, 0, -0.27) for dx in (-0.27, 0, 0.27)]
    return [grid[i % len(grid)] for i in range(count)]


def legend_html(data: HeatmapData, style: ChartStyle, text_chars: int = TEXT_CHARS) -> str:
    """The numbered list of risks, each cut to ``text_chars`` so an entry keeps to one line."""
    fg, muted = style.foreground.name(), style.muted.name()
    lines = []
    for p in data.points[:LEGEND_ROWS]:
        text = p.text if len(p.text) <= text_chars else p.text[:text_chars - 1].rstrip() + "…"
        lines.append(f'<span style="color:{p.colour}">●</span> <b>{p.number}</b> '
                     f'{escaped(text)} <span style="color:{muted}">'
                     f'({p.likelihood} x {p.impact} = {p.likelihood * p.impact})</span>')
    if len(data.points) > LEGEND_ROWS:
        lines.append(f'<span style="color:{muted}">and {len(data.points) - LEGEND_ROWS} '
                     "more in the register</span>")
    keys = " ".join(f'<span style="color:{c}">●</span> {escaped(n)}'
                    for n, c in data.categories)
    lines.append(f'<span style="color:{muted}">{keys}<br>{escaped(BANDS_NOTE)}</span>')
    return f'<div style="color:{fg}">' + "<br>".join(lines) + "</div>"


class HeatmapChart(Chart):
    kind = "heatmap"
    export_aspect = 1.0

    def __init__(self, framework_id: str, title: str = "Risk heat map", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.setMinimumSize(260, 300)
        self.plot = self.add_menuless_plot(row=1, col=0)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self._cells = pg.BarGraphItem(x0=[], y0=[], width=[], height=[])
        self.plot.addItem(self._cells)
        self._points = pg.ScatterPlotItem(pxMode=True)
        self._points.setZValue(5)
        self.plot.addItem(self._points)
        self._numbers: list[pg.TextItem] = []
        self._message = text_item("", self.style.foreground, 1.1, bold=True)
        self._message.setZValue(20)
        self.plot.addItem(self._message)
        self.legend = pg.LabelItem(justify="left")
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._style_axes()
        self._mark_px = MARK_MIN_PX
        self.plot.getViewBox().sigResized.connect(self._size_marks)

    def mark_px(self) -> float:
        """A risk marker's diameter in the chart's pixels: a share of a cell, so the markers
        and their numbers grow with the chart (a slide, a printed page), never below
        MARK_MIN_PX."""
        px_per_unit = self.plot.getViewBox().viewPixelSize()[0]
        cell = 1.0 / px_per_unit if px_per_unit > 0 else 0.0
        return max(MARK_MIN_PX, min(MARK_MAX_PX, MARK_SHARE * cell))

    def _size_marks(self, *_args) -> None:
        size = self.mark_px()
        if abs(size - self._mark_px) < 0.5:
            return
        self._mark_px = size
        if self.data is not None:
            self._draw(self.data)

    def _style_axes(self) -> None:
        self.style_axes(self.plot, bottom_scale=1.0)
        labels = {"font-size": f"{font(0.95).pointSizeF():.0f}pt",
                  "color": self.style.muted.name()}
        self.plot.getAxis("bottom").setLabel("Likelihood (1-5)", **labels)
        self.plot.getAxis("left").setLabel("Impact (1-5)", **labels)
        ticks = [[(v, str(v)) for v in LEVELS]]
        self.plot.getAxis("bottom").setTicks(ticks)
        self.plot.getAxis("left").setTicks(ticks)

    def _draw(self, data: HeatmapData) -> None:
        self._mark_px = self.mark_px()
        dark = self.style.dark
        cells = [(x, y) for x in LEVELS for y in LEVELS]
        self._cells.setOpts(x0=[x - 0.5 for x, _ in cells], y0=[y - 0.5 for _, y in cells],
                            width=[1] * 25, height=[1] * 25,
                            brushes=[pg.mkBrush(QColor(band_colour(x * y, dark)))
                                     for x, y in cells],
                            pens=[pg.mkPen(self.style.background, width=2)] * 25)
        by_cell: dict[tuple[int, int], list[HeatPoint]] = {}
        for p in data.points:
            by_cell.setdefault((p.likelihood, p.impact), []).append(p)
        placed = []
        for (x, y), group in by_cell.items():
            for p, (dx, dy) in zip(group, spots(len(group))):
                placed.append((x + dx, y + dy, p))
        self._points.setData(
            [{"pos": (px, py), "size": self._mark_px, "brush": pg.mkBrush(QColor(p.colour)),
              "pen": pg.mkPen(self.style.background, width=1.5), "symbol": "o"}
             for px, py, p in placed])
        while len(self._numbers) < len(placed):
            lab = text_item("", "#ffffff", 0.8, bold=True)
            lab.setZValue(10)
            self.plot.addItem(lab)
            self._numbers.append(lab)
        for i, lab in enumerate(self._numbers):
            if i >= len(placed):
                lab.setVisible(False)
                continue
            px, py, p = placed[i]
            number_font = font(0.8, bold=True)
            number_font.setPixelSize(max(9, round(self._mark_px * NUMBER_SHARE)))
            lab.setFont(number_font)  # inside its marker at every size
            lab.setText(str(p.number))
            lab.setPos(px, py)
            lab.setVisible(True)
        self._message.setText(data.message)
        self._message.setColor(self.style.foreground)
        self._message.setPos(3, 3)
        self.plot.setXRange(0.5, 5.5, padding=0.02)
        self.plot.setYRange(0.5, 5.5, padding=0.02)
        self._fill_legend()

    def _fill_legend(self) -> None:
        """The legend at the chart's width: texts cut to fit one line, wrapped if need be, so
        a long risk never widens the chart."""
        width = max(self.width() - 30, 200)
        legend_font = font(0.9)
        chars = int(width / QFontMetricsF(legend_font).averageCharWidth()) - 25
        self.legend.item.setTextWidth(width)
        if self.data is not None:
            self.legend.setText(legend_html(self.data, self.style, max(chars, 24)),
                                size=f"{legend_font.pointSizeF():.0f}pt")
        self.legend.updateMin()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if getattr(self, "legend", None) is not None:
            self._fill_legend()  # before the layout takes the new size
        super().resizeEvent(event)

    def restyle(self) -> None:
        self.style = self.restyled()
        self._style_axes()
        super().restyle()

    def point_numbers(self) -> dict[str, int]:
        """Risk text -> its number on the map (for tests and accessibility)."""
        return {p.text: p.number for p in (self.data.points if self.data else ())}
