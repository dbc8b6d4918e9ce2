"""Strategy on a page from a Document: what the five answers and their small charts need.

The other features' values come in as plain values through the registry's readings
(core.extensions: ``positioning``, ``portfolio-fit``, ``portfolio-mix``, ``best-structure``,
``balance``, ``first-place-share``); the business-model ranking is read from the Document,
since that framework is plain data with no extension. ``mcexplorer summary``, the tab's first
page and the risks page's context all read this one ``Strategy``.

No Qt here.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..extensions import read
from .content import content
from .models import Leadership, Risks
from .rules import gaps, leadership_check, plan_b_sentence, risk_score, team_coverage, top_risks
from .summary import READING_NOTE, Answer, summary

if TYPE_CHECKING:
    from ..document import Document

BUSINESS_MODELS = "business-models"
"""The business-model matrix (Table 2): its top option answers the fourth question."""
CONTEXT_CRITERIA = ("risk", "costs")
"""Table 2's Risk and Costs ratings of the top business model, shown beside the register."""
POSITIONINGS = ("supplementary", "credit-bearing", "integrated", "none")
PLANNER_MARK = "the planner's rating"
"""How an edited Risk or Costs rating is marked: it is the planner's value, not Table 2's."""


@dataclass(frozen=True)
class ModelPick:
    """The best-fitting business model, with what the summary and the risks page show."""

    id: str
    name: str
    fit: float | None
    robustness: float | None
    """Share (0-100) of the seeded draws (weights and ranged ratings varied) in which it stays
    first, if offered."""
    ratings: tuple[tuple[str, str], ...] = ()
    """(criterion name, the rating in use) for Risk and Costs: Table 2's, or an edited one
    marked as the planner's (``PLANNER_MARK``) with Table 2's beside it."""
    top: tuple[tuple[str, float], ...] = ()
    """The top three (name, fit), best first, for the small chart."""


@dataclass(frozen=True)
class Strategy:
    positioning: str = "none"
    portfolio_fit: float | None = None
    mix: dict[str, float] = field(default_factory=dict)
    """Quadrant name -> share of the portfolio's volume (0-100)."""
    structure: dict[str, Any] | None = None
    """{"name", "fit", "horizon"} of the best-fitting structure."""
    balance: dict[str, float] | None = None
    model: ModelPick | None = None
    leadership: Leadership = field(default_factory=Leadership)
    risks: Risks = field(default_factory=lambda: Risks(items=[]))


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def business_model(doc: Document, robustness: bool = True,
                   cache: dict | None = None) -> ModelPick | None:
    """The top business model under the current weights (None without weights or without
    the framework). ``cache``, a dict the caller keeps, saves recomputing the robustness
    (seeded draws) while the business models' weights, targets and ratings stay put."""
    fw = doc.frameworks.get(BUSINESS_MODELS)
    if fw is None or not fw.ranked:
        return None
    ranking = doc.ranking(BUSINESS_MODELS)
    if not ranking.has_weight or not ranking.results:
        return None
    top = ranking.results[0]
    ratings = []
    for cid in CONTEXT_CRITERIA:
        try:
            crit = fw.criterion(cid)
        except KeyError:
            continue
        label = crit.label_of(doc.rating(BUSINESS_MODELS, top.option, cid))
        if doc.is_rating_edited(BUSINESS_MODELS, top.option, cid):  # never shown as Table 2's
            source = fw.option(top.option).ratings[cid]
            label += f" ({PLANNER_MARK}; Table 2: {source.label or crit.label_of(source.value)})"
        ratings.append((crit.label, label))
    share = None
    if robustness:
        settings = doc.settings(BUSINESS_MODELS)
        key = (top.option, tuple(sorted(settings.weights.items())),
               tuple(sorted(settings.targets.items())), doc.ratings_key(BUSINESS_MODELS))
        if cache is not None and cache.get("key") == key:
            share = cache["share"]
        else:
            share = read("first-place-share", doc, BUSINESS_MODELS, top.option)
            if cache is not None:
                cache.update(key=key, share=share)
    return ModelPick(top.option, top.name, top.fit, _number(share), tuple(ratings),
                     tuple((r.name, r.fit or 0.0) for r in ranking.results[:3]))


def strategy(doc: Document, robustness: bool = True, cache: dict | None = None) -> Strategy:
    """Everything the page needs, read once. ``robustness=False`` skips the seeded draws;
    ``cache`` is passed to ``business_model``."""
    positioning = read("positioning", doc, default="none")
    structure = read("best-structure", doc)
    balance = read("balance", doc)
    mix = read("portfolio-mix", doc, default={})
    return Strategy(
        positioning=positioning if positioning in POSITIONINGS else "none",
        portfolio_fit=_number(read("portfolio-fit", doc)),
        mix=dict(mix) if isinstance(mix, dict) else {},
        structure=dict(structure) if isinstance(structure, dict) else None,
        balance=dict(balance) if isinstance(balance, dict) else None,
        model=business_model(doc, robustness, cache),
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
                   robustness=model.robustness if model else None)


def summary_json(doc: Document) -> dict:
    """``mcexplorer summary --json``: the five answers, and the figures behind them."""
    s = strategy(doc)
    c = content()
    check = leadership_check(s.positioning, s.leadership.approach)
    model = s.model
    return {
        "title": doc.scenario.title,
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


def summary_text(doc: Document, width: int = 88) -> str:
    """The five answers as plain text for a terminal (``mcexplorer summary``)."""
    data = summary_json(doc)
    lines = [f"Strategy on a page: {data['title']}", ""]
    for i, a in enumerate(data["answers"], start=1):
        lines.append(f"{i}. {a['question']}")
        lines += textwrap.wrap(a["answer"], width, initial_indent="   ",
                               subsequent_indent="   ")
        lines.append("")
    lines += textwrap.wrap(READING_NOTE, width)  # as the window's page says it
    lines.append(f"The five key questions: {data['source']}.")
    return "\n".join(lines) + "\n"
