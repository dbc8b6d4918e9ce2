"""An edited rating is the planner's, never Table 2's (issue 23, point 11): the Risk and Costs
ratings that Strategy on a page, ``summary --json`` and the risks page show beside the top
business model."""

from __future__ import annotations

from mcexplorer.core.answers import strategy, summary_json
from mcexplorer.core.document import Document
from mcexplorer.core.leadership_risks.strategy import PLANNER_MARK

BM = "business-models"


def test_unedited_ratings_are_table_2s():
    s = strategy(Document(), robustness=False)
    assert s.model.name == "Institutional business unit"
    assert dict(s.model.ratings) == {"Risk": "MED", "Costs": "MED"}


def test_an_edited_rating_is_marked_as_the_planners():
    doc = Document()
    doc.apply(doc.set_rating(BM, "business-unit", "risk", 3.0))
    doc.apply(doc.set_rating(BM, "business-unit", "costs", 1.0))
    ratings = dict(strategy(doc, robustness=False).model.ratings)
    assert ratings["Risk"] == f"HIGH ({PLANNER_MARK}; Table 2: MED)"
    assert ratings["Costs"] == f"LOW ({PLANNER_MARK}; Table 2: MED)"
    figures = summary_json(doc)["figures"]["business_model"]["ratings"]
    assert figures["Risk"].startswith("HIGH (the planner's rating")
