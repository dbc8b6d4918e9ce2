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


def score(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None = None,
    overrides: Mapping[str, Mapping[str, float]] | None = None,
) -> Ranking:
    """Rank the framework's options by fit. Missing weights and targets take the defaults."""
    targets = targets or {}
    w = {c.id: float(weights.get(c.id, c.default_weight)) for c in framework.criteria}
    for cid, value in w.items():
        if value < 0:
            raise ValueError(f"weight {cid}={value} is negative")
    t = {
        c.id: float(targets.get(c.id, c.default_target))  # type: ignore[arg-type]
        for c in framework.criteria
        if c.direction == "target"
    }
    total = sum(w.values())
    ratings = effective_ratings(framework, overrides)
    scored: list[tuple[float | None, int, str, str, dict[str, float], dict[str, float]]] = []
    for index, opt in enumerate(framework.options):
        row = ratings[opt.id]
        utils = {c.id: utility(c, row[c.id], t.get(c.id)) for c in framework.criteria}
        fit = 100.0 * sum(w[cid] * u for cid, u in utils.items()) / total if total > 0 else None
        scored.append((fit, index, opt.id, opt.name, row, utils))
    # Best first; with no weights keep the framework's order.
    scored.sort(key=lambda s: (-(s[0] if s[0] is not None else 0.0), s[1]))
    results: list[OptionFit] = []
    for pos, (fit, _, oid, name, row, utils) in enumerate(scored):
        rank = pos + 1
        if results and fit is not None and results[-1].fit is not None:
            if abs(results[-1].fit - fit) <= TIE_TOLERANCE:
                rank = results[-1].rank
        results.append(OptionFit(oid, name, fit, rank, False, dict(row), utils))
    counts: dict[int, int] = {}
    for r in results:
        counts[r.rank] = counts.get(r.rank, 0) + 1
    results = [
        OptionFit(r.option, r.name, r.fit, r.rank, r.fit is not None and counts[r.rank] > 1,
                  r.ratings, r.utilities)
        for r in results
    ]
    return Ranking(framework.id, w, t, results)
