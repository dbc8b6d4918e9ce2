"""Base class of every chart: a pyqtgraph layout with a title row, fed plain data."""

from __future__ import annotations


from typing import Any, ClassVar

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QSizePolicy

from ..plain import escaped
from .style import ChartStyle, font


class Chart(pg.GraphicsLayoutWidget):
    """A chart is a view only: ``show_data(data)`` draws it; it never edits the scenario.

    ``kind`` is the last part of the automation name ``chart:<framework-id>:<kind>``.
    ``export_aspect`` is height / width of an exported PNG.
    """

    kind: ClassVar[str] = "chart"
    export_aspect: ClassVar[float] = 0.75

    def __init__(self, framework_id: str, title: str, parent=None) -> None:
        self.style = ChartStyle.current()
        super().__init__(parent=parent, show=False)
        self.framework_id = framework_id
        self.setObjectName(f"chart:{framework_id}:{self.kind}")
        self.setAccessibleName(title)
        self.setBackground(self.style.background)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 200)
        self.ci.setContentsMargins(8, 6, 8, 6)
        self.title = title
        self._title_item = self.addLabel("", row=0, col=0)
        self._style_title()
        self.data: Any = None

    def _style_title(self, width: int | None = None) -> None:
        self._shown_title = self._fitted_title(width)
        self._title_item.setText(escaped(self._shown_title), size=f"{font(1.25).pointSizeF():.0f}pt",
                                 bold=True, color=self.style.foreground.name())

    def _fitted_title(self, width: int | None = None) -> str:
        """The title, cut with an ellipsis when the chart is too narrow for it (a title wider
        than the chart would widen the scene and push the plot off the right edge)."""
        room = (self.width() if width is None else width) - 24
        metrics = QFontMetrics(font(1.25, bold=True))
        if room <= 0 or metrics.horizontalAdvance(self.title) <= room:
            return self.title
        return metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, room)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Fit what sets the layout's minimum width before the layout takes the new size.
        width = self.width() if event is None else event.size().width()  # pyqtgraph: None
        if hasattr(self, "_shown_title") and self._fitted_title(width) != self._shown_title:
            self._style_title(width)
        self.fit_width(width)
        super().resizeEvent(event)

    def fit_width(self, width: int) -> None:
        """Make the items that set the layout's minimum width fit ``width`` pixels (legend
        columns, axis labels); called on every resize, before the layout is resized."""

    def set_title(self, title: str) -> None:
        self.title = title
        self.setAccessibleName(title)
        self._style_title()

    def show_data(self, data: Any) -> None:
        """Draw ``data``; unchanged data costs nothing (charts of other tabs often get the
        same data again when a slider elsewhere moves). A chart that is not on screen (a
        hidden page or tab, a window not shown yet) keeps ``data`` and draws it when it is
        shown; a chart of its own (an export's copy) draws at once."""
        if data is not None and data == self.data:
            return
        self.data = data
        if self.hidden_in_window():
            self._stale = True
            return
        self._stale = False
        self._draw(data)

    _stale = False

    def hidden_in_window(self) -> bool:
        """Is this chart part of a window but not on screen (its drawing can wait)?"""
        return self.parent() is not None and not self.isVisible()

    def redraw(self) -> None:
        """Draw the current data again now, or when shown (see ``show_data``)."""
        if self.data is None:
            return
        if self.hidden_in_window():
            self._stale = True
            return
        self._stale = False
        self._draw(self.data)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def _draw(self, data: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def restyle(self) -> None:
        """Follow a change of the window's light or dark palette."""
        self.style = ChartStyle.current()
        self.setBackground(self.style.background)
        self._style_title()
        self.redraw()

    def add_bar_plot(self, grid_alpha: float) -> pg.PlotItem:
        """A plot under the title for horizontal bars: no menu, no mouse, x grid only."""
        plot = self.addPlot(row=1, col=0)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(x=True, y=False, alpha=grid_alpha)
        return plot

    def style_axes(self, plot: pg.PlotItem, bottom_scale: float) -> None:
        """Axis lines in the grid colour, tick text in the foreground colour."""
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTickFont(font(1.0 if name == "left" else bottom_scale))
            axis.setPen(pg.mkPen(self.style.grid))
            axis.setTextPen(pg.mkPen(self.style.foreground))

    def clone(self) -> Chart:
        """A fresh chart of the same kind showing the same data (for export)."""
        twin = type(self)(self.framework_id, self.title)
        if self.data is not None:
            twin.show_data(self.data)
        return twin


LEGEND_SAMPLE_PX = 28
"""A legend entry's line sample, beside its text."""
LEGEND_GAP_PX = 18
"""Between two legend columns."""


def legend_columns(names: list[str], width: float, most: int, scale: float = 1.0) -> int:
    """How many columns a pyqtgraph legend of ``names`` (filled row by row, each column as wide
    as its widest entry) can have within ``width`` pixels: at most ``most``, at least one."""
    metrics = QFontMetrics(font(scale))
    sizes = [metrics.horizontalAdvance(n) + LEGEND_SAMPLE_PX for n in names]
    for cols in range(min(most, len(sizes)), 1, -1):
        needed = sum(max(sizes[k::cols]) for k in range(cols)) + LEGEND_GAP_PX * (cols - 1)
        if needed <= width - 12:
            return cols
    return 1


def text_item(text: str, colour, scale: float = 1.0, anchor=(0.5, 0.5), bold=False) -> pg.TextItem:
    item = pg.TextItem(text, color=colour, anchor=anchor)
    item.setFont(font(scale, bold))
    return item

