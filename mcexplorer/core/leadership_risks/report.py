"""Checking the two sections against the content file, and the ``score --json`` entry.

No Qt here.
"""

from __future__ import annotations

from typing import Any

from mcexplorer.core.errors import ScenarioError, require_unique_ids

from .content import GOVERNANCE_CHOICES, LEADER_CHOICES, Content, content as bundled
from .models import Leadership, Risks
from .rules import (
    culture_gap,
    current_profile,
    filled_roles,
    gaps,
    leadership_check,
    needed_profile,
    plan_b_sentence,
    risk_score,
    sorted_risks,
    team_coverage,
)


def check(leadership: Leadership, risks: Risks, file: str | None = None,
          content: Content | None = None) -> None:
    """Refuse ids the content does not know and ids used twice, naming file and field.
    (Shapes and ranges are the models' job: they are checked when the file is validated.)"""
    c = bundled() if content is None else content
    if leadership.approach is not None and leadership.approach not in {a.id for a in c.approaches}:
        raise ScenarioError(f"unknown approach {leadership.approach!r} (known: "
                            f"{', '.join(a.id for a in c.approaches)})", file=file,
                            field="leadership.approach")
    for kind, ids, choice in (("leader", LEADER_CHOICES, c.leader_choice),
                              ("governance", GOVERNANCE_CHOICES, c.governance_choice)):
        section = getattr(leadership, kind)
        for choice_id in ids:
            value = getattr(section, choice_id)
            options = [o.id for o in choice(choice_id).options]
            if value is not None and value not in options:
                raise ScenarioError(f"unknown option {value!r} (known: {', '.join(options)})",
                                    file=file, field=f"leadership.{kind}.{choice_id}")
    roles = {r.id for r in c.team_roles}
    seen: set[str] = set()
    for i, member in enumerate(leadership.team):
        if member.role not in roles:
            raise ScenarioError(f"unknown role {member.role!r}", file=file,
                                field=f"leadership.team.{i}.role")
        if member.role in seen:
            raise ScenarioError(f"role {member.role!r} appears twice", file=file,
                                field=f"leadership.team.{i}.role")
        seen.add(member.role)
    principles = {p.id for p in c.principles}
    for name in ("culture", "needed"):
        for pid in getattr(leadership, name):
            if pid not in principles:
                raise ScenarioError("unknown principle", file=file,
                                    field=f"leadership.{name}.{pid}")
    require_unique_ids(risks.items, "risk", "risks.items", file)


def report(leadership: Leadership, risks: Risks, positioning: str = "none",
           content: Content | None = None) -> dict[str, Any]:
    """The ``leadership-risks`` entry of ``score --json``.

    ``positioning`` is the credential-ecology reading (supplementary, credit-bearing,
    integrated or none); it picks the default needed profile and the leadership check.
    ``team_coverage`` is a percentage (0-100) of the roles with someone named."""
    c = bundled() if content is None else content
    filled = filled_roles(leadership)
    check_ = leadership_check(positioning, leadership.approach, c)
    return {
        "positioning": positioning,
        "approach": leadership.approach,
        "leader": leadership.leader.model_dump(),
        "governance": leadership.governance.model_dump(),
        "leadership_check": {"status": check_.status, "message": check_.message,
                             "needs": check_.needs, "source": check_.source},
        "team": [{"role": r.id, "name": filled.get(r.id, ""), "filled": r.id in filled}
                 for r in c.team_roles],
        "team_coverage": round(100 * team_coverage(leadership, c), 4),
        "gaps": [{"role": g.role, "gap": g.gap, "warning": g.warning, "key": g.key,
                  "source": g.source} for g in gaps(leadership, c)],
        "culture": current_profile(leadership, c),
        "needed": needed_profile(leadership, positioning, c),
        "needed_edited": sorted(leadership.needed),
        "culture_gap": culture_gap(leadership, positioning, c),
        "risks": [{**r.model_dump(), "score": risk_score(r)} for r in sorted_risks(risks.items)],
        "plan_b": plan_b_sentence(risks.plan_b),
        "plan_b_fields": risks.plan_b.model_dump(mode="json"),
    }
