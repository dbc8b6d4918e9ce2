"""Every change is an Edit that applies and reverts exactly; bad input is refused naming the
field and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.leadership_risks import edits as E
from mcexplorer.core.leadership_risks.content import FRAMEWORK_ID
from mcexplorer.core.leadership_risks.report import check
from mcexplorer.core.models import Scenario


def _dump(doc):
    return doc.scenario.model_dump(mode="json")


def _apply_and_revert(doc, edit):
    before = _dump(doc)
    doc.apply(edit)
    after = _dump(doc)
    assert after != before, edit.text
    doc.revert(edit)
    assert _dump(doc) == before, edit.text
    doc.apply(edit)
    assert _dump(doc) == after
    check(doc.scenario.leadership, doc.scenario.risks)
    assert edit.framework == FRAMEWORK_ID
    return after


EDITS = [
    lambda d: E.set_approach(d, "transformative"),
    lambda d: E.set_leader(d, "background", "experienced-administrator"),
    lambda d: E.set_leader(d, "origin", "recruited"),
    lambda d: E.set_governance(d, "oversight", "management-board"),
    lambda d: E.set_governance(d, "engagement", "community-of-practice"),
    lambda d: E.set_governance(d, "strategy", "embedded"),
    lambda d: E.set_team_member(d, "cfo", "  Maria   Rossi "),
    lambda d: E.set_culture(d, "transparent", 3),
    lambda d: E.set_needed(d, "transparent", 0),
    lambda d: E.add_risk(d, "The accreditor objects", "other", 2, 5, "Registrar", "Talk early"),
    lambda d: E.edit_risk(d, "pricing", likelihood=5, owner="CFO"),
    lambda d: E.remove_risk(d, "failed-venture"),
    lambda d: E.set_plan_b(d, "income_target", 250000),
    lambda d: E.set_plan_b(d, "recruitment_target", 400),
    lambda d: E.set_plan_b(d, "review_date", "2026-06-30"),
    lambda d: E.set_plan_b(d, "threshold_pct", 80),
]


@pytest.mark.parametrize("make", EDITS)
def test_every_edit_applies_and_reverts(lr_doc, make):
    _apply_and_revert(lr_doc, make(lr_doc))


def test_a_whole_session_of_edits_undoes_back_to_the_start(lr_doc):
    start = _dump(lr_doc)
    done = []
    for make in EDITS:
        edit = make(lr_doc)
        lr_doc.apply(edit)
        done.append(edit)
    saved = Scenario.model_validate_json(lr_doc.scenario.model_dump_json())
    assert saved.model_dump(mode="json") == _dump(lr_doc)
    for edit in reversed(done):
        lr_doc.revert(edit)
    assert _dump(lr_doc) == start


def test_edits_land_where_the_planner_expects(lr_doc):
    for make in EDITS:
        lr_doc.apply(make(lr_doc))
    lead, risks = lr_doc.scenario.leadership, lr_doc.scenario.risks
    assert lead.approach == "transformative"
    assert lead.leader.model_dump() == {"background": "experienced-administrator",
                                        "origin": "recruited"}
    assert lead.governance.strategy == "embedded"
    assert [(m.role, m.name) for m in lead.team] == [("cfo", "Maria Rossi")]
    assert lead.culture == {"transparent": 3} and lead.needed == {"transparent": 0}
    ids = [r.id for r in risks.items]
    assert "failed-venture" not in ids and ids[-1] == "the-accreditor-objects"
    pricing = next(r for r in risks.items if r.id == "pricing")
    assert (pricing.likelihood, pricing.impact, pricing.owner) == (5, 4, "CFO")
    assert risks.plan_b.review_date == dt.date(2026, 6, 30)
    assert risks.plan_b.recruitment_target == 400


def test_team_keeps_the_roles_order_and_an_empty_name_frees_the_seat(lr_doc):
    for role, name in (("cfo", "C"), ("initiative-lead", "L"), ("champion", "H")):
        lr_doc.apply(E.set_team_member(lr_doc, role, name))
    assert [m.role for m in lr_doc.scenario.leadership.team] == ["initiative-lead", "champion",
                                                                 "cfo"]
    edit = E.set_team_member(lr_doc, "champion", "vacant")
    assert edit.text.endswith("vacant")
    lr_doc.apply(edit)
    assert [m.role for m in lr_doc.scenario.leadership.team] == ["initiative-lead", "cfo"]
    assert E.set_team_member(lr_doc, "champion", "").is_noop


def test_clearing_a_rating_or_a_choice(lr_doc):
    lr_doc.apply(E.set_culture(lr_doc, "accountable", 2))
    lr_doc.apply(E.set_needed(lr_doc, "accountable", 4))
    lr_doc.apply(E.set_approach(lr_doc, "enabling"))
    lr_doc.apply(E.set_plan_b(lr_doc, "threshold_pct", 70))
    lr_doc.apply(E.set_culture(lr_doc, "accountable", None))
    lr_doc.apply(E.set_needed(lr_doc, "accountable", None))
    lr_doc.apply(E.set_approach(lr_doc, None))
    lr_doc.apply(E.set_plan_b(lr_doc, "threshold_pct", ""))
    lead = lr_doc.scenario.leadership
    assert lead.culture == {} and lead.needed == {} and lead.approach is None
    assert lr_doc.scenario.risks.plan_b.threshold_pct is None


def test_new_risks_get_unique_ids(lr_doc):
    ids = []
    for _ in range(3):
        edit = E.add_risk(lr_doc, "Staff leave")
        lr_doc.apply(edit)
        ids.append(E.added_risk_id(edit))
    assert ids == ["staff-leave", "staff-leave-2", "staff-leave-3"]
    assert E.added_risk_id(E.add_risk(lr_doc, "!!!")) == "risk"


def test_gestures_merge_slider_steps(lr_doc):
    a = E.set_culture(lr_doc, "transparent", 1, gesture=7)
    lr_doc.apply(a)
    b = E.set_culture(lr_doc, "transparent", 2, gesture=7)
    assert a.merge_key == b.merge_key is not None
    merged = a.merged(b)
    assert (merged.old, merged.new) == (a.old, 2)
    assert E.set_culture(lr_doc, "transparent", 3).merge_key is None
    r1 = E.edit_risk(lr_doc, "pricing", gesture="drag", likelihood=4)
    assert r1.merge_key == ("risk", "pricing", "drag")


@pytest.mark.parametrize("make, field", [
    (lambda d: E.set_approach(d, "heroic"), "leadership.approach"),
    (lambda d: E.set_leader(d, "age", "young"), "leadership.leader"),
    (lambda d: E.set_leader(d, "origin", "abroad"), "leadership.leader.origin"),
    (lambda d: E.set_governance(d, "strategy", "secret"), "leadership.governance.strategy"),
    (lambda d: E.set_team_member(d, "janitor", "X"), "leadership.team"),
    (lambda d: E.set_team_member(d, "cfo", "x" * 201), "team:cfo"),
    (lambda d: E.set_culture(d, "transparent", 5), "culture:transparent"),
    (lambda d: E.set_culture(d, "transparent", 2.5), "culture:transparent"),
    (lambda d: E.set_culture(d, "transparent", True), "culture:transparent"),
    (lambda d: E.set_culture(d, "transparent", float("nan")), "culture:transparent"),
    (lambda d: E.set_culture(d, "kindness", 2), "leadership.culture"),
    (lambda d: E.set_needed(d, "transparent", -1), "needed:transparent"),
    (lambda d: E.add_risk(d, "   "), "risk:new.text"),
    (lambda d: E.add_risk(d, "x", category="weather"), "risk:new.category"),
    (lambda d: E.add_risk(d, "x", likelihood=0), "risk:new.likelihood"),
    (lambda d: E.edit_risk(d, "pricing", impact="high"), "risk:pricing.impact"),
    (lambda d: E.edit_risk(d, "pricing", colour="red"), "risk:pricing"),
    (lambda d: E.edit_risk(d, "pricing"), "risk:pricing"),
    (lambda d: E.edit_risk(d, "nope", impact=2), "risks.items"),
    (lambda d: E.remove_risk(d, "nope"), "risks.items"),
    (lambda d: E.set_plan_b(d, "currency", "EUR"), "risks.plan_b"),
    (lambda d: E.set_plan_b(d, "income_target", -5), "risks.plan_b.income_target"),
    (lambda d: E.set_plan_b(d, "income_target", float("inf")), "risks.plan_b.income_target"),
    (lambda d: E.set_plan_b(d, "recruitment_target", 10.5), "risks.plan_b.recruitment_target"),
    (lambda d: E.set_plan_b(d, "threshold_pct", 120), "risks.plan_b.threshold_pct"),
    (lambda d: E.set_plan_b(d, "review_date", "next June"), "risks.plan_b.review_date"),
])
def test_bad_input_is_refused_naming_the_field_and_changes_nothing(lr_doc, make, field):
    before = _dump(lr_doc)
    with pytest.raises(ScenarioError) as info:
        make(lr_doc)
    assert info.value.field == field
    assert "\n" not in info.value.message
    assert _dump(lr_doc) == before


def test_edit_texts_read_well_in_the_history(lr_doc):
    texts = [make(lr_doc).text for make in EDITS]
    assert texts[0] == "Leadership approach: Transformative"
    assert texts[6] == "Team: Chief Financial Officer"
    assert texts[12] == "Plan B income target: 250,000"
    assert texts[14] == "Plan B review date: 30 June 2026"
    assert all(t and "\n" not in t for t in texts)
    assert E.set_culture(lr_doc, "zooms-in-and-out", 4).text == "Culture: Zooms in and out"
