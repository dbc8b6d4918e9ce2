"""Rank acceptability (SMAA-style): how often each option comes first, second, ... when the
weights, and the ratings written as a range between two levels (Table 2's "LOW/MED", and the
tool's own half-step defaults on the ecology and structures frameworks), are drawn near the
current ones.

The draws, in this order, all up-front from ``numpy.random.Generator(PCG64(seed))``:

1. ``weight_u = rng.random((draws, criteria))``, criteria in the framework's order;
2. ``rating_u = rng.random((draws, len(cells)))``, only when ratings are drawn and some rating is
   a range (cells listed by ``ranged_cells``: options, then criteria, in the framework's order).

Weights: each current weight times ``1 - j + 2 j u`` (uniform on [1 - j, 1 + j], j = jitter / 100,
floored at 0); or, for "no preferences", ``-log(1 - u)`` per criterion, which normalised is a
uniform draw over all weightings (Dirichlet(1, ..., 1)). Ratings: a rating written as a range
between two levels (Table 2's "LOW/MED", held as their midpoint) is drawn uniformly between the
two levels, ``low + (high - low) u``; edited ratings and all others stay fixed.

Within a draw, options whose fits are tied (the ranking's tie rule) share the ranks they cover
equally: two options tied for first each get half a first place and half a second place. A draw
whose weights are all zero (possible only with a jitter above 100%) ties every option.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.models import Criterion, Framework
from mcexplorer.core.scoring import TIE_TOLERANCE, UtilityTable

from .lines import Overrides, prepare

MAX_DRAWS = 1_000_000
MAX_JITTER = 1000.0
CHUNK = 2_000_000
"""Draws x options evaluated at once, so memory stays bounded on very large frameworks."""


@dataclass(frozen=True)
class RangedCell:
    """A rating given as a range between two levels, drawn inside it."""

    option: str
    criterion: str
    low: float
    high: float


@dataclass(frozen=True, eq=False)
class Acceptability:
    framework: str
    options: tuple[str, ...]
    draws: int
    seed: int
    jitter: float
    """Percent; meaningless (and reported as null) when ``uniform``."""
    uniform: bool
    rating_ranges: bool
    cells: tuple[RangedCell, ...]
    """The ratings drawn inside their range (empty when ``rating_ranges`` is off)."""
    shares: dict[str, float]
    """Share of draws (0-1) in which each option comes first. Empty when no weight is set."""
    ranks: dict[str, list[float]]
    """Each option's share at rank 1, 2, ..., n; every list and every rank sums to 1."""

    @property
    def has_weight(self) -> bool:
        return bool(self.shares)

    def as_dict(self) -> dict[str, Any]:
        """The ``score --json`` shape."""
        return {"draws": self.draws, "seed": self.seed,
                "jitter": None if self.uniform else self.jitter,
                "shares": dict(self.shares), "ranks": {k: list(v) for k, v in self.ranks.items()},
                "rating_ranges": self.rating_ranges}


def ranged_cells(framework: Framework,
                 overrides: Overrides | None = None) -> tuple[RangedCell, ...]:
    """Ratings written as a slash label of two or more levels and left as the source gave them."""
    overrides = overrides or {}
    cells = []
    for opt in framework.options:
        edited = overrides.get(opt.id, {})
        for crit in framework.criteria:
            rating = opt.ratings[crit.id]
            if crit.id in edited or "/" not in rating.label:
                continue
            levels = {str(k).strip().upper(): float(v) for k, v in crit.levels.items()}
            parts = [p.strip().upper() for p in rating.label.split("/")]
            if not all(p in levels for p in parts):
                continue
            values = [levels[p] for p in parts]
            if max(values) > min(values) and math.isclose(rating.value, sum(values) / len(values)):
                cells.append(RangedCell(opt.id, crit.id, min(values), max(values)))
    return tuple(cells)


def acceptability(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None = None,
    overrides: Overrides | None = None,
    draws: int = 10_000,
    seed: int = 0,
    jitter: float = 20.0,
    uniform: bool = False,
    rating_ranges: bool = True,
    *,
    table: UtilityTable | None = None,
) -> Acceptability:
    """Shares of first place and of every rank over ``draws`` seeded draws (see module doc)."""
    draws, seed, jitter = _checked(draws, seed, jitter)
    lines = prepare(framework, weights, targets, overrides, table)
    ids = lines.option_ids
    cells = ranged_cells(framework, overrides) if rating_ranges else ()
    def result(shares: dict[str, float], ranks: dict[str, list[float]]) -> Acceptability:
        return Acceptability(framework=framework.id, options=ids, draws=draws, seed=seed,
                             jitter=jitter, uniform=uniform, rating_ranges=rating_ranges,
                             cells=cells, shares=shares, ranks=ranks)

    if not uniform and lines.total <= 0:
        return result({}, {})
    rng = np.random.Generator(np.random.PCG64(seed))
    k, n = len(lines.weights), len(ids)
    weight_u = rng.random((draws, k))
    rating_u = rng.random((draws, len(cells))) if cells else np.empty((draws, 0))
    drawn = draw_weights(lines.weights, weight_u, jitter, uniform)
    crits = {c.id: c for c in framework.criteria}
    where = [(ids.index(cell.option), lines.table.criteria.index(cell.criterion), cell)
             for cell in cells]
    counts: dict[int, np.ndarray] = {}
    step = max(1, CHUNK // max(n, 1))
    for s in range(0, draws, step):
        w = drawn[s:s + step]
        # Each draw scaled so its largest weight is 1 (subnormal or huge weights stay finite).
        peak = w.max(axis=1, keepdims=True) if w.size else np.ones((len(w), 1))
        w = np.divide(w, peak, out=np.zeros_like(w), where=peak > 0)
        num = w @ lines.utilities.T
        for q, (o, c, cell) in enumerate(where):
            x = cell.low + (cell.high - cell.low) * rating_u[s:s + step, q]
            u = utilities_of(crits[cell.criterion], x, lines.table.targets.get(cell.criterion))
            num[:, o] += w[:, c] * (u - lines.utilities[o, c])
        totals = w.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            fits = np.where(totals[:, None] > 0,
                            np.clip(100.0 * num / totals[:, None], 0.0, 100.0), 0.0)
        count_ranks(fits, counts)
    table_ = shares_from_counts(counts, n, draws)
    return result({oid: float(table_[i, 0]) for i, oid in enumerate(ids)},
                  {oid: table_[i].tolist() for i, oid in enumerate(ids)})


def _checked(draws: object, seed: object, jitter: object) -> tuple[int, int, float]:
    if isinstance(draws, bool) or not isinstance(draws, (int, np.integer)) \
            or not 1 <= draws <= MAX_DRAWS:
        raise ScenarioError(f"{draws!r} must be a whole number from 1 to {MAX_DRAWS}",
                            field="draws")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ScenarioError(f"{seed!r} must be a whole number >= 0", field="seed")
    try:
        pct = float(jitter)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        pct = math.nan
    if not 0.0 <= pct <= MAX_JITTER:
        raise ScenarioError(f"{jitter!r} must be a percentage from 0 to {MAX_JITTER:g}",
                            field="jitter")
    return int(draws), int(seed), pct


def draw_weights(base: np.ndarray, weight_u: np.ndarray, jitter: float,
                 uniform: bool) -> np.ndarray:
    """Draws x criteria weights from the uniform numbers (see module doc)."""
    if uniform:
        exponential: np.ndarray = -np.log1p(-weight_u)
        return exponential
    j = jitter / 100.0
    return np.maximum(base[None, :] * (1.0 - j + 2.0 * j * weight_u), 0.0)


def utilities_of(criterion: Criterion, x: np.ndarray, target: float | None) -> np.ndarray:
    """``scoring.utility`` for an array of ratings."""
    lo, hi = criterion.scale
    span = hi - lo
    if criterion.direction == "benefit":
        u = (x - lo) / span
    elif criterion.direction == "cost":
        u = (hi - x) / span
    else:
        t = criterion.default_target if target is None else target
        u = 1.0 - np.abs(x - t) / span
    return np.clip(u, 0.0, 1.0)


def count_ranks(fits: np.ndarray, counts: dict[int, np.ndarray]) -> None:
    """Add one draw per row of ``fits`` (draws x options) to ``counts``.

    ``counts[k][i, r]`` is how many draws had option ``i`` in a tie group of ``k`` options
    covering rank ``r`` (0-based); ``k = 1`` is a rank held alone. Integers, so a plain loop
    over the same draws can reproduce them exactly.
    """
    d, n = fits.shape
    if d == 0:
        return
    order = np.argsort(-fits, axis=1, kind="stable")
    ordered = np.take_along_axis(fits, order, axis=1)
    new = np.ones((d, n), dtype=bool)  # position starts a tie group (the ranking's rule)
    new[:, 1:] = (ordered[:, :-1] - ordered[:, 1:]) > TIE_TOLERANCE
    pos = np.arange(n)
    if new.all():
        block = counts.setdefault(1, np.zeros((n, n), dtype=np.int64))
        block += np.bincount((order * n + pos).ravel(), minlength=n * n).reshape(n, n)
        return
    start = np.maximum.accumulate(np.where(new, pos, 0), axis=1)
    last = np.ones((d, n), dtype=bool)
    last[:, :-1] = new[:, 1:]
    end = np.minimum.accumulate(np.where(last, pos, n - 1)[:, ::-1], axis=1)[:, ::-1]
    size = end - start + 1
    for k in np.flatnonzero(np.bincount(size.ravel())).tolist():
        mask = size == k
        opts, first = order[mask], start[mask]
        # Each member covers ranks first .. first + k - 1: a difference row, then a running sum.
        plus = np.bincount(opts * (n + 1) + first, minlength=n * (n + 1))
        minus = np.bincount(opts * (n + 1) + first + k, minlength=n * (n + 1))
        block = counts.setdefault(k, np.zeros((n, n), dtype=np.int64))
        block += np.cumsum((plus - minus).reshape(n, n + 1), axis=1)[:, :n]


def shares_from_counts(counts: Mapping[int, np.ndarray], n: int, draws: int) -> np.ndarray:
    """Options x ranks shares from ``count_ranks``'s counts: a tie of k gives 1/k each."""
    total = np.zeros((n, n))
    for k in sorted(counts):
        total += counts[k] / k
    return total / draws


def time_acceptability(framework: Framework, weights: Mapping[str, float],
                       targets: Mapping[str, float] | None = None, draws: int = 10_000,
                       repeats: int = 20) -> list[float]:
    """Seconds per call of ``acceptability`` with ``draws`` draws, after one warm-up call.

    For ``make bench``: time the default business-model matrix (8 options x 8 criteria, its
    ranged Table 2 ratings drawn) against the 100 ms target, e.g. ``statistics.median``.
    """
    acceptability(framework, weights, targets, draws=draws, seed=0)
    times = []
    for r in range(repeats):
        t0 = time.perf_counter()
        acceptability(framework, weights, targets, draws=draws, seed=r)
        times.append(time.perf_counter() - t0)
    return times
