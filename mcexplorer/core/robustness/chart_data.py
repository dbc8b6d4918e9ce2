"""What the "how sure" views draw, as plain data from (Document, framework, Weighting): the
sensitivity chart, the How sure (rank acceptability) chart, and the stable range of every
slider. The window's pages and bands, the exporter and the report call these; the words
under a slider and the verdict are made where they always were (qt's robustness views,
``report.verdict``), from these numbers.

No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..chart_data import palette
from ..document import Document
from ..weighting import SCENARIO, Weighting, resolve
from .acceptability import Acceptability
from .in_view import how_sure, leaders, sweep_of, target_band, weight_bands
from .sensitivity import Sweep
from .stability import Interval

Colour = Callable[[str], str]


@dataclass(frozen=True)
class SensitivitySeries:
    name: str
    colour: str
    fits: tuple[float | None, ...]
    """Fit (0-100) at each swept weight; None where there is no fit."""
    leading: bool = False
    """The option first now: drawn thicker."""


@dataclass(frozen=True)
class SensitivityMark:
    weight: float
    fit: float
    label: str


@dataclass(frozen=True)
class SensitivityData:
    criterion: str
    """The swept criterion's name (the x axis says "Weight of <criterion>")."""
    weights: tuple[float, ...]
    series: tuple[SensitivitySeries, ...]
    current: float
    """The criterion's weight now: the dashed marker."""
    top_changes: tuple[SensitivityMark, ...] = ()
    """Where first place changes hands, labelled."""
    crossings: tuple[tuple[float, float], ...] = ()
    """(weight, fit) of the other crossings of two lines."""
    stable: tuple[float, float] | None = None
    """Where the leader stays first, shaded."""
    message: str = ""


@dataclass(frozen=True)
class AcceptabilityRow:
    name: str
    colour: str
    ranks: tuple[float, ...]
    """Share (0-1) of draws at rank 1, 2, ..., n; sums to 1."""


@dataclass(frozen=True)
class AcceptabilityData:
    rows: tuple[AcceptabilityRow, ...]
    caption: tuple[str, ...] = ()
    """How the draws were made, in short parts ("10,000 draws", "weights ±20%", "seed 0",
    ...) joined on one line or two, as the width allows."""
    message: str = ""
    """Shown instead of bars (no weight set, or not computed yet)."""


def value_text(value: float) -> str:
    """A value for a chart label: at most one decimal, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


ACCEPT_MAX_ROWS = 15
"""More bars than this are unreadable beside the ranking: the chart shows the most often first."""

SENSITIVITY_MAX_LINES = 12
"""With more options, the chart draws the best ones now and every one that ever comes first."""

def sweep_chart(sw: Sweep, criterion_name: str, short: dict[str, str], colour: Colour,
                     leaders: set[str], interval: Interval | None,
                     best_first: list[str] | None = None) -> SensitivityData:
    """The sweep's lines in the options' colours (the leaders thicker), the changes of first
    place labelled "75: MOOC first", the other crossings, and the stable range.

    ``best_first`` (the ranking's order) picks the lines drawn when there are more than
    ``SENSITIVITY_MAX_LINES`` options."""
    ids = [oid for oid, _ in sw.options]
    drawn = set(ids)
    name = criterion_name
    if len(ids) > SENSITIVITY_MAX_LINES:
        drawn = set((best_first or ids)[:SENSITIVITY_MAX_LINES])
        drawn |= {x.before for x in sw.crossings.top} | {x.after for x in sw.crossings.top}
        name = f"{criterion_name}; {len(drawn)} of {len(ids)} options drawn"
    series = tuple(SensitivitySeries(short[oid], colour(oid), tuple(sw.series(oid)),
                                     oid in leaders) for oid in ids if oid in drawn)
    marks = tuple(SensitivityMark(x.weight, x.fit, f"{value_text(x.weight)}: "
                                                   f"{short[x.after]} first")
                  for x in sw.crossings.top)
    at_marks = {(round(m.weight, 6), round(m.fit, 6)) for m in marks}
    others = tuple((x.weight, x.fit) for x in sw.crossings.pairs
                   if x.before in drawn and x.after in drawn
                   and (round(x.weight, 6), round(x.fit, 6)) not in at_marks)
    stable = None if interval is None else (interval.low, interval.high)
    return SensitivityData(name, sw.weights, series, sw.current, marks, others, stable)


def acceptability_chart(res: Acceptability | None, short: dict[str, str],
                       colour: Colour) -> AcceptabilityData:
    """One bar per option, most often first at the top, and how the draws were made."""
    if res is None:
        return AcceptabilityData((), (), "Working it out\u2026")
    order = {oid: i for i, oid in enumerate(res.options)}
    ranked = sorted(res.options, key=lambda o: (
        -res.shares.get(o, 0.0),
        sum(k * v for k, v in enumerate(res.ranks.get(o, []))), order[o]))
    shown = ranked[:ACCEPT_MAX_ROWS]
    rows = tuple(AcceptabilityRow(short[o], colour(o), tuple(res.ranks.get(o, ())))
                 for o in shown)
    how = "no preferences (any weighting)" if res.uniform else \
        "weights as set" if res.jitter == 0 else f"weights \u00b1{res.jitter:g}%"
    if not res.rating_ranges:
        ratings = "ratings fixed"
    elif res.cells:
        ratings = f"{len(res.cells)} ranged ratings drawn"
    else:
        ratings = "no ranged ratings"
    caption: tuple[str, ...] = (f"{res.draws:,} draws", how, f"seed {res.seed}", ratings)
    if len(ranked) > len(shown):
        caption += (f"top {len(shown)} of {len(ranked)} shown",)
    if not res.has_weight:
        return AcceptabilityData((), caption, "Set at least one weight")
    return AcceptabilityData(rows, caption)


def short_names(doc: Document, framework_id: str) -> dict[str, str]:
    return {o.id: o.label for o in doc.framework(framework_id).options}


def sensitivity_data(doc: Document, framework_id: str, criterion_id: str,
                     weighting: Weighting = SCENARIO,
                     colour: Colour | None = None) -> SensitivityData:
    """The sensitivity chart of one weight under the weighting: every option's fit as that
    weight goes 0-100 (the others as the weighting has them), where first place changes,
    and the stable range."""
    r = resolve(doc, framework_id, weighting)
    fw = doc.framework(framework_id)
    sw = sweep_of(doc, framework_id, criterion_id, r.weighting)
    interval = weight_bands(doc, framework_id, r.weighting).get(criterion_id)
    return sweep_chart(sw, fw.criterion(criterion_id).name, short_names(doc, framework_id),
                       colour or palette(doc, framework_id), set(leaders(r.ranking)),
                       interval, [x.option for x in r.ranking.results])


def acceptability_data(doc: Document, framework_id: str, weighting: Weighting = SCENARIO,
                       colour: Colour | None = None,
                       result: Acceptability | None = None, **draws: Any) -> AcceptabilityData:
    """The How sure chart under the weighting (``result``: already computed for it)."""
    if result is None:
        result = how_sure(doc, framework_id, weighting, **draws)
    return acceptability_chart(result, short_names(doc, framework_id),
                               colour or palette(doc, framework_id))


def slider_bands(doc: Document, framework_id: str,
                 weighting: Weighting = SCENARIO) -> dict[str, Interval | None]:
    """Criterion id -> where the leader stays first as that slider moves (a weight's on
    0-100, a target's on its own scale); None for a target while every weight is zero."""
    fw = doc.framework(framework_id)
    out: dict[str, Interval | None] = dict(weight_bands(doc, framework_id, weighting))
    for c in fw.criteria:
        if c.direction == "target" and c.default_target is not None:
            out[f"target:{c.id}"] = target_band(doc, framework_id, c.id, weighting)
    return out
