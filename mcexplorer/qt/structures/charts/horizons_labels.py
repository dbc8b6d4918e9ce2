"""Where the Three Horizons chart puts each marker's name: clear of the other names, of every
marker and of the curve names, and inside the plot.

Each name tries a few places around its marker (its kind's favourite first: a structure's
name above, a business model's below, an initiative's to the right), then the same places
farther out with a leader line, and takes the nearest clear one (else the one that overlaps
least). Plain arithmetic in data units (x time, y value; y grows upwards).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from ...charts.box_index import BoxIndex, overlap_sums
from .horizons_data import Box

LABEL_CHARS = 24
"""Longer names are shortened on the chart (hover shows them whole)."""
SHORT_CHARS = 12
"""Where even that finds no room, a name is cut to this many characters."""

PREFERENCES = {
    "structure": ("above", "below", "above-right", "above-left", "right", "left",
                  "below-right", "below-left", "above-2", "below-2"),
    "model": ("below", "above", "below-right", "below-left", "right", "left",
              "above-right", "above-left", "below-2", "above-2"),
    "initiative": ("right", "left", "above-right", "below-right", "above-left", "below-left",
                   "above", "below", "right-up", "right-down", "left-up", "left-down",
                   "above-2", "below-2", "right-up-2", "right-down-2", "left-up-2",
                   "left-down-2"),
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
    short_w: float = 0.0
    """The width of the name cut to SHORT_CHARS: tried where the whole name finds no room."""


RINGS = 6
"""Places are tried beside the marker (ring 0), then up to three steps farther out, where
the name is joined to its marker by a leader line: a name apart from its marker rather than
on another name or marker."""
RING_STEPS = 5
"""One ring farther out is this many times the gap between a marker and its name."""


@dataclass(frozen=True)
class Placement:
    anchor: tuple[float, float]
    """pyqtgraph TextItem anchor: (0, 0) puts the text's top left corner at ``pos``."""
    pos: tuple[float, float]
    box: Box
    short: bool = False
    """The name is drawn cut to SHORT_CHARS (the whole name did not fit anywhere)."""
    leader: bool = False
    """The name stands apart from its marker (a ring out, or a line of text away): a leader
    line joins them."""
    clash: bool = False
    """No clear place was found: the name overlaps a name, a marker or a curve name."""


def candidate(r: LabelRequest, where: str, gx: float, gy: float,
              short: bool = False, leader: bool = False) -> Placement:
    p = _candidate(r, where, gx, gy)
    return Placement(p.anchor, p.pos, p.box, short, leader)


def candidates(r: LabelRequest, gap: tuple[float, float],
               short: bool = False) -> list[tuple[int, int, Placement]]:
    """(ring, rank among the kind's favourite places, place) for every place a name may
    take: each favourite place beside the marker, then the same ring by ring farther out."""
    places = PREFERENCES.get(r.kind, PREFERENCES["initiative"])
    out = []
    for ring in range(RINGS):
        gx, gy = gap[0] * (1 + RING_STEPS * ring), gap[1] * (1 + RING_STEPS * ring)
        out += [(ring, rank, candidate(r, where, gx, gy, short,
                                      ring > 0 or where.endswith("-2")))
                for rank, where in enumerate(places)]
    return out


def place_cost(outside: bool, names: float, marks: float, texts: float, area: float,
               ring: int, rank: int, shortened: bool) -> float:
    """What a place costs: any overlap with a name, a marker or a curve name costs more than
    every clear place (so a clear one is always taken), and as much again per box's worth of
    area overlapped (three names covered cost more than one touched); among
    clear places, the nearest ring, the kind's favourite place and the whole name first."""
    cost = 1000.0 if outside else 0.0
    cost += 100.0 * (names > 0) + 100.0 * (marks > 0) + 60.0 * (texts > 0)
    cost += (100.0 * names + 100.0 * marks + 60.0 * texts) / area
    return cost + 0.5 * ring + 0.01 * rank + 0.3 * shortened


CLASH = 60.0
"""A place costing this much or more overlaps something (``place_cost``)."""
CLEAR_AND_NEAR = 0.25
"""A whole name placed for less than this is beside its marker and clear: no shorter try."""


def _candidate(r: LabelRequest, where: str, gx: float, gy: float) -> Placement:
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
    if where.startswith(("right-", "left-")):
        # Beside the marker, a line (or two) higher or lower: out of a crowded row of names.
        lines = 2.3 if where.endswith("-2") else 1.15
        shift = lines * h if "-up" in where else -lines * h
        if where.startswith("right"):
            return Placement((0.0, 0.5), (x + dx, y + shift),
                             (x + dx, x + dx + w, y + shift - h / 2, y + shift + h / 2))
        return Placement((1.0, 0.5), (x - dx, y + shift),
                         (x - dx - w, x - dx, y + shift - h / 2, y + shift + h / 2))
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
    a marker and its name (x, y).

    The last few answers are kept: a drag that moves first place between two structures asks
    the same two questions again and again."""
    return list(_placed(tuple(requests), tuple(tuple(o) for o in obstacles), tuple(bounds),
                        tuple(gap)))


@lru_cache(maxsize=16)
def _placed(requests: tuple[LabelRequest, ...], obstacles: tuple[Box, ...], bounds: Box,
            gap: tuple[float, float]) -> tuple[Placement, ...]:
    markers = [marker_box(r) for r in requests]
    # Boxes filed by where they are (box_index): each candidate reads the names and markers
    # near it, not all of them, so 500 names cost 500 times one (it was quadratic).
    n = max(1, len(requests))
    cell = (sum(r.w for r in requests) / n, 2 * sum(r.h for r in requests) / n)
    near_markers = BoxIndex(*cell, markers)
    placed = BoxIndex(*cell)
    curve_names = np.array(obstacles, dtype=float).reshape(-1, 4)
    out: list[Placement] = []
    for i, r in enumerate(requests):
        best: tuple[float, int, Placement] | None = None
        tries = [r] + ([replace(r, w=r.short_w)] if 0 < r.short_w < r.w else [])
        for shortened, req in enumerate(tries):
            if shortened and best is not None and best[0] < CLEAR_AND_NEAR:
                break  # the whole name found room beside its marker
            tried = candidates(req, gap, bool(shortened))
            boxes = np.array([p.box for _ring, _rank, p in tried])
            area = max(req.w * req.h, 1e-12)
            # Each place against the names placed, the markers near any of them and the
            # curve names, all at once.
            names = overlap_sums(boxes, placed.near_all(boxes))
            marks = overlap_sums(boxes, near_markers.near_all(boxes, skip=i))
            texts = overlap_sums(boxes, curve_names)
            for k, (ring, rank, p) in enumerate(tried):
                cost = place_cost(_outside(p.box, bounds), float(names[k]), float(marks[k]),
                                  float(texts[k]), area, ring, rank, bool(shortened))
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, k, p)
        assert best is not None
        placed.add(best[2].box)
        out.append(replace(best[2], clash=True) if best[0] >= CLASH else best[2])
    return tuple(out)


def leader_line(r: LabelRequest, box: Box) -> tuple[tuple[float, float], tuple[float, float]]:
    """From the marker's centre to the nearest point of its name's ``box`` (the marker is
    drawn over the line's start)."""
    x = min(max(r.x, box[0]), box[1])
    y = min(max(r.y, box[2]), box[3])
    return (r.x, r.y), (x, y)


def short_label(text: str, chars: int = LABEL_CHARS) -> str:
    """A name as drawn: cut to ``chars`` with an ellipsis."""
    return text if len(text) <= chars else text[:chars - 1].rstrip() + "\u2026"
