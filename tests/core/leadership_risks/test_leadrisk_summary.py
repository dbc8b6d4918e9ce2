"""The score --json entry and strategy on a page: the five key questions answered."""

from __future__ import annotations

import datetime as dt
import json

from mcexplorer.core.leadership_risks.models import Leadership, PlanB, Risk, Risks, TeamMember
from mcexplorer.core.leadership_risks.report import report
from mcexplorer.core.leadership_risks.summary import (
    answer_business_model,
    answer_leadership,
    answer_positioning,
    answer_risks,
    answer_structures,
    summary,
)

PLAN_B = PlanB(income_target=250000, recruitment_target=400, review_date=dt.date(2026, 6, 30),
               threshold_pct=80)


# -- report -------------------------------------------------------------------------------------


def test_report_gives_coverage_gaps_culture_gap_sorted_risks_and_plan_b():
    lead = Leadership(approach="transactional", team=[TeamMember(role="cfo", name="A"),
                                                     TeamMember(role="champion", name="B")],
                      culture={"transparent": 1})
    risks = Risks(items=[Risk(id="a", text="A", likelihood=1, impact=1),
                         Risk(id="b", text="B", likelihood=4, impact=4)], plan_b=PLAN_B)
    entry = report(lead, risks, "integrated")
    json.dumps(entry)  # plain JSON, as score --json prints it
    assert entry["team_coverage"] == round(100 * 2 / 11, 4)
    gaps = [g["gap"] for g in entry["gaps"]]
    assert "no CFO around the table" not in gaps and "no champion in the senior team" not in gaps
    assert gaps[0] == "no one leading the initiative" and len(gaps) == 9
    assert entry["culture_gap"]["transparent"] == 3 - 1  # integrated needs 3 (our reading)
    assert entry["culture_gap"]["accountable"] is None
    assert [r["id"] for r in entry["risks"]] == ["b", "a"]
    assert entry["risks"][0]["score"] == 16
    assert entry["plan_b"].startswith("If, at the review on 30 June 2026")
    assert entry["plan_b_fields"]["review_date"] == "2026-06-30"
    assert entry["leadership_check"]["status"] == "short"
    assert [t["filled"] for t in entry["team"]].count(True) == 2


def test_report_of_a_new_scenario():
    entry = report(Leadership(), Risks())
    assert entry["team_coverage"] == 0
    assert len(entry["gaps"]) == 11
    assert set(entry["culture_gap"].values()) == {None}
    assert entry["risks"][0]["id"] == "weak-demand"
    assert entry["plan_b"].startswith("No plan B yet")
    assert entry["leadership_check"]["status"] == "open"


# -- the answers --------------------------------------------------------------------------------


def test_positioning_answer_reads_the_ecology_tab():
    assert answer_positioning("none") .startswith("Not positioned yet")
    sup = answer_positioning("supplementary", 61.6)
    assert "supplementary" in sup and sup.endswith("Portfolio fit: 62%.")
    assert "stackable" in answer_positioning("integrated")
    assert "fit" not in answer_positioning("credit-bearing", None)
    assert answer_positioning("nonsense", 50.0) == answer_positioning("none")


def test_leadership_answer_names_the_approach_and_the_gaps_most_important_first():
    text = answer_leadership("Transformative", 8, 11, ["no CFO around the table", "b", "c", "d"])
    assert text == ("Intended approach: Transformative. 8 of 11 team roles filled; gaps: "
                    "no CFO around the table, b, c and 1 more.")
    assert "fall short" in answer_leadership("Transactional", 11, 11, [], "short")
    assert answer_leadership(None, 11, 11, []) == ("No leadership approach chosen yet. "
                                                   "All 11 team roles filled.")


def test_structures_answer_with_and_without_a_balance():
    assert answer_structures("A new PACE unit", {"h1": 70, "h2": 20, "h3": 10}) == (
        "Best-fitting structure: A new PACE unit, with effort balanced H1 70% / H2 20% / H3 10% "
        "across the Three Horizons.")
    assert answer_structures("A new PACE unit", None, 59.4) == (
        "Best-fitting structure: A new PACE unit (59% fit).")
    assert answer_structures(None) == "No structure ranked yet."


def test_business_model_answer_with_its_robustness_if_given():
    assert answer_business_model("Peer consortium", 71.9, 64) == (
        "Peer consortium fits best (72% fit) and stays on top in 64% of draws varying each "
        "weight by +/-20% and any rating given as a range.")
    assert answer_business_model("Peer consortium", 71.9) == "Peer consortium fits best (72% fit)."
    assert answer_business_model(None).startswith("No business model ranked yet")


def test_risks_answer_lists_the_top_three_and_ends_with_plan_b():
    items = [Risk(id=f"r{i}", text=f"Risk {i}.", likelihood=i, impact=i) for i in (1, 2, 3)]
    text = answer_risks(items, "PLAN.")
    assert text == "Top risks: Risk 1 (1 x 1 = 1); Risk 2 (2 x 2 = 4); Risk 3 (3 x 3 = 9). PLAN."
    assert answer_risks([], "PLAN.") == "The risk register is empty. PLAN."


def test_summary_answers_the_five_questions_in_the_papers_order():
    lead = Leadership(approach="transactional-democratic",
                      team=[TeamMember(role=r, name="X") for r in ("initiative-lead", "champion")])
    risks = Risks(items=[Risk(id="low", text="Low", likelihood=1, impact=1),
                         Risk(id="high", text="High", likelihood=5, impact=5),
                         Risk(id="mid", text="Mid", likelihood=3, impact=3),
                         Risk(id="mid2", text="Mid two", likelihood=3, impact=3)], plan_b=PLAN_B)
    answers = summary(positioning="integrated", portfolio_fit=58.0, leadership=lead, risks=risks,
                      structure="A new PACE unit", balance={"h1": 60, "h2": 30, "h3": 10},
                      business_model="Institutional business unit", business_model_fit=70.2,
                      robustness=55.0)
    assert [a.id for a in answers] == ["positioning", "leadership", "structures",
                                       "business-models", "risks"]
    assert answers[1].question == "What type of institutional leadership is required?"
    by_id = {a.id: a.answer for a in answers}
    assert "Portfolio fit: 58%" in by_id["positioning"]
    assert by_id["leadership"].startswith("Intended approach: Transactional: democratic, which "
                                          "may fall short")
    assert "2 of 11 team roles filled; gaps: no CFO around the table," in by_id["leadership"]
    assert "H2 30%" in by_id["structures"]
    assert "55%" in by_id["business-models"]
    risk_text = by_id["risks"]
    assert risk_text.index("High") < risk_text.index("Mid (") < risk_text.index("Mid two")
    assert "Low" not in risk_text and "30 June 2026" in risk_text
    assert all(set(a.as_dict()) == {"id", "question", "answer"} for a in answers)


def test_summary_of_nothing_yet_still_answers_every_question():
    answers = summary()
    assert len(answers) == 5 and all(a.answer for a in answers)
    assert answers[4].answer.startswith("The risk register is empty. No plan B yet")
