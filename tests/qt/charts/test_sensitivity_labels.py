"""The sensitivity chart's labels of a change of first place are never cut by the plot's edge
(issue 25 point 6: "usiness unit first"), on every ranked tab at 1024x768, for every weight,
when first shown, after the window narrows, and when presenting."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction


def _cut(chart) -> list[str]:
    plot = chart.plot.getViewBox().sceneBoundingRect().adjusted(-1, -1, 1, 1)
    out = []
    for label in chart._mark_labels:
        if not label.isVisible():
            continue
        box = label.textItem.mapRectToScene(label.textItem.boundingRect())
        if not plot.contains(box):
            out.append(f"{label.toPlainText()!r} {box.getCoords()} outside {plot.getCoords()}")
    return out


@pytest.mark.parametrize("presenting", [False, True], ids=["window", "presenting"])
def test_no_change_of_first_place_is_cut_by_the_plot(open_window, qtbot, presenting):
    window = open_window()
    window.resize(1024, 740)
    qtbot.waitUntil(lambda: window.width() == 1024)
    if presenting:
        window.findChild(QAction, "action:present").trigger()
        qtbot.wait(50)
    cut, marks = [], 0
    for fid, tab in window.framework_tabs.items():
        panel = getattr(tab, "robustness", None)
        if panel is None or not tab.framework.criteria:
            continue
        window.tabs.setCurrentWidget(tab)
        for c in tab.framework.criteria:
            panel.pick_criterion(c.id)
            qtbot.wait(10)
            chart = panel.sensitivity_chart
            marks += sum(label.isVisible() for label in chart._mark_labels)
            cut += [f"{fid} {c.id}: {p}" for p in _cut(chart)]
    assert marks >= 5  # the default scenario has changes of first place to label
    assert cut == []
    if not presenting:  # a narrower window (a dock opened): the labels follow
        tab = window.framework_tabs["business-models"]
        window.tabs.setCurrentWidget(tab)
        tab.robustness.pick_criterion("autonomy")  # "25: Business unit first"
        qtbot.wait(10)
        window.resize(800, 600)
        qtbot.wait(50)
        chart = tab.robustness.sensitivity_chart
        assert any(label.isVisible() for label in chart._mark_labels)
        assert _cut(chart) == []
