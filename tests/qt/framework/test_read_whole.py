"""Read whole at 1024x768 (issue 25, point 2): the ranking's caption, the How sure bar on
Strategy on a page, and the verdict over the structures' ranking, as shown in a window inside
a 1024x768 projector, with no ellipsis and nothing drawn over them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from mcexplorer.qt.leadership_risks.charts.mini_bars import GAP, LABEL_SHARE, MiniBars

BM, ST, LR = "business-models", "structures", "leadership-risks"
SIZE = (1024, 740)
"""The window inside a 1024x768 projector (a title bar and panel off)."""


@pytest.fixture
def window(open_window, qtbot):
    w = open_window()
    w.resize(*SIZE)
    qtbot.waitUntil(lambda: w.width() == SIZE[0])
    return w


def verdict_ready(window, fid: str) -> bool:
    text = window.findChild(QLabel, f"verdict:{fid}").text()
    return "a moment after" not in text and text.endswith(".")


def show_fit_page(window, qtbot, fid: str):
    """The tab's ranking and verdict; the structures' Fit page shown after How sure has
    answered on the Three Horizons page, as a planner meets it."""
    tab = window.framework_tabs[fid]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: verdict_ready(window, fid), timeout=10_000)
    if fid == ST:
        qtbot.wait(100)
        tab.pages.setCurrentIndex(1)
    qtbot.wait(100)
    return tab


def words(text: str) -> list[str]:
    return text.split()


def test_the_ranking_caption_is_shown_whole(window, qtbot):
    chart = show_fit_page(window, qtbot, BM).ranking_chart
    item = chart._caption_item
    shown = item.item.toPlainText()  # what the chart draws under the bars
    assert "\u2026" not in shown and words(shown) == words(chart.caption), shown
    assert chart.caption.startswith("Fit: 100% = the best rating")
    box = chart.mapFromScene(item.mapRectToScene(item.item.mapRectToParent(
        item.item.boundingRect()))).boundingRect()
    assert chart.viewport().rect().contains(box), (box, chart.viewport().rect())


def test_the_verdict_over_the_structures_ranking_is_not_covered(window, qtbot):
    tab = show_fit_page(window, qtbot, ST)
    verdict = tab.robustness.verdict_label
    assert len(verdict.wrapped_lines()) >= 2  # the case that was cut: it grew on showing
    assert " ".join(verdict.wrapped_lines()) == verdict.text()
    assert verdict.visibleRegion().boundingRect() == verdict.rect()
    assert tab.ranking_chart.geometry().top() > verdict.geometry().bottom()


def test_the_how_sure_bar_on_strategy_on_a_page_is_labelled_whole(window, qtbot):
    tab = window.framework_tabs[LR]
    window.tabs.setCurrentWidget(tab)

    def how_sure() -> MiniBars | None:
        return next((b for b in tab.findChildren(MiniBars)
                     if any("draws" in bar.label for bar in b.data.bars)), None)
    qtbot.waitUntil(lambda: how_sure() is not None, timeout=10_000)
    bars = how_sure()
    qtbot.wait(50)
    index = next(i for i, bar in enumerate(bars.data.bars) if "draws" in bar.label)
    label = bars.data.bars[index].label
    assert label.endswith("first in 10,000 draws") and label.startswith("Institutional")
    lines, row_height = bars.label_lines()[index]
    assert "\u2026" not in " ".join(lines) and " ".join(lines) == label, lines
    metrics = bars.fontMetrics()
    room = int(bars.width() * LABEL_SHARE) - 6
    assert all(metrics.horizontalAdvance(line) <= room + 1 for line in lines)
    assert row_height >= len(lines) * metrics.lineSpacing()
    # Every row inside the widget (the card gave it the height its lines need).
    assert sum(h + GAP for _lines, h in bars.label_lines()) + GAP <= bars.height()
