"""The Three Horizons chart's names: each marker's name placed clear of the other names, the
markers and the curve names (horizons_labels), with a leader line where it stands apart."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from ....core.structures import curves as hz_curves
from .horizons_data import INITIATIVE_COLOUR, HorizonsData, marker_px
from .horizons_labels import (
    LABEL_CHARS,
    SHORT_CHARS,
    LabelRequest,
    leader_line,
    place_labels,
    short_label,
)

LEADER_Z = 3.5
"""Leader lines under every marker (models at 4), so a line starts at its marker's edge."""


def leader_item(plot) -> pg.PlotCurveItem:
    """One item draws every leader line (pairs of points)."""
    item = pg.PlotCurveItem(connect="pairs")
    item.setZValue(LEADER_Z)
    plot.addItem(item)
    return item


def place_names(chart: Any, data: HorizonsData) -> None:
    """Every marker's name on ``chart`` (a HorizonsChart drawing ``data``), with leader lines
    to the names that stand apart from their markers."""
    st = chart.style
    px, py = chart._text_size("", 1.0, False, unit=True)
    # Structures' names first, then the planner's initiatives, then the business models'
    # (a model's name with no clear place is left to the tooltip and the ranking).
    fixed = sorted(data.fixed, key=lambda m: (m.kind != "structure", m.time))
    models = [m for m in fixed if m.kind != "structure"]
    fixed = [m for m in fixed if m.kind == "structure"]
    sizes = {m.id: marker_px(m.kind, m.emphasis) for m in fixed + models}
    sizes.update({m.id: marker_px("initiative", m.id == chart.selected)
                  for m in data.initiatives})
    requests, styles = [], []
    for m in fixed + list(data.initiatives) + models:
        structure, initiative = m.kind == "structure", m.kind == "initiative"
        scale = 0.95 if structure or initiative else 0.85
        bold = m.emphasis or (initiative and m.id == chart.selected)
        text = short_label(m.label)
        w, h = chart._text_size(text, scale, bold)
        short_w = chart._text_size(short_label(m.label, SHORT_CHARS), scale, bold)[0]
        r = sizes[m.id] / 2
        requests.append(LabelRequest(m.time, hz_curves.height(m.time, m.horizon), r * px,
                                     r * py, w, h, m.kind, short_w))
        colour = st.foreground if structure or initiative or m.emphasis else st.muted
        styles.append((m.label, colour, scale, bold, initiative, structure))
    curve_names = []
    for lab in chart._curve_labels.values():
        w, h = chart._text_size(lab.toPlainText(), 1.3, True)
        (x, y), (ax, ay) = (lab.pos().x(), lab.pos().y()), (lab.anchor.x(), lab.anchor.y())
        curve_names.append((x - ax * w, x + (1 - ax) * w, y - (1 - ay) * h, y + ay * h))
    bounds = tuple(v for pair in chart.view.viewRange() for v in pair)  # the plot shown
    places = place_labels(requests, curve_names, bounds, (3 * px, 3 * py))
    lines: list[tuple[float, float]] = []
    for (text, colour, scale, bold, initiative, structure), req, place in zip(
            styles, requests, places):
        if place.clash and not (structure or initiative):
            continue
        text = short_label(text, SHORT_CHARS if place.short else LABEL_CHARS)
        lab = chart._pool.take(text, colour, scale, anchor=place.anchor, bold=bold)
        lab.setPos(*place.pos)
        fill = QColor(st.background)  # a halo: curves and leader lines pass under a name
        fill.setAlpha(215)
        lab.fill = pg.mkBrush(fill)
        if initiative:
            lab.border = pg.mkPen(INITIATIVE_COLOUR, width=1)
            lab.setZValue(11)
        if place.leader:
            lines += leader_line(req, place.box)
        chart._add_label(lab)
    xy = np.array(lines, dtype=float).reshape(-1, 2)
    chart._leaders.setData(xy[:, 0], xy[:, 1])
    chart._leaders.setPen(pg.mkPen(st.muted, width=1.2))
