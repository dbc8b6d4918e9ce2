"""The plain values the office outputs (deck, board paper, workbook) are written from.

Every function here is a function of (Document, framework, Weighting) and returns plain data,
so the writers never compute a number of their own and the integrator can later point these
few functions at the shared chart data and answers without touching a writer.

The numbers come from the one source every output shares: ``core.weighting.resolve`` (weights,
targets, ranking under the weighting), ``core.robustness.in_view.verdict_of`` (How sure, the
window's seeded draws) and ``core.weighting.applied`` (the scenario as a weighting sees it).

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..leadership_risks.content import content as lr_content
from ..leadership_risks.rules import (
    approach_name,
    filled_roles,
    gaps,
    plan_b_sentence,
    risk_score,
    sorted_risks,
)
from ..references import references
from ..robustness.in_view import verdict_of
from ..room.group import display_names
from ..weighting import GROUP, Weighting, describe, resolve, weights

DIRECTION_WORDS = {"benefit": "higher is better", "cost": "lower is better",
                   "target": "nearer the target is better"}


def ranked_frameworks(doc: Document) -> list[str]:
    """The frameworks with criteria (a register, leadership and risks, has none), tab order."""
    return [fid for fid, fw in doc.frameworks.items() if fw.criteria]


@dataclass(frozen=True)
class CriterionRow:
    id: str
    name: str
    direction: str
    low: float
    high: float
    weight: float
    target: float | None
    target_label: str


@dataclass(frozen=True)
class OptionRow:
    id: str
    name: str
    rank: int
    tied: bool
    fit: float | None
    ratings: dict[str, float]
    rating_labels: dict[str, str]
    utilities: dict[str, float]


@dataclass(frozen=True)
class FrameworkFigures:
    """One ranked framework under one weighting: what the deck and the workbook show."""

    id: str
    title: str
    whose: str
    """Whose weights, in words ("the group's median of 5 participants")."""
    criteria: tuple[CriterionRow, ...]
    options: tuple[OptionRow, ...]
    """Best first (the app's order)."""
    verdict: str
    """How sure (10,000 seeded draws, each weight varied by up to 20 points), or ""."""
    has_weight: bool
    radar: tuple[str, ...]
    """The options on the radar (ids, best first): those ticked in the scenario."""


def framework_figures(doc: Document, framework_id: str, weighting: Weighting,
                      with_verdict: bool = True) -> FrameworkFigures:
    fw = doc.framework(framework_id)
    resolved = resolve(doc, framework_id, weighting)
    found, w, t = resolved.ranking, resolved.weights, resolved.targets
    criteria = tuple(
        CriterionRow(c.id, c.name, c.direction, float(c.scale[0]), float(c.scale[1]),
                     float(w.get(c.id, c.default_weight)), t.get(c.id),
                     c.label_of(t[c.id]) if c.id in t else "")
        for c in fw.criteria)
    options = []
    for r in found.results:
        options.append(OptionRow(
            r.option, r.name, r.rank, r.tied, r.fit, dict(r.ratings),
            {c.id: c.label_of(r.ratings[c.id]) for c in fw.criteria}, dict(r.utilities)))
    said = ""
    if with_verdict and found.has_weight and len(found.results) > 1:
        said = verdict_of(doc, framework_id, resolved.weighting)
    chosen = set(doc.radar_options(framework_id))
    radar = tuple(o.id for o in options if o.id in chosen) or tuple(o.id for o in options[:3])
    return FrameworkFigures(framework_id, fw.title, describe(doc, weighting), criteria,
                            tuple(options), said, found.has_weight, radar)


@dataclass(frozen=True)
class RoomRows:
    """Every person's weight per criterion of one framework, and the group's."""

    framework_id: str
    title: str
    criteria: tuple[tuple[str, str], ...]
    """(id, name)."""
    people: tuple[tuple[str, str, str, dict[str, float]], ...]
    """(id, name shown, role, weights)."""
    group: dict[str, float]
    method: str


def room_rows(doc: Document, framework_id: str, anonymous: bool = False) -> RoomRows | None:
    """None with nobody in the room."""
    people = doc.scenario.participants
    if not people:
        return None
    fw = doc.framework(framework_id)
    names = display_names(people, anonymous)
    rows = tuple((p.id, names.get(p.id, p.name), p.role,
                  weights(doc, framework_id, Weighting(participant=p.id))) for p in people)
    return RoomRows(framework_id, fw.title, tuple((c.id, c.name) for c in fw.criteria), rows,
                    weights(doc, framework_id, GROUP), doc.scenario.group.method)


@dataclass(frozen=True)
class RiskRow:
    category: str
    text: str
    likelihood: int
    impact: int
    score: int
    owner: str
    mitigation: str


def risk_rows(doc: Document) -> list[RiskRow]:
    """The risk register, highest score first."""
    names = {c.id: c.name for c in lr_content().risk_categories}
    return [RiskRow(names.get(r.category, r.category), r.text, r.likelihood, r.impact,
                    risk_score(r), r.owner or "", r.mitigation or "")
            for r in sorted_risks(doc.scenario.risks.items)]


def plan_b(doc: Document) -> str:
    return plan_b_sentence(doc.scenario.risks.plan_b)


def leadership_rows(doc: Document) -> list[tuple[str, str]]:
    """(what, who or which): the intended approach, then the team of the paper's Figure 5
    ("vacant" where nobody is named), then the gaps the paper warns about."""
    leadership = doc.scenario.leadership
    filled = filled_roles(leadership)
    rows = [("Leadership approach", approach_name(leadership.approach) or "not chosen yet")]
    rows += [(r.name, filled.get(r.id, "vacant")) for r in lr_content().team_roles]
    rows += [("Gap", g.gap) for g in gaps(leadership)]
    return rows


def sources(notes: bool = True) -> list[str]:
    """Every reference in full, as Help > References lists them (with how the app cites it,
    unless ``notes`` is False)."""
    return [ref.full() + (f" \u2014 {ref.note}" if ref.note and notes else "")
            for ref in references()]
