"""One scoring engine for every framework: weighted utility on each criterion's own scale.

utility on [lo, hi]:
    benefit  (x - lo) / (hi - lo)
    cost     (hi - x) / (hi - lo)
    target   1 - |x - t| / (hi - lo)
fit = 100 * sum(w * u) / sum(w), weights >= 0.

Utilities never depend on the other options' values, so adding an option (or a criterion with
zero weight) leaves everyone else's fit unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .models import Criterion, Framework

TIE_TOLERANCE = 1e-9
"""Fits closer than this are a tie (same rank)."""


def utility(criterion: Criterion, value: float, target: float | None = None) -> float:
    lo, hi = criterion.scale
    span = hi - lo
    if criterion.direction == "benefit":
        u = (value - lo) / span
    elif criterion.direction == "cost":
        u = (hi - value) / span
    else:
        t = criterion.default_target if target is None else target
        if t is None:
            raise ValueError(f"target criterion {criterion.id} has no target")
        u = 1.0 - abs(value - t) / span
    return min(1.0, max(0.0, u))


@dataclass(frozen=True)
class OptionFit:
    option: str
    name: str
    fit: float | None
    """0-100, or None when every weight is zero."""
    rank: int
    tied: bool
    ratings: dict[str, float]
    """Shared with the utility table: read, never modify."""
    utilities: dict[str, float]


@dataclass(frozen=True)
class Ranking:
    framework: str
    weights: dict[str, float]
    targets: dict[str, float]
    results: list[OptionFit] = field(default_factory=list)
    """Best first; ties share a rank and keep the framework's order."""

    @property
    def has_weight(self) -> bool:
        return any(w > 0 for w in self.weights.values())

    def fit_of(self, option_id: str) -> float | None:
        for r in self.results:
            if r.option == option_id:
                return r.fit
        raise KeyError(option_id)

    def top(self, n: int) -> list[str]:
        return [r.option for r in self.results[:n]]


def effective_ratings(
    framework: Framework, overrides: Mapping[str, Mapping[str, float]] | None = None
) -> dict[str, dict[str, float]]:
    """Option id -> criterion id -> value, with the planner's edited ratings applied."""
    overrides = overrides or {}
    out: dict[str, dict[str, float]] = {}
    for opt in framework.options:
        row = {cid: r.value for cid, r in opt.ratings.items()}
        row.update(overrides.get(opt.id, {}))
        out[opt.id] = row
    return out


@dataclass(frozen=True)
class UtilityTable:
    """Ratings and utilities of every option on every criterion: what a weight change reuses.

    Utilities depend on ratings and targets only, so a slider drag recomputes none of them;
    only the weighted sums change.
    """

    framework: str
    targets: dict[str, float]
    options: tuple[tuple[str, str], ...]
    """(option id, name) in the framework's order."""
    ratings: tuple[dict[str, float], ...]
    utilities: tuple[dict[str, float], ...]
    criteria: tuple[str, ...] = ()
    matrix: np.ndarray | None = field(default=None, compare=False)
    """The utilities as an options x criteria array, in ``criteria`` order."""
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    """Values derived from this table, kept with it (robustness.lines keeps the last Lines
    built on it): they live and go with the table the Document caches."""


def utility_table(
    framework: Framework,
    targets: Mapping[str, float] | None = None,
    overrides: Mapping[str, Mapping[str, float]] | None = None,
) -> UtilityTable:
    targets = targets or {}
    t = {
        c.id: float(targets.get(c.id, c.default_target))  # type: ignore[arg-type]
        for c in framework.criteria
        if c.direction == "target"
    }
    ratings = effective_ratings(framework, overrides)
    rows = tuple(ratings[o.id] for o in framework.options)
    utils = tuple({c.id: utility(c, row[c.id], t.get(c.id)) for c in framework.criteria}
                  for row in rows)
    criteria = tuple(c.id for c in framework.criteria)
    matrix = np.array([[u[cid] for cid in criteria] for u in utils], dtype=float).reshape(
        len(utils), len(criteria))
    return UtilityTable(framework.id, t, tuple((o.id, o.name) for o in framework.options),
                        rows, utils, criteria, matrix)


def rank(framework: Framework, table: UtilityTable, weights: Mapping[str, float]) -> Ranking:
    """Weighted fit of every option from a utility table. Missing weights take the defaults."""
    w = {c.id: float(weights.get(c.id, c.default_weight)) for c in framework.criteria}
    for cid, value in w.items():
        if value < 0:
            raise ValueError(f"weight {cid}={value} is negative")
    n = len(table.options)
    vector = np.fromiter((w[cid] for cid in table.criteria), float, len(table.criteria))
    largest = float(vector.max()) if vector.size else 0.0
    if largest > 0 and n:
        # Scaled so the largest weight is 1: any non-negative weights, subnormal (5e-324) or
        # huge (1e308), give a finite sum of at least 1, so every fit is finite and in [0, 100].
        vector = vector / largest
        matrix = table.matrix if table.matrix is not None else np.array(
            [[u[cid] for cid in table.criteria] for u in table.utilities], dtype=float)
        fits = np.clip(matrix @ vector * (100.0 / float(vector.sum())), 0.0, 100.0)
        # Best first; fits within TIE_TOLERANCE share a rank and keep the framework's order
        # (identical options may differ in the last digit: that must not reorder them).
        order = np.lexsort((np.arange(n), -fits))
        starts = np.ones(n, dtype=bool)
        starts[1:] = np.abs(np.diff(fits[order])) > TIE_TOLERANCE  # a new rank unless tied
        group = np.cumsum(starts) - 1
        order = order[np.lexsort((order, group))]
        ordered = fits[order]
        ranks = (np.flatnonzero(starts) + 1)[group]
        tied = np.bincount(group)[group] > 1
        results = [
            OptionFit(table.options[i][0], table.options[i][1], fit, r, t,
                      table.ratings[i], table.utilities[i])
            for i, fit, r, t in zip(order.tolist(), ordered.tolist(), ranks.tolist(),
                                    tied.tolist())
        ]
    else:  # no weight: no fits, every option shares first place, in the framework's order
        results = [OptionFit(oid, name, None, 1, n > 1, row, utils)
                   for (oid, name), row, utils in zip(table.options, table.ratings,
                                                      table.utilities)]
    return Ranking(framework.id, w, dict(table.targets), results)


def score(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None = None,
    overrides: Mapping[str, Mapping[str, float]] | None = None,
) -> Ranking:
    """Rank the framework's options by fit. Missing weights and targets take the defaults."""
    return rank(framework, utility_table(framework, targets, overrides), weights)
