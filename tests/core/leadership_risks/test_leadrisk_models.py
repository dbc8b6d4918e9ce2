"""The scenario sections: strict shapes, the pre-filled register, and the check against the
content (unknown or repeated ids refused, naming the field)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.leadership_risks.content import content
from mcexplorer.core.leadership_risks.models import Leadership, PlanB, Risk, Risks, TeamMember
from mcexplorer.core.leadership_risks.report import check
from mcexplorer.core.models import Scenario


@pytest.mark.parametrize("value", ["3", 3.0, 2.5, True, -1, 5, None])
def test_culture_ratings_are_whole_numbers_from_0_to_4(value):
    with pytest.raises(ValidationError):
        Leadership(culture={"transparent": value})


@pytest.mark.parametrize("field, value", [
    ("likelihood", 0), ("likelihood", 6), ("impact", "4"), ("impact", 4.0), ("impact", False),
])
def test_likelihood_and_impact_are_whole_numbers_from_1_to_5(field, value):
    with pytest.raises(ValidationError):
        Risk(id="r", text="x", **{field: value})


@pytest.mark.parametrize("data", [
    {"income_target": float("nan")}, {"income_target": float("inf")}, {"income_target": -1},
    {"income_target": "1000"}, {"recruitment_target": 10.5}, {"recruitment_target": 10.0},
    {"threshold_pct": 101}, {"threshold_pct": True}, {"review_date": "30/06/2026"},
    {"review_date": 0}, {"review_date": "2026-06-30T10:00:00"}, {"currency": "EUR"},
])
def test_plan_b_refuses_what_a_board_could_not_read(data):
    with pytest.raises(ValidationError):
        PlanB.model_validate(data)


def test_unknown_keys_are_refused_in_every_section():
    with pytest.raises(ValidationError):
        Leadership.model_validate({"approach": None, "style": "x"})
    with pytest.raises(ValidationError):
        Leadership.model_validate({"leader": {"background": None, "age": 50}})
    with pytest.raises(ValidationError):
        Risks.model_validate({"items": [], "plan_c": {}})


def test_a_new_register_holds_the_papers_risks_with_default_ratings():
    risks = Risks()
    c = content()
    assert [r.id for r in risks.items] == [t.id for t in c.risks]
    assert [(r.likelihood, r.impact) for r in risks.items] == [(t.likelihood, t.impact)
                                                               for t in c.risks]
    assert all(r.owner == "" and r.mitigation == "" for r in risks.items)
    # An emptied register stays empty when saved and read back.
    assert Risks.model_validate({"items": []}).items == []


def test_sections_survive_a_save_and_load():
    s = Scenario(leadership=Leadership(approach="transformative",
                                         team=[TeamMember(role="cfo", name="A. Chen")],
                                         culture={"transparent": 3}, needed={"transparent": 4}),
                   risks=Risks(plan_b=PlanB(income_target=1000.5, recruitment_target=40,
                                            review_date=dt.date(2027, 1, 31), threshold_pct=75)))
    again = Scenario.model_validate_json(s.model_dump_json())
    assert again == s
    assert again.risks.plan_b.review_date == dt.date(2027, 1, 31)


# -- check against the content ------------------------------------------------------------------


def _check(leadership=None, risks=None):
    check(leadership or Leadership(), risks or Risks(), file="plan.json")


@pytest.mark.parametrize("leadership, field", [
    (Leadership(approach="heroic"), "leadership.approach"),
    (Leadership(leader={"background": "wizard"}), "leadership.leader.background"),
    (Leadership(governance={"strategy": "secret"}), "leadership.governance.strategy"),
    (Leadership(team=[TeamMember(role="janitor", name="X")]), "leadership.team.0.role"),
    (Leadership(team=[TeamMember(role="cfo", name="X"), TeamMember(role="cfo", name="Y")]),
     "leadership.team.1.role"),
    (Leadership(culture={"kindness": 2}), "leadership.culture.kindness"),
    (Leadership(needed={"kindness": 2}), "leadership.needed.kindness"),
])
def test_check_refuses_ids_the_content_does_not_know(leadership, field):
    with pytest.raises(ScenarioError) as info:
        _check(leadership)
    assert info.value.field == field
    assert info.value.message.startswith("plan.json: " + field)


def test_check_refuses_two_risks_with_one_id():
    risks = Risks(items=[Risk(id="a", text="x"), Risk(id="b", text="y"), Risk(id="a", text="z")])
    with pytest.raises(ScenarioError) as info:
        _check(risks=risks)
    assert info.value.field == "risks.items.2.id"


def test_check_accepts_a_full_valid_section():
    _check(Leadership(approach="enabling", leader={"background": "senior-academic",
                                                    "origin": "recruited"},
                      governance={"oversight": "existing-committee",
                                  "engagement": "community-of-practice",
                                  "strategy": "embedded"},
                      team=[TeamMember(role=r.id, name="N") for r in content().team_roles],
                      culture={p.id: 2 for p in content().principles},
                      needed={"transparent": 0}))
