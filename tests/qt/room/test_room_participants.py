"""Participants in the window, driven through the real widgets: the picker above every tab's
sliders, adding, editing and removing people (each one undo step), importing their files."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QSlider,
    QToolButton,
)

from mcexplorer.core.io import save_scenario
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.room.group import person_ranking

BM = "business-models"
ECO = "credential-ecology"


@pytest.fixture
def window(open_window):
    return open_window(BM)


def answers(monkeypatch, *texts):
    """QInputDialog.getText answers these, in order (None: the user cancels)."""
    queue = list(texts)

    def get_text(*_args, **_kwargs):
        text = queue.pop(0)
        return ("", False) if text is None else (text, True)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return queue


def warnings(monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: seen.append(text))
    return seen


def picker(window, fid=BM) -> QComboBox:
    return window.framework_tabs[fid].findChild(QComboBox, "participant-picker")


def slider(window, criterion, fid=BM) -> QSlider:
    return window.findChild(QSlider, f"weight:{fid}:{criterion}")


def people(window):
    return [(p.name, p.role) for p in window.document.scenario.participants]


def add(window, qtbot, monkeypatch, name, role=""):
    answers(monkeypatch, name, role)
    button = window.framework_tabs[BM].findChild(QToolButton, f"add-participant:{BM}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(1)


def undo(window):
    window.findChild(QAction, "action:undo").trigger()


def redo(window):
    window.findChild(QAction, "action:redo").trigger()


def test_every_tab_has_the_picker_group_first(window):
    ranked = [fid for fid, fw in window.document.frameworks.items() if fw.criteria]
    for fid in ranked:  # a register (leadership and risks) has no weights to pick
        window.build_tab(fid)
        combo = picker(window, fid)
        assert combo is not None, fid
        assert [combo.itemText(i) for i in range(combo.count())] == ["Group"]
    # With nobody in the room the sliders set the scenario's own weights, as before.
    assert slider(window, "risk").isEnabled()


def test_adding_a_person_picks_them_and_undo_redo_take_it_back(window, qtbot, monkeypatch):
    steps = window.controller.undo_stack.count()
    add(window, qtbot, monkeypatch, "Ana", "Finance")
    assert people(window) == [("Ana", "Finance")]
    assert window.controller.undo_stack.count() == steps + 1
    for fid in (BM, ECO):
        window.build_tab(fid)
        assert picker(window, fid).currentText() == "Ana (Finance)"
    undo(window)
    qtbot.wait(1)
    assert people(window) == []
    assert picker(window).currentText() == "Group"  # the picked person left the room
    redo(window)
    qtbot.wait(1)
    assert people(window) == [("Ana", "Finance")]


def test_a_cancelled_or_refused_add_changes_nothing(window, qtbot, monkeypatch):
    add(window, qtbot, monkeypatch, "Ana")
    steps = window.controller.undo_stack.count()
    add(window, qtbot, monkeypatch, None, "")  # cancelled at the name
    seen = warnings(monkeypatch)
    add(window, qtbot, monkeypatch, "ana", "")  # a name already in the room
    assert people(window) == [("Ana", "")]
    assert window.controller.undo_stack.count() == steps
    assert len(seen) == 1 and "already exists" in seen[0] and "\n" not in seen[0]


def test_a_persons_slider_edits_only_their_weight_in_one_undo_step(window, qtbot, monkeypatch):
    add(window, qtbot, monkeypatch, "Ana")
    risk = slider(window, "risk")
    assert risk.isEnabled() and risk.value() == 50
    risk.setFocus()
    steps = window.controller.undo_stack.count()
    for _ in range(2):
        QTest.keyClick(risk, Qt.Key.Key_PageUp)  # two quick nudges: one gesture
    qtbot.wait(1)
    ana = window.document.scenario.participants[0]
    assert ana.weights[BM]["risk"] == 70
    assert window.document.weight(BM, "risk") == 50  # the scenario's own weight is untouched
    assert window.controller.undo_stack.count() == steps + 1
    # The tab's charts show Ana's ranking.
    fw: Framework = window.document.framework(BM)
    mine = person_ranking(fw, ana)
    chart = window.findChild(object, f"chart:{BM}:ranking")
    assert [r.fit for r in chart.data.rows] == [r.fit for r in mine.results]
    undo(window)
    qtbot.wait(1)
    assert window.document.scenario.participants[0].weights.get(BM, {}).get("risk", 50) == 50
    assert risk.value() == 50
    redo(window)
    qtbot.wait(1)
    assert window.document.scenario.participants[0].weights[BM]["risk"] == 70
    assert risk.value() == 70


def test_the_picker_switches_what_the_sliders_show_on_every_tab(window, qtbot, monkeypatch):
    add(window, qtbot, monkeypatch, "Ana")
    slider(window, "risk").setValue(90)
    add(window, qtbot, monkeypatch, "Ben")
    slider(window, "risk").setValue(10)
    add(window, qtbot, monkeypatch, "Chiara")
    slider(window, "risk").setValue(20)
    qtbot.wait(1)
    combo = picker(window)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Group", "Ana", "Ben", "Chiara"]
    for index, expected in ((1, 90), (2, 10), (3, 20)):
        combo.setCurrentIndex(index)
        qtbot.wait(1)
        assert slider(window, "risk").value() == expected
        assert slider(window, "risk").isEnabled()
    combo.setCurrentIndex(0)  # Group: the median, read-only
    qtbot.wait(1)
    assert slider(window, "risk").value() == 20
    assert not slider(window, "risk").isEnabled()
    note = window.framework_tabs[BM].findChild(object, f"room-note:{BM}")
    assert "median of 3 people" in note.text() and "read-only" in note.text()
    window.room.state.pick(window.document.scenario.participants[0].id)
    qtbot.wait(1)
    window.build_tab(ECO)
    assert picker(window, ECO).currentText() == "Ana"  # one pick for every tab


def test_group_uses_median_or_mean_and_can_become_the_scenarios(window, qtbot, monkeypatch):
    for name, risk in (("Ana", 90), ("Ben", 10), ("Chiara", 20)):
        add(window, qtbot, monkeypatch, name)
        slider(window, "risk").setValue(risk)
    window.room.state.pick(None)
    window.room.views[BM].page  # noqa: B018 - built with the tab
    combo = window.framework_tabs[BM].findChild(QComboBox, f"group-method:{BM}")
    combo.activated.emit(combo.findData("mean"))
    qtbot.wait(1)
    assert window.document.scenario.group.method == "mean"
    assert slider(window, "risk").value() == 40
    adopt = window.framework_tabs[BM].findChild(object, f"adopt-group:{BM}")
    steps = window.controller.undo_stack.count()
    adopt.click()
    assert window.document.weight(BM, "risk") == 40
    assert window.controller.undo_stack.count() == steps + 1
    undo(window)
    assert window.document.weight(BM, "risk") == 50


def test_rename_and_remove_each_undo_and_redo(window, qtbot, monkeypatch):
    add(window, qtbot, monkeypatch, "Ana", "Finance")
    slider(window, "risk").setValue(80)
    pick = window.room.pickers[BM]
    answers(monkeypatch, "Ana María", "Faculty")
    pick.edit_picked()
    qtbot.wait(1)
    assert people(window) == [("Ana María", "Faculty")]
    assert picker(window).currentText() == "Ana María (Faculty)"
    undo(window)
    assert people(window) == [("Ana", "Finance")]
    redo(window)
    pick.remove_picked()
    qtbot.wait(1)
    assert people(window) == []
    assert picker(window).currentText() == "Group"
    undo(window)
    qtbot.wait(1)
    assert people(window) == [("Ana María", "Faculty")]
    assert window.document.scenario.participants[0].weights[BM]["risk"] == 80
    redo(window)
    assert people(window) == []


def test_importing_peoples_files_is_one_step_and_a_wrong_file_is_refused(
        window, qtbot, monkeypatch, tmp_path):
    files = []
    for name, risk in (("ana", 10), ("ben", 90)):
        s = default_scenario()
        s.frameworks[BM].weights["risk"] = risk
        path = tmp_path / f"{name}.json"
        save_scenario(path, s)
        files.append(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    steps = window.controller.undo_stack.count()
    window.findChild(QAction, "action:import-participants").trigger()
    qtbot.wait(1)
    assert [p.name for p in window.document.scenario.participants] == ["ana", "ben"]
    assert [p.weights[BM]["risk"] for p in window.document.scenario.participants] == [10, 90]
    assert window.controller.undo_stack.count() == steps + 1

    broken = tmp_path / "carl.json"
    broken.write_text("{not json", encoding="utf-8")
    other = json.loads((tmp_path / "ana.json").read_text(encoding="utf-8"))
    other["definitions"] = [{
        "id": "my-frame", "title": "My frame",
        "criteria": [{"id": "gain", "name": "Gain", "direction": "benefit", "scale": [1, 3]}],
        "options": [{"id": "alpha", "name": "Alpha", "ratings": {"gain": 1}}]}]
    odd = tmp_path / "dora.json"
    odd.write_text(json.dumps(other), encoding="utf-8")
    for bad, words in ((broken, "carl.json"), (odd, "different framework set")):
        seen = warnings(monkeypatch)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            lambda *a, b=bad, **k: ([files[0], str(b)], ""))
        window.findChild(QAction, "action:import-participants").trigger()
        assert len(seen) == 1 and words in seen[0] and "\n" not in seen[0]
        assert [p.name for p in window.document.scenario.participants] == ["ana", "ben"]
        assert window.controller.undo_stack.count() == steps + 1


def test_opening_another_scenario_hands_the_sliders_back_to_the_group(window, qtbot, monkeypatch):
    add(window, qtbot, monkeypatch, "Ana")
    slider(window, "risk").setValue(80)
    window.controller.replace_scenario(default_scenario())
    qtbot.wait(1)
    combo = picker(window)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Group"]
    assert window.room.state.picked is None
    assert slider(window, "risk").value() == 50 and slider(window, "risk").isEnabled()
