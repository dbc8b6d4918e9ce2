"""Where the credential-ecology map puts each marker's name.

Each name tries a few places around its marker (right, left, above, below, the diagonals, and
right or left a line up or down) and takes the one that overlaps least: other names first,
then the region names and the other markers' discs, and it stays on the plane.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from .map_items import LABEL_SCALE, PLANE, MarkerGraphics
from ...charts.style import font


def place_labels(markers: list[MarkerGraphics], obstacles: list[QRectF], px: float,
                 py: float) -> None:
    """Anchor and place every marker's name (px, py: data units per pixel), biggest first."""
    discs = {id(g): g.disc.rect() for g in markers if g.marker is not None}
    fm = QFontMetricsF(font(LABEL_SCALE, True))
    span = PLANE + 0.02
    placed: list[QRectF] = []
    for g in sorted(markers, key=lambda g: -(g.marker.volume if g.marker else 0)):
        m = g.marker
        if m is None:
            continue
        w = (fm.horizontalAdvance(m.text) + 8) * px
        h = (fm.height() + 2) * py
        gap, r = g.r + 3 * px, g.r
        d = r * 0.72
        candidates = [
            ((0, 0.5), QRectF(m.x + gap, m.y - h / 2, w, h), (m.x + gap, m.y)),
            ((1, 0.5), QRectF(m.x - gap - w, m.y - h / 2, w, h), (m.x - gap, m.y)),
            ((0.5, 1), QRectF(m.x - w / 2, m.y + r, w, h), (m.x, m.y + r)),
            ((0.5, 0), QRectF(m.x - w / 2, m.y - r - h, w, h), (m.x, m.y - r)),
            ((0, 1), QRectF(m.x + d, m.y + d, w, h), (m.x + d, m.y + d)),
            ((0, 0), QRectF(m.x + d, m.y - d - h, w, h), (m.x + d, m.y - d)),
            ((1, 1), QRectF(m.x - d - w, m.y + d, w, h), (m.x - d, m.y + d)),
            ((1, 0), QRectF(m.x - d - w, m.y - d - h, w, h), (m.x - d, m.y - d)),
        ]
        for shift in (1.1 * h, -1.1 * h):
            candidates.append(((0, 0.5), QRectF(m.x + gap, m.y + shift - h / 2, w, h),
                               (m.x + gap, m.y + shift)))
            candidates.append(((1, 0.5), QRectF(m.x - gap - w, m.y + shift - h / 2, w, h),
                               (m.x - gap, m.y + shift)))
        others = [rect for key, rect in discs.items() if key != id(g)]

        def cost(c, others=others, m=m) -> float:
            rect = c[1]
            out = 0.0
            if rect.left() < -span or rect.right() > span:
                out += 50.0 * w * h
            if rect.bottom() > PLANE or rect.top() < -PLANE:
                out += 50.0 * w * h
            # A name that crosses an axis line reads as being in the next quadrant.
            if rect.left() < 0 < rect.right() and abs(m.x) > 0.08:
                out += 0.5 * w * h
            if rect.top() < 0 < rect.bottom() and abs(m.y) > 0.08:
                out += 0.5 * w * h
            for o in placed:
                out += 3.0 * overlap(rect, o)
            for o in obstacles:
                out += 2.0 * overlap(rect, o)
            for o in others:
                out += 4.0 * overlap(rect, o)
            return out

        best = min(enumerate(candidates), key=lambda ic: (cost(ic[1]), ic[0]))[1]
        anchor, rect, pos = best
        g.label.setAnchor(anchor)
        g.label.setPos(*pos)
        placed.append(rect)


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
    for item, (hx, hy) in zip(texts, homes):
        others = [text_rect(t, px, py) for t in texts if t is not item]
        best = None
        for k, step in enumerate((0.0, 0.12, 0.24, 0.36, 0.48, 0.6)):
            x = hx - step if hx > 0 else hx + step
            for dy in ((0.0, -0.14, -0.3) if hy > 0 else (0.0, 0.14, 0.3)):
                item.setPos(x, hy + dy)
                rect = text_rect(item, px, py)
                clash = sum(overlap(rect, d) for d in discs) + \
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
