"""The Sessions panel: a saved file's session goes by the file's name, the selected session reads
as text, and the open scenario's title and notes are edited there, one undo step each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPlainTextEdit, QSlider

from mcexplorer.core.validation import load_scenario
from mcexplorer.qt.window.scenario_info import NOTES_SETTLE_MS

BM = "business-models"
LINK = "<a href='http://x/'>CLICK</a>"


@pytest.fixture
def window(open_window):
    w = open_window()
    w.sessions_dock.show()
    return w


def save_as(window, monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    assert window.scenario_file.save_as()


def test_a_saved_files_session_is_listed_by_the_file_name(window, monkeypatch, tmp_path):
    window.findChild(QSlider, f"weight:{BM}:effort").setValue(80)
    window.keeper.autosave()  # the session exists before the file does
    assert window.keeper.library.meta(window.keeper.session_id).name == "Default scenario"
    save_as(window, monkeypatch, tmp_path / "faculty-plan.json")
    names = [m.name for m in window.keeper.library.list()]
    assert names == ["faculty-plan"]
    assert window.sessions_panel.list.item(0).text().startswith("faculty-plan (open)")


def test_a_name_the_planner_gave_survives_saving(window, monkeypatch, tmp_path):
    window.findChild(QSlider, f"weight:{BM}:effort").setValue(80)
    window.keeper.autosave()
    panel = window.sessions_panel
    panel.list.setCurrentRow(0)
    monkeypatch.setattr("mcexplorer.qt.window.sessions_panel.QInputDialog.getText",
                        staticmethod(lambda *a, **k: ("Senate workshop", True)))
    panel.rename_selected()
    save_as(window, monkeypatch, tmp_path / "plan.json")
    assert [m.name for m in window.keeper.library.list()] == ["Senate workshop"]


def test_the_selected_session_reads_as_lines_of_text(window):
    window.findChild(QSlider, f"weight:{BM}:effort").setValue(80)
    window.keeper.autosave()
    panel = window.sessions_panel
    panel.list.setCurrentRow(0)
    lines = panel.preview.text.text().splitlines()
    assert lines[0].startswith("Default scenario, ")
    for fw in window.document.frameworks.values():
        if not fw.ranked:
            continue  # a register (leadership risks) has no best option
        best = window.document.ranking(fw.id).results[0]
        assert any(line.startswith(f"{fw.title}: {best.name} (") for line in lines), fw.id
    assert not panel.preview.picture.pixmap().isNull()  # and the ranking's picture


def test_title_and_notes_are_edited_in_undoable_steps(window, qtbot, tmp_path):
    title = window.findChild(QLineEdit, "scenario-title")
    notes = window.findChild(QPlainTextEdit, "scenario-notes")
    assert title.text() == "Default scenario" and notes.toPlainText() == ""
    stack = window.controller.undo_stack
    before = stack.count()
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "Faculty of Education, March")
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert window.document.scenario.title == "Faculty of Education, March"
    assert stack.count() == before + 1 and window.isWindowModified()
    notes.setFocus()
    QTest.keyClicks(notes, "Agreed: pilot two stackable units.")
    qtbot.wait(NOTES_SETTLE_MS + 300)
    assert window.document.scenario.notes == "Agreed: pilot two stackable units."
    assert stack.count() == before + 2  # a pause in typing is one step, not one per key
    stack.undo()
    assert window.document.scenario.notes == ""
    assert notes.toPlainText() == ""  # the field follows the undo...
    title.setFocus()
    assert window.document.scenario.notes == ""  # ...and leaving it pushes nothing back
    stack.undo()
    assert window.document.scenario.title == "Default scenario"
    assert title.text() == "Default scenario"
    stack.redo()
    path = tmp_path / "titled.json"
    assert window.scenario_file.save_to(path)
    assert load_scenario(path)[0].title == "Faculty of Education, March"


def test_an_empty_title_is_refused_and_the_field_goes_back(window, monkeypatch):
    warned = []
    monkeypatch.setattr("mcexplorer.qt.prompts.warn", lambda parent, title,
                        text: warned.append(text))
    title = window.findChild(QLineEdit, "scenario-title")
    title.setText("   ")
    title.editingFinished.emit()
    assert warned and "empty" in warned[0]
    assert title.text() == "Default scenario" == window.document.scenario.title


def test_names_from_files_show_as_plain_text_in_the_panel(window, monkeypatch, tmp_path):
    title = window.findChild(QLineEdit, "scenario-title")
    title.setText(LINK)
    title.editingFinished.emit()
    window.keeper.autosave()
    panel = window.sessions_panel
    panel.list.setCurrentRow(0)
    assert panel.list.item(0).text().startswith(LINK)  # a list item is plain text
    assert panel.preview.text.textFormat() == Qt.TextFormat.PlainText
    assert panel.preview.text.text().startswith(LINK)
