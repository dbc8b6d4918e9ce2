"""What the Three Horizons chart draws: its colours, its markers and where fixed markers sit.

Plain data and arithmetic, no widgets: the data (``HorizonsData``) is core.structures.chart_data's
and the chart (``horizons.py``) draws it; the balance chart shares the horizon colours.
"""

from __future__ import annotations

from ....core.chart_data import HORIZON_COLOURS  # noqa: F401 - one palette, in the core
from ....core.structures.chart_data import HorizonMarker, HorizonsData, spread_times  # noqa: F401 - the data is the core's

HORIZON_NAMES = {1: "H1 business as usual", 2: "H2 extending the core", 3: "H3 a new business"}
CURVES_NOTE = ("The curve shapes are the tool's picture; the horizons come from Brown, McGreal & "
               "Peters 2023 (Figure 8, after Baghai, Coley & White 2000).")
INITIATIVE_COLOUR = "#CC79A7"
MARKER_PX = {"structure": (21, 26), "model": (16, 19), "initiative": (16, 20)}
"""A marker's size in pixels by kind (as drawn, emphasised or selected): at least 4 mm on
the report's page (the chart 16.4 cm wide at 620 pixels: 16 px is 4.2 mm)."""


def marker_px(kind: str, emphasis: bool = False) -> int:
    """A marker's size in pixels (a business model's for any kind but the other two)."""
    sizes = MARKER_PX.get(kind, MARKER_PX["model"])
    return sizes[1] if emphasis else sizes[0]

SELECTED_COLOUR = "#1a1a1a"
HIT_RADIUS_PX = 14.0
TIME_STEP, TIME_FINE = 0.02, 0.005
HORIZON_STEP, HORIZON_FINE = 0.5, 0.1
SAMPLES = 160

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
