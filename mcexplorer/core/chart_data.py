"""What the ranking and the radar draw, as plain data from (Document, framework, Weighting).

The window's tabs, the exporter, the report and the command line all call these, so a chart
shows the same numbers wherever it is drawn; a chart widget (qt.charts) only draws the data
with a style. Option colours are hex strings from one palette (Okabe & Ito's hues, dark
enough for a line on white), option N of a framework taking colour N; a feature may pass
its own (the ecology's quadrant tints).

No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .scoring import OptionFit
from .weighting import SCENARIO, Weighting, resolve

OPTION_COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#B2478A",  # reddish purple (Okabe-Ito's #CC79A7, darkened)
    "#A66A00",  # ochre (Okabe-Ito's orange #E69F00, darkened)
    "#5E4FA2",  # violet (in place of Okabe-Ito's sky blue #56B4E9)
    "#000000",  # black (drawn in the text colour on a dark background)
    "#7D7A00",  # olive (Okabe-Ito's yellow #F0E442, darkened)
)
"""Okabe & Ito's (2008) "Color Universal Design" hues, in their order, each dark enough for a
line on white: at least 3:1 against white (WCAG 2.1's non-text contrast, 1.4.11), in colour
and in greyscale (so a black-and-white printout keeps every line). Their light three (orange,
sky blue, yellow: 1.3 to 2.3:1) are darkened or replaced. Option N of a framework takes
colour N (modulo 8); a marker shape per colour (qt.charts.style) tells apart what the
colours alone do not."""
HORIZON_COLOURS = {1: "#0072B2", 2: "#E69F00", 3: "#009E73"}
"""Blue, orange, green (Okabe-Ito): H1, H2, H3 on every chart (the Three Horizons, the
balance of effort, the strategy page's bars)."""

NO_WEIGHT_MESSAGE = "Set at least one weight"
NO_SELECTION_MESSAGE = "Tick options in the table to compare them"
RANKING_MAX_ROWS = 25

Colour = Callable[[str], str]


@dataclass(frozen=True)
class RankingRow:
    name: str
    fit: float | None
    rank: int
    tied: bool
    colour: str = ""
    """Bar colour; empty for the neutral colour (options not on the radar)."""


@dataclass(frozen=True)
class RankingData:
    rows: tuple[RankingRow, ...]
    message: str = ""
    unit: str = "Fit (%)"


@dataclass(frozen=True)
class RadarSeries:
    name: str
    colour: str
    values: tuple[float, ...]
    """Utility 0-1 per criterion, in spoke order."""
    leader: bool = False
    """The option first on its own under the weighting: drawn with a heavier line, so it
    stands out in greyscale too (not by colour alone)."""


@dataclass(frozen=True)
class RadarData:
    spokes: tuple[str, ...]
    series: tuple[RadarSeries, ...]
    weights: tuple[float, ...] = ()
    """Weight profile on 0-1 (slider value / 100), drawn faintly behind the options."""
    message: str = ""
    """Shown in the centre instead of the options (e.g. all weights zero)."""
    weights_label: str = "Weights"
    extra: dict[str, Any] = field(default_factory=dict)


def palette(doc: Document, framework_id: str) -> Colour:
    """Option id -> its colour: option N of the framework takes colour N (modulo 8)."""
    index = {o.id: i for i, o in enumerate(doc.framework(framework_id).options)}
    return lambda option_id: OPTION_COLOURS[index.get(option_id, 0) % len(OPTION_COLOURS)]


def radar_options(doc: Document, framework_id: str,
                  weighting: Weighting = SCENARIO) -> list[str]:
    """The options on the radar: the planner's pick, else the top three under the weighting."""
    selected = doc.settings(framework_id).selected
    if selected is not None:
        return list(selected)
    return resolve(doc, framework_id, weighting).ranking.top(3)


def ranking_data(doc: Document, framework_id: str, weighting: Weighting = SCENARIO,
                 colour: Colour | None = None) -> RankingData:
    """The ranking under the weighting; options on the radar in their colours, the others
    neutral; at most ``RANKING_MAX_ROWS`` rows."""
    colour = colour or palette(doc, framework_id)
    ranking = resolve(doc, framework_id, weighting).ranking
    on_radar = set(radar_options(doc, framework_id, weighting))
    shown = ranking.results[:RANKING_MAX_ROWS]
    rows = tuple(RankingRow(r.name, r.fit, r.rank, r.tied,
                            colour(r.option) if r.option in on_radar else "")
                 for r in shown)
    unit = "Fit (%)"
    if len(ranking.results) > len(shown):
        unit = f"Fit (%), top {len(shown)} of {len(ranking.results)}"
    return RankingData(rows, "" if ranking.has_weight else NO_WEIGHT_MESSAGE, unit)


def radar_data(doc: Document, framework_id: str, weighting: Weighting = SCENARIO,
               colour: Colour | None = None) -> RadarData:
    """The options on the radar (in the framework's order, so the legend stays put while a
    drag reorders them), their utilities per criterion, and the weighting's profile."""
    fw = doc.framework(framework_id)
    colour = colour or palette(doc, framework_id)
    ranking = resolve(doc, framework_id, weighting).ranking
    wanted = set(radar_options(doc, framework_id, weighting))
    order = {o.id: i for i, o in enumerate(fw.options)}
    chosen: list[OptionFit] = []  # the search stops once every chosen option is found
    for r in ranking.results:
        if len(chosen) == len(wanted):
            break
        if r.option in wanted:
            chosen.append(r)
    chosen.sort(key=lambda r: order.get(r.option, 0))
    series = tuple(RadarSeries(r.name, colour(r.option),
                               tuple(r.utilities[c.id] for c in fw.criteria),
                               leader=r.rank == 1 and not r.tied)
                   for r in chosen)
    weights = tuple(ranking.weights[c.id] / 100.0 for c in fw.criteria)
    message = ""
    if not ranking.has_weight:
        message = NO_WEIGHT_MESSAGE
    elif not series:
        message = NO_SELECTION_MESSAGE
    return RadarData(tuple(c.label for c in fw.criteria), series, weights, message,
                     "your weights")
