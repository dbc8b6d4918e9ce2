"""Strategy on a page from a Document: the other tabs' values arrive through the registry's
readings and the business-model ranking; the answers follow the scenario."""

from __future__ import annotations

import datetime as dt
import json

from mcexplorer.core.answers import answers, business_model, strategy, summary_json, summary_text
from mcexplorer.core.document import Document
from mcexplorer.core.leadership_risks import edits as E

BM = "business-models"


def test_the_top_business_model_brings_its_table_2_risk_and_costs_and_robustness():
    doc = Document()
    pick = business_model(doc)
    top = doc.ranking(BM).results[0]
    assert (pick.id, pick.name, pick.fit) == (top.option, top.name, top.fit)
    fw = doc.framework(BM)
    assert dict(pick.ratings) == {
        fw.criterion("risk").label: fw.criterion("risk").label_of(top.ratings["risk"]),
        fw.criterion("costs").label: fw.criterion("costs").label_of(top.ratings["costs"])}
    assert all(label in ("LOW", "MED", "HIGH") for _, label in pick.ratings)
    assert 0 < pick.robustness <= 100
    assert [name for name, _ in pick.top] == [r.name for r in doc.ranking(BM).results[:3]]
    assert business_model(doc, robustness=False).robustness is None


def test_the_business_model_answer_follows_the_weights():
    doc = Document()
    for c in doc.framework(BM).criteria:
        doc.apply(doc.set_weight(BM, c.id, 0))
    assert business_model(doc) is None
    by_id = {a.id: a.answer for a in answers(strategy(doc))}
    assert by_id["business-models"].startswith("No business model ranked yet")
    doc.apply(doc.set_weight(BM, "speed-to-market", 100))
    first = [r.name for r in doc.ranking(BM).results if r.rank == 1]
    by_id = {a.id: a.answer for a in answers(strategy(doc))}
    # Speed alone ties three models first: the answer says so, as the verdict does.
    assert len(first) == 3
    assert by_id["business-models"].startswith(
        f"{first[0]}, {first[1]} and {first[2]} are tied first (100% fit)")


def test_structure_and_balance_come_from_the_structures_tab():
    doc = Document()
    s = strategy(doc, robustness=False)
    structures = doc.framework_for("three-horizons")
    assert s.structure["name"] == doc.ranking(structures).results[0].name
    assert s.balance == {"h1": 70.0, "h2": 20.0, "h3": 10.0}
    text = {a.id: a.answer for a in answers(s)}["structures"]
    assert text.startswith(f"Best-fitting structure: {s.structure['name']}")
    assert "H1 70% / H2 20% / H3 10%" in text


def test_summary_json_and_text_follow_the_register_and_plan_b():
    doc = Document()
    doc.apply(E.add_risk(doc, "Rival launches first", likelihood=5, impact=5))
    doc.apply(E.set_plan_b(doc, "income_target", 250000))
    doc.apply(E.set_plan_b(doc, "review_date", dt.date(2026, 6, 30)))
    data = summary_json(doc)
    json.dumps(data)
    assert [a["id"] for a in data["answers"]] == ["positioning", "leadership", "structures",
                                                   "business-models", "risks"]
    assert data["figures"]["top_risks"][0]["text"] == "Rival launches first"
    assert data["figures"]["plan_b"].startswith("If, at the review on 30 June 2026, income")
    risks = data["answers"][4]["answer"]
    assert risks.startswith("Top risks: Rival launches first (5 x 5 = 25)")
    assert "250,000" in risks
    text = summary_text(doc)
    assert "5. What could possibly go wrong?" in text and "Rival launches first" in text
    assert all(len(line) <= 88 for line in text.splitlines()[1:-1])
    assert "Brown, McGreal & Peters 2023" in text.splitlines()[-1]
    # The note the window shows: thresholds, ratings and plan B terms are the tool's reading.
    flat = " ".join(text.split())
    assert ("The positioning thresholds, the culture profiles, the risks' default ratings, the "
            "suggested mitigations and the plan B's terms are the tool's reading") in flat


def test_the_robustness_is_drawn_once_until_the_business_models_change(monkeypatch):
    from mcexplorer.core.robustness import in_view

    real, draws = in_view.acceptability, []
    monkeypatch.setattr(in_view, "acceptability",
                        lambda *a, **k: draws.append(a[0].id) or real(*a, **k))
    doc = Document()
    first = business_model(doc)
    assert business_model(doc).robustness == first.robustness and draws == [BM]
    other = next(f for f in doc.frameworks if f != BM and doc.frameworks[f].criteria)
    doc.apply(doc.set_weight(other, doc.framework(other).criteria[0].id, 3))
    doc.apply(E.edit_risk(doc, doc.scenario.risks.items[0].id, likelihood=1))
    assert business_model(doc).robustness == first.robustness and draws == [BM]
    doc.apply(doc.set_weight(BM, "risk", 90))
    fresh = business_model(doc)
    assert draws == [BM, BM] and 0 < fresh.robustness <= 100
    assert first.robustness > 0
