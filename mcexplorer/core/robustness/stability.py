"""Stability intervals: how far one weight (or the target) can move before the winner changes.

Exact, not sampled. For a weight, the winner ``T`` stays first while its numerator line is at
least every other option's (see ``lines``): each rival ``j`` gives one linear condition

    (a_T - a_j) + w * (u_Tc - u_jc) >= 0,

a half-line in ``w``; the interval is the intersection of those half-lines with [0, 100].
For a target criterion each condition is piecewise linear in the target ``t`` and monotone
(|x_j - t| - |x_T - t| only grows or only shrinks as ``t`` moves), so its ends are found segment
by segment between the options' ratings, the only breakpoints. The target slider's half steps
are therefore not sampled: any target value, on a step or not, is judged exactly.

Ties: "stays first" means still ranked first, a tie included (the ranking gives tied options
the same rank), so an end where two options tie belongs to the interval and the option that
leads just beyond it is named. When the winner is tied for first right now, the interval
closes at the current value on the side where the other tied option leads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.models import Criterion, Framework, level_label
from mcexplorer.core.scoring import UtilityTable

from .lines import SLOPE_EPS, WEIGHT_RANGE, Overrides, number, prepare, steepest, tie_margin

END_TOLERANCE = 1e-9
"""Two interval ends (on the slider's scale) closer than this are the same end."""


@dataclass(frozen=True)
class Interval:
    """Where the current winner stays first as one setting moves, the others unchanged."""

    low: float
    high: float
    below: str | None
    """The option that comes first just below ``low``; None when ``low`` is the scale's end."""
    above: str | None
    """The option that comes first just above ``high``; None when ``high`` is the scale's end."""
    low_open: bool = False
    """``low`` itself is outside: the weight is the only one set, and at 0 nothing is ranked."""

    def contains(self, value: float, tolerance: float = END_TOLERANCE) -> bool:
        if self.low_open and value <= self.low:
            return False
        return self.low - tolerance <= value <= self.high + tolerance

    def as_dict(self) -> dict[str, Any]:
        """The ``score --json`` shape: {"low", "high", "below", "above", "low_open"}."""
        return {"low": self.low, "high": self.high, "below": self.below, "above": self.above,
                "low_open": self.low_open}


def stability(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None = None,
    overrides: Overrides | None = None,
    *,
    table: UtilityTable | None = None,
) -> dict[str, Interval]:
    """For every criterion, the interval of its weight (0-100) in which the winner stays first.

    Empty when every weight is zero (there is no winner to keep). All criteria are solved at
    once with a few array operations, cheap enough to follow a slider drag.
    """
    lines = prepare(framework, weights, targets, overrides, table)
    top = lines.top
    if top is None:
        return {}
    lo, hi = WEIGHT_RANGE
    ids = lines.option_ids
    u, w = lines.utilities, lines.weights
    alone = (w > 0) & (lines.total - w <= 0)  # the only weight set: no fit at 0
    if len(ids) == 1:
        return {cid: Interval(lo, hi, None, None, bool(alone[c]))
                for c, cid in enumerate(lines.table.criteria)}
    intercepts = lines.numerators[None, :] - w[:, None] * u.T  # criteria x options: a_j
    slopes = u[top][:, None] - u.T  # criteria x options: s_j = u_T - u_j
    gaps = intercepts[:, [top]] - intercepts  # a_T - a_j
    rising, falling = slopes > SLOPE_EPS, slopes < -SLOPE_EPS
    with np.errstate(divide="ignore", invalid="ignore"):
        roots = -gaps / slopes  # where the winner's line meets rival j's
    lower = np.where(rising, roots, -np.inf)  # the winner needs w >= root
    upper = np.where(falling, roots, np.inf)  # the winner needs w <= root
    lows = np.minimum(np.maximum(lower.max(axis=1), lo), w)
    highs = np.maximum(np.minimum(upper.min(axis=1), hi), w)
    # An end within round-off of the scale's end is that end: the tie there belongs to the
    # interval (a root at 2.8e-13 is a tie at 0, not "below 0: another option").
    lows = np.where(lows - lo <= _tol(lo), lo, lows)
    highs = np.where(hi - highs <= _tol(hi), hi, highs)
    out: dict[str, Interval] = {}
    for c, cid in enumerate(lines.table.criteria):
        low, high = float(lows[c]), float(highs[c])
        below = above = None
        if low > lo:
            near = np.flatnonzero(rising[c] & (np.abs(lower[c] - low) <= _tol(low)))
            below = ids[steepest(near, slopes[c], largest=True)] if near.size else None
        if high < hi:
            near = np.flatnonzero(falling[c] & (np.abs(upper[c] - high) <= _tol(high)))
            above = ids[steepest(near, slopes[c], largest=False)] if near.size else None
        out[cid] = Interval(low, high, below, above, bool(alone[c]) and low <= lo)
    return out


def _tol(end: float) -> float:
    return END_TOLERANCE * (1 + abs(end))


def target_stability(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None,
    overrides: Overrides | None,
    criterion_id: str,
    *,
    table: UtilityTable | None = None,
) -> Interval | None:
    """The target values (on the criterion's own scale) that keep the winner first.

    None when every weight is zero. The whole scale when the criterion's weight is zero.
    """
    try:
        crit = framework.criterion(criterion_id)
    except KeyError:
        raise ScenarioError(f"unknown criterion {criterion_id!r}",
                            field=f"{framework.id}.criterion") from None
    if crit.direction != "target":
        raise ScenarioError(f"{criterion_id!r} is a {crit.direction} criterion, not a target",
                            field=f"{framework.id}.criterion")
    lines = prepare(framework, weights, targets, overrides, table)
    top = lines.top
    if top is None:
        return None
    lo, hi = (float(v) for v in crit.scale)
    c = lines.criterion_index(criterion_id)
    wc = float(lines.weights[c])
    if len(lines.option_ids) == 1 or wc == 0:
        return Interval(lo, hi, None, None)
    x = lines.ratings_of(criterion_id)
    others = lines.numerators - wc * lines.utilities[:, c]
    span = hi - lo

    def gaps(t: float) -> np.ndarray:
        """The winner's numerator minus each option's, with the target at ``t``."""
        num = others + wc * np.clip(1.0 - np.abs(x - t) / span, 0.0, 1.0)
        gap: np.ndarray = num[top] - num
        return gap

    t0 = float(lines.table.targets[criterion_id])
    breaks = sorted({lo, hi, *np.unique(x[(x > lo) & (x < hi)]).tolist()})
    margin = tie_margin(lines.total)
    ids = lines.option_ids
    high, above = _walk(gaps, t0, [p for p in breaks if p > t0], margin, hi)
    low, below = _walk(gaps, t0, [p for p in reversed(breaks) if p < t0], margin, lo)
    return Interval(low, high, ids[below] if below is not None else None,
                    ids[above] if above is not None else None)


def _walk(gaps: Callable[[float], np.ndarray], start: float, points: list[float],
          margin: float, end: float) -> tuple[float, int | None]:
    """From ``start`` through ``points`` (one direction), to where a rival first gets ahead.

    Between consecutive points every gap is linear, so the crossing is solved exactly.
    """
    prev, g_prev = start, gaps(start)
    for p in points:
        g = gaps(p)
        behind = np.flatnonzero(g < -margin)
        if behind.size:
            drop = g_prev[behind] - g[behind]  # > 0: the winner loses ground towards p
            # How far along the segment each gap reaches zero; the first to do so ends it.
            share = np.clip(np.maximum(g_prev[behind], 0.0) / drop, 0.0, 1.0)
            first = share.min()
            where = prev + (p - prev) * first
            if abs(where - end) <= _tol(end):  # a tie at the scale's end: the end is inside
                return end, None
            near = behind[(share - first) * abs(p - prev) <= _tol(where)]
            # The rival gaining fastest leads just beyond the end.
            rates = np.zeros(len(g))
            rates[behind] = drop
            return float(where), steepest(near, rates, largest=True)
        prev, g_prev = p, g
    return end, None


def scale_label(criterion: Criterion) -> Callable[[float], str]:
    """Writes a value of ``criterion``'s scale as its words where it is a level or the midpoint
    of two ("H2", "H2/H3"), else as a number with at most one decimal (2.08333 -> "2.1")."""

    def label(value: float) -> str:
        text = level_label(criterion.levels, value)
        return text if text != f"{value:g}" else number(value)

    return label


def describe(interval: Interval, names: Mapping[str, str],
             label: Callable[[float], str] = number) -> str:
    """A sentence for a slider's accessible description: "stable from 31 to 72; above 72: X".

    ``label`` writes a value (for a target, the level label such as "H2/H3").
    """
    start = f"above {label(interval.low)}" if interval.low_open else label(interval.low)
    text = f"stable from {start} to {label(interval.high)}"
    if interval.below is not None:
        text += f"; below {label(interval.low)}: {names.get(interval.below, interval.below)}"
    if interval.above is not None:
        text += f"; above {label(interval.high)}: {names.get(interval.above, interval.above)}"
    return text
