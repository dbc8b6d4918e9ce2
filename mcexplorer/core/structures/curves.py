"""Geometry of the Three Horizons chart: time 0-1 on x, value 0-1 on y.

The curve shapes are the tool's own drawing of the usual picture of three overlapping curves
(Baghai, Coley & White 2000, as used by Brown, McGreal & Peters 2023); they carry no data.
Kept here so that dragging an initiative is testable without a window. No Qt here.
"""

from __future__ import annotations

import math


def curve(k: int, t: float) -> float:
    """Value (0-1) of horizon ``k``'s curve at time ``t`` (0 now, 1 far future).

    H1 starts dominant and declines, H2 rises and falls in the middle, H3 starts low and
    becomes dominant: the usual picture of three overlapping curves.
    """
    if k == 1:
        return 0.14 + 0.74 / (1.0 + math.exp((t - 0.55) / 0.12))
    if k == 2:
        return 0.10 + 0.58 * math.exp(-(((t - 0.5) / 0.2) ** 2))
    if k == 3:
        return 0.05 + 0.82 / (1.0 + math.exp(-(t - 0.72) / 0.11))
    raise ValueError(f"no horizon {k}")


def height(t: float, h: float) -> float:
    """Where a marker at time ``t`` and horizon ``h`` sits: on its curve, or between two."""
    h = min(3.0, max(1.0, h))
    lo = min(math.floor(h), 2)
    f = h - lo
    return (1.0 - f) * curve(lo, t) + f * curve(lo + 1, t)


def horizon_at(t: float, y: float, current: float = 2.0, snap: float = 0.08) -> float:
    """The horizon (1-3) of the point nearest to height ``y`` at time ``t``.

    Between two curves the horizon is interpolated. Where several positions are equally near
    (curves cross) the one nearest ``current`` wins, so a marker keeps its horizon as it is
    dragged across a crossing. Within ``snap`` of a whole horizon it snaps onto the curve.
    """
    best: tuple[float, float, float] | None = None
    for k in (1, 2):
        ya, yb = curve(k, t), curve(k + 1, t)
        if abs(yb - ya) < 1e-9:
            cand = min(k + 1.0, max(float(k), current))
        else:
            cand = k + min(1.0, max(0.0, (y - ya) / (yb - ya)))
        dist = abs(height(t, cand) - y)
        key = (round(dist, 4), abs(cand - current), cand)
        if best is None or key < best:
            best = key
    h = best[2] if best else current
    nearest = round(h)
    if abs(h - nearest) <= snap:
        h = float(nearest)
    return round(min(3.0, max(1.0, h)), 3)
