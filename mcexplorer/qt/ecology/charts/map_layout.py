"""Where the credential-ecology map puts each marker's name.

Each name tries a few places around its marker (right, left, above, below, the diagonals, and
right or left a line up or down). A place is taken only if the name stays inside its
marker's quadrant (a name across an axis reads as being in the next quadrant), off the
region names, off every name already placed and not mostly under other markers; among those
it takes the one that the other markers' discs cover least. A name with no such place is
tried again shortened, then left out (the map says how many; the tab's list names every
offering). Biggest offerings first.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from ...charts.box_index import BoxIndex, overlap_sums
from .map_items import PLANE
from .map_markers import Box, Spot

SHORT_CHARS = 12
"""A name with no free place is tried again as its first characters and an ellipsis."""
COVERED = 0.25
"""A place where other markers' discs cover more of a name than this share is not taken."""
TOUCH = 1e-6
"""Overlap (as a share of a name's area) forgiven as rounding."""


def quadrant_box(x: float, y: float) -> tuple[float, float, float, float]:
    """The quadrant a point is drawn in, as a box (a point on an axis: right, or top)."""
    return ((0.0, PLANE) if x >= 0 else (-PLANE, 0.0)) + \
        ((0.0, PLANE) if y >= 0 else (-PLANE, 0.0))


def place_labels(spots: list[Spot], size_px: Callable[[str], tuple[float, float]],
                 obstacles: list[QRectF], px: float, py: float) -> int:
    """Set every spot's ``label`` box (None where its name is left out); the number left out.
    ``size_px``: a text's box in pixels; px, py: plane units per pixel."""
    h = 0.0
    widths: dict[tuple[int, int], float] = {}
    tries: list[list[str]] = []
    for k, s in enumerate(spots):
        texts = [s.text]
        if len(s.text) > SHORT_CHARS + 1:  # the fallback: the start of the name
            texts.append(s.text[:SHORT_CHARS].rstrip() + "\u2026")
        tries.append(texts)
        for t, text in enumerate(texts):
            w_px, h_px = size_px(text)
            widths[k, t] = w_px * px
            h = max(h, h_px * py)
    # Boxes filed by where they are (box_index): each candidate reads the names and discs
    # near it, not all of them, so 500 offerings cost 500 times one (it was quadratic).
    cell = (sum(widths.values()) / max(1, len(widths)) / 3, max(h, 1e-9))
    near_discs = BoxIndex(*cell, [_box(s.disc_rect()) for s in spots])
    placed = BoxIndex(*cell)
    obstacle_boxes = np.array([_box(o) for o in obstacles], dtype=float).reshape(-1, 4)
    left_out = 0
    for k in sorted(range(len(spots)), key=lambda k: -spots[k].marker.volume):
        s = spots[k]
        s.label, s.shown = None, ""
        for t, text in enumerate(tries[k]):
            box = _best_place(s, widths[k, t], h, px, obstacle_boxes, placed,
                              near_discs, k)
            if box is not None:
                s.label, s.shown = box, text
                placed.add(box)
                break
        else:
            left_out += 1
    return left_out


def _best_place(s: Spot, w: float, h: float, px: float, obstacle_boxes: np.ndarray,
                placed: BoxIndex, near_discs: BoxIndex, k: int) -> Box | None:
    """The first of the free places around a marker that cover other markers least."""
    m = s.marker
    gap, r = s.r + 3 * px, s.r
    d = r * 0.72
    # Each candidate's bottom-left corner, in the order of preference.
    corners = [(m.x + gap, m.y - h / 2), (m.x - gap - w, m.y - h / 2),
               (m.x - w / 2, m.y + r), (m.x - w / 2, m.y - r - h),
               (m.x + d, m.y + d), (m.x + d, m.y - d - h),
               (m.x - d - w, m.y + d), (m.x - d - w, m.y - d - h),
               (m.x - d, m.y + r), (m.x + d - w, m.y + r),
               (m.x - d, m.y - r - h), (m.x + d - w, m.y - r - h)]
    x0, x1, y0, y1 = quadrant_box(m.x, m.y)
    slid = min(max(m.x - w / 2, x0), x1 - w)  # above or below, slid to stay in the quadrant
    corners += [(slid, m.y + r), (slid, m.y - r - h)]
    for shift in (1.1 * h, -1.1 * h, 2.2 * h, -2.2 * h):
        corners += [(m.x + gap, m.y + shift - h / 2), (m.x - gap - w, m.y + shift - h / 2)]
    c = np.array(corners)
    boxes = np.column_stack([c[:, 0], c[:, 0] + w, c[:, 1], c[:, 1] + h])
    left, right, low, high = boxes.T
    eps = TOUCH * w * h
    ok = (left >= x0 - 1e-9) & (right <= x1 + 1e-9) & (low >= y0 - 1e-9) & (high <= y1 + 1e-9)
    if not ok.any():
        return None
    ok &= overlap_sums(boxes, obstacle_boxes) <= eps
    ok &= overlap_sums(boxes, placed.near_all(boxes[ok])) <= eps
    if not ok.any():
        return None
    cost = overlap_sums(boxes, near_discs.near_all(boxes[ok], skip=k))
    ok &= cost <= COVERED * w * h  # a name mostly under other markers cannot be read
    cost = np.where(ok, cost, np.inf)
    if not ok.any():
        return None
    b = boxes[int(np.argmin(cost))]  # the first of the cheapest, in the order above
    return float(b[0]), float(b[1]), float(b[2]), float(b[3])


def pixel_size(view: pg.ViewBox) -> tuple[float, float]:
    """Plane units per pixel of a view, from its current range and size (never stale)."""
    vr = view.viewRect()
    size = view.boundingRect()
    if size.width() <= 1 or size.height() <= 1:
        return 0.01, 0.01
    px, py = vr.width() / size.width(), vr.height() / size.height()
    if not (px > 0 and py > 0 and math.isfinite(px) and math.isfinite(py)):
        return 0.01, 0.01
    return px, py


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
    is there). A name wider than its quadrant wraps to its width. ``homes``: each name's
    corner."""
    room = 0.96 * PLANE / px
    for item, (hx, hy) in zip(texts, homes):
        item.setTextWidth(-1)
        if item.textItem.boundingRect().width() > room:
            item.setTextWidth(room)  # then as wide as its longest line, not the quadrant
            item.setTextWidth(item.textItem.document().idealWidth() + 1)
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
                # Where no place is clear, one a little clearer is not worth leaving the
                # corner for (the name stays where the eye looks for it).
                key = (round(clash * (1 + 0.25 * k + abs(dy)), 9), k, abs(dy))
                if best is None or key < best[0]:
                    best = (key, x, hy + dy)
                if clash == 0:
                    break
            if best is not None and best[0][0] == 0:
                break
        assert best is not None
        item.setPos(best[1], best[2])
