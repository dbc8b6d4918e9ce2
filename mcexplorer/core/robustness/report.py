"""What a planner reads and what ``score --json`` prints: the verdict and the report."""

from __future__ import annotations

from collections.abc import Mapping

from mcexplorer.core.models import Framework
from mcexplorer.core.scoring import Ranking, UtilityTable

from .acceptability import Acceptability, acceptability
from .lines import Overrides, prepare
from .stability import stability

NO_WEIGHT = "Set at least one weight to see how sure the ranking is."


def verdict(ranking: Ranking, acceptability: Acceptability, threshold: float = 0.5) -> str:
    """One sentence to read aloud above the ranking.

    "X stays first for 72% of nearby weightings; its nearest rival is Y." when the current
    winner's share of first place is at least ``threshold``; "Too close to call: ..." below it.
    Options tied first now are named together and their shares added. The nearest rival is the
    other option that comes first most often (then: second most often).
    """
    if not ranking.has_weight or not acceptability.has_weight:
        return NO_WEIGHT
    names = {r.option: r.name for r in ranking.results}
    if len(names) == 1:
        return f"{ranking.results[0].name} is the only option."
    where = "of all weightings" if acceptability.uniform else "of nearby weightings"
    leaders = [r.option for r in ranking.results if r.rank == 1]
    shares, ranks = acceptability.shares, acceptability.ranks
    lead_share = sum(shares[o] for o in leaders)
    order = {oid: i for i, oid in enumerate(acceptability.options)}
    others = [o for o in acceptability.options if o not in leaders]
    rival = max(others, key=lambda o: (shares[o], ranks[o][1], -order[o])) if others else None
    if len(leaders) > 1:
        lead = _join([names[o] for o in leaders])
        if rival is None:
            return f"{lead} are tied first, whatever the weights."
        if lead_share >= threshold:
            return (f"{lead} are tied first; together they come first for {_pct(lead_share)} "
                    f"{where}; the nearest rival is {names[rival]}.")
        return (f"Too close to call: {lead} are tied first, but together come first for only "
                f"{_pct(lead_share)} {where}; {names[rival]} for {_pct(shares[rival])}.")
    top = leaders[0]
    if lead_share < threshold:
        return (f"Too close to call: {names[top]} comes first for {_pct(lead_share)} {where}, "
                f"{names[rival]} for {_pct(shares[rival])}.")
    if shares[rival] > lead_share:
        return (f"{names[top]} is first now, but {names[rival]} comes first more often: "
                f"{_pct(shares[rival])} {where} against {_pct(lead_share)}.")
    return (f"{names[top]} stays first for {_pct(lead_share)} {where}; "
            f"its nearest rival is {names[rival]}.")


def _pct(share: float) -> str:
    if share >= 1.0:
        return "100%"
    if share > 0.995:
        return "over 99%"
    if 0.0 < share < 0.005:
        return "under 1%"
    return f"{int(share * 100 + 0.5)}%"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def robustness_report(
    framework: Framework,
    weights: Mapping[str, float],
    targets: Mapping[str, float] | None = None,
    overrides: Overrides | None = None,
    *,
    draws: int = 10_000,
    seed: int = 0,
    jitter: float = 20.0,
    uniform: bool = False,
    rating_ranges: bool = True,
    table: UtilityTable | None = None,
    ranking: Ranking | None = None,
) -> dict:
    """The keys ``score --json`` adds to each framework: ``stability`` and ``acceptability``,
    and ``verdict`` (the sentence) when the framework's current ``ranking`` is given.

    ``stability`` is empty and ``acceptability``'s ``shares`` and ``ranks`` are empty when every
    weight is zero (no winner to keep).
    """
    table = prepare(framework, weights, targets, overrides, table).table
    intervals = stability(framework, weights, targets, overrides, table=table)
    accepted = acceptability(framework, weights, targets, overrides, draws, seed, jitter,
                             uniform, rating_ranges, table=table)
    entry = {"stability": {cid: iv.as_dict() for cid, iv in intervals.items()},
             "acceptability": accepted.as_dict()}
    if ranking is not None:
        entry["verdict"] = verdict(ranking, accepted)
    return entry
