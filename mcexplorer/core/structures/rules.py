"""Coherence rules: tensions between the balance, the structures and the business models.

``tensions`` runs the rules (``RULES``) between the structures framework and the business-model
framework; each rule is a small function returning a Tension or None. The thresholds are the
tool's own reading (docs/horizons.md says so), not figures from the sources. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import extensions
from .balance import (
    KEYS,
    LABELS,
    horizon_label,
    keys_text,
    observed_split,
    pct,
    support,
    support_keys,
)
from .models import Split

if TYPE_CHECKING:
    from ..document import Document

EXTENSION_ID = "three-horizons"
"""The extension a framework names to be read as the internal structures on the horizons."""
MODELS_QUESTION = 4
"""The paper's fourth key question (the business models): the ranked framework answering it
(the registry's ``answering`` reading, whatever its id) is the one whose top model and target
horizon the rules compare with."""
BM_HORIZON = "horizon"
DEGREE_CRITERION = "degree-alignment"
COMMERCIAL_STRUCTURE = "commercial-unit"

# -- thresholds of the coherence rules (the tool's reading; see docs/horizons.md) ---------

MIN_SUPPORT = 15.0
"""A favoured horizon with less than this share (%) of the balance is starved of effort."""
HIGH_WEIGHT = 70.0
"""A weight at or above this (0-100) means the planner favours that criterion."""
HORIZON_GAP = 1.5
"""Top business model and top structure this many horizons apart serve different horizons."""
MAX_SPLIT_GAP = 20.0
"""Intended and observed split further apart than this (percentage points, on any horizon)."""


def thresholds_text() -> str:
    """What counts as a tension, in one paragraph with the thresholds (the tool's reading)."""
    return (f"A tension is flagged (the tool's reading, not the sources'): when the horizon "
            f"of the top-ranked business model, of the best-fitting structure or of your target "
            f"gets under {MIN_SUPPORT:g}% of the balance; when the top model and the top "
            f"structure are {HORIZON_GAP:g} horizons or more apart; when the commercial unit fits "
            f"best while alignment with degrees weighs {HIGH_WEIGHT:g} or more; when the intended "
            f"and observed splits differ by more than {MAX_SPLIT_GAP:g} points on a horizon.")


def framework_id(doc: Document) -> str | None:
    """The framework read as the internal structures (the one naming this extension)."""
    return doc.framework_for(EXTENSION_ID)


@dataclass(frozen=True)
class Tension:
    """Two settings that pull against each other, and why."""

    id: str
    message: str
    settings: tuple[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "message": self.message, "settings": list(self.settings)}


@dataclass(frozen=True)
class Pick:
    """The top-ranked option of a framework, with the horizon it serves."""

    id: str
    name: str
    horizon: float


@dataclass(frozen=True)
class Context:
    """What the rules look at, read once from the document."""

    balance: Split
    observed: Split | None = None
    top_structure: Pick | None = None
    top_model: Pick | None = None
    aim: float | None = None
    """The horizon the institution aims for (the business-model tab's target)."""
    degree_weight: float | None = None
    degree_name: str = "Alignment with degrees"


def context(doc: Document) -> Context:
    """Read the rules' inputs from a Document (the ranking caches are reused)."""
    plan = doc.scenario.horizons
    top_structure = top_model = None
    aim = degree_weight = None
    degree_name = "Alignment with degrees"
    fid = framework_id(doc)
    if fid is not None:
        fw = doc.framework(fid)
        ranking = doc.ranking(fid)
        if ranking.has_weight and ranking.results:
            opt = fw.option(ranking.results[0].option)
            h = opt.attributes.get("horizon")
            if isinstance(h, (int, float)):
                top_structure = Pick(opt.id, opt.name, float(h))
        try:
            crit = fw.criterion(DEGREE_CRITERION)
            degree_weight = doc.weight(fid, DEGREE_CRITERION)
            degree_name = crit.name
        except KeyError:
            pass
    models = business_models(doc)
    if models is not None:
        fw = doc.framework(models)
        ranking = doc.ranking(models)
        try:
            fw.criterion(BM_HORIZON)
        except KeyError:
            pass
        else:
            if ranking.has_weight and ranking.results:
                oid = ranking.results[0].option
                top_model = Pick(oid, fw.option(oid).name,
                                 doc.rating(models, oid, BM_HORIZON))
            aim = doc.settings(models).targets.get(BM_HORIZON)
    return Context(balance=plan.balance, observed=observed_split(plan.initiatives),
                   top_structure=top_structure, top_model=top_model, aim=aim,
                   degree_weight=degree_weight, degree_name=degree_name)


def business_models(doc: Document) -> str | None:
    """The id of the first ranked framework answering the business-model question, if any."""
    return extensions.answering(doc, MODELS_QUESTION)


def _starved(h: float, split: Split) -> tuple[str, float] | None:
    keys = support_keys(h)
    share = support(h, split)
    return (keys_text(keys), share) if share < MIN_SUPPORT else None


def _starved_tension(tension_id: str, subject: str, option: Pick | None, serves: str,
                     framework: str,
                     balance: Split) -> Tension | None:
    """``option`` (top of ``framework``) serves a horizon the balance leaves under
    MIN_SUPPORT."""
    if option is None:
        return None
    starved = _starved(option.horizon, balance)
    if starved is None:
        return None
    where, share = starved
    label = horizon_label(option.horizon)
    return Tension(
        tension_id,
        f"{subject}, {option.name}, {serves} {label}, but only {pct(share)} of the balance "
        f"goes to {where}.",
        (f"{framework}: top-ranked {option.name} ({label})", f"Balance: {where} = {pct(share)}"))


def rule_model_vs_balance(ctx: Context) -> Tension | None:
    """The top business model serves a horizon that gets under MIN_SUPPORT of the balance."""
    return _starved_tension("model-horizon-vs-balance", "The top-ranked business model",
                            ctx.top_model, "serves", "Business models", ctx.balance)


def rule_structure_vs_balance(ctx: Context) -> Tension | None:
    """The best-fitting structure serves a horizon that gets under MIN_SUPPORT of the balance."""
    return _starved_tension("structure-horizon-vs-balance", "The best-fitting structure",
                            ctx.top_structure, "mainly serves", "Structures", ctx.balance)


def rule_commercial_vs_degrees(ctx: Context) -> Tension | None:
    """A separate commercial unit fits best while alignment with degrees weighs HIGH_WEIGHT+."""
    s = ctx.top_structure
    if s is None or s.id != COMMERCIAL_STRUCTURE or ctx.degree_weight is None:
        return None
    if ctx.degree_weight < HIGH_WEIGHT:
        return None
    return Tension(
        "commercial-unit-vs-degree-weight",
        f"{s.name} fits best, yet alignment with degrees weighs {ctx.degree_weight:g}: a unit "
        "outside normal structures has the weakest tie to faculties and degrees.",
        (f"Structures: top-ranked {s.name}",
         f"Structures weight: {ctx.degree_name} = {ctx.degree_weight:g}"))


def rule_model_vs_structure(ctx: Context) -> Tension | None:
    """The top business model and the top structure lie HORIZON_GAP or more horizons apart."""
    m, s = ctx.top_model, ctx.top_structure
    if m is None or s is None or abs(m.horizon - s.horizon) < HORIZON_GAP - 1e-9:
        return None
    if m.horizon > s.horizon:
        why = ("a model run at arm's length from the institution sits awkwardly in a structure "
               "built for business as usual")
    else:
        why = "a business-as-usual model does not need, or feed, a structure built for new business"
    return Tension(
        "model-vs-structure-horizon",
        f"The top-ranked business model, {m.name} ({horizon_label(m.horizon)}), and the "
        f"best-fitting structure, {s.name} ({horizon_label(s.horizon)}), serve different "
        f"horizons: {why}.",
        (f"Business models: top-ranked {m.name} ({horizon_label(m.horizon)})",
         f"Structures: top-ranked {s.name} ({horizon_label(s.horizon)})"))


def rule_aim_vs_balance(ctx: Context) -> Tension | None:
    """The horizon aimed for on the business-model tab gets under MIN_SUPPORT of the balance."""
    if ctx.aim is None:
        return None
    starved = _starved(ctx.aim, ctx.balance)
    if starved is None:
        return None
    where, share = starved
    return Tension(
        "aim-vs-balance",
        f"The business-model tab aims for {horizon_label(ctx.aim)}, but only {pct(share)} of "
        f"the balance goes to {where}.",
        (f"Business models: target horizon {horizon_label(ctx.aim)}",
         f"Balance: {where} = {pct(share)}"))


def rule_intended_vs_observed(ctx: Context) -> Tension | None:
    """The initiatives' split differs from the intended one by more than MAX_SPLIT_GAP points."""
    if ctx.observed is None:
        return None
    gaps = {k: getattr(ctx.observed, k) - getattr(ctx.balance, k) for k in KEYS}
    key = max(KEYS, key=lambda k: abs(gaps[k]))
    gap = abs(gaps[key])
    if gap <= MAX_SPLIT_GAP + 1e-9:
        return None
    intended, observed = getattr(ctx.balance, key), getattr(ctx.observed, key)
    return Tension(
        "intended-vs-observed",
        f"Your initiatives put {pct(observed)} on {LABELS[key]} against an intended "
        f"{pct(intended)}: the plan and the initiatives differ by {gap:.0f} points.",
        (f"Balance (intended): {LABELS[key]} = {pct(intended)}",
         f"Initiatives (observed): {LABELS[key]} = {pct(observed)}"))


RULES: tuple[Callable[[Context], Tension | None], ...] = (
    rule_model_vs_balance,
    rule_structure_vs_balance,
    rule_aim_vs_balance,
    rule_model_vs_structure,
    rule_commercial_vs_degrees,
    rule_intended_vs_observed,
)


def tensions(doc: Document) -> list[Tension]:
    """Every rule that fires for the document's current settings, in RULES order."""
    ctx = context(doc)
    return [t for t in (rule(ctx) for rule in RULES) if t is not None]
