"""Readable from the back of the room at 1024x768 (issue 25, points 1 and 2): the radar's
plotted diameter, the verdict's full text, and no label drawn on the radar's data."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from mcexplorer.qt.charts.style import contrast

BM = "business-models"
SIZES = [(1024, 740), (1366, 740)]
"""The window inside a 1024x768 projector and a 1366x768 laptop (a title bar and panel off)."""


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def window(open_window, qtbot, request):
    w = open_window(BM)
    w.resize(*request.param)
    qtbot.waitUntil(lambda: w.width() == request.param[0])
    # The verdict once How sure has answered (before, it says so and ends with a full stop).
    qtbot.waitUntil(lambda: "a moment after" not in (text := w.findChild(
        QLabel, f"verdict:{BM}").text()) and text.endswith("."), timeout=10_000)
    qtbot.wait(50)
    return w


def test_the_radar_is_at_least_240_px_across_and_40_percent_of_its_panel(window):
    radar = window.framework_tabs[BM].radar_chart
    across = radar.body.diameter() * radar.view_scale  # widget pixels
    assert across >= 240, across
    assert across >= 0.4 * min(radar.width(), radar.height()), (across, radar.size())
    # Nothing written on the data: the spoke names only (the rings' values are in the caption
    # and the dashed line is named by the legend).
    names = {text for text, _box in radar.body.text_boxes()}
    assert names == set(radar.body.shown_names())
    assert "dashed" in radar.caption and any(
        label.text.startswith("dashed") for _sample, label in radar.legend.items)


def test_the_verdict_is_shown_whole(window):
    label = window.findChild(QLabel, f"verdict:{BM}")
    full = label.text()
    assert full.startswith("Institutional business unit stays first for")
    lines = label.wrapped_lines()
    assert " ".join(lines) == full and "\u2026" not in " ".join(lines)
    metrics = label.fontMetrics()
    assert label.height() >= metrics.height() + (len(lines) - 1) * metrics.lineSpacing()
    assert all(metrics.horizontalAdvance(line) <= label.contentsRect().width() for line in lines)


def test_the_lines_under_the_sliders_are_whole_and_legible(window):
    tab = window.framework_tabs[BM]
    for slider in tab.weights_panel.weight_sliders.values():
        line = slider.stability_label
        if not line.isVisible():
            continue
        assert "\u2026" not in line.shown_text(), line.text()
        background = line.palette().color(line.backgroundRole())
        assert contrast(line.text_colour(), background) >= 4.5
