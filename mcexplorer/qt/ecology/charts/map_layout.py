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
from .map_items import AXIS_GAP, MARGIN, PLANE, Y_MARGIN, RegionText
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
                 obstacles: list[QRectF], px: float, py: float,
                 badges: list[QRectF] | None = None) -> int:
    """Set every spot's ``label`` box (None where its name is left out); the number left out.
    ``size_px``: a text's box in pixels; px, py: plane units per pixel; ``badges``: each
    spot's number badge (a name never goes under another marker's number)."""
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
    near_badges = BoxIndex(*cell, [_box(b) for b in badges or []])
    placed = BoxIndex(*cell)
    obstacle_boxes = np.array([_box(o) for o in obstacles], dtype=float).reshape(-1, 4)
    left_out = 0
    for k in sorted(range(len(spots)), key=lambda k: -spots[k].marker.volume):
        s = spots[k]
        s.label, s.shown = None, ""
        for t, text in enumerate(tries[k]):
            box = _best_place(s, widths[k, t], h, px, obstacle_boxes, placed,
                              near_discs, k, near_badges)
            if box is not None:
                s.label, s.shown = box, text
                placed.add(box)
                break
        else:
            left_out += 1
    return left_out


def _best_place(s: Spot, w: float, h: float, px: float, obstacle_boxes: np.ndarray,
                placed: BoxIndex, near_discs: BoxIndex, k: int,
                near_badges: BoxIndex) -> Box | None:
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
    if len(near_badges):
        ok &= overlap_sums(boxes, near_badges.near_all(boxes[ok], skip=k)) <= eps
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


def fit_margins(view: pg.ViewBox, axis_names: list[pg.TextItem],
                last: tuple[float, float] | None) -> tuple[float, float]:
    """Room around the plane for the axis names at their size (presenting's larger type
    needs more than the usual margins): sets the view's range where the margins (x, y) differ
    from ``last`` and returns them. The view keeps its aspect (a unit is as many pixels
    across as up), so its scale follows the wider of the two ranges."""
    # From the plane's edge out: the blank margin of the text, its glyphs, and not the
    # margin past them (blank, it may be cut).
    tall = max((t.textItem.boundingRect().height() - t.textItem.document().documentMargin()
                for t in axis_names), default=0.0) + 2
    size = view.boundingRect()
    mx, my = MARGIN, Y_MARGIN
    if size.width() > 1 and size.height() > 1:
        for _ in range(8):  # the room needed depends on the scale it sets: a few steps
            unit = max(2 * (PLANE + mx) / size.width(), 2 * (PLANE + my) / size.height())
            nx = max(MARGIN, AXIS_GAP + tall * unit)
            ny = max(Y_MARGIN, AXIS_GAP + tall * unit)
            if abs(nx - mx) < 1e-4 and abs(ny - my) < 1e-4:
                break
            mx, my = nx, ny
        mx, my = round(mx, 4), round(my, 4)
    if (mx, my) != last:
        view.setRange(xRange=(-PLANE - mx, PLANE + mx), yRange=(-PLANE - my, PLANE + my),
                      padding=0)
    return mx, my


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


TITLE_SCALES = (1.0, 0.86, 0.74, 0.64)
"""A title with no clear place at its size is tried smaller (presenting's larger type on a
small plane), never below TITLE_MIN_POINTS."""
TITLE_MIN_POINTS = 7.0
TITLE_INSET = 0.02
"""A title keeps this far (plane units) inside its quadrant's edges."""
TITLE_PAD = 2.0
"""Pixels kept clear around a marker's disc and badge."""


def _title_sizes(item: RegionText, scales: tuple[float, ...], room: float, px: float,
                 py: float) -> list[tuple[float, float, float, float]]:
    """(scale, text width or -1, width, height in plane units) a title can take: at each
    size one line per part, or wrapped (at spaces, never inside a word) to the quadrant's
    width, or to its longest word (narrower and taller)."""
    out = []
    for scale in scales:
        if scale < 1.0 and item.base_size * scale < TITLE_MIN_POINTS:
            break
        item.set_scale(scale)
        doc = item.textItem.document()
        widths = [-1.0]
        item.setTextWidth(-1)
        natural = item.textItem.boundingRect().width()
        if natural > room:
            widths = []
        for target in (room, 1.0):  # the quadrant's width, then the longest word
            item.setTextWidth(target)
            fit = doc.idealWidth() + 1  # with the document's margins
            if fit <= room and fit < natural - 1 and all(abs(fit - w) > 1 for w in widths):
                widths.append(fit)
        for width in widths:
            item.setTextWidth(width)
            br = item.textItem.boundingRect()
            out.append((scale, width, br.width() * px, br.height() * py))
    return out


Place = tuple[tuple, float, float, float, float, float, float]
"""(preference key, scale, text width, left, low, width, height) of a title."""


def _best_title_place(item: RegionText, home: tuple[float, float], scales: tuple[float, ...],
                      boxes: np.ndarray, px: float, py: float) -> Place | None:
    """The clear place for a title nearest its home corner, along its quadrant's edges at
    the largest size that has one (in mid-quadrant only where the edges have none), else
    the least covered; None where the title fits its quadrant at no size."""
    hx, hy = home
    span = PLANE - 2 * TITLE_INSET
    x0 = (0.0 if hx > 0 else -PLANE) + TITLE_INSET
    y0 = (0.0 if hy > 0 else -PLANE) + TITLE_INSET
    sizes = _title_sizes(item, scales, span / px, px, py)
    # Only what reaches into the quadrant can cover a place inside it (the same sums, fewer).
    boxes = boxes[(boxes[:, 1] > x0) & (boxes[:, 0] < x0 + span)
                  & (boxes[:, 3] > y0) & (boxes[:, 2] < y0 + span)]
    best: Place | None = None
    for inside in (False, True):
        for k, (scale, width, w, h) in enumerate(sizes):
            if w > span + 1e-9 or h > span + 1e-9:
                continue
            home_left = x0 + span - w if hx > 0 else x0
            home_low = y0 + span - h if hy > 0 else y0
            lefts = np.linspace(x0, x0 + span - w, 13)
            lows = np.linspace(y0, y0 + span - h, 13)
            if inside:  # anywhere in the quadrant
                cand = np.column_stack([np.repeat(lefts, 13), np.tile(lows, 13)])
            else:  # along its four edges (a title in mid-quadrant reads as a name)
                edge_x, edge_y = lefts[[0, -1]], lows[[0, -1]]
                cand = np.vstack([
                    np.column_stack([np.repeat(lefts, 2), np.tile(edge_y, 13)]),
                    np.column_stack([np.tile(edge_x, 13), np.repeat(lows, 2)])])
            places = np.column_stack([cand[:, 0], cand[:, 0] + w, cand[:, 1], cand[:, 1] + h])
            covered = overlap_sums(places, boxes) / (w * h)
            # Nearest the home corner first; a step down from the outer edge counts more.
            dist = np.abs(cand[:, 0] - home_left) + 1.5 * np.abs(cand[:, 1] - home_low)
            i = int(np.lexsort((dist, np.round(covered, 6)))[0])
            clear = covered[i] <= TOUCH
            key = (0, k, 0.0, float(dist[i])) if clear else \
                (1, 0, round(float(covered[i]), 6), k + float(dist[i]))
            if best is None or key < best[0]:
                best = (key, scale, width, float(cand[i, 0]), float(cand[i, 1]), w, h)
            if clear:
                return best
    return best


def place_region_texts(texts: list[RegionText], homes: list[tuple[float, float]],
                       obstacles: list[QRectF], px: float, py: float) -> None:
    """Put each region's title where no marker's disc or badge is: at its quadrant's outer
    corner (``homes``) when that is clear, else the clear place nearest to it along the
    quadrant's edges (at the other corners the title aligns to that side), else inside it;
    where no place is clear at its size, smaller (all four titles then take the smaller
    size, so they read as one kind of text); where none is clear at all, the place least
    covered. A title stays whole (wrapped at spaces to fit its quadrant) and inside its
    quadrant."""
    pad_x, pad_y = TITLE_PAD * px, TITLE_PAD * py
    boxes = np.array([(o.left() - pad_x, o.right() + pad_x, o.top() - pad_y,
                       o.bottom() + pad_y) for o in obstacles], dtype=float).reshape(-1, 4)
    found = [_best_title_place(item, home, TITLE_SCALES, boxes, px, py)
             for item, home in zip(texts, homes)]
    common = min((f[1] for f in found if f is not None and f[0][0] == 0), default=1.0)
    if common < TITLE_SCALES[0]:
        scales = tuple(s for s in TITLE_SCALES if s <= common)
        found = [f if f is not None and f[1] <= common
                 else _best_title_place(item, home, scales, boxes, px, py)
                 for item, home, f in zip(texts, homes, found)]
    for item, (hx, hy), place in zip(texts, homes, found):
        if place is None:  # not even the smallest size fits: as it was, at its corner
            item.set_scale(TITLE_SCALES[-1])
            item.setTextWidth(PLANE / px)
            item.setPos(hx, hy)
            continue
        _key, scale, width, left, low, w, h = place
        item.set_scale(scale)
        mid = (0.5 if hx > 0 else -0.5) * PLANE
        item.set_align("left" if left + w / 2 < mid else "right")
        item.setTextWidth(width)
        ax, ay = item.anchor.x(), item.anchor.y()
        item.setPos(left + ax * w, low + (1 - ay) * h)
