"""The group's weighting, each person's top option, and where the room disagrees.

Group weighting, per framework and per criterion
    median (the default) or mean of the participants' weights; a participant who has not set
    a criterion counts with the framework's default weight. Targets combine the same way
    (a participant without a target counts with the criterion's default target). The result
    is an ordinary weights dict, scored like any other weighting
    (mcexplorer.core.scoring.score). With no participants there is no group (None).

Spread, per criterion
    every participant's weight, the lowest, the median and the highest. Criteria are sorted by
    the width of that range (highest minus lowest), most divisive first; equal widths keep the
    framework's order. The median of the spread is always the median, whatever the group
    method, because the chart draws it as the middle of the room.

The edited ratings of the scenario apply to everyone: ratings describe the options, weights
describe the people.

No Qt here.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ScenarioError
from ..models import Framework
from ..scoring import Ranking, score
from .models import GROUP_METHODS, Participant

if TYPE_CHECKING:
    from ..document import Document

Overrides = Mapping[str, Mapping[str, float]] | None


def person_weights(framework: Framework, participant: Participant) -> dict[str, float]:
    """The participant's weight on every criterion of the framework (defaults filled in)."""
    own = participant.weights.get(framework.id, {})
    return {c.id: float(own.get(c.id, c.default_weight)) for c in framework.criteria}


def person_targets(framework: Framework, participant: Participant) -> dict[str, float]:
    """The participant's target on every target criterion of the framework (defaults filled)."""
    own = participant.targets.get(framework.id, {})
    return {c.id: float(own.get(c.id, c.default_target)) for c in framework.criteria
            if c.direction == "target" and c.default_target is not None}


def combine(values: Sequence[float], method: str) -> float:
    """The median or the mean of a non-empty list of numbers."""
    if method not in GROUP_METHODS:
        raise ScenarioError(f"unknown method {method!r} (known: {', '.join(GROUP_METHODS)})",
                            field="group.method")
    if not values:
        raise ValueError("combine needs at least one value")
    if method == "median":
        return float(statistics.median(values))
    return math.fsum(values) / len(values)


def group_weights(framework: Framework, participants: Sequence[Participant],
                  method: str = "median") -> dict[str, float] | None:
    """The group's weight on every criterion, or None with no participants."""
    if not participants:
        return None
    each = [person_weights(framework, p) for p in participants]
    return {c.id: combine([w[c.id] for w in each], method) for c in framework.criteria}


def group_targets(framework: Framework, participants: Sequence[Participant],
                  method: str = "median") -> dict[str, float] | None:
    """The group's target on every target criterion, or None with no participants."""
    if not participants:
        return None
    each = [person_targets(framework, p) for p in participants]
    keys = each[0].keys()
    return {cid: combine([t[cid] for t in each], method) for cid in keys}


def person_ranking(framework: Framework, participant: Participant,
                   overrides: Overrides = None) -> Ranking:
    """The framework's options ranked by one person's weights and targets."""
    return score(framework, person_weights(framework, participant),
                 person_targets(framework, participant), overrides)


def group_ranking(framework: Framework, participants: Sequence[Participant],
                  method: str = "median", overrides: Overrides = None) -> Ranking | None:
    """The options ranked by the group's weighting, or None with no participants."""
    weights = group_weights(framework, participants, method)
    if weights is None:
        return None
    return score(framework, weights, group_targets(framework, participants, method), overrides)


def top_option(ranking: Ranking | None) -> str | None:
    """The best option's id (the first of a tie), or None when nothing is weighted."""
    if ranking is None or not ranking.has_weight or not ranking.results:
        return None
    return ranking.results[0].option


def display_names(participants: Sequence[Participant], anonymous: bool = False) -> dict[str, str]:
    """Participant id -> the name to show: their own, or P1, P2 ... in the room's order."""
    if anonymous:
        return {p.id: f"P{i}" for i, p in enumerate(participants, start=1)}
    return {p.id: p.name for p in participants}


# --------------------------------------------------------------------------------------------
# Spread
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionSpread:
    criterion: str
    label: str
    values: dict[str, float]
    """Participant id -> weight, in the room's order."""
    low: float
    median: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low


def spread(framework: Framework, participants: Sequence[Participant]) -> list[CriterionSpread]:
    """Every criterion's spread of weights, most divisive first; [] with no participants."""
    if not participants:
        return []
    each = {p.id: person_weights(framework, p) for p in participants}
    rows = []
    for c in framework.criteria:
        values = {pid: w[c.id] for pid, w in each.items()}
        v = list(values.values())
        rows.append(CriterionSpread(c.id, c.label, values, min(v),
                                    float(statistics.median(v)), max(v)))
    return sorted(rows, key=lambda r: -r.width)  # stable: equal widths keep the order


def spread_reading(spreads: Sequence[CriterionSpread]) -> str:
    """One line on where the room disagrees most, e.g. "Risk divides the room most: 10 to 90."."""
    if not spreads:
        return "No participants yet: add people to see where the room disagrees."
    if len(spreads[0].values) < 2:
        return "Only one participant so far: add another to see where the room disagrees."
    widest = spreads[0].width
    if widest <= 0:
        return "The room agrees on every weight."
    top = [s for s in spreads if math.isclose(s.width, widest)]
    if len(top) > 3:  # one line on a slide: name two, count the rest
        return (f"{top[0].label}, {top[1].label} and {len(top) - 2} other criteria divide the "
                f"room most, each across {_num(widest)} points.")
    names = _and([s.label for s in top])
    ranges = _and([f"{_num(s.low)} to {_num(s.high)}" for s in top])
    verb = "divides" if len(top) == 1 else "divide"
    return f"{names} {verb} the room most: {ranges}."


def _num(value: float) -> str:
    return f"{round(value, 1):g}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------------------------
# Report (the "group" entry of score --json)
# --------------------------------------------------------------------------------------------


def group_report(framework: Framework, participants: Sequence[Participant],
                 method: str = "median", overrides: Overrides = None) -> dict[str, Any] | None:
    """``{"method", "weights", "top", "participants": [{"id", "name", "top"}], "spread":
    {criterion_id: {"min", "median", "max"}}}`` (spread most divisive first), or None with
    no participants. Names are the participants' own: anonymising is for the screen
    (display_names)."""
    if not participants:
        return None
    ranking = group_ranking(framework, participants, method, overrides)
    assert ranking is not None  # participants given: a group ranking exists
    return {
        "method": method,
        "weights": dict(ranking.weights),
        "top": top_option(ranking),
        "participants": [
            {"id": p.id, "name": p.name,
             "top": top_option(person_ranking(framework, p, overrides))}
            for p in participants],
        "spread": {s.criterion: {"min": s.low, "median": s.median, "max": s.high}
                   for s in spread(framework, participants)},
    }


def doc_group_report(doc: Document, framework_id: str) -> dict[str, Any] | None:
    """group_report for one framework of an open Document (its participants, method and
    edited ratings); None when the scenario has no participants."""
    s = doc.scenario
    return group_report(doc.framework(framework_id), s.participants, s.group.method,
                        doc.settings(framework_id).rating_overrides)


def report(doc: Document, framework_id: str) -> dict[str, Any]:
    """The room's addition to a framework's entry in ``score --json``: ``{"group": {...}}``
    when the scenario has participants, else {}."""
    group = doc_group_report(doc, framework_id)
    return {} if group is None else {"group": group}
