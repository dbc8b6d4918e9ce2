"""The strategy page's small bars and the heat map's numbers for the leadership-and-risks tab
(the culture radar's and the heat map's data are core.leadership_risks.chart_data's)."""

from __future__ import annotations

from ...core.chart_data import HORIZON_COLOURS, OPTION_COLOURS
from ...core.leadership_risks import rules
from ...core.leadership_risks.content import KEY_QUESTIONS, content
from ...core.leadership_risks.models import Risk
from ...core.leadership_risks.strategy import Strategy
from ...core.values import percent_text, share_text
from .charts.heatmap import band_colour
from .charts.mini_bars import MiniBar, MiniBarsData


def risk_numbers(items: list[Risk]) -> dict[str, int]:
    """Risk id -> its number on the heat map (1 = highest likelihood x impact)."""
    return {r.id: i for i, r in enumerate(rules.sorted_risks(items), start=1)}


def _pct(v: float) -> str:
    return percent_text(v)


def option_colours(doc) -> dict[str, str]:
    """Option name -> its colour in its framework (as in its ranking, table and radar); the
    business models first, should a name be in two frameworks."""
    out: dict[str, str] = {}
    models_question = KEY_QUESTIONS[3]  # the paper's fourth: which business models
    ordered = sorted(doc.frameworks.values(), key=lambda fw: fw.key_question != models_question)
    for fw in ordered:
        for i, o in enumerate(fw.options):
            out.setdefault(o.name, OPTION_COLOURS[i % len(OPTION_COLOURS)])
    return out


def strategy_bars(s: Strategy, dark: bool = False, models: dict[str, str] | None = None,
                  structures: dict[str, str] | None = None) -> dict[str, MiniBarsData]:
    """The small chart beside each of the five answers, by question id. ``models`` and
    ``structures`` (name -> colour, see ``option_colours``) give each business model and
    structure its own colour, the one it has on every other view."""
    models, structures = models or {}, structures or {}
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
        bars.append(MiniBar(f"Best structure's fit ({s.structure['name']})", s.structure["fit"],
                            100, _pct(s.structure["fit"]),
                            structures.get(s.structure["name"], OPTION_COLOURS[0])))
    for k in (1, 2, 3):
        share = (s.balance or {}).get(f"h{k}")
        if share is not None:
            bars.append(MiniBar(f"H{k} effort", share, 100, _pct(share), HORIZON_COLOURS[k]))
    out[q_structures] = MiniBarsData(tuple(bars), "Set weights on the structures tab")
    model = s.model
    if model is None:
        out[q_models] = MiniBarsData(message="Set weights on the business-model tab")
    else:
        bars = [MiniBar(name, fit, 100, _pct(fit), models.get(name, OPTION_COLOURS[i]))
                for i, (name, fit) in enumerate(model.top)]
        if model.robustness is not None:
            bars.append(MiniBar(f"{model.name} first in 10,000 draws", model.robustness, 100,
                                share_text(model.robustness / 100),
                                models.get(model.name, OPTION_COLOURS[0])))
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
