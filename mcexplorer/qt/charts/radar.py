"""Radar chart: criteria as spokes, utilities 0-1, selected options over the weight profile.

pyqtgraph has no radar; the plot is one painted item (``radar_body.RadarBody``) under the
chart's title, with pyqtgraph's legend below it. The rings and spoke names are painted once
and cached; a new slider value repaints only the profiles.
"""

from __future__ import annotations

from typing import ClassVar

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPen

from ...core.chart_data import RadarData, RadarSeries  # noqa: F401 - API (plain data)
from ..plain import escaped
from .base import Chart
from .fit import fit_legend, make_legend
from .radar_body import LABEL_RADIUS, MIN_RADIUS_PX, RINGS, RadarBody, series_width  # noqa: F401 - API
from .radar_marks import WideSample
from .style import font, line, option_symbol

LEGEND_SCALE = 0.8
"""The legend's type, compact under the plot so the rings keep the room."""
DASHED = "dashed: "
"""Starts the legend entry of the dashed profile, so the legend says what it is."""
X_RANGE = (-1.5, 1.5)
Y_RANGE = (-1.36, 1.36)


class RadarChart(Chart):
    kind = "radar"
    CAPTION = "Centre = worst, edge = best on each criterion (rings at 0.25, 0.5, 0.75, 1)"
    """What the rings mean (their values are here, not on the data); ``_draw`` adds what the
    dashed line is when there is one."""
    export_aspect = 0.8
    COMPACT_HEIGHT = 560
    x_range: ClassVar[tuple[float, float]] = X_RANGE
    y_range: ClassVar[tuple[float, float]] = Y_RANGE
    """The least extent a view shows around the unit circle (kept for subclasses; the rings
    get whatever radius the spoke names leave them, see ``RadarBody``)."""
    ring_labels: ClassVar[tuple[tuple[float, str], ...]] = ((0.5, "0.5"), (1.0, "1"))
    """(radius, text) of the ring labels: the value scale."""

    def __init__(self, framework_id: str, title: str = "Profile of fit", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.body = RadarBody(self.ring_labels)
        """The plot: one painted item (rings, names, profiles, markers; see radar_body)."""
        self.body.set_style(self.style)
        self.addItem(self.body, row=1, col=0)
        self.legend = make_legend(colCount=2, labelTextColor=self.style.foreground,
                                  labelTextSize=f"{font(LEGEND_SCALE).pointSizeF():.1f}pt",
                                  sampleType=WideSample, horSpacing=4, verSpacing=-4)
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self.ci.layout.setVerticalSpacing(0)  # every pixel of height to the rings
        self._legend_key: tuple = ()
        self._legend_samples: list[pg.PlotDataItem] = []
        self._legend_names: list[str] = []
        self.legend.max_columns = 2

    @property
    def legend_columns(self) -> int:
        """At most this many legend entries side by side (fewer when they do not fit)."""
        return int(self.legend.max_columns)

    @legend_columns.setter
    def legend_columns(self, columns: int) -> None:
        """Takes effect at the chart's next fit (its next resize or draw)."""
        self.legend.max_columns = columns

    # -- drawing --------------------------------------------------------------------------

    def _draw(self, data: RadarData) -> None:
        n = len(data.spokes)
        series = data.series if not data.message and n >= 3 else ()
        self.body.set_data(data.spokes, series, data.weights, data.message)
        self._update_legend(data, series)
        dashed = f"; dashed line = {data.weights_label}" if data.weights and n >= 3 else ""
        self.set_caption(self.CAPTION + dashed)

    def _update_legend(self, data: RadarData, series) -> None:
        key = tuple((s.name, s.colour, s.leader) for s in series) + (
            bool(data.weights) and data.weights_label,)
        if key == self._legend_key:
            return
        entries: list[tuple[str, QPen, str | None, QColor | None]]
        entries = [(s.name, pg.mkPen(self.style.ink(s.colour),
                                     width=line(4) * series_width(s) / 1.25),
                    option_symbol(s.colour),
                    self.style.ink(s.colour)) for s in series]
        if data.weights:
            dashed = pg.mkPen(self.style.weights, width=line(2.5))
            dashed.setDashPattern([3.0, 1.5, 0.8, 1.5])
            entries.append((DASHED + data.weights_label, dashed, None, None))
        for _, pen, _, _ in entries:
            pen.setCosmetic(False)  # scales with the chart in an export
        if len(entries) == len(self.legend.items) and self._legend_samples:
            # Same number of entries (the usual case while dragging): relabel in place.
            for (name, pen, symbol, brush), sample, (shown, label) in zip(
                    entries, self._legend_samples, self.legend.items):
                sample.setPen(pen)
                sample.setSymbol(symbol)
                if brush is not None:
                    sample.setSymbolBrush(brush)
                    sample.setSymbolPen(pen.color())
                if label.text != escaped(name):  # a relabel lays the legend out again
                    label.setText(escaped(name))  # LabelItem reads HTML; names are plain
                shown.update()  # the swatch paints from its item: repaint it now, not later
        else:
            self.legend.clear()
            self._legend_samples = []
            for name, pen, symbol, brush in entries:
                sample = pg.PlotDataItem(pen=pen, symbol=symbol, symbolBrush=brush,
                                         symbolPen=None if brush is None else pen.color(),
                                         symbolSize=11)
                self._legend_samples.append(sample)
                self.legend.addItem(sample, escaped(name))
        self._legend_key = key
        self._legend_names = [entry[0] for entry in entries]
        self.fit_parts(self.width())
        # Lay the new entries out now, not on a later event: the chart then paints once for
        # this change instead of twice (once before and once after its layout pass).
        self.legend.layout.activate()
        self.ci.layout.activate()

    _legend_columns = 0
    _legend_room: tuple = ()

    def fit_parts(self, width: float) -> None:
        super().fit_parts(width)
        room = (width, self.legend.max_columns)
        if room != self._legend_room:  # another width: as many columns as fit, anew
            self._legend_room, self._legend_columns = room, self.legend.max_columns
        # Never more columns than the names have needed at this width: a drag that swaps a
        # long name for a short one keeps the legend's rows, so the plot keeps its size.
        self._legend_columns = fit_legend(self.legend, width - 20, self._legend_columns,
                                          self._legend_names)

    def tooltip_at(self, scene_pos) -> str:
        for (_sample, label), full in zip(self.legend.items, self._legend_names):
            if label.text != escaped(full) and label.sceneBoundingRect().contains(scene_pos):
                return full
        name = self.body.name_at(self.body.mapFromScene(scene_pos))
        return name or super().tooltip_at(scene_pos)

    def restyle(self) -> None:
        self.style = self.restyled()
        self.body.set_style(self.style)
        self._legend_key = ()
        self._legend_samples = []
        self.legend.clear()
        self.legend.opts["labelTextColor"] = self.style.foreground
        self.legend.opts["labelTextSize"] = f"{font(LEGEND_SCALE).pointSizeF():.1f}pt"
        super().restyle()
