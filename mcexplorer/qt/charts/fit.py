"""Making a chart's text fit its size: shrink before clipping, elide before overflowing.

A chart is laid out at a *logical* size at least as big as its layout's minimum and drawn
scaled down to its widget (``view_scale``): fonts, margins and gaps shrink together, so
nothing is cut at the window's edge. Before that, the parts that can give way do: the title
is elided (its full text as a tooltip), the legend wraps into fewer columns and elides a
name that is longer than the whole chart is wide. Drawing only; no data here.
"""

from __future__ import annotations

import html
import math

import pyqtgraph as pg
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ...core.errors import shown

MIN_SCALE = 0.6
"""Below this text is too small to read on a projector; a chart clips rather than shrink
further (the window's minimum size keeps every chart above it)."""
LEGEND_SAMPLE = 20.0
"""Width of a legend's line sample (pyqtgraph's ItemSample)."""
LEGEND_GAP = 14.0
"""Room between a sample and its label, and between columns, in pixels."""


def view_scale(size: QSizeF, minimum: QSizeF) -> float:
    """How much a chart of widget ``size`` shrinks so its ``minimum`` layout fits (1 = not)."""
    if minimum.width() <= 0 or minimum.height() <= 0:
        return 1.0
    s = min(1.0, size.width() / minimum.width(), size.height() / minimum.height())
    return max(MIN_SCALE, s) if s > 0 else 1.0


def elide(text: str, font: QFont, width: float) -> str:
    """``text`` shortened with an ellipsis to ``width`` pixels (unchanged when it fits)."""
    fm = QFontMetricsF(font)
    if fm.horizontalAdvance(text) <= width:
        return text
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, max(width, fm.averageCharWidth()))


def wrap(text: str, font: QFont, width: float, most: int) -> list[str]:
    """``text`` wrapped at spaces onto at most ``most`` lines of ``width`` pixels; the last
    line (or a word wider than ``width``) cut with an ellipsis only when it still does not
    fit."""
    fm = QFontMetricsF(font)
    if most <= 1 or fm.horizontalAdvance(text) <= width:
        return [elide(text, font, width)]
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < most:
        line = words.pop(0)
        while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    return [elide(line, font, width) for line in lines]


def legend_font(legend: pg.LegendItem) -> QFont:
    """The font of a legend's labels (set by size in points, e.g. '11pt')."""
    f = QFont()
    size = str(legend.opts.get("labelTextSize", "9pt")).removesuffix("pt")
    try:
        f.setPointSizeF(float(size))
    except ValueError:
        pass
    return f


def legend_columns(widths: list[float], room: float, most: int) -> int:
    """The most columns (at most ``most``) whose entries fit ``room`` pixels side by side;
    entries fill columns top to bottom (read down, then across), so a long name shares its
    column with its neighbours in order, not with every n-th entry."""
    n_items = len(widths)
    for n in range(min(most, n_items), 0, -1):
        rows = math.ceil(n_items / n)
        cols = [max(widths[c * rows:(c + 1) * rows]) for c in range(math.ceil(n_items / rows))]
        if sum(cols) + LEGEND_GAP * (len(cols) - 1) <= room:
            return n
    return 1


def fit_legend(legend: pg.LegendItem, room: float, most: int, names: list[str]) -> int:
    """Wrap ``legend`` into as many columns as fit ``room`` pixels (at most ``most``), eliding
    a name that alone is wider than the room. ``names`` are the entries' full names, in order
    (the chart keeps them for tooltips). Returns the number of columns."""
    if not legend.items or len(names) != len(legend.items):
        return most
    widths = []
    font = legend_font(legend)
    for (_sample, label), full in zip(legend.items, names):
        text = elide(shown(full), font, room - LEGEND_SAMPLE - LEGEND_GAP)  # ESC as \x1b
        if html.escape(text) != label.text:
            label.setText(html.escape(text))  # a LabelItem renders rich text: names are plain
        widths.append(LEGEND_SAMPLE + LEGEND_GAP + QFontMetricsF(font).horizontalAdvance(text))
    n = legend_columns(widths, room, most)
    placed = (n, tuple(id(label) for _sample, label in legend.items))
    if placed != getattr(legend, "laid_out", None):
        # pyqtgraph's grid keeps its old column count after removals: place items by index.
        layout = legend.layout
        for i in range(layout.count() - 1, -1, -1):
            layout.removeAt(i)
        legend.columnCount = n
        rows = legend.rowCount = math.ceil(len(legend.items) / n)
        for i, (sample, label) in enumerate(legend.items):
            layout.addItem(sample, i % rows, 2 * (i // rows),
                           alignment=Qt.AlignmentFlag.AlignVCenter)
            layout.addItem(label, i % rows, 2 * (i // rows) + 1)
        legend.laid_out = placed
        legend.updateSize()
    return n


def make_legend(**options) -> pg.LegendItem:
    """A legend for a chart's layout that scales with the chart (pyqtgraph's ignores the
    view's transform, being meant to float over a plot)."""
    legend = pg.LegendItem(**options)
    legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
    return legend


def radar_radius(width: float, height: float, labels: list[tuple[float, float, float, float]],
                 label_radius: float, pad: float = 4.0) -> float:
    """Pixels per unit of a radar in a ``width`` x ``height`` view so that every spoke label
    stays inside. ``labels``: (cos, sin, text width, text height) of each spoke; a label sits
    at ``label_radius`` units out, anchored on its inner side (centred on a vertical or
    horizontal spoke)."""
    half_w, half_h = width / 2 - pad, height / 2 - pad
    r = min(half_w, half_h)
    for c, s, w, h in labels:
        if abs(c) > 1e-6:
            r = min(r, (half_w - w) / (label_radius * abs(c)))
        if abs(s) > 1e-6:
            r = min(r, (half_h - h) / (label_radius * abs(s)))
    return r


def _offsets(v: float, size: float) -> tuple[float, float]:
    """A spoke label's extent along one axis around its anchor point (see radar_radius)."""
    if v > 1e-6:
        return 0.0, size
    if v < -1e-6:
        return -size, 0.0
    return -size / 2, size / 2


def radar_min_radius(labels: list[tuple[float, float, float, float]], label_radius: float,
                     gap: float = 2.0) -> float:
    """The smallest pixels per unit at which no two spoke labels overlap (they move apart as
    the radar grows). ``labels`` as for ``radar_radius``."""
    need = 0.0
    boxes = [(c, s, _offsets(c, w), _offsets(s, h)) for c, s, w, h in labels]
    for i, (ci, si, xi, yi) in enumerate(boxes):
        for cj, sj, xj, yj in boxes[i + 1:]:
            best = math.inf
            for (pi, oi), (pj, oj) in (((ci, xi), (cj, xj)), ((si, yi), (sj, yj))):
                if abs(pj - pi) < 1e-9:
                    if oi[1] + gap <= oj[0] or oj[1] + gap <= oi[0]:
                        best = 0.0
                    continue
                lo, hi = ((pi, oi), (pj, oj)) if pi < pj else ((pj, oj), (pi, oi))
                best = min(best, max(0.0, (lo[1][1] - hi[1][0] + gap)
                                     / (label_radius * (hi[0] - lo[0]))))
            need = max(need, best)
    return need


def radar_extent(labels: list[tuple[float, float, float, float]], radius: float,
                 label_radius: float, pad: float = 4.0) -> tuple[float, float]:
    """The half width and half height a radar of ``radius`` pixels per unit needs, labels
    included."""
    half_w = half_h = radius + pad
    for c, s, w, h in labels:
        xo, yo = _offsets(c, w), _offsets(s, h)
        half_w = max(half_w, abs(label_radius * radius * c + xo[0]) + pad,
                     abs(label_radius * radius * c + xo[1]) + pad)
        half_h = max(half_h, abs(label_radius * radius * s + yo[0]) + pad,
                     abs(label_radius * radius * s + yo[1]) + pad)
    return half_w, half_h
