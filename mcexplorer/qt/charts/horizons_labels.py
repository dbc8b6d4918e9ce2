"""Where the Three Horizons chart puts each marker's name: clear of the other names, of every
marker and of the curve names, and inside the plot.

Each name tries a few places around its marker (its kind's favourite first: a structure's
name above, a business model's below, an initiative's to the right) and takes the one that
overlaps least. Plain arithmetic in data units (x time, y value; y grows upwards).
"""

from __future__ import annotations

from dataclasses import dataclass

from .horizons_data import Box, overlap

LABEL_CHARS = 24
"""Longer names are shortened on the chart (hover shows them whole)."""

PREFERENCES = {
    "structure": ("above", "below", "above-right", "above-left", "right", "left",
                  "below-right", "below-left", "above-2", "below-2"),
    "model": ("below", "above", "below-right", "below-left", "right", "left",
              "above-right", "above-left", "below-2", "above-2"),
    "initiative": ("right", "left", "above-right", "below-right", "above-left", "below-left",
                   "above", "below", "above-2", "below-2"),
}


@dataclass(frozen=True)
class LabelRequest:
    x: float
    y: float
    """The marker's centre."""
    rx: float
    ry: float
    """The marker's half width and half height."""
    w: float
    h: float
    """The name's width and height."""
    kind: str
    """'structure', 'model' or 'initiative' (sets the favourite places)."""


@dataclass(frozen=True)
class Placement:
    anchor: tuple[float, float]
    """pyqtgraph TextItem anchor: (0, 0) puts the text's top left corner at ``pos``."""
    pos: tuple[float, float]
    box: Box


def candidate(r: LabelRequest, where: str, gx: float, gy: float) -> Placement:
    x, y, w, h = r.x, r.y, r.w, r.h
    dx, dy = r.rx + gx, r.ry + gy
    ddx, ddy = 0.7 * r.rx + gx, 0.7 * r.ry + gy
    if where == "above":
        return Placement((0.5, 1.0), (x, y + dy), (x - w / 2, x + w / 2, y + dy, y + dy + h))
    if where == "below":
        return Placement((0.5, 0.0), (x, y - dy), (x - w / 2, x + w / 2, y - dy - h, y - dy))
    if where == "above-2":
        return Placement((0.5, 1.0), (x, y + dy + h),
                         (x - w / 2, x + w / 2, y + dy + h, y + dy + 2 * h))
    if where == "below-2":
        return Placement((0.5, 0.0), (x, y - dy - h),
                         (x - w / 2, x + w / 2, y - dy - 2 * h, y - dy - h))
    if where == "right":
        return Placement((0.0, 0.5), (x + dx, y), (x + dx, x + dx + w, y - h / 2, y + h / 2))
    if where == "left":
        return Placement((1.0, 0.5), (x - dx, y), (x - dx - w, x - dx, y - h / 2, y + h / 2))
    sx = 1 if where.endswith("right") else -1
    sy = 1 if where.startswith("above") else -1
    px, py = x + sx * ddx, y + sy * ddy
    anchor = (0.0 if sx > 0 else 1.0, 1.0 if sy > 0 else 0.0)
    left = px if sx > 0 else px - w
    bottom = py if sy > 0 else py - h
    return Placement(anchor, (px, py), (left, left + w, bottom, bottom + h))


def _outside(box: Box, bounds: Box) -> bool:
    return box[0] < bounds[0] or box[1] > bounds[1] or box[2] < bounds[2] or box[3] > bounds[3]


def marker_box(r: LabelRequest) -> Box:
    return (r.x - r.rx, r.x + r.rx, r.y - r.ry, r.y + r.ry)


def place_labels(requests: list[LabelRequest], obstacles: list[Box], bounds: Box,
                 gap: tuple[float, float]) -> list[Placement]:
    """A place for each name, in order (earlier names choose first). ``obstacles``: other
    texts to keep clear of (the curve names); ``bounds``: the plot; ``gap``: the room between
    a marker and its name (x, y)."""
    markers = [marker_box(r) for r in requests]
    placed: list[Box] = []
    out: list[Placement] = []
    for i, r in enumerate(requests):
        others = [m for j, m in enumerate(markers) if j != i]
        best: tuple[float, int, Placement] | None = None
        for rank, where in enumerate(PREFERENCES.get(r.kind, PREFERENCES["initiative"])):
            p = candidate(r, where, *gap)
            area = max(r.w * r.h, 1e-12)
            cost = 50.0 if _outside(p.box, bounds) else 0.0
            cost += sum(3.0 * overlap(p.box, o) for o in placed) / area
            cost += sum(4.0 * overlap(p.box, o) for o in others) / area
            cost += sum(2.0 * overlap(p.box, o) for o in obstacles) / area
            if best is None or cost < best[0] - 1e-9:
                best = (cost, rank, p)
        assert best is not None
        placed.append(best[2].box)
        out.append(best[2])
    return out


def short_label(text: str) -> str:
    """A name as drawn: cut to LABEL_CHARS with an ellipsis."""
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "\u2026"
