"""Readable from the back of the room at 1024x768 (issue 25, points 1 and 2): the radar's
plotted diameter, the verdict's full text, and no label drawn on the radar's data, on every
ranked framework tab with a radar (the business models, and the structures' Fit page; the
ecology tab has its own test, tests/qt/ecology/test_ecology_projector.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from screen_checks import assert_radar_readable

from mcexplorer.qt.charts.style import contrast

BM = "business-models"
RANKED = [BM, "structures"]
"""The ranked tabs whose fit charts are FrameworkTab's (ranking, radar, verdict)."""
SIZES = [(1024, 740), (1366, 740)]
"""The window inside a 1024x768 projector and a 1366x768 laptop (a title bar and panel off)."""


@pytest.fixture(params=RANKED)
def fid(request):
    return request.param


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def window(open_window, qtbot, request, fid):
    w = open_window(fid)
    w.resize(*request.param)
    qtbot.waitUntil(lambda: w.width() == request.param[0])
    pages = getattr(w.framework_tabs[fid], "pages", None)
    if pages is not None:  # the structures' Fit page (ranking, radar, table)
        pages.setCurrentWidget(w.framework_tabs[fid].main_area)
    # The verdict once How sure has answered (before, it says so and ends with a full stop).
    qtbot.waitUntil(lambda: "a moment after" not in (text := w.findChild(
        QLabel, f"verdict:{fid}").text()) and text.endswith("."), timeout=10_000)
    qtbot.wait(50)
    return w


def test_the_radar_is_at_least_240_px_across_and_40_percent_of_its_panel(window, fid):
    radar = window.framework_tabs[fid].radar_chart
    assert_radar_readable(radar)
    assert "dashed" in radar.caption  # the rings' values and the dashed line, in the caption


def test_the_verdict_is_shown_whole(window, fid):
    label = window.findChild(QLabel, f"verdict:{fid}")
    full = label.text()
    start = {BM: "Institutional business unit stays first for",
             "structures": "3 New PACE unit stays first for"}[fid]
    assert full.startswith(start)
    lines = label.wrapped_lines()
    assert " ".join(lines) == full and "\u2026" not in " ".join(lines)
    metrics = label.fontMetrics()
    assert label.height() >= metrics.height() + (len(lines) - 1) * metrics.lineSpacing()
    assert all(metrics.horizontalAdvance(line) <= label.contentsRect().width() for line in lines)


def test_the_lines_under_the_sliders_are_whole_and_legible(window, fid):
    tab = window.framework_tabs[fid]
    for slider in tab.weights_panel.weight_sliders.values():
        line = slider.stability_label
        if not line.isVisible():
            continue
        assert "\u2026" not in line.shown_text(), line.text()
        background = line.palette().color(line.backgroundRole())
        assert contrast(line.text_colour(), background) >= 4.5
