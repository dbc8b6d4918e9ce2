"""Frameworks edited in the window: ratings on every tab with the scale's words, notes, the
source of every default, reset per cell and per framework; options and criteria added and
removed through the dialogs (asked first, undoable, surviving save and reopen), and the
refusal of a change an extension cannot take shown as a message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QSlider,
    QStyleOptionViewItem,
)

from mcexplorer.app import create_window
from mcexplorer.core.frameworks.files import framework_from_json
from mcexplorer.core.scoring import utility
from mcexplorer.qt import prompts  # noqa: F401 - knows Qt's own boxes before a test replaces them
from mcexplorer.qt.framework.dialogs import AddCriterionDialog, AddOptionDialog
from mcexplorer.qt.framework.options_table import FIRST_RATING_COLUMN, RATING_ROLE

BM = "business-models"
ECO = "credential-ecology"
ST = "structures"


def settle(qtbot):
    qtbot.wait(1)


@pytest.fixture
def answers(monkeypatch):
    """Every prompt is recorded; questions are answered from ``answers.reply``."""

    class Answers:
        reply = QMessageBox.StandardButton.Yes
        asked: list[tuple[str, str]] = []
        warned: list[tuple[str, str]] = []

    record = Answers()
    record.asked, record.warned = [], []

    def question(parent, title, text, *args):
        record.asked.append((title, text))
        return record.reply

    def warning(parent, title, text, *args):
        record.warned.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return record


def accept_with(monkeypatch, cls, fill):
    """Replace the dialog's exec: fill it in as a planner would, then press OK."""

    def exec_(self):
        fill(self)
        assert self.buttons.button(self.buttons.StandardButton.Ok).isEnabled(), \
            self.problem.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(cls, "exec", exec_)


def column_of(tab, criterion_id: str) -> int:
    ids = [c.id for c in tab.framework.criteria]
    return FIRST_RATING_COLUMN + ids.index(criterion_id)


@pytest.mark.parametrize("fid", [BM, ECO, ST])
def test_every_tab_edits_ratings_in_the_scales_words_and_fit_follows_the_formula(
        open_window, qtbot, fid):
    window = open_window(fid)
    tab = window.framework_tabs[fid]
    doc = window.document
    fw = tab.framework
    opt, crit = fw.options[1], fw.criteria[0]
    index = tab.options_model.index(1, column_of(tab, crit.id))
    editor = tab.table.itemDelegate().createEditor(tab.table.viewport(),
                                                   QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    words = [editor.itemText(i) for i in range(editor.count())]
    assert words[0] == crit.label_of(crit.scale[0]) and not words[0][0].isdigit()
    new_value = crit.scale[0] if opt.ratings[crit.id].value != crit.scale[0] else crit.scale[1]
    editor.setCurrentIndex(editor.findData(new_value))
    before = doc.ranking(fid).fit_of(opt.id)
    tab.table.itemDelegate().setModelData(editor, tab.options_model, index)
    settle(qtbot)
    assert index.data() == f"{crit.label_of(new_value)} *"
    s = doc.settings(fid)
    delta = s.weights[crit.id] * (utility(crit, new_value, s.targets.get(crit.id))
                                  - utility(crit, opt.ratings[crit.id].value,
                                            s.targets.get(crit.id)))
    assert doc.ranking(fid).fit_of(opt.id) == pytest.approx(
        before + 100 * delta / sum(s.weights.values()))
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Edited in this scenario; the default is" in tip
    assert "Source:" in tip


def test_the_source_of_every_default_shows_in_the_tooltip_and_the_details(open_window, qtbot):
    window = open_window()
    tab = window.framework_tabs[BM]
    tip = tab.options_model.index(0, FIRST_RATING_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "Source: Brown, McGreal & Peters 2023, Table 2" in tip
    details = tab.details.toPlainText()
    assert "Source of the defaults: Brown, McGreal & Peters 2023, Table 2" in details
    eco = window.framework_tabs[ECO]
    eco.table.selectRow(0)
    text = eco.details.toPlainText()
    assert "Why the default:" in text and "Evans 2021" in text


def test_a_note_explains_an_edit_and_reset_takes_both_back(open_window, qtbot, monkeypatch,
                                                           tmp_path):
    window = open_window()
    tab = window.framework_tabs[BM]
    model = tab.options_model
    index = model.index(1, column_of(tab, "risk"))
    model.setData(index, 1.0, RATING_ROLE)
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("Our unit carries little risk", True)))
    assert tab.editor.edit_note("business-unit", "risk")
    settle(qtbot)
    assert "Your note: Our unit carries little risk" in index.data(Qt.ItemDataRole.ToolTipRole)
    tab.table.selectRow(1)
    assert "Your note: Our unit carries little risk" in tab.details.toPlainText()
    assert "(edited; the default is MED)" in tab.details.toPlainText()
    path = tmp_path / "notes.json"
    assert window.scenario_file.save_to(path)
    reopened = create_window(path)
    qtbot.addWidget(reopened)
    assert reopened.document.settings(BM).rating_notes == {
        "business-unit": {"risk": "Our unit carries little risk"}}
    tab.reset_rating("business-unit", "risk")
    settle(qtbot)
    assert index.data() == "MED" and window.document.settings(BM).rating_notes == {}
    window.controller.undo_stack.undo()  # one step brings both back
    assert window.document.settings(BM).rating_notes and index.data() == "LOW *"


def test_reset_all_ratings_of_a_framework_is_one_button_and_one_undo_step(open_window, qtbot):
    window = open_window()
    tab = window.framework_tabs[BM]
    model = tab.options_model
    model.setData(model.index(0, FIRST_RATING_COLUMN), 3.0, RATING_ROLE)
    model.setData(model.index(2, FIRST_RATING_COLUMN + 1), 3.0, RATING_ROLE)
    steps = window.controller.undo_stack.count()
    window.findChild(QPushButton, f"reset-ratings:{BM}").click()
    settle(qtbot)
    assert window.document.settings(BM).rating_overrides == {}
    assert "*" not in model.index(0, FIRST_RATING_COLUMN).data()
    assert window.controller.undo_stack.count() == steps + 1
    window.controller.undo_stack.undo()
    assert len(window.document.settings(BM).rating_overrides) == 2


def test_a_ninth_business_model_added_through_the_dialog_undoes_and_survives_reopen(
        open_window, qtbot, monkeypatch, tmp_path):
    window = open_window()
    tab = window.framework_tabs[BM]

    def fill(dialog: AddOptionDialog):
        dialog.name_edit.setText("Regional alliance")
        combo = dialog.findChild(QComboBox, "rating:effort")
        combo.setCurrentIndex(combo.findText("LOW"))

    accept_with(monkeypatch, AddOptionDialog, fill)
    steps = window.controller.undo_stack.count()
    assert tab.editor.add_option()
    settle(qtbot)
    tab = window.framework_tabs[BM]
    assert tab.options_model.rowCount() == 9
    assert window.controller.undo_stack.count() == steps + 1
    assert window.document.rating(BM, "regional-alliance", "effort") == 1.0
    assert "Regional alliance" in [r.name for r in
                                   window.findChild(object, f"chart:{BM}:ranking").data.rows]
    assert "Options or criteria changed in this scenario" in tab._provenance.text()
    window.controller.undo_stack.undo()
    settle(qtbot)
    assert window.framework_tabs[BM].options_model.rowCount() == 8
    window.controller.undo_stack.redo()
    settle(qtbot)
    path = tmp_path / "ninth.json"
    assert window.scenario_file.save_to(path)
    reopened = create_window(path)
    qtbot.addWidget(reopened)
    assert reopened.framework_tabs[BM].options_model.rowCount() == 9


def test_a_criterion_added_through_the_dialog_gets_its_slider_and_goes_with_undo(
        open_window, qtbot, monkeypatch, tmp_path):
    window = open_window()

    def fill(dialog: AddCriterionDialog):
        dialog.name_edit.setText("Fit with our mission")
        dialog.levels_edit.setText("low|some|strong")
        combo = dialog.findChild(QComboBox, "rating:mooc-platform")
        combo.setCurrentIndex(combo.findText("strong"))

    accept_with(monkeypatch, AddCriterionDialog, fill)
    assert window.framework_tabs[BM].editor.add_criterion()
    settle(qtbot)
    name = f"weight:{BM}:fit-with-our-mission"
    slider = window.findChild(QSlider, name)
    assert slider is not None and slider.value() == 50
    assert window.document.rating(BM, "mooc-platform", "fit-with-our-mission") == 3.0
    tab = window.framework_tabs[BM]
    assert tab.options_model.headerData(FIRST_RATING_COLUMN + 8, Qt.Orientation.Horizontal) \
        == "Fit with our mission"
    before = window.document.ranking(BM).fit_of("mooc-platform")
    slider.setValue(100)
    assert window.document.ranking(BM).fit_of("mooc-platform") > before
    window.controller.undo_stack.undo()  # the slider move
    window.controller.undo_stack.undo()  # the criterion
    settle(qtbot)
    assert window.findChild(QSlider, name) is None
    window.controller.undo_stack.redo()
    settle(qtbot)
    assert window.findChild(QSlider, name) is not None
    path = tmp_path / "mission.json"
    assert window.scenario_file.save_to(path)
    reopened = create_window(path)
    qtbot.addWidget(reopened)
    assert reopened.findChild(QSlider, name) is not None


def test_a_numeric_criterion_is_rated_with_a_number(open_window, qtbot, monkeypatch):
    window = open_window()

    def fill(dialog: AddCriterionDialog):
        dialog.name_edit.setText("Cost per learner")
        dialog.direction.setCurrentIndex(dialog.direction.findData("cost"))
        dialog.range_choice.setChecked(True)
        dialog.lo.setValue(0)
        dialog.hi.setValue(1000)
        dialog.findChild(QDoubleSpinBox, "rating:sole-institution").setValue(250)

    accept_with(monkeypatch, AddCriterionDialog, fill)
    assert window.framework_tabs[BM].editor.add_criterion()
    settle(qtbot)
    tab = window.framework_tabs[BM]
    index = tab.options_model.index(0, column_of(tab, "cost-per-learner"))
    assert index.data() == "250"
    editor = tab.table.itemDelegate().createEditor(tab.table.viewport(),
                                                   QStyleOptionViewItem(), index)
    assert isinstance(editor, QDoubleSpinBox) and editor.maximum() == 1000
    editor.setValue(100)
    tab.table.itemDelegate().setModelData(editor, tab.options_model, index)
    assert window.document.rating(BM, "sole-institution", "cost-per-learner") == 100


def test_removing_asks_first_and_no_keeps_everything(open_window, qtbot, answers):
    window = open_window()
    tab = window.framework_tabs[BM]
    answers.reply = QMessageBox.StandardButton.No
    assert not tab.editor.remove_criterion("risk")
    assert answers.asked and "Remove the criterion “Risk”" in answers.asked[0][1]
    assert window.findChild(QSlider, f"weight:{BM}:risk") is not None
    answers.reply = QMessageBox.StandardButton.Yes
    assert tab.editor.remove_criterion("risk")
    settle(qtbot)
    assert window.findChild(QSlider, f"weight:{BM}:risk") is None
    assert window.framework_tabs[BM].editor.remove_option("ngo-partnership")
    settle(qtbot)
    assert window.framework_tabs[BM].options_model.rowCount() == 7
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    settle(qtbot)
    assert window.findChild(QSlider, f"weight:{BM}:risk") is not None
    assert window.framework_tabs[BM].options_model.rowCount() == 8
    assert window.document.scenario.definitions == []


def test_a_change_the_extension_cannot_take_is_a_message_not_a_crash(open_window, qtbot,
                                                                     answers):
    window = open_window(ECO)
    tab = window.framework_tabs[ECO]
    before = window.document.scenario.model_dump()
    assert not tab.editor.remove_option("badges-awards")
    assert answers.asked == []  # nothing to confirm
    assert answers.warned and answers.warned[0][0] == "Cannot remove the option"
    assert "needs the option badges-awards" in answers.warned[0][1]
    assert window.document.scenario.model_dump() == before
    assert window.framework_tabs[ECO] is tab


def test_restoring_the_built_in_framework_and_saving_a_framework_file(open_window, qtbot,
                                                                      answers, monkeypatch,
                                                                      tmp_path):
    window = open_window()
    tab = window.framework_tabs[BM]
    assert tab.editor.remove_option("ngo-partnership")
    settle(qtbot)
    tab = window.framework_tabs[BM]
    tab.options_model.setData(tab.options_model.index(0, FIRST_RATING_COLUMN), 3.0, RATING_ROLE)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "ours"), "")))
    window.tabs.setCurrentWidget(tab)
    assert window.framework_import.save_framework_as()
    saved = framework_from_json(tmp_path / "ours.json")
    assert len(saved.options) == 7 and saved.options[0].ratings["effort"].value == 3.0
    assert tab.editor.restore()
    settle(qtbot)
    assert window.framework_tabs[BM].options_model.rowCount() == 8
    assert window.document.scenario.definitions == []
