"""Sessions that never lose work: undo, history, autosave, recovery, recent files, settings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QSlider

from mcexplorer.app import create_window
from mcexplorer.core.io import save_scenario
from mcexplorer.core.paths import recovery_dir
from mcexplorer.core.validation import load_scenario
from mcexplorer.qt.session_keeper import AUTOSAVE_IDLE_MS

BM = "business-models"


@pytest.fixture
def make_window(qtbot):
    def make(path=None):
        w = create_window(path)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w
    return make


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def answer(monkeypatch):
    """Replace QMessageBox.question with a scripted answer; records the questions asked."""
    asked = []

    def set_answer(button):
        def question(parent, title, text, *args, **kwargs):
            asked.append(title)
            return button
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        return asked
    return set_answer


def weight(window, c="effort") -> QSlider:
    return window.findChild(QSlider, f"weight:{BM}:{c}")


def undo(window):
    window.findChild(QAction, "action:undo").trigger()


def redo(window):
    window.findChild(QAction, "action:redo").trigger()


def test_undo_redo_keys_and_named_history(window, qtbot):
    assert QKeySequence("Ctrl+Z") in window.findChild(QAction, "action:undo").shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.findChild(QAction, "action:redo").shortcuts()
    weight(window, "risk").setValue(80)
    window.findChild(QSlider, f"target:{BM}:horizon").setValue(3)
    texts = [window.history.item(i).text() for i in range(window.history.count())]
    assert texts == ["Opened scenario", "Weight of Risk 50 -> 80", "Target Horizon 2 -> 3"]
    undo(window)
    assert window.document.target(BM, "horizon") == 2
    assert window.history.currentRow() == 1
    window.history.itemClicked.emit(window.history.item(0))  # jump back to the start
    assert window.document.weight(BM, "risk") == 50
    assert not window.isWindowModified()
    redo(window)
    redo(window)
    assert window.document.target(BM, "horizon") == 3 and window.isWindowModified()


def test_keyboard_nudges_in_a_row_merge_into_one_step(window, qtbot):
    s = weight(window)
    s.setFocus()
    for _ in range(5):
        qtbot.keyClick(s, Qt.Key.Key_Right)
    assert window.document.weight(BM, "effort") == 55
    assert window.controller.undo_stack.count() == 1
    undo(window)
    qtbot.wait(1)  # the slider follows on the next turn of the event loop
    assert window.document.weight(BM, "effort") == 50 and s.value() == 50


def test_undo_back_to_the_saved_state_clears_modified(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    weight(window).setValue(70)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    assert window.scenario_file.save()
    weight(window, "costs").setValue(20)
    assert window.isWindowModified()
    undo(window)
    assert not window.isWindowModified()
    undo(window)  # before the saved state: modified again
    assert window.isWindowModified()


def test_autosave_after_idle_writes_recovery_and_session_never_the_users_file(
        window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.scenario_file.save()
    before = path.read_bytes()
    weight(window, "roi").setValue(5)
    qtbot.waitUntil(lambda: any(recovery_dir().glob("*.json")), timeout=AUTOSAVE_IDLE_MS + 3000)
    assert path.read_bytes() == before  # the user's own file is untouched
    sessions = window.keeper.library.list()
    assert len(sessions) == 1 and sessions[0].name == "mine"
    assert window.keeper.library.load(sessions[0].id).frameworks[BM].weights["roi"] == 5
    window.scenario_file.save()
    assert not any(recovery_dir().glob("*.json"))  # saved: nothing left to recover


def test_unsaved_work_survives_a_kill_and_is_offered_back(tmp_path, make_window, answer):
    script = (
        "import os, signal\n"
        "from PySide6.QtWidgets import QSlider\n"
        "from mcexplorer.app import create_window\n"
        "w = create_window(); w.show()\n"
        "w.findChild(QSlider, 'weight:business-models:impact').setValue(97)\n"
        "w.keeper.autosave()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], env=env, timeout=120)
    assert result.returncode == -9
    asked = answer(QMessageBox.StandardButton.Yes)
    w = make_window()
    assert asked == ["Restore unsaved work?"]
    assert w.document.weight(BM, "impact") == 97
    assert w.isWindowModified()
    w.controller.undo_stack.setClean()
    # Restored once: the next start does not ask again.
    asked.clear()
    make_window()
    assert asked == []


def test_recovery_offer_is_a_real_message_box_whose_other_answer_discards(tmp_path, make_window,
                                                                            qtbot, monkeypatch):
    from mcexplorer.qt import prompts

    monkeypatch.setattr(prompts, "HEADLESS_PLATFORMS", ())  # as on a screen: the box is shown
    code = ("import os, signal\n"
            "from mcexplorer.core.sessions import RecoveryStore\n"
            "from mcexplorer.core.resources import default_scenario\n"
            "s = default_scenario(); s.frameworks['business-models'].weights['risk'] = 3\n"
            "RecoveryStore().write(s, None, None)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code], timeout=60)
    seen = []

    def click_discard():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(QMessageBox.StandardButton.No).click()
        else:
            QTimer.singleShot(20, click_discard)

    QTimer.singleShot(20, click_discard)
    w = make_window()
    assert seen and "unsaved changes" in seen[0] and "autosaved on" in seen[0]
    assert w.document.weight(BM, "risk") == 50  # discarded
    assert not any(recovery_dir().glob("*.json"))


def test_close_new_and_open_ask_before_losing_changes(window, answer, tmp_path, monkeypatch):
    asked = answer(QMessageBox.StandardButton.Cancel)
    weight(window).setValue(1)
    window.findChild(QAction, "action:new").trigger()
    window.findChild(QAction, "action:open").trigger()
    assert not window.close()
    assert asked == ["Unsaved changes"] * 3
    assert window.document.weight(BM, "effort") == 1 and window.isVisible()
    answer(QMessageBox.StandardButton.Discard)
    assert window.close()


def test_recent_files_menu_greys_missing_files(window, tmp_path, scenario):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for p in (a, b):
        save_scenario(p, scenario)
        window.scenario_file.open_path(p)
    b.unlink()
    recent = window.findChild(QAction, "action:recent")
    assert recent is not None
    menu = recent.menu()
    menu.aboutToShow.emit()
    entries = {act.statusTip(): act for act in menu.actions() if act.statusTip()}
    assert entries[str(a.resolve())].isEnabled()
    assert not entries[str(b.resolve())].isEnabled()
    assert "missing" in entries[str(b.resolve())].text()
    entries[str(a.resolve())].trigger()
    assert window.path == a.resolve()


def test_dropping_a_scenario_file_opens_it(window, tmp_path, scenario, qtbot):
    scenario.frameworks[BM].weights["speed-to-market"] = 12
    path = tmp_path / "dropped.json"
    save_scenario(path, scenario)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.wait(1)
    assert weight(window, "speed-to-market").value() == 12
    assert window.windowTitle().startswith("dropped.json")


def test_window_remembers_size_and_last_tab(make_window):
    a = make_window()
    size = (a.minimumWidth(), 600)  # fits the 800x800 offscreen test screen: nothing clamps it
    assert (a.width(), a.height()) != size
    a.resize(*size)
    a.tabs.setCurrentIndex(2)
    a.history_dock.show()
    assert a.close()
    b = make_window()
    assert b.tabs.currentIndex() == 2
    assert (b.width(), b.height()) == size
    assert b.history_dock.isVisible()


def test_first_overwrite_keeps_a_backup(window, tmp_path, scenario):
    path = tmp_path / "plan.json"
    scenario.title = "Original"
    save_scenario(path, scenario)
    window.scenario_file.open_path(path)
    weight(window).setValue(33)
    assert window.scenario_file.save()
    backup = tmp_path / "plan.json.bak"
    assert load_scenario(backup)[0].title == "Original"
    weight(window).setValue(44)
    assert window.scenario_file.save()
    assert load_scenario(backup)[0].title == "Original"  # only the first overwrite
    assert load_scenario(path)[0].frameworks[BM].weights["effort"] == 44


def test_failed_save_says_why_and_stays_modified(window, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: errors.append(text)))
    weight(window).setValue(21)
    assert not window.scenario_file.save_to(tmp_path / "no-such-folder" / "x.json")
    assert errors and "cannot write here" in errors[0]
    assert window.isWindowModified()
    assert window.document.weight(BM, "effort") == 21


def test_a_newer_file_is_refused_and_never_overwritten(window, tmp_path, monkeypatch):
    path = tmp_path / "future.json"
    path.write_text('{"schema_version": 99, "from": "the future"}')
    before = path.read_bytes()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: warned.append(text)))
    assert not window.scenario_file.open_path(path)
    assert "newer version" in warned[0]
    assert window.path is None
    weight(window).setValue(9)
    window.keeper.autosave()
    assert path.read_bytes() == before


def test_unexpected_error_autosaves_logs_and_names_the_log(window, monkeypatch):
    from mcexplorer.core.logs import log_file, setup_logging

    setup_logging()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    weight(window).setValue(61)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        window.report_unexpected(*sys.exc_info())
    assert shown and str(log_file()) in shown[0] and "ZeroDivisionError" in shown[0]
    assert "ZeroDivisionError: boom" in log_file().read_text()
    assert any(recovery_dir().glob("*.json"))  # autosaved first


def test_sessions_panel_opens_renames_duplicates_deletes_and_restores(window, monkeypatch, qtbot):
    weight(window).setValue(77)
    window.keeper.autosave()
    panel = window.sessions_panel
    assert panel.list.count() == 1
    sid = window.keeper.session_id
    panel.list.setCurrentRow(0)
    monkeypatch.setattr("mcexplorer.qt.window.sessions_panel.QInputDialog.getText",
                        staticmethod(lambda *a, **k: ("Faculty workshop", True)))
    panel.rename_selected()
    assert window.keeper.library.meta(sid).name == "Faculty workshop"
    panel.list.setCurrentRow(0)
    panel.duplicate_selected()
    assert panel.list.count() == 2
    panel.list.setCurrentRow(0)
    deleted = panel.selected_id()
    panel.delete_selected()
    assert panel.list.count() == 1 and panel.trash_button.isEnabled()
    panel.restore(deleted)
    assert panel.list.count() == 2
    window.controller.undo_stack.setClean()
    window.scenario_file.new_scenario()
    assert window.document.weight(BM, "effort") == 50
    assert window.scenario_file.open_session(sid)
    assert window.document.weight(BM, "effort") == 77


def test_charts_follow_a_dark_palette(window, qtbot):
    from PySide6.QtGui import QColor, QPalette

    app = QApplication.instance()
    original = app.palette()
    chart = window.findChild(object, f"chart:{BM}:radar")
    assert chart.backgroundBrush().color().lightness() > 200
    dark = QPalette(original)
    for role, colour in ((QPalette.ColorRole.Window, "#202020"),
                         (QPalette.ColorRole.Base, "#181818"),
                         (QPalette.ColorRole.Text, "#f0f0f0"),
                         (QPalette.ColorRole.WindowText, "#f0f0f0")):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: chart.backgroundBrush().color().lightness() < 60, timeout=2000)
        assert chart.style.dark
        assert chart.legend.opts["labelTextColor"].lightness() > 200
    finally:
        app.setPalette(original)
    qtbot.waitUntil(lambda: chart.backgroundBrush().color().lightness() > 200, timeout=2000)


def test_an_error_in_a_slot_is_reported_with_the_log_path(window, monkeypatch):
    """The hook installed by create_window reports, then hands over to the previous hook."""
    from mcexplorer.core.logs import log_file

    shown, passed_on = [], []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", lambda *args: passed_on.append(args[0]))
    from mcexplorer.app import install_excepthook

    install_excepthook(window)
    try:
        raise KeyError("missing-thing")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert shown and "KeyError" in shown[0] and str(log_file()) in shown[0]
    assert passed_on == [KeyError]
