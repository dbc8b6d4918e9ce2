"""What every robustness question starts from: the utility matrix, the weights and the winner.

With one weight ``w`` of criterion ``c`` free and the others fixed, option ``i`` has

    fit_i(w) = 100 * (a_i + w * u_ic) / (S + w),  a_i = sum_{k != c} w_k u_ik,  S = sum_{k != c} w_k

Every option shares the denominator, so comparing fits is comparing the *numerators*
``a_i + w * u_ic``: straight lines in ``w``. Interval ends and crossings are where lines meet.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.models import Framework
from mcexplorer.core.scoring import TIE_TOLERANCE, Ranking, UtilityTable, rank, utility_table

WEIGHT_RANGE = (0.0, 100.0)
"""The weight sliders' scale: intervals, sweeps and crossings live on it."""

SLOPE_EPS = 1e-12
"""Utility differences (each utility is on [0, 1]) below this are no difference: parallel lines."""

Overrides = Mapping[str, Mapping[str, float]]


@dataclass(frozen=True, eq=False)
class Lines:
    """One framework's settings as arrays, in the utility table's criteria and options order."""

    framework: Framework
    table: UtilityTable
    ranking: Ranking
    weights: np.ndarray
    """Criteria, in ``table.criteria`` order."""
    utilities: np.ndarray
    """Options x criteria."""

    # Computed once per Lines (a view asks for every weight's and every target's stability of
    # the same Lines; on 1000 options rebuilding these per question was most of the cost).

    @cached_property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(oid for oid, _ in self.table.options)

    def ratings_of(self, criterion_id: str) -> np.ndarray:
        """Every option's rating on one criterion (read-only; computed once per Lines)."""
        columns = self.__dict__.setdefault("_rating_columns", {})
        if criterion_id not in columns:
            column = np.array([row[criterion_id] for row in self.table.ratings], dtype=float)
            column.setflags(write=False)
            columns[criterion_id] = column
        found: np.ndarray = columns[criterion_id]
        return found

    @property
    def names(self) -> dict[str, str]:
        return dict(self.table.options)

    @cached_property
    def total(self) -> float:
        return float(self.weights.sum())

    @cached_property
    def numerators(self) -> np.ndarray:
        """sum_k w_k u_ik per option: the fit times the total weight / 100 (read-only)."""
        numerators: np.ndarray = self.utilities @ self.weights
        numerators.setflags(write=False)
        return numerators

    @cached_property
    def top(self) -> int | None:
        """Index (framework order) of the option ranked first; None when every weight is zero."""
        if not self.ranking.has_weight:
            return None
        return self.option_ids.index(self.ranking.results[0].option)

    def criterion_index(self, criterion_id: str) -> int:
        try:
            return self.table.criteria.index(criterion_id)
        except ValueError:
            raise ScenarioError(
                f"unknown criterion {criterion_id!r} (known: {', '.join(self.table.criteria)})",
                field=f"{self.framework.id}.criterion") from None

    def line(self, c: int) -> tuple[np.ndarray, np.ndarray, float]:
        """Intercepts ``a``, slopes ``u`` and the other weights' sum ``S`` for criterion ``c``."""
        w = self.weights[c]
        slopes = self.utilities[:, c]
        return self.numerators - w * slopes, slopes, self.total - float(w)


def tie_margin(total: float) -> float:
    """A numerator difference that counts as a tie: TIE_TOLERANCE on the 0-100 fit scale."""
    return TIE_TOLERANCE * max(total, 0.0) / 100.0


def prepare(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None = None,
    overrides: Overrides | None = None,
    table: UtilityTable | None = None,
) -> Lines:
    """Arrays for ``framework`` under these settings. Missing weights and targets take defaults.

    ``table`` reuses a utility table already built for the same targets and overrides (the
    document caches one), so a live caller pays for no utility recomputation; the last result
    for the same framework, table and weights is reused too (a view asks for the stability of
    every weight and of every target at once, each of which starts here).
    """
    key = None
    _last = _memo(table)
    if table is not None:
        if _last is not None and _last[0][0] is framework and _last[0][1] is table \
                and _last[2] == tuple(weights.items()):
            return _last[1]  # the very same weights as the last call: no need to sort them
        key = (framework, table, tuple(sorted((str(k), float(v)) for k, v in weights.items()
                                              if _finite_weight(v))), len(weights))
        if _last is not None and _same(_last[0], key):
            return _last[1]
    for cid, value in weights.items():
        try:
            bad = not math.isfinite(float(value)) or float(value) < 0
        except (TypeError, ValueError):
            bad = True
        if bad:
            raise ScenarioError(f"weight {value!r} must be a finite number >= 0",
                                field=f"{framework.id}.weights.{cid}")
    if table is None:
        table = utility_table(framework, targets, overrides)
    ranking = rank(framework, table, weights)
    vector = np.array([ranking.weights[cid] for cid in table.criteria], dtype=float)
    matrix = table.matrix if table.matrix is not None else np.array(
        [[u[cid] for cid in table.criteria] for u in table.utilities], dtype=float)
    lines = Lines(framework, table, ranking, vector, matrix)
    if key is not None:
        table.memo[_MEMO] = (key, lines, tuple(weights.items()))
    return lines


_MEMO = "robustness.lines"
"""The table's memo slot for the last ``prepare`` given it: (framework, table, weights), its
Lines and the weights' items as given."""


def _memo(table: UtilityTable | None) -> tuple[tuple[Any, ...], Lines, tuple[Any, ...]] | None:
    if table is None:
        return None
    last = table.memo.get(_MEMO)
    return last if isinstance(last, tuple) else None


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return a[0] is b[0] and a[1] is b[1] and a[2:] == b[2:]


def _finite_weight(value: object) -> bool:
    try:
        return math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def steepest(candidates: np.ndarray, slopes: np.ndarray, largest: bool) -> int:
    """Among candidate indices, the one whose slope is largest (or smallest); ties: lowest index.

    Beyond a point where several lines meet the leader, the steepest one leads; identical lines
    keep the framework's order, as the ranking does.
    """
    values = slopes[candidates]
    best = values.max() if largest else values.min()
    return int(candidates[np.flatnonzero(np.abs(values - best) <= SLOPE_EPS)[0]])


def number(value: float) -> str:
    """A weight or scale value for a sentence: at most one decimal, halves rounded up (1.25 ->
    "1.3"), no trailing zero."""
    tenths = math.floor(round(value * 10, 6) + 0.5)
    text = f"{tenths / 10:.1f}"
    return text[:-2] if text.endswith(".0") else text
