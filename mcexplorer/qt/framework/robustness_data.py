"""What the two "how sure" charts draw, built from core.robustness results (no widgets)."""

from __future__ import annotations

from collections.abc import Callable

from ...core.robustness import Acceptability, Interval, Sweep
from ..charts.acceptability import AcceptabilityData, AcceptabilityRow
from ..charts.sensitivity import SensitivityData, SensitivityMark, SensitivitySeries
from .robustness_views import value_text

ACCEPT_MAX_ROWS = 15
"""More bars than this are unreadable beside the ranking: the chart shows the most often first."""

SENSITIVITY_MAX_LINES = 12
"""With more options, the chart draws the best ones now and every one that ever comes first."""

Colour = Callable[[str], str]


def sensitivity_data(sw: Sweep, criterion_name: str, short: dict[str, str], colour: Colour,
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


def acceptability_data(res: Acceptability | None, short: dict[str, str],
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
    caption = (f"{res.draws:,} draws", how, f"seed {res.seed}", ratings)
    if len(ranked) > len(shown):
        caption += (f"top {len(shown)} of {len(ranked)} shown",)
    if not res.has_weight:
        return AcceptabilityData((), caption, "Set at least one weight")
    return AcceptabilityData(rows, caption)
