"""One-way sensitivity: every option's fit as one weight sweeps 0-100, and where the lines cross.

The fits are evaluated exactly at each step; crossings are solved exactly from the lines (see
``lines``), not read off the steps. Two options' fits cross where their numerators meet,
``w = (a_j - a_i) / (u_i - u_j)``; options with identical lines are tied everywhere and never
cross. When every other weight is zero the fits are undefined at ``w = 0`` (no weight at all)
and constant above it, so nothing crosses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.models import Framework
from mcexplorer.core.scoring import UtilityTable

from .lines import SLOPE_EPS, WEIGHT_RANGE, Lines, Overrides, number, prepare, steepest
from .stability import END_TOLERANCE, stability

MAX_STEPS = 10_001


@dataclass(frozen=True)
class Crossing:
    weight: float
    """Where (0-100) the two fits are equal."""
    fit: float
    """Their common fit there (0-100)."""
    before: str
    """The option ahead just below ``weight`` (for a change of first place: the old leader)."""
    after: str
    """The option ahead just above ``weight`` (for a change of first place: the new leader)."""

    def as_dict(self) -> dict[str, Any]:
        return {"weight": self.weight, "fit": self.fit, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Crossings:
    pairs: tuple[Crossing, ...]
    """Every crossing of two options' fits on [0, 100], by weight, then the framework's order."""
    top: tuple[Crossing, ...]
    """Only where first place changes hands, by weight: ``before`` led, ``after`` leads."""


@dataclass(frozen=True, eq=False)
class Sweep:
    framework: str
    criterion: str
    current: float
    """The criterion's weight now."""
    weights: tuple[float, ...]
    """The swept weights: ``steps`` evenly spaced values from 0 to 100."""
    options: tuple[tuple[str, str], ...]
    """(option id, name), in the framework's order: the columns of ``fits``."""
    fits: np.ndarray
    """Steps x options, 0-100; NaN where there is no fit (no weight at all)."""
    crossings: Crossings

    def series(self, option_id: str) -> list[float | None]:
        """One option's fits along the sweep (None where undefined)."""
        j = [oid for oid, _ in self.options].index(option_id)
        return [None if np.isnan(v) else float(v) for v in self.fits[:, j]]


def sweep(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None,
    overrides: Overrides | None,
    criterion_id: str,
    steps: int = 101,
    *,
    table: UtilityTable | None = None,
) -> Sweep:
    """Every option's fit at ``steps`` weights from 0 to 100 of one criterion (101: 0, 1, ...)."""
    if isinstance(steps, bool) or not isinstance(steps, int) or not 2 <= steps <= MAX_STEPS:
        raise ScenarioError(f"{steps!r} must be a whole number from 2 to {MAX_STEPS}",
                            field="steps")
    lines = prepare(framework, weights, targets, overrides, table)
    c = lines.criterion_index(criterion_id)
    a, u, rest = lines.line(c)
    xs = np.linspace(*WEIGHT_RANGE, steps)
    totals = rest + xs
    with np.errstate(divide="ignore", invalid="ignore"):
        fits = np.clip(100.0 * (a[None, :] + xs[:, None] * u[None, :]) / totals[:, None],
                       0.0, 100.0)
    fits[totals <= 0, :] = np.nan
    return Sweep(framework.id, criterion_id, float(lines.weights[c]), tuple(xs.tolist()),
                 lines.table.options, fits, _crossings(lines, c))


def crossings(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None,
    overrides: Overrides | None,
    criterion_id: str,
    *,
    table: UtilityTable | None = None,
) -> Crossings:
    """Exact weights (0-100) where two options' fits cross, and where first place changes."""
    lines = prepare(framework, weights, targets, overrides, table)
    return _crossings(lines, lines.criterion_index(criterion_id))


def _crossings(lines: Lines, c: int) -> Crossings:
    a, u, rest = lines.line(c)
    ids = lines.option_ids
    lo, hi = WEIGHT_RANGE
    if rest <= 0:  # only this criterion can carry weight: fits are constant where defined
        return Crossings((), ())
    found: list[tuple[float, int, int, Crossing]] = []
    for i in range(len(ids) - 1):  # one row of the pair triangle at a time: memory O(n)
        du = u[i] - u[i + 1:]
        da = a[i] - a[i + 1:]
        with np.errstate(divide="ignore", invalid="ignore"):
            at = -da / du
        hits = np.flatnonzero((np.abs(du) > SLOPE_EPS) & (at >= lo - END_TOLERANCE)
                              & (at <= hi + END_TOLERANCE))
        for h in hits.tolist():
            j = i + 1 + h
            w = min(hi, max(lo, float(at[h])))
            fit = float(100.0 * (a[i] + w * u[i]) / (rest + w))
            # The line with the smaller slope is ahead below the crossing.
            before, after = (i, j) if u[i] < u[j] else (j, i)
            found.append((w, i, j, Crossing(w, fit, ids[before], ids[after])))
    found.sort(key=lambda f: f[:3])
    return Crossings(tuple(f[3] for f in found), _top_changes(a, u, rest, ids))


def _top_changes(a: np.ndarray, u: np.ndarray, rest: float,
                 ids: tuple[str, ...]) -> tuple[Crossing, ...]:
    """Walk the upper envelope of the lines from 0 to 100: at most one step per option."""
    lo, hi = WEIGHT_RANGE
    # Leader just above 0: highest intercept, then steepest, then the framework's order.
    best = a.max()
    first = np.flatnonzero(a >= best - END_TOLERANCE * (1 + abs(best)))
    leader = steepest(first, u, largest=True)
    at = lo
    changes: list[Crossing] = []
    while True:
        gaining = np.flatnonzero(u > u[leader] + SLOPE_EPS)
        if not gaining.size:
            break
        meet = (a[leader] - a[gaining]) / (u[gaining] - u[leader])
        meet = np.maximum(meet, at)
        nxt = float(meet.min())
        if nxt >= hi:
            break
        near = gaining[meet <= nxt + END_TOLERANCE * (1 + nxt)]
        new = steepest(near, u, largest=True)
        fit = float(100.0 * (a[leader] + nxt * u[leader]) / (rest + nxt))
        changes.append(Crossing(nxt, fit, ids[leader], ids[new]))
        leader, at = new, nxt
    return tuple(changes)


def sensitivity_report(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None,
    overrides: Overrides | None,
    criterion_id: str,
    steps: int = 101,
    *,
    table: UtilityTable | None = None,
) -> dict[str, Any]:
    """The ``mcexplorer sensitivity FILE --framework FW --criterion C --json`` document."""
    lines = prepare(framework, weights, targets, overrides, table)
    s = sweep(framework, weights, targets, overrides, criterion_id, steps, table=lines.table)
    stable = stability(framework, weights, targets, overrides, table=lines.table)
    top = lines.top
    return {
        "framework": framework.id,
        "criterion": criterion_id,
        "weight": s.current,
        "top": None if top is None else lines.option_ids[top],
        "stability": stable[criterion_id].as_dict() if stable else None,
        "options": [{"id": oid, "name": name} for oid, name in s.options],
        "weights": list(s.weights),
        "fits": {oid: s.series(oid) for oid, _ in s.options},
        "crossings": [x.as_dict() for x in s.crossings.pairs],
        "top_changes": [x.as_dict() for x in s.crossings.top],
    }


def format_sensitivity(report: dict[str, Any]) -> str:
    """The plain-text form of ``sensitivity_report`` for the terminal."""
    names = {o["id"]: o["name"] for o in report["options"]}
    ids = [o["id"] for o in report["options"]]
    widths = [max(6, len(oid)) for oid in ids]
    lines = [f"{report['framework']}: fit as the weight of {report['criterion']} goes from 0 to "
             f"100 (now {number(report['weight'])}), other weights unchanged",
             "weight  " + "  ".join(f"{oid:>{wd}}" for oid, wd in zip(ids, widths))]
    for k, w in enumerate(report["weights"]):
        cells = [report["fits"][oid][k] for oid in ids]
        lines.append(f"{number(w):>6}  " + "  ".join(
            f"{'-' if v is None else f'{v:.1f}':>{wd}}" for v, wd in zip(cells, widths)))
    stab = report["stability"]
    if stab is not None:
        lines.append(f"{names[report['top']]} stays first from {number(stab['low'])} to "
                     f"{number(stab['high'])}")
    lines.append("first place changes:" if report["top_changes"] else "first place never changes")
    for x in report["top_changes"]:
        lines.append(f"  at {x['weight']:.2f} ({x['fit']:.1f}%): {names[x['after']]} overtakes "
                     f"{names[x['before']]}")
    lines.append("crossings:" if report["crossings"] else "no two fits cross")
    for x in report["crossings"]:
        lines.append(f"  at {x['weight']:.2f} ({x['fit']:.1f}%): {names[x['after']]} passes "
                     f"{names[x['before']]}")
    return "\n".join(lines)
