"""Side panels at 1024 pixels float instead of squeezing the charts, and close with Esc
(issue 25, point 7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

BM = "business-models"


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no window manager
def test_a_panel_opened_on_a_projector_floats_and_the_charts_keep_their_width(open_window,
                                                                              qtbot):
    window = open_window(BM)
    window.resize(1024, 740)
    qtbot.wait(50)
    radar = window.framework_tabs[BM].radar_chart
    ranking = window.framework_tabs[BM].ranking_chart
    before = (radar.width(), ranking.width())
    for dock in (window.history_dock, window.sessions_dock, window.room.snapshots_dock):
        dock.toggleViewAction().trigger()  # View > History, Sessions; Room > Snapshots
        qtbot.waitUntil(dock.isFloating)
        qtbot.wait(50)
        assert (radar.width(), ranking.width()) == before
        dock.widget().setFocus()
        qtbot.waitUntil(lambda d=dock: d.isActiveWindow() or d.widget().hasFocus(), timeout=2000)
        qtbot.keyClick(dock.widget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dock: not d.isVisible())


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no window manager
def test_a_panel_on_a_wide_window_docks(open_window, qtbot):
    window = open_window(BM)
    window.resize(1600, 900)
    qtbot.wait(50)
    window.history_dock.hide()
    window.history_dock.toggleViewAction().trigger()
    qtbot.waitUntil(window.history_dock.isVisible)
    assert window.width() >= 1400 and not window.history_dock.isFloating(), window.width()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no window manager
def test_a_panel_shown_any_other_way_on_a_projector_floats_too(open_window, qtbot):
    """Taking a snapshot shows the Snapshots panel, leaving presenting shows the panels that
    were open: not through the menu action, and they docked, squeezing the charts."""
    window = open_window(BM)
    window.resize(1024, 740)
    qtbot.waitUntil(lambda: bool(window.property("on-screen")), timeout=3000)
    qtbot.wait(50)
    radar = window.framework_tabs[BM].radar_chart
    before = radar.width()
    for dock in (window.history_dock, window.sessions_dock, window.room.snapshots_dock):
        dock.hide()
        dock.show()
        qtbot.waitUntil(dock.isFloating)
        qtbot.wait(50)
        assert radar.width() == before
        # Under the charts, not over them.
        frame = dock.geometry()
        chart = radar.rect().translated(radar.mapToGlobal(radar.rect().topLeft()))
        assert not frame.intersects(chart), (frame, chart)
        dock.hide()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no window manager
def test_the_ecology_radar_keeps_240_px_with_a_panel_open_at_1024(open_window, qtbot):
    """The History panel docked at 1024x768 took the ecology radar down to about 217 px."""
    eco = "credential-ecology"
    window = open_window(eco)
    window.resize(1024, 740)
    qtbot.waitUntil(lambda: bool(window.property("on-screen")), timeout=3000)
    qtbot.wait(50)
    radar = window.framework_tabs[eco].radar_chart
    for dock in (window.history_dock, window.sessions_dock, window.room.snapshots_dock):
        dock.show()
        qtbot.waitUntil(dock.isFloating)
        qtbot.wait(50)
        across = radar.body.diameter() * radar.view_scale  # widget pixels
        assert across >= 240, (dock.objectName(), across)
        dock.hide()
