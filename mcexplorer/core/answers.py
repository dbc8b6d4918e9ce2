"""The paper's five key questions answered once, under a weighting: Strategy on a page,
``mcexplorer summary`` and the workshop report all call ``strategy`` and ``answers`` here, so
they print the same sentences and the same numbers.

The weight-dependent answers (the best-fitting structure and business model, how often the
business model stays first) come from the frameworks that name those questions
(``key_question``), ranked under the weighting asked for (core.weighting); the share of first
place is the one How sure and the verdict use (the leaders' share, ties included). The
sentences themselves are core.leadership_risks.summary's; the other features' values come
through the registry's readings.

No Qt here.
"""

from __future__ import annotations

import textwrap
from typing import Any

from . import extensions
from .derived import scenario_paths
from .document import Document
from .leadership_risks.content import content
from .leadership_risks.rules import (
    gaps,
    leadership_check,
    plan_b_sentence,
    risk_score,
    team_coverage,
    top_risks,
)
from .leadership_risks.strategy import (
    CONTEXT_CRITERIA,
    PLANNER_MARK,
    POSITIONINGS,
    ModelPick,
    Strategy,
    _number,
)
from .leadership_risks.summary import READING_NOTE, Answer, summary
from .robustness.in_view import how_sure, leaders
from .robustness.report import Standing, standing
from .weighting import SCENARIO, Weighting, applied, describe, resolve


def _question(number: int) -> str:
    """The id of the paper's key question ``number`` (1-5)."""
    return content().key_questions[number - 1].id


def answering(doc: Document, question: str) -> str | None:
    """The first ranked framework, in tab order, that names ``question`` as its key
    question (the report files it there): the structures answer the paper's third question,
    the business models its fourth."""
    for fid, fw in doc.frameworks.items():
        if fw.ranked and fw.criteria and fw.key_question == question:
            return fid
    return None


def first_place_share(doc: Document, framework_id: str,
                      weighting: Weighting = SCENARIO) -> float | None:
    """Percent (0-100) of How sure's draws in which the options first now stay first (tied
    leaders together); None without a weight."""
    ranking = resolve(doc, framework_id, weighting).ranking
    first = leaders(ranking)
    if not first:
        return None
    result = how_sure(doc, framework_id, weighting)
    if not result.has_weight:
        return None
    return 100.0 * sum(result.shares.get(o, 0.0) for o in first)


def first_place(doc: Document, framework_id: str,
                weighting: Weighting = SCENARIO) -> Standing:
    """How the verdict classes first place under the weighting (How sure's default draws):
    what Strategy on a page and the report's answers say, in the verdict's classes."""
    ranking = resolve(doc, framework_id, weighting).ranking
    return standing(ranking, how_sure(doc, framework_id, weighting))


def business_model(doc: Document, weighting: Weighting = SCENARIO,
                   robustness: bool = True) -> ModelPick | None:
    """The top business model under the weighting (None without weights or framework); its
    share of first place is How sure's, cached in the Document (core.derived)."""
    fid = answering(doc, _question(4))
    if fid is None:
        return None
    fw = doc.framework(fid)
    resolved = resolve(doc, fid, weighting)
    ranking = resolved.ranking
    if not ranking.has_weight or not ranking.results:
        return None
    top = ranking.results[0]
    ratings = []
    for cid in CONTEXT_CRITERIA:
        try:
            crit = fw.criterion(cid)
        except KeyError:
            continue
        label = crit.label_of(doc.rating(fid, top.option, cid))
        if doc.is_rating_edited(fid, top.option, cid):  # never shown as Table 2's
            source = fw.option(top.option).ratings[cid]
            label += f" ({PLANNER_MARK}; Table 2: {source.label or crit.label_of(source.value)})"
        ratings.append((crit.label, label))
    share, place = None, None
    if robustness:
        place = first_place(doc, fid, weighting)
        share = 100.0 * place.share if place.kind != "none" else None
    return ModelPick(top.option, top.name, top.fit, _number(share), tuple(ratings),
                     tuple((r.name, r.fit or 0.0) for r in ranking.results[:3]), place)


def best_structure(doc: Document, weighting: Weighting = SCENARIO) -> dict[str, Any] | None:
    """{"name", "fit", "horizon"} of the best-fitting structure under the weighting."""
    fid = answering(doc, _question(3))
    if fid is None:
        return None
    ranking = resolve(doc, fid, weighting).ranking
    if not ranking.has_weight or not ranking.results:
        return None
    top = ranking.results[0]
    horizon = doc.framework(fid).option(top.option).attributes.get("horizon")
    return {"name": top.name, "fit": top.fit,
            "horizon": float(horizon) if isinstance(horizon, (int, float)) else None}


def strategy(doc: Document, weighting: Weighting = SCENARIO, robustness: bool = True) -> Strategy:
    """Everything Strategy on a page needs, read once per revision of the scenario's
    frameworks and feature sections (core.derived), under the weighting.
    ``robustness=False`` skips the seeded draws. The other features' readings (the portfolio
    fit) are read under the weighting too."""
    return doc.derived.get(("strategy", weighting, robustness), scenario_paths(),
                           lambda: _strategy(doc, weighting, robustness))


def _strategy(doc: Document, weighting: Weighting, robustness: bool) -> Strategy:
    weighted = applied(doc, weighting)
    positioning = extensions.positioning(weighted)
    balance = extensions.balance(weighted) if answering(doc, _question(3)) else None
    return Strategy(
        positioning=positioning if positioning in POSITIONINGS else "none",
        portfolio_fit=_number(extensions.portfolio_fit(weighted)),
        mix=dict(extensions.portfolio_mix(weighted)),
        structure=best_structure(doc, weighting),
        balance=None if balance is None else dict(balance),
        model=business_model(doc, weighting, robustness),
        leadership=doc.scenario.leadership,
        risks=doc.scenario.risks,
    )


def answers(s: Strategy) -> list[Answer]:
    """The five key questions answered from ``s`` (summary.summary's sentences)."""
    structure = s.structure or {}
    model = s.model
    return summary(positioning=s.positioning, portfolio_fit=s.portfolio_fit,
                   leadership=s.leadership, risks=s.risks,
                   structure=structure.get("name"), balance=s.balance,
                   structure_fit=_number(structure.get("fit")),
                   business_model=model.name if model else None,
                   business_model_fit=model.fit if model else None,
                   robustness=model.robustness if model else None,
                   standing=_standing_words(model))


def _standing_words(model: ModelPick | None) -> dict[str, Any] | None:
    """The verdict's class of first place as ``answer_business_model``'s keywords."""
    place = model.standing if model is not None else None
    if not isinstance(place, Standing) or place.kind == "none":
        return None
    return {"standing": place.kind, "leaders": place.leaders, "rival": place.rival,
            "rival_share": 100.0 * place.rival_share}


def answers_of(doc: Document, weighting: Weighting = SCENARIO) -> list[Answer]:
    return answers(strategy(doc, weighting))


def summary_json(doc: Document, weighting: Weighting = SCENARIO) -> dict[str, Any]:
    """``mcexplorer summary --json``: the five answers, the figures behind them, and whose
    weighting they rest on."""
    s = strategy(doc, weighting)
    c = content()
    check = leadership_check(s.positioning, s.leadership.approach)
    model = s.model
    return {
        "title": doc.scenario.title,
        "weighting": describe(doc, weighting),
        "source": c.key_questions[0].source,
        "answers": [a.as_dict() for a in answers(s)],
        "figures": {
            "positioning": s.positioning,
            "portfolio_fit": s.portfolio_fit,
            "mix": s.mix,
            "leadership_check": check.status,
            "team_coverage": round(100 * team_coverage(s.leadership), 4),
            "gaps": [g.gap for g in gaps(s.leadership)],
            "structure": s.structure,
            "balance": s.balance,
            "business_model": None if model is None else {
                "id": model.id, "name": model.name, "fit": model.fit,
                "first_place_share": model.robustness,
                "ratings": dict(model.ratings)},
            "top_risks": [{"id": r.id, "text": r.text, "likelihood": r.likelihood,
                           "impact": r.impact, "score": risk_score(r)}
                          for r in top_risks(s.risks.items, 3)],
            "plan_b": plan_b_sentence(s.risks.plan_b),
        },
    }


def summary_text(doc: Document, weighting: Weighting = SCENARIO, width: int = 88) -> str:
    """The five answers as plain text for a terminal (``mcexplorer summary``)."""
    data = summary_json(doc, weighting)
    lines = [f"Strategy on a page: {data['title']}", f"Under {data['weighting']}.", ""]
    for i, a in enumerate(data["answers"], start=1):
        lines.append(f"{i}. {a['question']}")
        lines += textwrap.wrap(a["answer"], width, initial_indent="   ",
                               subsequent_indent="   ")
        lines.append("")
    lines += textwrap.wrap(READING_NOTE, width)  # as the window's page says it
    lines.append(f"The five key questions: {data['source']}.")
    return "\n".join(lines) + "\n"
