"""What a planner reads and what ``score --json`` prints: the verdict and the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mcexplorer.core.models import Framework
from mcexplorer.core.scoring import TIE_TOLERANCE, Ranking, UtilityTable
from mcexplorer.core.values import share_text

from .acceptability import Acceptability, acceptability
from .lines import Overrides, prepare
from .stability import stability

NO_WEIGHT = "Set at least one weight to see how sure the ranking is."


def varied(acceptability: Acceptability) -> str | None:
    """What the draws varied, as the words after a share: "of nearby weightings" (weights only),
    "of draws of the ranged ratings, weights as set" (``jitter`` 0), "of draws of weights and
    ranged ratings" (both), "of all weightings" (no preferences). None when
    nothing was varied (``jitter`` 0 and no rating drawn inside a range)."""
    ranged = bool(acceptability.cells)
    if acceptability.uniform:
        return "of all weightings, ranged ratings drawn too" if ranged else "of all weightings"
    weights = acceptability.jitter > 0
    if weights and ranged:
        return "of draws of weights and ranged ratings"
    if weights:
        return "of nearby weightings"
    if ranged:
        return "of draws of the ranged ratings, weights as set"
    return None


def draws_note(acceptability: Acceptability) -> str:
    """How the draws were made, for a note after the verdict: "10,000 draws; each weight within
    +/-20% of its value; ratings given as a range (such as LOW/MED) drawn inside it"."""
    parts = [f"{acceptability.draws:,} draws"]
    if acceptability.uniform:
        parts.append("any weighting at all")
    elif acceptability.jitter > 0:
        parts.append(f"each weight within +/-{acceptability.jitter:g}% of its value")
    else:
        parts.append("weights as set")
    parts.append("ratings given as a range (such as LOW/MED) drawn inside it"
                 if acceptability.cells else "ratings as set")
    return "; ".join(parts)


def verdict(ranking: Ranking, acceptability: Acceptability, threshold: float = 0.5,
            criteria: Mapping[str, str] | None = None) -> str:
    """One sentence to read aloud above the ranking.

    "X stays first for 72% of nearby weightings; its nearest rival is Y." when the current
    winner's share of first place is at least ``threshold``; "Too close to call: ..." below it.
    The words after the share say what the draws varied (``varied``). Options tied first now
    are named together and their shares added. The nearest rival is the other option that
    comes first most often (then: second most often). When every option is tied first, the
    sentence says where the tie holds: on every weight where they are rated alike, and only at
    the current value of a weight where they differ (``criteria`` names the criteria by id).
    """
    if not ranking.has_weight or not acceptability.has_weight:
        return NO_WEIGHT
    names = {r.option: r.name for r in ranking.results}
    if len(names) == 1:
        return f"{ranking.results[0].name} is the only option."
    where = varied(acceptability)
    leaders = [r.option for r in ranking.results if r.rank == 1]
    shares, ranks = acceptability.shares, acceptability.ranks
    lead_share = sum(shares[o] for o in leaders)
    order = {oid: i for i, oid in enumerate(acceptability.options)}
    others = [o for o in acceptability.options if o not in leaders]
    rival = max(others, key=lambda o: (shares[o], ranks[o][1], -order[o])) if others else None
    if len(leaders) > 1:
        lead = _join([names[o] for o in leaders])
        if rival is None:
            return _all_tied(ranking, lead, criteria or {})
        if where is None:
            return f"{lead} are tied first at these weights and ratings (nothing was varied)."
        if lead_share >= threshold:
            return (f"{lead} are tied first; together they come first for "
                    f"{share_text(lead_share)} {where}; the nearest rival is {names[rival]}.")
        return (f"Too close to call: {lead} are tied first, but together come first for only "
                f"{share_text(lead_share)} {where}; {names[rival]} for "
                f"{share_text(shares[rival])}.")
    top = leaders[0]
    if rival is None:  # one option and no other: answered above
        return f"{names[top]} is the only option."
    if where is None:
        return (f"{names[top]} is first at these weights and ratings (nothing was varied); "
                f"next comes {names[rival]}.")
    if lead_share < threshold:
        return (f"Too close to call: {names[top]} comes first for {share_text(lead_share)} "
                f"{where}, {names[rival]} for {share_text(shares[rival])}.")
    if shares[rival] > lead_share:
        return (f"{names[top]} is first now, but {names[rival]} comes first more often: "
                f"{share_text(shares[rival])} {where} against {share_text(lead_share)}.")
    return (f"{names[top]} stays first for {share_text(lead_share)} {where}; "
            f"its nearest rival is {names[rival]}.")


@dataclass(frozen=True)
class Standing:
    """How the verdict classes the first place (its words are ``verdict``'s): one of
    "stays" (the leaders' share of first place is at least the threshold and no rival comes
    first more often), "challenged" (first now, but a rival comes first more often), "close"
    (too close to call: the leaders' share is below the threshold), "fixed" (nothing was
    varied), "only" (a single option), "all-tied" (every option tied first) or "none" (no
    weight)."""

    kind: str
    leaders: tuple[str, ...] = ()
    """The names of the options first now (several when tied)."""
    share: float = 0.0
    """The leaders' share of first place in the draws (0-1), together."""
    rival: str = ""
    rival_share: float = 0.0


def standing(ranking: Ranking, acceptability: Acceptability,
             threshold: float = 0.5) -> Standing:
    """The verdict's classification of first place (the same rules as ``verdict``), for
    every other text that has to agree with it (Strategy on a page, the report's answers)."""
    if not ranking.has_weight or not acceptability.has_weight:
        return Standing("none")
    names = {r.option: r.name for r in ranking.results}
    if len(names) == 1:
        return Standing("only", (ranking.results[0].name,), 1.0)
    first = [r.option for r in ranking.results if r.rank == 1]
    shares, ranks = acceptability.shares, acceptability.ranks
    share = sum(shares[o] for o in first)
    order = {oid: i for i, oid in enumerate(acceptability.options)}
    others = [o for o in acceptability.options if o not in first]
    lead = tuple(names[o] for o in first)
    if not others:
        return Standing("all-tied", lead, share)
    rival = max(others, key=lambda o: (shares[o], ranks[o][1], -order[o]))
    kind = ("fixed" if varied(acceptability) is None
            else "close" if share < threshold
            else "challenged" if len(first) == 1 and shares[rival] > share
            else "stays")
    return Standing(kind, lead, share, names[rival], shares[rival])


def _all_tied(ranking: Ranking, lead: str, criteria: Mapping[str, str]) -> str:
    """Every option tied first: the tie survives a weight's move only where all are rated
    alike on it (their fits move together); elsewhere their fits are lines of different
    slopes that cross at the current value, so the tie holds there and nowhere else."""
    results = ranking.results
    split = [cid for cid in ranking.weights
             if max(r.utilities[cid] for r in results)
             - min(r.utilities[cid] for r in results) > TIE_TOLERANCE]
    if not split:
        return f"{lead} are tied first whatever the weights: they are rated alike throughout."
    held = _join([f"{criteria.get(cid, cid)} {ranking.weights[cid]:g}" for cid in split])
    which = "it" if len(split) == 1 else "any one of them"
    return f"{lead} are tied first, but only at {held}: moving {which} alone breaks the tie."


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
) -> dict[str, Any]:
    """The keys ``score --json`` adds to each framework: ``stability`` and ``acceptability``,
    and ``verdict`` (the sentence) when the framework's current ``ranking`` is given.

    ``stability`` is empty and ``acceptability``'s ``shares`` and ``ranks`` are empty when every
    weight is zero (no winner to keep).
    """
    table = prepare(framework, weights, targets, overrides, table).table
    intervals = stability(framework, weights, targets, overrides, table=table)
    accepted = acceptability(framework, weights, targets, overrides, draws, seed, jitter,
                             uniform, rating_ranges, table=table)
    entry: dict[str, Any] = {"stability": {cid: iv.as_dict() for cid, iv in intervals.items()},
             "acceptability": accepted.as_dict()}
    if ranking is not None:
        entry["verdict"] = verdict(ranking, accepted,
                                   criteria={c.id: c.label for c in framework.criteria})
    return entry
