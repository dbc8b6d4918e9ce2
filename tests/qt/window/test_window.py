"""The business-model tab driven through real widgets, as a planner would use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QSlider

from mcexplorer.app import create_window
from mcexplorer.core.io import save_scenario
from mcexplorer.core.validation import load_scenario
from mcexplorer.qt.export.dialog import ExportDialog
from mcexplorer.qt.framework.options_table import RATING_ROLE
from mcexplorer.qt.framework.tab import NO_WEIGHT_MESSAGE

BM = "business-models"
CRITERIA = ["effort", "horizon", "risk", "autonomy", "speed-to-market", "costs", "impact", "roi"]


@pytest.fixture
def window(open_window):
    return open_window()


def slider(window, criterion: str) -> QSlider:
    s = window.findChild(QSlider, f"weight:{BM}:{criterion}")
    assert s is not None, criterion
    return s


def ranking_rows(window, fid=BM):
    chart = window.findChild(object, f"chart:{fid}:ranking")
    return [(r.name, r.fit) for r in chart.data.rows]


def radar_series(window, fid=BM):
    chart = window.findChild(object, f"chart:{fid}:radar")
    return [(s.name, s.values) for s in chart.data.series]


def settle(qtbot):
    qtbot.wait(1)  # one turn of the event loop: the coalesced redraw runs


def test_window_opens_on_business_models_with_every_control(window):
    assert window.tabs.tabText(0) == "Business models"
    assert window.tabs.currentIndex() == 0
    for c in CRITERIA:
        s = slider(window, c)
        assert (s.minimum(), s.maximum(), s.value()) == (0, 100, 50)
        assert s.accessibleName().startswith("Weight of")
        assert s.accessibleDescription()
        assert s.focusPolicy() & Qt.FocusPolicy.TabFocus
    target = window.findChild(QSlider, f"target:{BM}:horizon")
    assert target is not None and target.value() == 2
    assert (target.minimum(), target.maximum()) == (1, 3)  # H1 to H3, in scale values
    for name in ("new", "open", "save", "save-as", "export-png", "undo", "redo"):
        action = window.findChild(QAction, f"action:{name}")
        assert action is not None, name
        assert action.parent() is window
    for kind in ("radar", "ranking"):
        assert window.findChild(object, f"chart:{BM}:{kind}") is not None
    assert window.windowTitle().startswith("Untitled")
    assert not window.isWindowModified()


def test_every_slider_is_visible_at_1280x720(window, qtbot):
    settle(qtbot)
    for c in CRITERIA:
        s = slider(window, c)
        assert s.isVisible() and not s.visibleRegion().isEmpty(), c
    ranking = window.findChild(object, f"chart:{BM}:ranking")
    assert ranking.height() >= 280 and ranking.width() >= 400


def test_charts_follow_a_slider_without_waiting(window):
    """Read back straight after the change, with no event-loop turn in between."""
    before = ranking_rows(window)
    slider(window, "costs").setValue(0)
    assert ranking_rows(window) != before
    assert window.findChild(object, f"chart:{BM}:radar").data.weights[5] == 0


def test_keyboard_on_a_slider_rescoring_live(window, qtbot):
    before_rank = ranking_rows(window)
    before_radar = radar_series(window)
    s = slider(window, "effort")
    s.setFocus()
    qtbot.keyClick(s, Qt.Key.Key_End)
    settle(qtbot)
    assert s.value() == 100
    assert window.document.weight(BM, "effort") == 100
    assert ranking_rows(window) != before_rank
    assert ranking_rows(window)[0][0] == "MOOC led"
    assert radar_series(window) != before_radar
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()
    qtbot.keyClick(s, Qt.Key.Key_Left)
    settle(qtbot)
    assert window.document.weight(BM, "effort") == 99


def test_mouse_drag_is_one_undo_step(window, qtbot):
    s = slider(window, "autonomy")
    start = ranking_rows(window)
    y = s.height() // 2
    handle_x = round(s.width() * 0.5)
    QTest.mousePress(s, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(handle_x, y))
    for x in range(handle_x, s.width() - 2, 6):
        QTest.mouseMove(s, QPoint(x, y))
    QTest.mouseRelease(s, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(s.width() - 2, y))
    settle(qtbot)
    assert s.value() > 90
    assert window.document.weight(BM, "autonomy") == s.value()
    assert window.controller.undo_stack.count() == 1
    assert ranking_rows(window) != start
    window.findChild(QAction, "action:undo").trigger()
    settle(qtbot)
    assert s.value() == 50 and window.document.weight(BM, "autonomy") == 50
    assert ranking_rows(window) == start
    assert not window.isWindowModified()  # back at the saved state
    window.findChild(QAction, "action:redo").trigger()
    settle(qtbot)
    assert window.document.weight(BM, "autonomy") > 90


def test_target_horizon_changes_the_fit(window, qtbot):
    target = window.findChild(QSlider, f"target:{BM}:horizon")
    fits = dict(ranking_rows(window))
    target.setValue(2.5)  # H2/H3: exactly where the business unit sits
    settle(qtbot)
    assert window.document.target(BM, "horizon") == 2.5
    after = dict(ranking_rows(window))
    assert after["Institutional business unit"] > fits["Institutional business unit"]
    assert after["Sole institution"] < fits["Sole institution"]
    target.setValue(3)
    settle(qtbot)
    assert window.document.target(BM, "horizon") == 3
    assert window.findChild(object,
                            f"tab:{BM}").target_sliders["horizon"].value_label.text() == "H3"
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Left)
    settle(qtbot)
    assert window.document.target(BM, "horizon") == 2.5


def test_all_weights_zero_says_set_a_weight(window, qtbot):
    for c in CRITERIA:
        slider(window, c).setValue(0)
    settle(qtbot)
    ranking = window.findChild(object, f"chart:{BM}:ranking")
    radar = window.findChild(object, f"chart:{BM}:radar")
    assert ranking.data.message == NO_WEIGHT_MESSAGE
    assert radar.data.message == NO_WEIGHT_MESSAGE
    assert all(r.fit is None for r in ranking.data.rows)
    slider(window, "roi").setValue(10)
    settle(qtbot)
    assert ranking.data.message == "" and radar.data.series


def test_radar_shows_the_ticked_options(window, qtbot):
    tab = window.framework_tabs[BM]
    assert len(radar_series(window)) == 3
    model = tab.table.model()
    # Peer consortium, not in the top three
    model.setData(model.index(2, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot)
    names = [n for n, _ in radar_series(window)]
    assert "Peer consortium" in names and len(names) == 4
    assert window.isWindowModified()


def test_editing_a_rating_marks_it_and_rescoring(window, qtbot):
    tab = window.framework_tabs[BM]
    fits = dict(ranking_rows(window))
    model = tab.table.model()
    model.setData(model.index(2, 2), 1.0, RATING_ROLE)  # Peer consortium / Effort (HIGH)
    settle(qtbot)
    assert window.document.rating(BM, "peer-consortium", "effort") == 1.0
    assert model.index(2, 2).data() == "LOW *"
    assert dict(ranking_rows(window))["Peer consortium"] > fits["Peer consortium"]
    tab.reset_rating("peer-consortium", "effort")
    settle(qtbot)
    assert model.index(2, 2).data() == "HIGH"


def test_save_and_open_round_trip(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "workshop.json"
    slider(window, "risk").setValue(90)
    window.findChild(QSlider, f"target:{BM}:horizon").setValue(2.5)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "workshop"), "")))
    window.findChild(QAction, "action:save").trigger()
    assert path.exists()  # .json added
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("workshop.json")
    saved, _ = load_scenario(path)
    assert saved.frameworks[BM].weights["risk"] == 90
    assert saved.frameworks[BM].targets["horizon"] == 2.5

    window.findChild(QAction, "action:new").trigger()
    settle(qtbot)
    assert slider(window, "risk").value() == 50
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.findChild(QAction, "action:open").trigger()
    settle(qtbot)
    assert slider(window, "risk").value() == 90
    assert window.document.target(BM, "horizon") == 2.5
    assert not window.isWindowModified()


def test_opening_a_bad_file_says_why_and_keeps_the_scenario(window, qtbot, tmp_path, monkeypatch):
    slider(window, "costs").setValue(77)
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, '
                   '"frameworks": {"business-models": {"weights": {"costs": "x"}}}}')
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    monkeypatch.setattr(QMessageBox, "question",  # unsaved changes: carry on without saving
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    window.findChild(QAction, "action:open").trigger()
    assert len(shown) == 1
    assert str(bad) in shown[0] and "weights.costs" in shown[0]
    assert slider(window, "costs").value() == 77
    assert window.document.weight(BM, "costs") == 77
    assert window.isWindowModified()


def test_unsaved_changes_prompt_can_cancel_new(window, qtbot, monkeypatch):
    slider(window, "costs").setValue(10)
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    window.findChild(QAction, "action:new").trigger()
    assert asked == ["Unsaved changes"]
    assert window.document.weight(BM, "costs") == 10


def test_export_png_of_the_chosen_chart(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "radar.png"
    radar = window.findChild(object, f"chart:{BM}:radar")

    def choose_radar(dialog):
        dialog.chart_box.setCurrentIndex(dialog.chart_box.findText(radar.title))
        dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("custom"))
        dialog.width_spin.setValue(1920)
        dialog.height_spin.setValue(1536)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose_radar)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PNG image (*.png)")))
    window.findChild(QAction, "action:export-png").trigger()
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1920, 1536)
    # Not a blank canvas: several colours drawn.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 37)}
    assert len(colours) > 10


def test_create_window_on_a_file(qtbot, tmp_path, scenario):
    scenario.frameworks[BM].weights["impact"] = 5
    path = tmp_path / "given.json"
    save_scenario(path, scenario)
    w = create_window(path)
    qtbot.addWidget(w)
    assert w.findChild(QSlider, f"weight:{BM}:impact").value() == 5
    assert w.windowTitle().startswith("given.json")


def test_a_burst_of_slider_values_redraws_once_with_the_latest(window, qtbot):
    """A continuous drag never queues stale work: 40 values cost two redraws, the last one
    showing the latest value."""
    tab = window.framework_tabs[BM]
    calls = []
    original = tab.refresh

    def counting():
        calls.append(window.document.weight(BM, "risk"))
        original()

    tab.refresh = counting
    s = slider(window, "risk")
    for v in range(60, 100):
        s.setValue(v)
    # The first value is drawn at once; the rest of the burst collapses into one redraw.
    assert calls == [60]
    settle(qtbot)
    assert calls == [60, 99]
    assert window.findChild(object, f"chart:{BM}:radar").data.weights[2] == pytest.approx(0.99)


def test_the_command_start_path_builds_hidden_tabs_after_the_first_paint(qtbot):
    w = create_window(lazy_tabs=True)
    qtbot.addWidget(w)
    assert list(w.framework_tabs) == [BM]  # only the visible tab before the first paint
    assert w.findChild(QSlider, f"weight:{BM}:effort") is not None
    w.show()
    qtbot.waitUntil(lambda: len(w.framework_tabs) == len(w.document.frameworks), timeout=5000)
    assert [w.tabs.tabText(i) for i in range(3)] == ["Business models", "Credential ecology",
                                                      "Internal structures"]
    assert w.tabs.currentIndex() == 0
    for fid in ("credential-ecology", "structures"):
        assert w.tabs.indexOf(w.framework_tabs[fid]) >= 0
        assert w.findChild(object, f"chart:{fid}:radar") is not None


def test_a_tab_clicked_before_it_is_built_is_built_at_once(qtbot):
    w = create_window(lazy_tabs=True)
    qtbot.addWidget(w)
    w.tabs.setCurrentIndex(2)  # before show: nothing has been built in the background yet
    assert w.tabs.currentWidget() is w.framework_tabs["structures"]
    assert w.findChild(QSlider, "balance:h1") is not None
