"""Edits of the leadership-and-risks sections: each function validates its input and returns an
Edit from ``doc.make_edit``; nothing changes until the Edit is applied (and it can be reverted).

Paths start at the scenario's ``leadership`` and ``risks`` sections. Lists (the team, the risk
register) are replaced whole, as the portfolio's offerings are, because an Edit path walks
attributes and dict keys, not list positions. A bad value raises ScenarioError naming the
field and changes nothing.

No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from typing import Any

from mcexplorer.core.document import Document
from mcexplorer.core.edits import MISSING, Edit
from mcexplorer.core.errors import ScenarioError, finite_number

from .content import (
    CATEGORIES,
    CULTURE_MAX,
    CULTURE_MIN,
    FRAMEWORK_ID,
    LEVEL_MAX,
    LEVEL_MIN,
    Choice,
    Principle,
    content,
)
from .models import MAX_INCOME, MAX_RECRUITMENT, MAX_RISKS, Leadership, Risk, Risks, TeamMember
from .rules import format_amount, format_date, is_vacant

PLAN_B_FIELDS = ("income_target", "recruitment_target", "review_date", "threshold_pct")
RISK_FIELDS = ("text", "category", "likelihood", "impact", "owner", "mitigation")
_PLAN_B_NAMES = {"income_target": "income target", "recruitment_target": "recruitment target",
                 "review_date": "review date", "threshold_pct": "threshold"}


def _leadership(doc: Document) -> Leadership:
    return doc.scenario.leadership


def _risks(doc: Document) -> Risks:
    return doc.scenario.risks


def _edit(doc: Document, path: tuple[str, ...], new: Any, text: str,
          merge_key: Hashable | None = None) -> Edit:
    return doc.make_edit(path, new, text, FRAMEWORK_ID, merge_key)


# --------------------------------------------------------------------------------------------
# Approach, leader, governance
# --------------------------------------------------------------------------------------------


def set_approach(doc: Document, approach_id: str | None) -> Edit:
    """The intended leadership approach; None clears it."""
    _leadership(doc)
    if approach_id is None:
        return _edit(doc, ("leadership", "approach"), None, "Leadership approach: none")
    try:
        approach = content().approach(approach_id)
    except KeyError:
        known = ", ".join(a.id for a in content().approaches)
        raise ScenarioError(f"unknown approach {approach_id!r} (known: {known})",
                            field="leadership.approach") from None
    return _edit(doc, ("leadership", "approach"), approach.id,
                 f"Leadership approach: {approach.name}")


def _choose(choice: Choice, option_id: str | None, field: str) -> str | None:
    if option_id is None:
        return None
    try:
        return choice.option(option_id).id
    except KeyError:
        known = ", ".join(o.id for o in choice.options)
        raise ScenarioError(f"unknown option {option_id!r} (known: {known})", field=field) from None


def _choice(kind: str, choice_id: str) -> Choice:
    c = content()
    try:
        return c.leader_choice(choice_id) if kind == "leader" else c.governance_choice(choice_id)
    except KeyError:
        choices = c.leader_choices if kind == "leader" else c.governance_choices
        raise ScenarioError(f"unknown choice {choice_id!r} (known: "
                            f"{', '.join(x.id for x in choices)})",
                            field=f"leadership.{kind}") from None


def set_leader(doc: Document, choice_id: str, option_id: str | None) -> Edit:
    """Who leads: choice "background" (senior-academic / experienced-administrator) or
    "origin" (internal / recruited); None clears it."""
    _leadership(doc)
    choice = _choice("leader", choice_id)
    value = _choose(choice, option_id, f"leadership.leader.{choice_id}")
    shown = choice.option(value).name if value else "not set"
    return _edit(doc, ("leadership", "leader", choice.id), value, f"{choice.name}: {shown}")


def set_governance(doc: Document, choice_id: str, option_id: str | None) -> Edit:
    """Governance: "oversight" (management-board / existing-committee), "engagement"
    (advisory-group / community-of-practice) or "strategy" (standalone / embedded)."""
    _leadership(doc)
    choice = _choice("governance", choice_id)
    value = _choose(choice, option_id, f"leadership.governance.{choice_id}")
    shown = choice.option(value).name if value else "not set"
    return _edit(doc, ("leadership", "governance", choice.id), value, f"{choice.name}: {shown}")


# --------------------------------------------------------------------------------------------
# Team
# --------------------------------------------------------------------------------------------


def set_team_member(doc: Document, role_id: str, name: str | None) -> Edit:
    """Name who holds a role; blank, None or "vacant" empties the seat. The team list keeps
    the content's role order and holds only named roles."""
    leadership = _leadership(doc)
    c = content()
    try:
        role = c.role(role_id)
    except KeyError:
        raise ScenarioError(f"unknown role {role_id!r} (known: "
                            f"{', '.join(r.id for r in c.team_roles)})",
                            field="leadership.team") from None
    name = "" if name is None else " ".join(str(name).split())
    if len(name) > 200:
        raise ScenarioError("a name is limited to 200 characters", field=f"team:{role.id}")
    names = {m.role: m.name for m in leadership.team}
    if is_vacant(name):
        names.pop(role.id, None)
        text = f"Team: {role.name} vacant"
    else:
        names[role.id] = name
        text = f"Team: {role.name}"
    order = [r.id for r in c.team_roles]
    team = [TeamMember(role=r, name=names[r]) for r in order if r in names]
    return _edit(doc, ("leadership", "team"), team, text)


# --------------------------------------------------------------------------------------------
# Culture
# --------------------------------------------------------------------------------------------


def _rating(value: Any, lo: int, hi: int, field: str) -> int:
    if isinstance(value, bool):
        raise ScenarioError(f"{value!r} is not a whole number", field=field)
    number = finite_number(value, field)
    if not number.is_integer():
        raise ScenarioError(f"{number:g} is not a whole number", field=field)
    if not lo <= number <= hi:
        raise ScenarioError(f"{number:g} is outside {lo}-{hi}", field=field)
    return int(number)


def _principle(principle_id: str) -> Principle:
    c = content()
    try:
        return c.principle(principle_id)
    except KeyError:
        raise ScenarioError(f"unknown principle {principle_id!r}",
                            field="leadership.culture") from None


def set_culture(doc: Document, principle_id: str, value: int | None,
                gesture: Hashable = None) -> Edit:
    """Where the institution is on a principle (0 absent ... 4 embedded); None: unrated."""
    _leadership(doc)
    p = _principle(principle_id)
    new = MISSING if value is None else _rating(value, CULTURE_MIN, CULTURE_MAX, f"culture:{p.id}")
    key = None if gesture is None else ("culture", p.id, gesture)
    return _edit(doc, ("leadership", "culture", p.id), new, f"Culture: {p.name}", key)


def set_needed(doc: Document, principle_id: str, value: int | None,
               gesture: Hashable = None) -> Edit:
    """What the positioning needs on a principle; None goes back to the tool's default."""
    _leadership(doc)
    p = _principle(principle_id)
    new = MISSING if value is None else _rating(value, CULTURE_MIN, CULTURE_MAX, f"needed:{p.id}")
    key = None if gesture is None else ("needed", p.id, gesture)
    text = f"Needed: {p.name}" if value is not None else f"Needed: {p.name} back to default"
    return _edit(doc, ("leadership", "needed", p.id), new, text, key)


# --------------------------------------------------------------------------------------------
# Risks
# --------------------------------------------------------------------------------------------


def _risk_values(risk_id: str, **values: Any) -> dict[str, Any]:
    """Validate the given risk fields; returns them cleaned."""
    out: dict[str, Any] = {}
    where = f"risk:{risk_id}"
    for key, value in values.items():
        if key == "text":
            text = " ".join(str(value).split())
            if not text:
                raise ScenarioError("a risk needs a text", field=f"{where}.text")
            if len(text) > 200:
                raise ScenarioError("a risk's text is limited to 200 characters",
                                    field=f"{where}.text")
            out[key] = text
        elif key == "category":
            if value not in CATEGORIES:
                raise ScenarioError(f"{value!r} is not one of {', '.join(CATEGORIES)}",
                                    field=f"{where}.category")
            out[key] = value
        elif key in ("likelihood", "impact"):
            out[key] = _rating(value, LEVEL_MIN, LEVEL_MAX, f"{where}.{key}")
        elif key == "owner":
            owner = " ".join(str(value).split())
            if len(owner) > 200:
                raise ScenarioError("an owner is limited to 200 characters", field=f"{where}.owner")
            out[key] = owner
        elif key == "mitigation":
            text = str(value).strip()
            if len(text) > 4000:
                raise ScenarioError("a mitigation is limited to 4000 characters",
                                    field=f"{where}.mitigation")
            out[key] = text
        else:
            raise ScenarioError(f"unknown field {key!r} (known: {', '.join(RISK_FIELDS)})",
                                field=where)
    return out


def find_risk(doc: Document, risk_id: str) -> Risk:
    for r in _risks(doc).items:
        if r.id == risk_id:
            return r
    raise ScenarioError(f"unknown risk {risk_id!r}", field="risks.items")


def new_risk_id(doc: Document, text: str) -> str:
    """A unique slug for a new risk (texts may repeat, ids never do)."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "risk"
    taken = {r.id for r in _risks(doc).items}
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def add_risk(doc: Document, text: str = "New risk", category: str = "other",
             likelihood: int = 3, impact: int = 3, owner: str = "",
             mitigation: str = "") -> Edit:
    """Add a risk at the end of the register."""
    items = list(_risks(doc).items)
    if len(items) >= MAX_RISKS:
        raise ScenarioError(f"the register holds at most {MAX_RISKS} risks", field="risks.items")
    values = _risk_values("new", text=text, category=category, likelihood=likelihood,
                          impact=impact, owner=owner, mitigation=mitigation)
    risk = Risk(id=new_risk_id(doc, values["text"]), **values)
    return _edit(doc, ("risks", "items"), items + [risk], f"Add risk: {risk.text}")


def added_risk_id(edit: Edit) -> str:
    """The id of the risk an add_risk edit creates."""
    return str(edit.new[-1].id)


def edit_risk(doc: Document, risk_id: str, gesture: Hashable = None, **changes: Any) -> Edit:
    """Change some of a risk's fields (text, category, likelihood, impact, owner, mitigation).
    Changes with the same gesture (a held key, one drag on the heat map) merge into one step."""
    old = find_risk(doc, risk_id)
    if not changes:
        raise ScenarioError("nothing to change", field=f"risk:{risk_id}")
    values = _risk_values(risk_id, **changes)
    items = [Risk(**{**r.model_dump(), **values}) if r.id == risk_id else r
             for r in _risks(doc).items]
    what = ", ".join(k for k in RISK_FIELDS if k in values)
    key = None if gesture is None else ("risk", risk_id, gesture)
    return _edit(doc, ("risks", "items"), items, f"Risk {old.text}: {what}", key)


def remove_risk(doc: Document, risk_id: str) -> Edit:
    old = find_risk(doc, risk_id)
    items = [r for r in _risks(doc).items if r.id != risk_id]
    return _edit(doc, ("risks", "items"), items, f"Remove risk: {old.text}")


# --------------------------------------------------------------------------------------------
# Plan B
# --------------------------------------------------------------------------------------------


def _plan_b_value(field: str, value: Any) -> Any:
    where = f"risks.plan_b.{field}"
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if field == "review_date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ScenarioError(f"{value!r} is not a date written YYYY-MM-DD",
                                field=where) from None
    if isinstance(value, bool):
        raise ScenarioError(f"{value!r} is not a number", field=where)
    number = finite_number(value, where)
    if field == "income_target":
        if not 0 <= number <= MAX_INCOME:
            raise ScenarioError(f"{number:g} is outside 0-{MAX_INCOME:g}", field=where)
        return number
    if field == "recruitment_target":
        if not number.is_integer():
            raise ScenarioError(f"{number:g} is not a whole number of learners", field=where)
        if not 0 <= number <= MAX_RECRUITMENT:
            raise ScenarioError(f"{number:g} is outside 0-{MAX_RECRUITMENT:g}", field=where)
        return int(number)
    if not 0 <= number <= 100:
        raise ScenarioError(f"{number:g} is outside 0-100", field=where)
    return number


def set_plan_b(doc: Document, field: str, value: Any) -> Edit:
    """Set one plan B field; None or a blank string clears it. review_date takes a date or an
    ISO string (YYYY-MM-DD); the targets and threshold take numbers."""
    _risks(doc)
    if field not in PLAN_B_FIELDS:
        raise ScenarioError(f"unknown field {field!r} (known: {', '.join(PLAN_B_FIELDS)})",
                            field="risks.plan_b")
    new = _plan_b_value(field, value)
    if new is None:
        shown = "cleared"
    elif field == "review_date":
        shown = format_date(new)
    elif field == "income_target":
        shown = format_amount(new)
    elif field == "threshold_pct":
        shown = f"{new:g}%"
    else:
        shown = f"{new:,}"
    return _edit(doc, ("risks", "plan_b", field), new,
                 f"Plan B {_PLAN_B_NAMES[field]}: {shown}")
