"""The balance chart's title is shown whole at 1024x768, normal and presenting (issue 25: it
was cut to "Balance of effort: intended, observed, r…")."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from mcexplorer.core.structures.chart_data import BALANCE_TITLE
from mcexplorer.qt.charts.style import font

FID = "structures"


def _shown(chart) -> list[str]:
    """The title's lines as the label paints them."""
    return chart._title_item.item.toPlainText().split("\n")


@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presenting"])
def test_the_balance_title_is_shown_whole_at_1024(open_window, qtbot, presenting):
    window = open_window(FID)
    window.resize(1024, 740)
    qtbot.waitUntil(lambda: window.width() == 1024)
    tab = window.framework_tabs[FID]
    tab.pages.setCurrentIndex(0)
    if presenting:
        window.room.presentation.toggle(True)
    qtbot.wait(100)
    chart = tab.balance_chart
    assert chart.isVisible()
    lines = [line.strip() for line in _shown(chart)]
    assert " ".join(lines) == BALANCE_TITLE and "\u2026" not in " ".join(lines), lines
    assert lines == chart.shown_title()
    metrics = QFontMetricsF(font(chart.title_scale(), True))
    assert all(metrics.horizontalAdvance(line) <= chart.width() for line in lines)
    # Drawn inside the chart, above its bars.
    title = chart._title_item.sceneBoundingRect()
    assert chart.sceneRect().contains(title) or chart.rect().contains(title.toRect())
    if presenting:
        window.room.presentation.toggle(False)
