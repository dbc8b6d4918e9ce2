"""What the Three Horizons chart draws: its colours, its markers and where fixed markers sit.

Plain data and arithmetic, no widgets: the tab builds a ``HorizonsData`` and the chart
(``horizons.py``) draws it; the balance chart shares the horizon colours.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ....core.chart_data import HORIZON_COLOURS  # noqa: F401 - one palette, in the core
HORIZON_NAMES = {1: "H1 business as usual", 2: "H2 extending the core", 3: "H3 a new business"}
CURVES_NOTE = ("The curve shapes are the tool's picture; the horizons come from Brown, McGreal & "
               "Peters 2023 (Figure 8, after Baghai, Coley & White 2000).")
INITIATIVE_COLOUR = "#CC79A7"
SELECTED_COLOUR = "#1a1a1a"
HIT_RADIUS_PX = 14.0
TIME_STEP, TIME_FINE = 0.02, 0.005
HORIZON_STEP, HORIZON_FINE = 0.5, 0.1
SAMPLES = 160

# Where fixed markers of each horizon are spread along the time axis.
_WINDOWS = {1.0: (0.03, 0.35), 1.5: (0.40, 0.40), 2.0: (0.46, 0.54), 2.5: (0.58, 0.74),
            3.0: (0.84, 0.94)}


@dataclass(frozen=True)
class HorizonMarker:
    id: str
    label: str
    time: float
    horizon: float
    kind: str = "initiative"
    """'structure', 'model' or 'initiative'."""
    badge: str = ""
    """Short text drawn inside a structure's circle (its scenario number)."""
    emphasis: bool = False
    """Top-ranked: drawn larger with a bold label."""
    size: float = 1.0
    """An initiative's relative effort or budget."""


@dataclass(frozen=True)
class HorizonsData:
    fixed: tuple[HorizonMarker, ...] = ()
    initiatives: tuple[HorizonMarker, ...] = ()
    message: str = ""


def spread_times(horizons: list[float], kinds: list[str] | None = None) -> list[float]:
    """A time for each fixed marker: markers of one horizon are spread over its window.

    With ``kinds``, structures and business models alternate within a window so that the
    labels of neighbouring structures do not collide.
    """
    out = [0.0] * len(horizons)
    groups: dict[float, list[int]] = {}
    for i, h in enumerate(horizons):
        groups.setdefault(round(h * 2) / 2, []).append(i)
    for h, idx in groups.items():
        if kinds is not None:
            a = [i for i in idx if kinds[i] == "structure"]
            b = [i for i in idx if kinds[i] != "structure"]
            idx = [x for pair in itertools.zip_longest(a, b) for x in pair if x is not None]
        lo, hi = _WINDOWS.get(h, (0.1 + 0.4 * (h - 1), 0.1 + 0.4 * (h - 1)))
        n = len(idx)
        for j, i in enumerate(idx):
            out[i] = (lo + hi) / 2 if n == 1 else lo + (hi - lo) * j / (n - 1)
    return out


Box = tuple[float, float, float, float]
"""left, right, bottom, top in data units."""


def overlap(a: Box, b: Box) -> float:
    w = min(a[1], b[1]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[2], b[2])
    return w * h if w > 0 and h > 0 else 0.0


FREE_TIMES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75)
FREE_HORIZONS = (2.0, 1.5, 2.5, 1.0, 3.0)


def free_spot(taken: list[tuple[float, float]], height, unit: tuple[float, float],
              clearance_px: float = 34.0) -> tuple[float, float]:
    """A (time, horizon) for a new initiative at least ``clearance_px`` from every marker in
    ``taken`` (their (time, height) centres), on H2 if it can be, then between the curves.
    ``height(t, h)`` is where a marker sits; ``unit`` is the size of a pixel in data units.
    When nothing is free the spot farthest from every marker is returned."""
    ux, uy = unit
    best: tuple[float, float, float] | None = None
    for h in FREE_HORIZONS:
        for t in FREE_TIMES:
            y = height(t, h)
            nearest = min((((t - tx) / ux) ** 2 + ((y - ty) / uy) ** 2) ** 0.5
                          for tx, ty in taken) if taken else float("inf")
            if nearest >= clearance_px:
                return t, h
            if best is None or nearest > best[0]:
                best = (nearest, t, h)
    assert best is not None
    return best[1], best[2]
