"""Paired bars: each criterion's weight on two sides (A above B), with the change beside.

Used by the Compare view (``chart:compare:weights``). Bars are in the two sides' colours,
each labelled with its value; the change (B - A) is written at the right of the pair.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from ....core.room.compare_data import PairedBarsData, PairedRow  # noqa: F401
from ...charts.base import Chart, text_item
from ...charts.style import font
from ...plain import escaped

BAR = 0.34
X_MAX = 100.0
X_RANGE = (-2.0, 128.0)


def delta_text(a: float, b: float) -> str:
    d = round(b - a, 1)
    return "=" if d == 0 else f"{d:+g}"


class PairedBarsChart(Chart):
    kind = "weights"
    export_aspect = 0.75

    def __init__(self, framework_id: str, title: str = "Weights, A and B", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.plot = self.add_bar_plot(grid_alpha=0.2)
        self._a = pg.BarGraphItem(x0=[], y=[], height=[], width=[])
        self._b = pg.BarGraphItem(x0=[], y=[], height=[], width=[])
        self.plot.addItem(self._a)
        self.plot.addItem(self._b)
        self.legend = pg.LegendItem(colCount=2, labelTextColor=self.style.foreground,
                                    labelTextSize=f"{font(0.9).pointSizeF():.0f}pt")
        self.addItem(self.legend, row=2, col=0)
        self._values: list[pg.TextItem] = []
        self._deltas: list[pg.TextItem] = []
        self._message = text_item("", self.style.foreground, 1.2, bold=True)
        self.plot.addItem(self._message)
        self._style_axes()

    def _style_axes(self) -> None:
        self.style_axes(self.plot, bottom_scale=0.9)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}") for v in range(0, 101, 25)]])

    def _pool(self, pool: list[pg.TextItem], n: int, anchor, bold: bool) -> None:
        while len(pool) < n:
            lab = text_item("", self.style.foreground, 0.85, anchor=anchor, bold=bold)
            self.plot.addItem(lab)
            pool.append(lab)
        for lab in pool[n:]:
            lab.setVisible(False)

    def _draw(self, data: PairedBarsData) -> None:
        rows = data.rows if not data.message else ()
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]
        for item, side, colour, shift in ((self._a, "a", data.a_colour, BAR / 2),
                                          (self._b, "b", data.b_colour, -BAR / 2)):
            item.setOpts(x0=[0.0] * n, y=[y + shift for y in ys],
                         width=[getattr(r, side) for r in rows], height=[BAR * 0.92] * n,
                         brush=pg.mkBrush(QColor(colour)), pen=pg.mkPen(None))
        self._pool(self._values, 2 * n, (0, 0.5), False)
        self._pool(self._deltas, n, (1, 0.5), True)
        for i, (r, y) in enumerate(zip(rows, ys)):
            for j, (value, dy) in enumerate(((r.a, BAR / 2), (r.b, -BAR / 2))):
                lab = self._values[2 * i + j]
                lab.setText(f"{value:.0f}" if value == round(value) else f"{value:.1f}")
                lab.setColor(self.style.foreground)
                lab.setPos(value + 1.0, y + dy)
                lab.setVisible(True)
            lab = self._deltas[i]
            lab.setText(delta_text(r.a, r.b))
            lab.setColor(self.style.foreground if r.a != r.b else self.style.muted)
            lab.setPos(X_RANGE[1] - 1.0, y)
            lab.setVisible(True)
        self.plot.getAxis("left").setTicks([[(y, r.label) for y, r in zip(ys, rows)]])
        self.plot.getAxis("bottom").setLabel(
            f"{data.unit}; right: change B \u2212 A",
            **{"font-size": f"{font(0.9).pointSizeF():.0f}pt", "color": self.style.muted.name()})
        self.plot.setXRange(*X_RANGE, padding=0)
        self.plot.setYRange(-0.6, max(n - 0.4, 0.4), padding=0)
        self._message.setText(data.message)
        self._message.setColor(self.style.foreground)
        self._message.setPos(50, (n - 1) / 2 if n else 0)
        self.legend.clear()
        for label, colour in ((data.a_label, data.a_colour), (data.b_label, data.b_colour)):
            self.legend.addItem(pg.BarGraphItem(x0=[0], y=[0], width=[1], height=[1],
                                                brush=pg.mkBrush(QColor(colour))),
                                   escaped(label))  # a LabelItem reads HTML; names are plain

    def restyle(self) -> None:
        self.style = self.restyled()
        self.legend.opts["labelTextColor"] = self.style.foreground
        self.legend.opts["labelTextSize"] = f"{font(0.9).pointSizeF():.0f}pt"
        for lab in self._values:
            lab.setFont(font(0.85))
        for lab in self._deltas:
            lab.setFont(font(0.85, True))
        self._style_axes()
        super().restyle()
