"""Where the credential-ecology map puts each marker's name.

Each name tries a few places around its marker (right, left, above, below, the diagonals, and
right or left a line up or down) and takes the one that overlaps least: other names first,
then the region names and the other markers' discs, and it stays on the plane.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from ...charts.box_index import BoxIndex, overlap_sums
from ...charts.style import font
from .map_items import LABEL_SCALE, PLANE, MarkerGraphics


def place_labels(markers: list[MarkerGraphics], obstacles: list[QRectF], px: float,
                 py: float) -> None:
    """Anchor and place every marker's name (px, py: data units per pixel), biggest first."""
    shown = [g for g in markers if g.marker is not None]
    discs = [g.disc.rect() for g in shown]
    own = {id(g): k for k, g in enumerate(shown)}
    fm = QFontMetricsF(font(LABEL_SCALE, True))
    span = PLANE + 0.02
    h = (fm.height() + 2) * py
    widths = {id(g): (fm.horizontalAdvance(g.marker.text) + 8) * px for g in shown}
    # Boxes filed by where they are (box_index): each candidate reads the names and discs
    # near it, not all of them, so 500 offerings cost 500 times one (it was quadratic).
    cell = (sum(widths.values()) / max(1, len(widths)) / 3, h)
    near_discs = BoxIndex(*cell, [_box(d) for d in discs])
    placed = BoxIndex(*cell)
    obstacle_boxes = np.array([_box(o) for o in obstacles], dtype=float).reshape(-1, 4)
    for g in sorted(markers, key=lambda g: -(g.marker.volume if g.marker else 0)):
        m = g.marker
        if m is None:
            continue
        w = widths[id(g)]
        gap, r = g.r + 3 * px, g.r
        d = r * 0.72
        # Each candidate: the name's anchor, its box (left, right, low y, high y), its spot.
        candidates = [
            ((0, 0.5), (m.x + gap, m.y - h / 2), (m.x + gap, m.y)),
            ((1, 0.5), (m.x - gap - w, m.y - h / 2), (m.x - gap, m.y)),
            ((0.5, 1), (m.x - w / 2, m.y + r), (m.x, m.y + r)),
            ((0.5, 0), (m.x - w / 2, m.y - r - h), (m.x, m.y - r)),
            ((0, 1), (m.x + d, m.y + d), (m.x + d, m.y + d)),
            ((0, 0), (m.x + d, m.y - d - h), (m.x + d, m.y - d)),
            ((1, 1), (m.x - d - w, m.y + d), (m.x - d, m.y + d)),
            ((1, 0), (m.x - d - w, m.y - d - h), (m.x - d, m.y - d)),
        ]
        for shift in (1.1 * h, -1.1 * h):
            candidates.append(((0, 0.5), (m.x + gap, m.y + shift - h / 2),
                               (m.x + gap, m.y + shift)))
            candidates.append(((1, 0.5), (m.x - gap - w, m.y + shift - h / 2),
                               (m.x - gap, m.y + shift)))
        corners = np.array([c[1] for c in candidates])
        boxes = np.column_stack([corners[:, 0], corners[:, 0] + w, corners[:, 1],
                                 corners[:, 1] + h])
        left, right, low, high = boxes.T
        # Every candidate at once: off the plane, across an axis (a name that crosses an axis
        # line reads as being in the next quadrant), then over the names placed, the region
        # names and the other markers' discs near any of them.
        cost = np.where((left < -span) | (right > span), 50.0 * w * h, 0.0)
        cost += np.where((high > PLANE) | (low < -PLANE), 50.0 * w * h, 0.0)
        if abs(m.x) > 0.08:
            cost += np.where((left < 0) & (right > 0), 0.5 * w * h, 0.0)
        if abs(m.y) > 0.08:
            cost += np.where((low < 0) & (high > 0), 0.5 * w * h, 0.0)
        cost += 3.0 * overlap_sums(boxes, placed.near_all(boxes))
        cost += 2.0 * overlap_sums(boxes, obstacle_boxes)
        cost += 4.0 * overlap_sums(boxes, near_discs.near_all(boxes, skip=own[id(g)]))
        k = int(np.argmin(cost))  # the first of the cheapest, in the order above
        anchor, _corner, pos = candidates[k]
        g.label.setAnchor(anchor)
        g.label.setPos(*pos)
        placed.add(tuple(float(v) for v in boxes[k]))


def _box(rect: QRectF) -> tuple[float, float, float, float]:
    """A rectangle as box_index files it (left, right, low y, high y)."""
    return rect.left(), rect.right(), rect.top(), rect.bottom()


def text_rect(item: pg.TextItem, px: float, py: float) -> QRectF:
    """A TextItem's box in data units (it is drawn in pixels around its anchor)."""
    br = item.textItem.boundingRect()
    w, h = br.width() * px, br.height() * py
    ax, ay = item.anchor.x(), item.anchor.y()
    x, y = item.pos().x(), item.pos().y()
    # y grows upwards in the view, downwards in the text: anchor 0 is the text's top.
    return QRectF(x - ax * w, y - (1 - ay) * h, w, h)


def overlap(a: QRectF, b: QRectF) -> float:
    i = a.intersected(b)
    return 0.0 if i.isEmpty() else i.width() * i.height()


def place_region_texts(texts: list[pg.TextItem], homes: list[tuple[float, float]],
                       discs: list[QRectF], px: float, py: float) -> None:
    """Slide each region name along its quadrant's outer edge, towards the axis, until no
    marker covers it and it meets no other region name (it stays at its corner when nothing
    is there). ``homes``: each name's corner."""
    for item, (hx, hy) in zip(texts, homes):
        item.setPos(hx, hy)
    disc_boxes = np.array([_box(d) for d in discs], dtype=float).reshape(-1, 4)
    for item, (hx, hy) in zip(texts, homes):
        others = [text_rect(t, px, py) for t in texts if t is not item]
        best = None
        for k, step in enumerate((0.0, 0.12, 0.24, 0.36, 0.48, 0.6)):
            x = hx - step if hx > 0 else hx + step
            for dy in ((0.0, -0.14, -0.3) if hy > 0 else (0.0, 0.14, 0.3)):
                item.setPos(x, hy + dy)
                rect = text_rect(item, px, py)
                clash = float(overlap_sums([_box(rect)], disc_boxes)[0]) + \
                    sum(overlap(rect, o) for o in others)
                # A region's name stays in its own quadrant.
                if (rect.left() < -0.01) if hx > 0 else (rect.right() > 0.01):
                    clash += 10.0
                key = (round(clash, 9), k, abs(dy))
                if best is None or key < best[0]:
                    best = (key, x, hy + dy)
                if clash == 0:
                    break
            if best is not None and best[0][0] == 0:
                break
        assert best is not None
        item.setPos(best[1], best[2])
