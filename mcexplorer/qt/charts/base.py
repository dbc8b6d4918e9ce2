"""Base class of every chart: a pyqtgraph layout with a title row, fed plain data."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, ClassVar

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QTransform
from PySide6.QtWidgets import QSizePolicy, QToolTip

from ..plain import escaped, guarded
from .fit import view_scale, wrap
from .style import ChartStyle, drawing, font
from .text import Text, text_item  # noqa: F401 - API (moved; every chart imports them here)

TITLE_SCALE = 1.25
CAPTION_SCALE = 0.85
CAPTION_ROW = 20
"""The caption sits below every other row of a chart's layout."""
CAPTION_LINES = 3
"""A caption wraps onto at most this many lines (cut with an ellipsis beyond; whole on hover):
what a chart shows is read whole, at 1024x768 too."""

STYLED = ("_draw", "show_data", "redraw", "restyle", "ensure_drawn", "set_title",
          "set_caption", "fit_parts", "fit_view", "fit_width", "refit", "resizeEvent",
          "showEvent", "viewportEvent", "event", "tooltip_at")
"""A chart's methods that run in the chart's own style (charts.style.drawing), in every
chart class that defines them."""


def _in_own_style(method):
    if getattr(method, "_in_own_style", False):
        return method

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with drawing(self):
            return method(self, *args, **kwargs)
    run._in_own_style = True
    return run


class Chart(pg.GraphicsLayoutWidget):
    """A chart is a view only: ``show_data(data)`` draws it; it never edits the scenario.

    ``kind`` is the last part of the automation name ``chart:<framework-id>:<kind>``.
    ``export_aspect`` is height / width of an exported PNG.
    """

    kind: ClassVar[str] = "chart"
    export_aspect: ClassVar[float] = 0.75
    CAPTION: str = ""
    """A muted line under the chart saying what it shows (``set_caption`` changes it),
    wrapped onto up to ``CAPTION_LINES`` lines when the chart is narrow."""
    range: QRectF  # pyqtgraph's GraphicsView sets these two, unannotated
    autoPixelRange: bool

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        for name in STYLED:
            if name in cls.__dict__:
                setattr(cls, name, _in_own_style(cls.__dict__[name]))

    def __init__(self, framework_id: str, title: str, parent=None) -> None:
        self.style = ChartStyle.current()
        """How it draws (charts.style): normal, presenting or print; ``set_style`` changes
        it. A chart built inside ``drawing(style)`` takes that style."""
        self._next_style: ChartStyle | None = None
        super().__init__(parent=parent, show=False)
        self.framework_id = framework_id
        self.setObjectName(f"chart:{framework_id}:{self.kind}")
        self.setAccessibleName(title)
        self.setBackground(self.style.background)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 200)
        self.ci.setContentsMargins(8, 6, 8, 6)
        self.title = title
        self.view_scale = 1.0
        """How much the chart is drawn scaled down to fit its widget (see charts.fit)."""
        self._shown_title = title
        self._title_item = self.addLabel(title, row=0, col=0)
        self._style_title()
        self.data: Any = None
        self._fitted_minimum = QSizeF()
        self.caption = ""
        self._shown_caption: tuple[str, ...] = ()
        self._caption_item: pg.LabelItem | None = None
        if self.CAPTION:
            self.set_caption(self.CAPTION)

    _title_scale = TITLE_SCALE
    TITLE_LINES = 1
    """A title wider than the chart wraps onto up to this many lines (cut with an ellipsis
    beyond); 1: cut at once."""
    COMPACT_HEIGHT = 0
    """Below this widget height the title is drawn at the body's size (0: never), so a
    chart whose plot is the point (the radar) keeps its room on a projector."""

    def title_scale(self) -> float:
        if self.style.kind == "print":  # an export has its own size: the full title
            return TITLE_SCALE
        h = self.height() if self.COMPACT_HEIGHT and shiboken6.isValid(self) else 0
        return 1.0 if 1 < h < self.COMPACT_HEIGHT else TITLE_SCALE

    def _style_title(self) -> None:
        self._title_item.setText("<br>".join(escaped(t) for t in self.shown_title()),
                                 size=f"{font(self.title_scale()).pointSizeF():.0f}pt",
                                 bold=True, color=self.style.foreground.name())

    def set_caption(self, text: str) -> None:
        """A muted line under the chart saying what it shows (wrapped; whole on hover)."""
        if text == self.caption and self._caption_item is not None:
            return
        self.caption = text
        if self._caption_item is None:
            if not text:
                return
            self._caption_item = pg.LabelItem("", justify="center")
            self._caption_item.item.document().setDocumentMargin(0)  # its lines close to the plot
            self.addItem(self._caption_item, row=CAPTION_ROW, col=0)
        self._shown_caption = ()
        Chart.fit_parts(self, self.width() if self.width() > 1 else 10_000)  # title, caption

    def _style_caption(self) -> None:
        if self._caption_item is not None:
            self._caption_item.setText("<br>".join(escaped(t) for t in self._shown_caption),
                                       size=f"{font(CAPTION_SCALE).pointSizeF():.1f}pt",
                                       color=self.style.muted.name())

    # -- fitting the widget: shrink rather than clip (charts.fit) ----------------------------

    def fit_parts(self, width: float) -> None:
        """Let the parts that can give way fit ``width`` logical pixels: the title is wrapped
        (``TITLE_LINES``) or elided here; charts with a legend wrap it (override and call
        this)."""
        room = width - 24
        shown = "\n".join(wrap(self.title, font(self.title_scale(), True), room,
                                self.TITLE_LINES))
        if shown != self._shown_title or self.title_scale() != self._title_scale:
            self._shown_title, self._title_scale = shown, self.title_scale()
            self._style_title()
        if self._caption_item is not None:
            lines = tuple(wrap(self.caption, font(CAPTION_SCALE), room, CAPTION_LINES))
            if lines != self._shown_caption:
                self._shown_caption = lines
                self._style_caption()
        self.fit_width(int(width))

    def shown_title(self) -> list[str]:
        """The title's lines as drawn (at the chart's logical width)."""
        return self._shown_title.split("\n")

    def shown_caption(self) -> list[str]:
        """The caption's lines as drawn (at the chart's logical width)."""
        return list(self._shown_caption)

    def fit_width(self, width: int) -> None:
        """A hook for charts whose own parts (legend columns, axis labels) must fit
        ``width`` logical pixels; called from fit_parts."""

    def resizeEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if getattr(self, "closed", False) or not hasattr(self, "_fitted_minimum"):
            return super().resizeEvent(ev)
        self.fit_view()

    def fit_view(self) -> None:
        """Lay the chart out at a logical size no smaller than its layout's minimum and draw
        it scaled to the widget."""
        w, h = max(1, self.width()), max(1, self.height())
        self.fit_parts(w)
        minimum = self.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize)
        self._fitted_minimum = QSizeF(minimum)
        s = view_scale(QSizeF(w, h), minimum)
        logical = QRectF(0, 0, w / s, h / s)
        if s == getattr(self, "view_scale", None) and logical == self.range \
                and not self.autoPixelRange:
            return  # the same scale and size (a longer legend that still fits): no new matrix
        self.view_scale = s
        self.autoPixelRange = False
        self.range = logical
        if self.centralWidget is not None:
            self.centralWidget.setGeometry(self.range)
        self.updateMatrix()

    def updateMatrix(self, propagate=True) -> None:  # noqa: N802 - pyqtgraph's name
        """The scene (the logical layout) maps onto the widget at ``view_scale``."""
        self.setSceneRect(self.range)
        s = getattr(self, "view_scale", 1.0)
        self.setTransform(QTransform.fromScale(s, s))
        self.sigDeviceRangeChanged.emit(self, self.range)
        self.sigDeviceTransformChanged.emit(self)

    def refit(self) -> None:
        """After a redraw: fit again if the parts' minimum size changed (a longer legend)."""
        if self.width() <= 1:
            return
        minimum = self.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize)
        if QSizeF(minimum) != self._fitted_minimum:
            self.fit_view()

    # -- tooltips for elided text -------------------------------------------------------------

    def tooltip_at(self, scene_pos) -> str:
        """The full text of whatever elided text is under ``scene_pos`` ('' for none)."""
        if " ".join(self.shown_title()) != self.title and \
                self._title_item.sceneBoundingRect().contains(scene_pos):
            return self.title
        if self._caption_item is not None and \
                self._caption_item.sceneBoundingRect().contains(scene_pos):
            return self.caption
        return ""

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(self.mapToScene(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), guarded(text), self)
                return True
        return super().viewportEvent(event)

    def set_title(self, title: str) -> None:
        if title == self.title:
            return
        self.title = title
        self._shown_title = title
        self.setAccessibleName(title)
        self._style_title()
        self.fit_parts(self.width() if self.width() > 1 else 10_000)
        self.refit()

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
        self.refit()

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
        self.refit()

    def ensure_drawn(self) -> None:
        """Draw now what waits for the chart to be shown (for a question about its geometry
        asked while it is hidden, such as where a new marker has room)."""
        if self._stale and self.data is not None:
            self._stale = False
            self._draw(self.data)
            self.refit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.redraw()
            # The layout takes the parts' new minimum sizes on its next activation: fit the
            # chart again then (a page shown for the first time would otherwise clip).
            QTimer.singleShot(0, self, self._refit_if_alive)

    def _refit_if_alive(self) -> None:
        if shiboken6.isValid(self) and self.isVisible():
            self.refit()

    def _draw(self, data: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_style(self, style: ChartStyle) -> None:
        """Draw in ``style`` from now on (presenting sets and unsets its larger style)."""
        self._next_style = style
        try:
            self.restyle()
        finally:
            self._next_style = None

    def restyled(self) -> ChartStyle:
        """The style a restyle takes: the one ``set_style`` gives, else this chart's style
        following the window's palette."""
        pending = getattr(self, "_next_style", None)
        return pending if pending is not None else self.style.following()

    def restyle(self) -> None:
        """Follow a change of the window's light or dark palette (or ``set_style``)."""
        self.style = self.restyled()
        self.setBackground(self.style.background)
        self._style_title()
        self._style_caption()
        self.redraw()

    def add_menuless_plot(self, row: int, col: int) -> pg.PlotItem:
        """A plot without pyqtgraph's own menu (a chart's menu is the tab's): its view box is
        made without one, which saves building a menu no one sees (about 5 ms a plot)."""
        plot = self.addPlot(row=row, col=col, viewBox=pg.ViewBox(enableMenu=False))
        plot.setMenuEnabled(False)
        return plot

    def add_bar_plot(self, grid_alpha: float) -> pg.PlotItem:
        """A plot under the title for horizontal bars: no menu, no mouse, x grid only."""
        plot = self.add_menuless_plot(row=1, col=0)
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

    def event(self, ev) -> bool:
        return super().event(ev)

    def clone(self) -> Chart:
        """A fresh chart of the same kind showing the same data (for export), in the style
        of the drawing around the call (``drawing(ChartStyle.print())`` for an export)."""
        twin = type(self)(self.framework_id, self.title)
        twin.set_caption(self.caption)
        if self.data is not None:
            twin.show_data(self.data)
        return twin


LEGEND_SAMPLE_PX = 28
"""A legend entry's line sample, beside its text."""
LEGEND_GAP_PX = 18
"""Between two legend columns."""


for _name in STYLED:
    if _name in Chart.__dict__:
        setattr(Chart, _name, _in_own_style(Chart.__dict__[_name]))


@dataclass(frozen=True)
class ChartPlan:
    """One chart as an export or a report draws it: its kind (the last part of its
    automation name), its class, its title and the plain data it shows."""

    kind: str
    chart: type[Chart]
    title: str
    data: Any

    def build(self, framework_id: str) -> Chart:
        """The chart widget alone (no tab, slider or table), showing the data."""
        chart = self.chart(framework_id, self.title)
        chart.show_data(self.data)
        return chart


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
