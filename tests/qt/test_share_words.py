"""The acceptability chart and Strategy on a page print a share as the verdict does
(core.values.share_text; issue 23, point 4)."""

from __future__ import annotations

from mcexplorer.core.document import Document
from mcexplorer.core.leadership_risks.strategy import strategy
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
    assert last.label == "First as weights and ranged ratings vary"
    assert last.text == share_text(s.model.robustness / 100)
