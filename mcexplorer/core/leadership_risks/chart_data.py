"""What the leadership-and-risks charts draw, as plain data from (Document, framework,
Weighting): the culture radar (the room's ratings over the profile the positioning needs) and
the risk heat map. The window's tab, exports and the report call ``culture_data`` and
``heatmap_data`` (through the feature's record); qt.leadership_risks.charts draws them.

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import extensions
from ..chart_data import OPTION_COLOURS, RadarData, RadarSeries
from ..document import Document
from ..weighting import SCENARIO, Weighting, applied
from . import rules
from .content import content
from .models import Leadership, Risk

SCALE_MAX = 4
"""The culture ratings' scale: 0 (absent) to 4 (embedded)."""


@dataclass(frozen=True)
class HeatPoint:
    number: int
    """1 = the highest likelihood x impact."""
    text: str
    likelihood: int
    impact: int
    colour: str
    """The risk's category colour."""


@dataclass(frozen=True)
class HeatmapData:
    points: tuple[HeatPoint, ...]
    """Highest likelihood x impact first."""
    message: str = ""
    categories: tuple[tuple[str, str], ...] = ()
    """(category name, colour) for the legend."""


def wrap_spoke(name: str, width: int = 13) -> str:
    """A principle's name on at most two lines, split at the space nearest the middle."""
    if len(name) <= width or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return f"{name[:cut]}\n{name[cut + 1:]}"


CATEGORY_COLOURS = {"reputation": "#7B3294", "recruitment": "#0072B2", "revenue": "#006D4E",
                    "other": "#555555"}
"""Dark enough for a white number on every band's tint."""
CURRENT_COLOUR = OPTION_COLOURS[0]
POSITIONING_WORDS = {"supplementary": "a supplementary", "credit-bearing": "a credit-bearing",
                     "integrated": "an integrated"}


def needed_label(positioning: str) -> str:
    words = POSITIONING_WORDS.get(positioning)
    if words is None:
        return "Needed (as set by the room)"
    return f"Needed for {words} positioning (our reading)"


def culture_profile(leadership: Leadership, positioning: str) -> RadarData:
    """The room's ratings over the needed profile, both on 0-4 drawn as rating / 4."""
    c = content()
    current = rules.current_profile(leadership, c)
    needed = rules.needed_profile(leadership, positioning, c)
    spokes = tuple(wrap_spoke(p.name) for p in c.principles)
    rated = [v for v in current.values() if v is not None]
    series: tuple[RadarSeries, ...] = ()
    if rated:
        unrated = len(current) - len(rated)
        name = "Where we are"
        if unrated:
            name += f" ({unrated} unrated, drawn at 0)"
        series = (RadarSeries(name, CURRENT_COLOUR,
                              tuple((v or 0) / SCALE_MAX for v in current.values())),)
    unset = sum(1 for v in needed.values() if v is None)
    weights = () if unset == len(needed) else tuple((v or 0) / SCALE_MAX for v in needed.values())
    label = needed_label(positioning)
    if weights and unset:
        label += f"; {unset} not set, drawn at 0"
    message = "" if rated else "Not rated yet"
    return RadarData(spokes, series, weights, message, label)


def risk_map(items: list[Risk]) -> HeatmapData:
    """Every risk a numbered point (1 = highest likelihood x impact), in its category's colour."""
    c = content()
    ordered = rules.sorted_risks(items)
    points = tuple(HeatPoint(i, r.text, r.likelihood, r.impact, CATEGORY_COLOURS[r.category])
                   for i, r in enumerate(ordered, start=1))
    categories = tuple((cat.name, CATEGORY_COLOURS[cat.id]) for cat in c.risk_categories)
    message = "" if points else "The register is empty: add a risk"
    return HeatmapData(points, message, categories)


def culture_data(doc: Document, framework_id: str = "",
                 weighting: Weighting = SCENARIO) -> RadarData:
    """The culture radar under the weighting (the positioning is read under it)."""
    return culture_profile(doc.scenario.leadership,
                           extensions.positioning(applied(doc, weighting)))


def heatmap_data(doc: Document, framework_id: str = "",
                 weighting: Weighting = SCENARIO) -> HeatmapData:
    """The risk heat map (no weighting matters: the register is the scenario's)."""
    return risk_map(doc.scenario.risks.items)
