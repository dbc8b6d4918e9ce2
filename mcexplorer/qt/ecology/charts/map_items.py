"""What the credential-ecology map draws, apart from the chart itself.

Its data (``MapData``, ``MapMarker``: core.ecology.chart_data), the look (quadrant tints,
marker sizes) and the plane's fixed graphics for a lens (``plane_items``); the markers
themselves are painted by ``map_markers``.
"""

from __future__ import annotations

import html
import itertools
import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from ....core.ecology.chart_data import LABEL_CHARS, MapData, MapMarker, marker_labels  # noqa: F401 - the data is the core's
from ....core.ecology.lenses import Lens, QuadrantPos, axes, lens as get_lens
from ....core.ecology.mix import QUADRANTS
from ...charts.style import OPTION_COLOURS, ChartStyle, font

PLANE = 1.0
MARGIN = 0.2
"""Room left and right of the plane (data units) for the axis labels."""
Y_MARGIN = 0.21
"""Room above and below the plane for the axis labels (the map is often as high as wide)."""
AXIS_GAP = 0.035
"""Between the plane's edge and an axis name (plane units)."""
TITLE_MARGIN = 1.0
"""Pixels around a quadrant's title (a crowded quadrant has little room)."""
R_MIN = 0.05
R_MAX = 0.15
STEP = 0.05
BIG_STEP = 0.2
LABEL_SCALE = 0.84
DRAG_THRESHOLD = 3.0
"""Pixels the mouse must travel before a press on a marker becomes a drag."""

QUADRANT_TINTS = {q.position: OPTION_COLOURS[i] for i, q in enumerate(QUADRANTS)}
"""One colour per quadrant in every ecology chart (map, mix bars, fit by quadrant, radar): the
quadrant's option colour, by its place in the framework."""
MARKER_FILL = "#24466E"
SELECTED = "#D55E00"


def marker_radius(volume: float, largest: float) -> float:
    if largest <= 0:
        return R_MIN
    return max(R_MIN, R_MAX * math.sqrt(max(volume, 0.0) / largest))


def plane_items(data: MapData, style: ChartStyle) -> tuple[list, list[RegionText]]:
    """The plane's fixed graphics for a lens: shaded quadrants, border, axes, axis labels and
    region names (with each quadrant's share of volume). Returns (all items, region names)."""
    items: list = []
    region_texts: list[RegionText] = []
    lens = data.lens
    fg, muted, grid = style.foreground, style.muted, style.grid
    # Shaded quadrants
    squares: dict[QuadrantPos, tuple[int, int]] = {
        "top-left": (-1, 0), "top-right": (0, 0), "bottom-left": (-1, -1), "bottom-right": (0, -1)}
    for corner, (x0, y0) in squares.items():
        rect = QGraphicsRectItem(QRectF(x0, y0, 1, 1))
        tint = QColor(QUADRANT_TINTS[corner])
        tint.setAlpha(60 if style.dark else 34)
        rect.setBrush(QBrush(tint))
        rect.setPen(QPen(Qt.PenStyle.NoPen))
        rect.setZValue(-20)
        items.append(rect)
    # Border and the two axis lines
    border = pg.PlotCurveItem([-1, 1, 1, -1, -1], [-1, -1, 1, 1, -1],
                              pen=pg.mkPen(grid, width=1.5))
    border.setZValue(-15)
    items.append(border)
    for xs, ys in (([-1, 1], [0, 0]), ([0, 0], [-1, 1])):
        line = pg.PlotCurveItem(xs, ys, pen=pg.mkPen(muted, width=1.5,
                                                     style=Qt.PenStyle.DashLine))
        line.setZValue(-15)
        items.append(line)
    # Axis labels at the edges
    x_axis, y_axis = axes(lens)
    edge = PLANE + AXIS_GAP
    for text, pos, anchor, angle in (
            # Rotated a quarter turn, an up-pointing triangle points outwards.
            (f"\u25B2  {x_axis.left}", (-edge, 0), (0.5, 1.0), 90),
            (f"\u25B2  {x_axis.right}", (edge, 0), (0.5, 1.0), -90),
            (f"\u25B2  {y_axis.top}", (0, edge), (0.5, 1.0), 0),
            (f"\u25BC  {y_axis.bottom}", (0, -edge), (0.5, 0.0), 0)):
        item = pg.TextItem(text, color=fg, anchor=anchor, angle=angle)
        item.setFont(font(1.0, True))
        item.setPos(*pos)
        item.setZValue(-5)
        items.append(item)
    # Region names (and the volume share of each quadrant)
    corners = {"top-left": ((-0.98, 0.98), (0, 0)), "top-right": ((0.98, 0.98), (1, 0)),
               "bottom-left": ((-0.98, -0.98), (0, 1)),
               "bottom-right": ((0.98, -0.98), (1, 1))}
    for quadrant, (xy, anchor) in corners.items():
        markups = {align: _region_markup(data, quadrant, style, align, anchor[1] == 1)
                   for align in ("left", "right")}
        item = RegionText(markups, "left" if anchor[0] == 0 else "right", anchor)
        item.set_scale(1.0)
        item.setPos(*xy)
        item.setZValue(-4)
        items.append(item)
        region_texts.append(item)
    return items, region_texts


class RegionText(pg.TextItem):
    """A quadrant's title (and its share of volume), which the map's layout may move to
    another corner of its quadrant (aligned to that side), wrap or set smaller to keep it
    whole and clear of the markers (map_layout.place_region_texts)."""

    def __init__(self, markups: dict[str, str], align: str, anchor: tuple[float, float]):
        super().__init__(html=markups[align], anchor=anchor)
        self.markups = markups
        self.align = align
        self.base_size = font(0.9).pointSizeF()
        self.scale_now = 0.0
        option = self.textItem.document().defaultTextOption()
        option.setWrapMode(option.WrapMode.WordWrap)  # never inside a word
        self.textItem.document().setDefaultTextOption(option)
        self.textItem.document().setDocumentMargin(TITLE_MARGIN)

    def set_scale(self, scale: float) -> None:
        """Type ``scale`` times the title's size (its chart style's)."""
        if scale != self.scale_now:
            f = QFont(self.textItem.font())
            f.setPointSizeF(self.base_size * scale)
            self.setFont(f)
            self.scale_now = scale

    def set_align(self, align: str) -> None:
        """Lines aligned to the quadrant's left or right edge."""
        if align != self.align:
            self.align = align
            width = self.textItem.textWidth()
            self.setHtml(self.markups[align])
            self.setTextWidth(width)


def _region_markup(data: MapData, pos: str, style: ChartStyle, align: str,
                   share_first: bool) -> str:
    """A quadrant's title as markup: the region's name and its share of volume (a list lens:
    its scenarios near the quadrant)."""
    lens, share = data.lens, data.shares.get(pos)
    fg, muted = style.foreground, style.muted
    if lens.kind == "quadrants":
        region = lens.region_at(pos)
        name = region.name if region is not None else ""
        share_line = (f"<div style='color:{muted.name()};text-align:{align}'>"
                      f"{100 * share:.0f}% of volume</div>") if share is not None else ""
        title = (f"<div style='text-align:{align};color:{fg.name()};font-weight:bold'>"
                 f"{esc(name)}</div>")
        return share_line + title if share_first else title + share_line
    eco = get_lens("ecology").region_at(pos)
    numbers = ", ".join(str(i) for i, _ in lens.items_near(pos))
    scenarios = (f"<div style='color:{fg.name()};font-weight:bold'>"
                 f"{'Scenario' if ',' not in numbers else 'Scenarios'} {numbers}</div>"
                 if numbers else "")
    head = (f"<div style='color:{muted.name()};font-style:italic'>"
            f"{esc(eco.name if eco else '')}</div>")
    body = scenarios + head if share_first else head + scenarios
    return f"<div style='text-align:{align}'>{body}</div>"


def list_html(lens: Lens) -> str:
    """A list lens's items in two columns (drawn under the plane)."""
    if lens.kind != "list":
        return ""
    names = [f"<b>{i}.</b> {esc(r.name)}" for i, r in enumerate(lens.regions, start=1)]
    half = (len(names) + 1) // 2
    rows = []
    for a, b in itertools.zip_longest(names[:half], names[half:], fillvalue=""):
        rows.append(f"<tr><td style='padding-right:18px'>{a}</td><td>{b}</td></tr>")
    return f"<table>{''.join(rows)}</table>"


def esc(text: str) -> str:
    return html.escape(text)
