"""What the window says (issue 23): a share printed as the verdict prints it (point 4), and
an edited rating never cited as Table 2's (point 11)."""

from __future__ import annotations

from mcexplorer.core.answers import strategy
from mcexplorer.core.document import Document
from mcexplorer.core.values import share_text
from mcexplorer.qt.charts import acceptability as chart
from mcexplorer.qt.leadership_risks.view_data import strategy_bars


def test_the_chart_label_rounds_a_half_up_like_the_verdict():
    assert chart._pct(0.785) == share_text(0.785) == "79%"
    assert chart._pct(0.996) == "over 99%"


def test_strategy_on_a_page_bar_prints_the_summarys_share():
    s = strategy(Document())
    bars = strategy_bars(s)["business-models"].bars
    last = bars[-1]
    assert last.label == f"{s.model.name} first in 10,000 draws"  # in the leader's colour
    assert last.text == share_text(s.model.robustness / 100)


def test_the_risks_page_never_cites_an_edited_rating_as_table_2s():
    from mcexplorer.qt.leadership_risks.risks_page import RisksPage

    doc = Document()
    plain = RisksPage._context_html(strategy(doc, robustness=False))
    assert "Risk <b>MED</b>, Costs <b>MED</b> in Table 2, adapted from Presant 2020" in plain
    doc.apply(doc.set_rating("business-models", "business-unit", "risk", 3.0))
    doc.apply(doc.set_rating("business-models", "business-unit", "costs", 1.0))
    edited = RisksPage._context_html(strategy(doc, robustness=False))
    assert "in Table 2" not in edited
    assert "HIGH (the planner&#x27;s rating; Table 2: MED)" in edited \
        or "HIGH (the planner's rating; Table 2: MED)" in edited
