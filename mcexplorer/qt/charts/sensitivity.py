"""One-way sensitivity chart: every option's fit as one weight goes from 0 to 100.

The other weights stay as they are. The current weight is a dashed line, the range in which
the current leader stays first is shaded (the same band as on the slider), every change of
first place is a labelled dot, and other crossings of two lines are small rings. Fed plain
data (``SensitivityData``); it draws only.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ...core.robustness.chart_data import SensitivityData, SensitivityMark, SensitivitySeries  # noqa: F401
from .base import Chart, legend_columns, text_item
from .style import font

BAND_BRUSH = (0, 158, 115, 38)
"""The stable range, as on the slider's groove (fainter: it sits behind the lines)."""


class SensitivityChart(Chart):
    kind = "sensitivity"
    export_aspect = 0.62

    def __init__(self, framework_id: str, title: str = "Fit as one weight moves",
                 parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.setMinimumSize(240, 150)  # shares the radar's slot with its criterion list
        self.plot = self.add_menuless_plot(row=1, col=0)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        # No grid: repainting grid lines on every step of a drag costs more than the lines.
        self.legend = pg.LegendItem(colCount=4, labelTextColor=self.style.foreground,
                                    labelTextSize=f"{font(0.9).pointSizeF():.0f}pt")
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._band = pg.LinearRegionItem(values=(0, 0), movable=False,
                                         brush=pg.mkBrush(*BAND_BRUSH), pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self.plot.addItem(self._band)
        self._now = pg.InfiniteLine(angle=90, movable=False)
        self._now.setZValue(5)
        self.plot.addItem(self._now)
        self._now_label = text_item("", self.style.foreground, 0.9, anchor=(0, 0))
        self.plot.addItem(self._now_label)
        self._curves: list[pg.PlotDataItem] = []
        self._rings = pg.ScatterPlotItem(size=7, symbol="o")
        self._rings.setZValue(6)
        self.plot.addItem(self._rings)
        self._dots = pg.ScatterPlotItem(size=11, symbol="o")
        self._dots.setZValue(7)
        self.plot.addItem(self._dots)
        self._mark_labels: list[pg.TextItem] = []
        self._message = text_item("", self.style.foreground, 1.1, bold=True)
        self._message.setZValue(20)
        self.plot.addItem(self._message)
        self._legend_key: tuple = ()
        self._drawn: SensitivityData | None = None
        self._shown_range: tuple[float, float] | None = None
        self._style_axes()
        # A narrower plot (a dock opened, the window resized) may cut a label centred near an
        # edge: each label's side is chosen again for the plot's new width.
        self.plot.getViewBox().sigResized.connect(self._anchor_marks)

    def _style_axes(self) -> None:
        self.style_axes(self.plot, bottom_scale=0.9)
        self.plot.getAxis("left").setTickFont(font(0.9))
        label_style = {"font-size": f"{font(0.9).pointSizeF():.0f}pt",
                       "color": self.style.muted.name()}
        self.plot.getAxis("left").setLabel("Fit (%)", **label_style)
        self.plot.getAxis("bottom").setLabel(self._x_label(), **label_style)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}") for v in range(0, 101, 25)]])
        self._now.setPen(pg.mkPen(self.style.foreground, width=1.5, style=Qt.PenStyle.DashLine))
        self._rings.setPen(pg.mkPen(self.style.muted, width=1.2))
        self._rings.setBrush(pg.mkBrush(self.style.background))
        self._dots.setPen(pg.mkPen(self.style.foreground, width=1.5))

    def _x_label(self) -> str:
        if self.data is None:
            return "Weight (others unchanged)"
        return f"Weight of {self.data.criterion} (others unchanged)"

    def _draw(self, data: SensitivityData) -> None:
        """Redraw only what changed: dragging the swept weight itself moves just the marker
        (the lines do not depend on it), so a drag stays cheap."""
        prev, self._drawn = self._drawn, data
        lo, hi = self._y_range(data)
        if prev is None or (prev.series, prev.weights) != (data.series, data.weights):
            self._draw_lines(data)
            self.plot.getAxis("bottom").setLabel(self._x_label())
            if (lo, hi) != self._shown_range:
                self._shown_range = (lo, hi)
                self.plot.setXRange(-3, 107, padding=0)  # room for the "100" tick
                self.plot.setYRange(lo, hi, padding=0)
        elif prev.criterion != data.criterion:
            self.plot.getAxis("bottom").setLabel(self._x_label())
        if prev is None or (prev.stable, prev.message) != (data.stable, data.message):
            if data.stable is not None:
                self._band.setRegion(data.stable)
            self._band.setVisible(data.stable is not None and not data.message)
        self._now.setValue(data.current)
        self._now.setVisible(not data.message)
        self._now_label.setText(f"now {_number(data.current)}")
        self._now_label.setAnchor((0, 1) if data.current < 80 else (1, 1))
        self._now_label.setPos(data.current + (1.0 if data.current < 80 else -1.0), lo)
        self._now_label.setVisible(not data.message)
        if prev is None or (prev.top_changes, prev.crossings) != (data.top_changes,
                                                                 data.crossings):
            self._draw_marks(data, lo, hi)
        if prev is None or prev.message != data.message:
            self._message.setText(data.message)
            self._message.setColor(self.style.foreground)
        self._message.setPos(50, (lo + hi) / 2)

    def _draw_lines(self, data: SensitivityData) -> None:
        xs = np.asarray(data.weights, dtype=float)
        while len(self._curves) < len(data.series):
            curve = pg.PlotDataItem()
            self.plot.addItem(curve)
            self._curves.append(curve)
        for i, curve in enumerate(self._curves):
            if i >= len(data.series):
                curve.setVisible(False)
                continue
            s = data.series[i]
            ys = np.array([np.nan if v is None else v for v in s.fits], dtype=float)
            curve.setData(xs, ys, connect="finite")
            curve.setPen(pg.mkPen(QColor(s.colour), width=3.2 if s.leading else 1.8))
            curve.setZValue(2 if s.leading else 1)
            curve.setVisible(True)
        self._update_legend(data)

    def _draw_marks(self, data: SensitivityData, lo: float, hi: float) -> None:
        self._rings.setData(pos=[(w, f) for w, f in data.crossings])
        self._dots.setData(pos=[(m.weight, m.fit) for m in data.top_changes],
                           brush=[pg.mkBrush(self.style.foreground)] * len(data.top_changes))
        while len(self._mark_labels) < len(data.top_changes):
            lab = text_item("", self.style.foreground, 0.9, bold=True)
            lab.setZValue(8)
            self.plot.addItem(lab)
            self._mark_labels.append(lab)
        above = True
        for k, lab in enumerate(self._mark_labels):
            if k >= len(data.top_changes):
                lab.setVisible(False)
                continue
            m = data.top_changes[k]
            # Above the dot in the lower half, below it in the upper half (so it stays inside
            # the plot); a change close to the previous one flips side so labels stay apart.
            close = k > 0 and m.weight - data.top_changes[k - 1].weight < 18
            above = (not above) if close else m.fit < (lo + hi) / 2
            lab.setText(m.label)
            lab.setAnchor((self._x_anchor(lab, m.weight), 1.15 if above else -0.15))
            lab.setColor(self.style.foreground)
            lab.setPos(m.weight, m.fit)
            lab.setVisible(not data.message)

    def _anchor_marks(self, *_args) -> None:
        data = self._drawn
        if data is None:
            return
        for label, mark in zip(self._mark_labels, data.top_changes):
            x = self._x_anchor(label, mark.weight)
            if x != label.anchor.x():
                label.setAnchor((x, label.anchor.y()))

    def _x_anchor(self, label: pg.TextItem, weight: float) -> float:
        """Centred on its dot, unless half the label would cross the plot's left or right
        edge: then it starts (or ends) at the dot, so it is never clipped."""
        vb = self.plot.getViewBox()
        (x0, x1), _ = vb.viewRange()
        units_per_px = vb.viewPixelSize()[0]
        if units_per_px <= 0:
            return 0.5 if 12 < weight < 88 else (0 if weight <= 12 else 1)
        half = label.boundingRect().width() / 2 * units_per_px
        if weight - half < x0:
            return 0.0
        if weight + half > x1:
            return 1.0
        return 0.5

    @staticmethod
    def _y_range(data: SensitivityData) -> tuple[float, float]:
        values = [v for s in data.series for v in s.fits if v is not None and math.isfinite(v)]
        if not values:
            return 0.0, 100.0
        # Whole tens, so the range (and the axes, costly to repaint) rarely changes in a drag.
        lo = max(0.0, math.floor((min(values) - 3.0) / 10.0) * 10.0)
        hi = min(110.0, math.ceil((max(values) + 3.0) / 10.0) * 10.0)
        return lo, hi

    def _update_legend(self, data: SensitivityData) -> None:
        key = tuple((s.name, s.colour) for s in data.series) + (self.style.dark,)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        for s in data.series:
            sample = pg.PlotDataItem(pen=pg.mkPen(QColor(s.colour), width=3))
            self.legend.addItem(sample, s.name)
        self._fit_legend()

    def _fit_legend(self, width: int | None = None) -> None:
        """As many legend columns as the width holds (at least one), so nothing is cut."""
        data = getattr(self, "data", None)  # None while the base class is being built
        names = [s.name for s in data.series] if data is not None else []
        if not names:
            return
        cols = legend_columns(names, self.width() if width is None else width, 4, 0.9)
        if cols != self.legend.columnCount:
            self.legend.setColumnCount(cols)

    def fit_width(self, width: int) -> None:
        self._fit_legend(width)

    def restyle(self) -> None:
        self.style = self.restyled()
        self.legend.setLabelTextColor(self.style.foreground)
        self._legend_key = ()
        self._drawn, self._shown_range = None, None
        self._now_label.setColor(self.style.foreground)
        self._style_axes()
        super().restyle()


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
