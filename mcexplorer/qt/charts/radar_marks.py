"""What tells the radar's profiles apart without colour: vertex shapes, a wide legend sample
and where the weights profile is labelled."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

SAMPLE_WIDTH = 34
SAMPLE_HEIGHT = 20


def _regular(n: int, r: float, turn: float = 0.0, inner: float | None = None) -> list[QPointF]:
    """A regular polygon (or a star with ``inner`` radius) around the origin, first point up."""
    points = []
    steps = 2 * n if inner is not None else n
    for k in range(steps):
        a = math.pi / 2 + turn + 2 * math.pi * k / steps
        radius = inner if inner is not None and k % 2 else r
        points.append(QPointF(radius * math.cos(a), radius * math.sin(a)))
    return points


def add_symbol(path: QPainterPath, symbol: str, centre: QPointF, r: float) -> None:
    """Add one marker of the named shape (pyqtgraph's names) to ``path``, in data units (y up)."""
    if symbol == "o":
        path.addEllipse(centre, r * 0.85, r * 0.85)
        return
    if symbol == "s":
        side = r * 0.8
        path.addRect(QRectF(centre.x() - side, centre.y() - side, 2 * side, 2 * side))
        return
    shapes = {
        "t": _regular(3, r, math.pi),          # triangle pointing down (y is up in the view)
        "t1": _regular(3, r),                  # triangle pointing up
        "d": _regular(4, r * 1.05),            # diamond
        "p": _regular(5, r),
        "h": _regular(6, r * 0.95),
        "star": _regular(5, r * 1.15, inner=r * 0.5),
    }
    pts = shapes.get(symbol, _regular(12, r * 0.85))
    polygon = QPolygonF([QPointF(centre.x() + p.x(), centre.y() + p.y()) for p in pts])
    polygon.append(polygon.first())
    path.addPolygon(polygon)


Box = tuple[float, float, float, float]
"""left, bottom, right, top in data units (y up)."""


def text_box(x: float, y: float, anchor: tuple[float, float], size: tuple[float, float]) -> Box:
    """The box of a text of ``size`` (data units) anchored at ``anchor`` on (x, y)."""
    w, h = size
    left, top = x - anchor[0] * w, y + anchor[1] * h
    return (left, top - h, left + w, top)


def weights_label_spot(xs: Sequence[float], ys: Sequence[float], avoid: Sequence[Box] = (),
                       size: tuple[float, float] = (0.0, 0.0)
                       ) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where to write "weights" beside the weights profile: just outside (else just inside)
    the middle of one of its edges, preferring long-reaching edges on the right half, away
    from the ring labels on the top spoke and clear of the ``avoid`` boxes (the spoke and
    ring labels) for a text of ``size``; and the text anchor that keeps the word off the
    profile's line."""
    n = len(xs)
    candidates = []  # (score, spot, anchor), edge by edge, outside before inside
    for k in range(n):
        mx, my = (xs[k] + xs[(k + 1) % n]) / 2, (ys[k] + ys[(k + 1) % n]) / 2
        r = math.hypot(mx, my)
        d = r or 1.0
        ux, uy = mx / d, my / d
        for side in (1.0, -1.0):  # outside the edge, then inside it
            score = r + (0.2 if mx > 0.05 else 0.0) - (0.3 if side < 0 else 0.0)
            if r > 1e-9 and my / r > 0.7:
                score -= 1.0  # near the top spoke, where the ring labels (0.5, 1) are written
            sx, sy = side * ux, side * uy
            anchor = (0.0 if sx >= -0.2 else 1.0, 0.5 - 0.5 * max(-1.0, min(1.0, sy * 1.4)))
            candidates.append((score, (mx + 0.04 * sx, my + 0.04 * sy), anchor))
    if not candidates:
        return ((0.0, 0.0), (0.0, 0.5))
    scores = [c[0] for c in candidates]
    if size[0] > 0 and avoid:
        # Every candidate's box against every box to avoid at once (40 spokes: 80 x 42).
        boxes = np.array([text_box(*spot, anchor, size) for _s, spot, anchor in candidates])
        others = np.asarray(avoid, dtype=float)
        hit = ((boxes[:, None, 0] < others[None, :, 2]) & (others[None, :, 0] < boxes[:, None, 2])
               & (boxes[:, None, 1] < others[None, :, 3])
               & (others[None, :, 1] < boxes[:, None, 3])).any(axis=1)
        scores = [s - 10.0 if h else s for s, h in zip(scores, np.asarray(hit).tolist())]
    best = max(range(len(scores)), key=scores.__getitem__)  # the first of equal scores
    return candidates[best][1], candidates[best][2]


class WideSample(ItemSample):
    """A legend sample wide and thick enough to match on a projector: a 4 px line with the
    option's marker shape in the middle (clicking it does not hide the profile)."""

    def __init__(self, item) -> None:
        super().__init__(item)
        self.setFixedWidth(SAMPLE_WIDTH)
        self.setFixedHeight(SAMPLE_HEIGHT)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT)

    def paint(self, p, *args) -> None:
        opts = self.item.opts
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setPen(pg.mkPen(opts["pen"]))
        p.drawLine(QPointF(1, SAMPLE_HEIGHT / 2), QPointF(SAMPLE_WIDTH - 1, SAMPLE_HEIGHT / 2))
        symbol = opts.get("symbol")
        if symbol is not None:
            p.translate(SAMPLE_WIDTH / 2, SAMPLE_HEIGHT / 2)
            drawSymbol(p, symbol, opts.get("symbolSize", 10), pg.mkPen(opts.get("symbolPen")),
                       pg.mkBrush(opts.get("symbolBrush")))

    def mouseClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.ignore()
