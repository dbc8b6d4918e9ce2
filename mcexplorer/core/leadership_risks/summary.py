"""Strategy on a page: the paper's five key questions, each answered in a sentence or two.

Pure functions of plain values, so the caller feeds them from the other features (the
ecology reading and portfolio fit, the structure and balance, the top business model and its
robustness) without feature packages importing one another. ``summary`` puts them together;
the report and ``mcexplorer summary`` use the same answers.

No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..values import percent_text, share_text
from .content import Content, content as bundled
from .models import Leadership, Risk, Risks
from .rules import (
    approach_name,
    gap_labels,
    gaps,
    leadership_check,
    plan_b_sentence,
    risk_score,
    top_risks,
)

MAX_GAPS_SHOWN = 3
READING_NOTE = ("The positioning thresholds, the culture profiles, the risks' default ratings, "
                "the suggested mitigations and the plan B's terms are the tool's reading, not "
                "the paper's.")
"""Said wherever the five answers are shown: the window's page, ``mcexplorer summary``."""

POSITIONING_SENTENCES = {
    "none": "Not positioned yet: no offerings beyond degrees are on the credential-ecology map.",
    "supplementary": "The portfolio reads as supplementary: no credit and no bridge to a degree, "
                     "a safe position that keeps micro-credentials beside the degree.",
    "credit-bearing": "The portfolio reads as credit-bearing: it carries credit, but there is "
                      "little bridge yet to stack it into a degree.",
    "integrated": "The portfolio reads as integrated and stackable: credit and a bridge to "
                  "completing a degree.",
}


@dataclass(frozen=True)
class Answer:
    id: str
    """positioning, leadership, structures, business-models or risks."""
    question: str
    answer: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _pct(value: float) -> str:
    return percent_text(value)


VARIED = "of draws varying each weight by +/-20% and any rating given as a range"
"""What the default draws behind the business model's share vary (core.robustness's
acceptability defaults: 10,000 seeded draws)."""


def answer_positioning(reading: str, portfolio_fit: float | None = None) -> str:
    """From the ecology reading (supplementary, credit-bearing, integrated or none)."""
    sentence = POSITIONING_SENTENCES.get(reading, POSITIONING_SENTENCES["none"])
    if reading in POSITIONING_SENTENCES and reading != "none" and portfolio_fit is not None:
        sentence += f" Portfolio fit: {_pct(portfolio_fit)}."
    return sentence


def answer_leadership(approach: str | None, filled: int, roles: int, gap_texts: Sequence[str],
                      check_status: str | None = None) -> str:
    """``approach`` is the approach's name, ``filled`` of ``roles`` team roles have someone
    named, ``gap_texts`` are the gaps most important first, ``check_status`` the leadership
    check's status (the sentence warns when it is "short")."""
    if approach is None:
        first = "No leadership approach chosen yet."
    elif check_status == "short":
        first = (f"Intended approach: {approach}, which may fall short of what the "
                 "positioning calls for.")
    else:
        first = f"Intended approach: {approach}."
    if not gap_texts:
        return f"{first} All {roles} team roles filled."
    shown = list(gap_texts[:MAX_GAPS_SHOWN])
    more = len(gap_texts) - len(shown)
    tail = f" and {more} more" if more else ""
    return f"{first} {filled} of {roles} team roles filled; gaps: {', '.join(shown)}{tail}."


def answer_structures(structure: str | None, balance: Mapping[str, float] | None = None,
                      fit: float | None = None) -> str:
    """``structure`` is the best-fitting structure's name (the structures tab ranks the four
    structures; it records no choice), ``fit`` its fit; ``balance`` the intended split
    {"h1": 70, "h2": 20, "h3": 10}."""
    if structure is None:
        first = "No structure ranked yet"
    else:
        first = f"Best-fitting structure: {structure}"
        if fit is not None:
            first += f" ({_pct(fit)} fit)"
    if not balance:
        return f"{first}."
    split = " / ".join(f"{key.upper()} {_pct(balance[key])}" for key in ("h1", "h2", "h3")
                       if key in balance)
    return f"{first}, with effort balanced {split} across the Three Horizons."


def answer_business_model(name: str | None, fit: float | None = None,
                          robustness: float | None = None, *, standing: str = "stays",
                          leaders: Sequence[str] = (), rival: str = "",
                          rival_share: float | None = None) -> str:
    """``robustness``: the share (0-100) of the default draws (``VARIED``) in which it stays on
    top (the tied leaders' together), printed as every share is (core.values.share_text).
    ``standing`` is how the verdict classes first place (core.robustness.report.standing:
    "stays", "close", "challenged", "all-tied", ...), ``leaders`` the names tied first,
    ``rival`` the nearest rival and ``rival_share`` its share (0-100): the answer says what
    the verdict says, in the same classes."""
    if name is None:
        return "No business model ranked yet: set at least one weight."
    fitted = f" ({_pct(fit)} fit)" if fit is not None else ""
    tied = len(leaders) > 1
    who = (", ".join(leaders[:-1]) + " and " + leaders[-1]) if tied else name
    first = f"{who} are tied first{fitted}" if tied else f"{name} fits best{fitted}"
    if robustness is None or standing == "all-tied":
        return f"{first}."
    share = share_text(robustness / 100)
    other = share_text((rival_share or 0.0) / 100)
    if standing == "close":
        now = f"{who} are tied first{fitted}" if tied else f"{name} fits best now{fitted}"
        stays = "together stay" if tied else "stays"
        return (f"Too close to call: {now}, but {stays} on top in only {share} {VARIED}; "
                f"{rival} in {other}.")
    if standing == "challenged":
        return (f"{name} fits best now{fitted}, but {rival} comes first more often: {other} "
                f"{VARIED} against {share}.")
    if tied:
        return f"{first} and together stay on top in {share} {VARIED}."
    return f"{first} and stays on top in {share} {VARIED}."


def answer_risks(top: Sequence[Risk], plan_b: str) -> str:
    """``top``: the highest risks, most serious first; ``plan_b`` the plan B sentence."""
    if not top:
        return f"The risk register is empty. {plan_b}"
    listed = "; ".join(f"{r.text.rstrip('.')} ({r.likelihood} x {r.impact} = {risk_score(r)})"
                       for r in top)
    return f"Top risks: {listed}. {plan_b}"


def summary(*, positioning: str = "none", portfolio_fit: float | None = None,
            leadership: Leadership | None = None, risks: Risks | None = None,
            structure: str | None = None, balance: Mapping[str, float] | None = None,
            structure_fit: float | None = None,
            business_model: str | None = None, business_model_fit: float | None = None,
            robustness: float | None = None, content: Content | None = None,
            standing: Mapping[str, Any] | None = None) -> list[Answer]:
    """The five key questions (Brown, McGreal & Peters 2023) answered from the values given;
    ``standing``: the verdict's class of first place for the business model
    (``answer_business_model``'s keywords: standing, leaders, rival, rival_share)."""
    c = bundled() if content is None else content
    leadership = Leadership() if leadership is None else leadership
    risks = Risks(items=[]) if risks is None else risks
    check = leadership_check(positioning, leadership.approach, c)
    vacant = gaps(leadership, c)
    answers = {
        "positioning": answer_positioning(positioning, portfolio_fit),
        "leadership": answer_leadership(approach_name(leadership.approach, c),
                                        len(c.team_roles) - len(vacant), len(c.team_roles),
                                        gap_labels(vacant), check.status),
        "structures": answer_structures(structure, balance, structure_fit),
        "business-models": answer_business_model(business_model, business_model_fit, robustness,
                                                  **(standing or {})),
        "risks": answer_risks(top_risks(risks.items, 3), plan_b_sentence(risks.plan_b)),
    }
    return [Answer(q.id, q.question, answers[q.id]) for q in c.key_questions]
