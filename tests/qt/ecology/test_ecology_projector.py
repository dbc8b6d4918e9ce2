"""The ecology tab read from the back of the room at 1024x768 (issue 25 point 1): its radar is
plotted at least 240 px across and at least 40% of its panel's shorter side, with the legend
compact below and nothing written on the data; the map and the portfolio page stay whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from screen_checks import assert_radar_readable

from mcexplorer.core.ecology import edits as eco_edits

FID = "credential-ecology"
SIZES = [(1024, 740), (1366, 740)]
"""The window inside a 1024x768 projector and a 1366x768 laptop (a title bar and panel off)."""


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def window(open_window, qtbot, request):
    w = open_window(FID)
    w.resize(*request.param)
    qtbot.waitUntil(lambda: w.width() == request.param[0])
    for name, x, y in (("MSc Data", -0.6, 0.6), ("Python MOOC", -0.5, -0.5)):
        w.controller.push(eco_edits.add_offering(w.document, name, x, y, 100))
    qtbot.wait(100)
    return w


def test_the_ecology_radar_is_at_least_240_px_across_and_40_percent_of_its_panel(window):
    tab = window.framework_tabs[FID]
    radar = tab.radar_chart
    across = assert_radar_readable(radar)
    # The legend is below the plot, in at most two rows.
    plot = radar.body.sceneBoundingRect()
    rows = {round(label.sceneBoundingRect().top()) for _s, label in radar.legend.items}
    assert len(rows) <= 2
    assert all(top >= plot.center().y() + across / 2 / radar.view_scale - 1 for top in rows)


def test_the_map_and_the_portfolio_page_keep_their_room(window):
    tab = window.framework_tabs[FID]
    m = tab.map_chart
    a = m.mapFromScene(m.view.mapViewToScene(QPointF(-1, -1)))
    b = m.mapFromScene(m.view.mapViewToScene(QPointF(1, 1)))
    assert abs(b.x() - a.x()) >= 260 and abs(a.y() - b.y()) >= 260
    assert tab.lower_tabs.currentWidget() is tab.portfolio_panel
    for w in (tab.fit_label, tab.add_button, tab.offering_list, tab.lens_combo):
        assert w.visibleRegion().boundingRect().size() == w.size(), w.objectName()
