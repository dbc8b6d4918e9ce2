"""How sure is the ranking under a weighting: the stability bands, the verdict, How sure and
the sensitivity sweep as functions of (Document, framework, Weighting).

The window's verdict, bands and pages, ``score --weighting`` and ``sensitivity --weighting``,
the report and the exports all call these, so they print the same numbers for the same
weighting. The words stay where they are made (``report.verdict``, the slider texts).

No Qt here.
"""

from __future__ import annotations

from typing import Any

from ..document import Document, table_paths
from ..scoring import Ranking
from ..weighting import ROOM_PATHS, SCENARIO, Resolved, Weighting, resolve
from .acceptability import Acceptability, acceptability
from .report import verdict
from .sensitivity import Sweep, sensitivity_report, sweep
from .stability import Interval, stability, target_stability

DRAW_DEFAULTS = {"draws": 10_000, "seed": 0, "jitter": 20.0, "uniform": False,
                 "rating_ranges": True}
"""How sure's draws unless told otherwise (the window's page, ``score``)."""


def weight_bands(doc: Document, framework_id: str,
                 weighting: Weighting = SCENARIO) -> dict[str, Interval]:
    """Every weight's stable range under the weighting (empty when every weight is zero)."""
    r = resolve(doc, framework_id, weighting)
    return stability(doc.framework(framework_id), r.weights, r.targets, r.overrides,
                     table=r.table)


def target_band(doc: Document, framework_id: str, criterion_id: str,
                weighting: Weighting = SCENARIO) -> Interval | None:
    """A target's stable range under the weighting (None when every weight is zero)."""
    r = resolve(doc, framework_id, weighting)
    return target_stability(doc.framework(framework_id), r.weights, r.targets, r.overrides,
                            criterion_id, table=r.table)


def how_sure(doc: Document, framework_id: str, weighting: Weighting = SCENARIO,
             **draws: Any) -> Acceptability:
    """The rank acceptability around the weighting (``draws``: draws, seed, jitter, uniform,
    rating_ranges; defaults as ``DRAW_DEFAULTS``), drawn once per revision of what it rests
    on (the framework's settings, the room's weights: core.derived) and draws asked for."""
    r = resolve(doc, framework_id, weighting)
    d = {**DRAW_DEFAULTS, **draws}
    key = ("how sure", framework_id, r.weighting, tuple(sorted(d.items())))
    return doc.derived.get(key, [*table_paths(framework_id), ("frameworks", framework_id,
                                                                 "weights"), *ROOM_PATHS],
                           lambda: acceptability(
                               doc.framework(framework_id), r.weights, r.targets, r.overrides,
                               d["draws"], d["seed"], d["jitter"], d["uniform"],
                               d["rating_ranges"], table=r.table))


def verdict_of(doc: Document, framework_id: str, weighting: Weighting = SCENARIO,
               result: Acceptability | None = None, **draws: Any) -> str:
    """The sentence above the ranking under the weighting (``result``: How sure already
    computed for the same weighting and draws)."""
    r = resolve(doc, framework_id, weighting)
    if result is None:
        result = how_sure(doc, framework_id, weighting, **draws)
    return verdict(r.ranking, result, criteria=criterion_names(doc, framework_id))


def sweep_of(doc: Document, framework_id: str, criterion_id: str,
             weighting: Weighting = SCENARIO, steps: int = 101) -> Sweep:
    """Every option's fit as one weight goes 0-100, the others as the weighting has them."""
    r = resolve(doc, framework_id, weighting)
    return sweep(doc.framework(framework_id), r.weights, r.targets, r.overrides, criterion_id,
                 steps, table=r.table)


def sensitivity_of(doc: Document, framework_id: str, criterion_id: str,
                   weighting: Weighting = SCENARIO) -> dict[str, Any]:
    """The ``sensitivity --json`` document under the weighting."""
    r = resolve(doc, framework_id, weighting)
    return sensitivity_report(doc.framework(framework_id), r.weights, r.targets, r.overrides,
                              criterion_id, table=r.table)


def robustness_of(doc: Document, framework_id: str, weighting: Weighting = SCENARIO,
                  **draws: Any) -> dict[str, Any]:
    """The keys ``score --json`` adds per framework: ``stability``, ``acceptability``,
    ``verdict``, all under the weighting."""
    r = resolve(doc, framework_id, weighting)
    intervals = weight_bands(doc, framework_id, weighting)
    accepted = how_sure(doc, framework_id, weighting, **draws)
    return {"stability": {cid: iv.as_dict() for cid, iv in intervals.items()},
            "acceptability": accepted.as_dict(),
            "verdict": verdict(r.ranking, accepted,
                               criteria=criterion_names(doc, framework_id))}


def criterion_names(doc: Document, framework_id: str) -> dict[str, str]:
    """Criterion id -> its name, for the verdict's sentence on a tie (report.verdict)."""
    return {c.id: c.label for c in doc.framework(framework_id).criteria}


def leaders(ranking: Ranking) -> tuple[str, ...]:
    """The options first now (several when tied); none without a weight."""
    return tuple(x.option for x in ranking.results if x.rank == 1) if ranking.has_weight \
        else ()


__all__ = ["DRAW_DEFAULTS", "Resolved", "criterion_names", "how_sure", "leaders",
           "robustness_of", "sensitivity_of", "sweep_of", "target_band", "verdict_of",
           "weight_bands"]
