"""Chart data for the leadership-and-risks tab, from the core's rules (plain values in, plain
chart data out; nothing here edits the scenario)."""

from __future__ import annotations

from ...core.chart_data import HORIZON_COLOURS
from ...core.leadership_risks import rules
from ...core.leadership_risks.content import KEY_QUESTIONS, content
from ...core.leadership_risks.models import Risk
from ...core.leadership_risks.strategy import Strategy
from ...core.values import percent_text, share_text
from .charts.culture import SCALE_MAX, wrap_spoke
from .charts.heatmap import HeatmapData, HeatPoint, band_colour
from .charts.mini_bars import MiniBar, MiniBarsData
from ..charts.radar import RadarData, RadarSeries
from ..charts.style import OPTION_COLOURS

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


def culture_data(s: Strategy) -> RadarData:
    """The room's ratings over the needed profile, both on 0-4 drawn as rating / 4."""
    c = content()
    current = rules.current_profile(s.leadership, c)
    needed = rules.needed_profile(s.leadership, s.positioning, c)
    spokes = tuple(wrap_spoke(p.name) for p in c.principles)
    rated = [v for v in current.values() if v is not None]
    series = ()
    if rated:
        unrated = len(current) - len(rated)
        name = "Where we are"
        if unrated:
            name += f" ({unrated} unrated, drawn at 0)"
        series = (RadarSeries(name, CURRENT_COLOUR,
                              tuple((v or 0) / SCALE_MAX for v in current.values())),)
    unset = sum(1 for v in needed.values() if v is None)
    weights = () if unset == len(needed) else tuple((v or 0) / SCALE_MAX for v in needed.values())
    label = needed_label(s.positioning)
    if weights and unset:
        label += f"; {unset} not set, drawn at 0"
    message = "" if rated else "Not rated yet"
    return RadarData(spokes, series, weights, message, label)


def heatmap_data(items: list[Risk]) -> HeatmapData:
    c = content()
    ordered = rules.sorted_risks(items)
    points = tuple(HeatPoint(i, r.text, r.likelihood, r.impact, CATEGORY_COLOURS[r.category])
                   for i, r in enumerate(ordered, start=1))
    categories = tuple((cat.name, CATEGORY_COLOURS[cat.id]) for cat in c.risk_categories)
    message = "" if points else "The register is empty: add a risk"
    return HeatmapData(points, message, categories)


def risk_numbers(items: list[Risk]) -> dict[str, int]:
    """Risk id -> its number on the heat map (1 = highest likelihood x impact)."""
    return {r.id: i for i, r in enumerate(rules.sorted_risks(items), start=1)}


def _pct(v: float) -> str:
    return percent_text(v)


def strategy_bars(s: Strategy, dark: bool = False) -> dict[str, MiniBarsData]:
    """The small chart beside each of the five answers, by question id."""
    c = content()
    q_positioning, q_leadership, q_structures, q_models, q_risks = KEY_QUESTIONS
    out: dict[str, MiniBarsData] = {}
    if s.mix and any(v > 0 for v in s.mix.values()):
        out[q_positioning] = MiniBarsData(tuple(
            MiniBar(name, share, 100, _pct(share), OPTION_COLOURS[i % len(OPTION_COLOURS)])
            for i, (name, share) in enumerate(s.mix.items())))
    else:
        out[q_positioning] = MiniBarsData(message="No offerings on the credential-ecology map")
    filled = rules.filled_roles(s.leadership)
    roles = c.team_roles
    key = [r for r in roles if r.key]
    rated = sum(1 for v in rules.current_profile(s.leadership, c).values() if v is not None)
    n_filled = sum(1 for r in roles if r.id in filled)
    n_key = sum(1 for r in key if r.id in filled)
    out[q_leadership] = MiniBarsData((
        MiniBar("Team roles filled", n_filled, len(roles), f"{n_filled} of {len(roles)}",
                OPTION_COLOURS[0]),
        MiniBar("Key roles filled", n_key, len(key), f"{n_key} of {len(key)}",
                OPTION_COLOURS[1]),
        MiniBar("Culture rated", rated, len(c.principles), f"{rated} of {len(c.principles)}",
                OPTION_COLOURS[2]),
    ))
    bars = []
    if s.structure and s.structure.get("fit") is not None:
        bars.append(MiniBar("Best structure's fit", s.structure["fit"], 100,
                            _pct(s.structure["fit"]), OPTION_COLOURS[7]))
    for k in (1, 2, 3):
        share = (s.balance or {}).get(f"h{k}")
        if share is not None:
            bars.append(MiniBar(f"H{k} effort", share, 100, _pct(share), HORIZON_COLOURS[k]))
    out[q_structures] = MiniBarsData(tuple(bars), "Set weights on the structures tab")
    model = s.model
    if model is None:
        out[q_models] = MiniBarsData(message="Set weights on the business-model tab")
    else:
        bars = [MiniBar(name, fit, 100, _pct(fit), OPTION_COLOURS[i])
                for i, (name, fit) in enumerate(model.top)]
        if model.robustness is not None:
            bars.append(MiniBar("First in 10,000 draws", model.robustness,
                                100, share_text(model.robustness / 100), OPTION_COLOURS[7]))
        out[q_models] = MiniBarsData(tuple(bars))
    top = rules.top_risks(s.risks.items, 3)
    out[q_risks] = MiniBarsData(tuple(
        MiniBar(r.text, rules.risk_score(r), 25,
                f"{r.likelihood} x {r.impact} = {rules.risk_score(r)}",
                _band_bar(rules.risk_score(r), dark)) for r in top), "The register is empty")
    return out


def _band_bar(score: int, dark: bool) -> str:
    """A bar colour one step stronger than the heat map's tint of the same band."""
    strong = {"#dff0e0": "#4c9a5a", "#fbf1c9": "#c9a227", "#fddcbf": "#e07b24",
              "#f6c3bd": "#c8443a"}
    return strong.get(band_colour(score, False), "#c8443a")
