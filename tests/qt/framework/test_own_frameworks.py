"""The planner's own frameworks in the window: imported from CSV or JSON through File > Import
framework (what the reader assumed is shown first), built from scratch, carried in the
scenario for a colleague, any size from 1 x 1 to 200 x 40, and the user's frameworks folder
read at start-up (a broken file is a status-bar line, never a dialog)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QSlider

from mcexplorer.app import create_window
from mcexplorer.core.frameworks import framework_from_csv, framework_json, user_frameworks_dir
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.scoring import score
from mcexplorer.qt import prompts  # noqa: F401 - knows Qt's own boxes before a test replaces them
from mcexplorer.qt.charts.base import Chart
from mcexplorer.qt.framework.new_framework import NewFrameworkDialog

CSV = """option,Reach,Price,Fit with our mission
direction,benefit,cost,benefit
scale,1-5,LOW|MED|HIGH,
Alpha,5,HIGH,0.5
Beta,2,LOW,1
Gamma,3,MED/HIGH,0
"""


def settle(qtbot):
    qtbot.wait(1)


@pytest.fixture
def prompts_seen(monkeypatch):
    """Questions answered Yes; every question and warning recorded; a critical box fails."""
    seen = {"question": [], "warning": []}

    def question(parent, title, text, *args):
        seen["question"].append((title, text))
        return QMessageBox.StandardButton.Yes

    def warning(parent, title, text, *args):
        seen["warning"].append((title, text))
        return QMessageBox.StandardButton.Ok

    def critical(parent, title, text, *args):
        raise AssertionError(f"unexpected error box: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    return seen


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def test_a_csv_imported_through_the_menu_gets_a_tab_that_scores_like_the_file(
        open_window, qtbot, monkeypatch, tmp_path, prompts_seen):
    window = open_window()
    path = tmp_path / "Partner choices.csv"
    path.write_text(CSV, encoding="utf-8-sig")  # as Excel's "CSV UTF-8" writes it
    choose_file(monkeypatch, path)
    window.findChild(QAction, "action:import-framework").trigger()
    settle(qtbot)
    (title, text), = prompts_seen["question"]
    assert title == "Import framework" and "3 criteria, 3 options" in text
    assert "read as UTF-8 with BOM, comma-separated" in text
    assert "Fit with our mission: no scale given; 0-1 assumed" in text
    fid = "partner-choices"
    assert window.tabs.currentWidget() is window.framework_tabs[fid]
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Partner choices"
    for cid in ("reach", "price", "fit-with-our-mission"):
        assert window.findChild(QSlider, f"weight:{fid}:{cid}") is not None
    assert window.findChild(Chart, f"chart:{fid}:radar") is not None
    by_hand = framework_from_csv(CSV.encode(), framework_id=fid, title="Partner choices")
    expected = score(by_hand, {c.id: 50.0 for c in by_hand.criteria})
    assert [(r.option, r.fit) for r in window.document.ranking(fid).results] == \
        [(r.option, r.fit) for r in expected.results]
    window.findChild(QSlider, f"weight:{fid}:price").setValue(100)
    expected = score(by_hand, {"reach": 50.0, "price": 100.0, "fit-with-our-mission": 50.0})
    assert window.document.ranking(fid).results[0].option == expected.results[0].option
    assert "Your own framework" in window.framework_tabs[fid]._provenance.text()
    window.controller.undo_stack.undo()  # the slider
    window.controller.undo_stack.undo()  # the import: one step
    settle(qtbot)
    assert fid not in window.framework_tabs and window.tabs.count() == len(builtin_frameworks())


def test_a_colleague_who_opens_the_scenario_sees_the_same_tab(open_window, qtbot, monkeypatch,
                                                             tmp_path, prompts_seen):
    window = open_window()
    path = tmp_path / "mine.csv"
    path.write_text(CSV)
    assert window.framework_import.import_framework(path)
    window.findChild(QSlider, "weight:mine:reach").setValue(80)
    saved = tmp_path / "workshop.json"
    assert window.scenario_file.save_to(saved)
    colleague = create_window(saved)
    qtbot.addWidget(colleague)
    assert colleague.findChild(QSlider, "weight:mine:reach").value() == 80
    assert colleague.tabs.tabText(colleague.tabs.count() - 1) == "mine"
    assert [(r.option, r.fit) for r in colleague.document.ranking("mine").results] == \
        [(r.option, r.fit) for r in window.document.ranking("mine").results]
    window.scenario_file.new_scenario()  # New: back to the built-in frameworks only
    settle(qtbot)
    assert "mine" not in window.framework_tabs and window.tabs.count() == len(builtin_frameworks())
    assert window.scenario_file.open_path(saved)
    settle(qtbot)
    assert window.findChild(QSlider, "weight:mine:reach").value() == 80


@pytest.mark.parametrize("text, where", [
    ("Reach,Price\nAlpha,1,2\n", "row 1, column A"),
    ("option,Reach\ndirection,sideways\nAlpha,1\n", "row 2, column B (Reach)"),
    ("option,Reach,Price\nAlpha,1,2\nBeta,1\n", "row 3"),
    ("option,Reach\nAlpha,lots\n", "row 2, column B (Reach)"),
    ("option,Reach\nAlpha,1\nalpha,2\n", "row 3, column A (alpha)"),
])
def test_a_malformed_csv_is_refused_with_row_and_column_and_changes_nothing(
        open_window, qtbot, monkeypatch, tmp_path, prompts_seen, text, where):
    window = open_window()
    path = tmp_path / "bad.csv"
    path.write_text(text)
    choose_file(monkeypatch, path)
    steps = window.controller.undo_stack.count()
    window.findChild(QAction, "action:import-framework").trigger()
    (title, message), = prompts_seen["warning"]
    assert title == "Cannot import framework"
    assert str(path) in message and where in message and "\n" not in message
    assert prompts_seen["question"] == []
    assert window.controller.undo_stack.count() == steps
    assert window.tabs.count() == len(builtin_frameworks())


def test_a_framework_file_with_a_taken_id_is_imported_under_a_new_one(
        open_window, qtbot, tmp_path, prompts_seen):
    window = open_window()
    fw = framework_from_csv(CSV.encode(), framework_id="business-models", title="Ours")
    path = tmp_path / "ours.json"
    path.write_text(framework_json(fw))
    assert window.framework_import.import_framework(path)
    assert "becomes 'business-models-2'" in prompts_seen["question"][0][1]
    assert window.framework_tabs["business-models-2"].framework.title == "Ours"
    assert window.framework_tabs["business-models"].framework.title == "Business models"


def test_a_framework_built_from_scratch_gets_its_tab(open_window, qtbot, monkeypatch,
                                                      prompts_seen):
    window = open_window()

    def exec_(dialog: NewFrameworkDialog):
        dialog.title_edit.setText("Partnership choices")
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        assert "option" in dialog.problem.text()
        dialog.options.setPlainText("Go it alone\nJoin a consortium\n\nPartner with a platform")
        row = dialog.add_criterion_row("Time to launch", "cost", "1 - 12")
        assert row == 2
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled(), \
            dialog.problem.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewFrameworkDialog, "exec", exec_)
    window.findChild(QAction, "action:new-framework").trigger()
    settle(qtbot)
    fid = "partnership-choices"
    tab = window.framework_tabs[fid]
    assert window.tabs.currentWidget() is tab
    assert tab.options_model.rowCount() == 3
    assert window.findChild(QSlider, f"weight:{fid}:time-to-launch") is not None
    assert window.findChild(QSlider, f"weight:{fid}:fit-with-our-mission") is not None
    assert tab.options_model.index(0, 4).data() == "6.5"


def test_a_bad_criterion_in_the_new_framework_dialog_keeps_ok_disabled(qtbot):
    dialog = NewFrameworkDialog([])
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Mine")
    dialog.options.setPlainText("A")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.criteria.item(1, 2).setText("cheap to dear")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "criterion 2 (Cost to run)" in dialog.problem.text()
    assert "not a scale" in dialog.problem.text()


def sized_csv(options: int, criteria: int) -> str:
    rows = ["option," + ",".join(f"Criterion {c}" for c in range(criteria)),
            "scale," + ",".join("1-5" for _ in range(criteria))]
    for o in range(options):
        rows.append(f"Option {o}," + ",".join(str(1 + (o * 7 + c * 3) % 5)
                                                for c in range(criteria)))
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("options, criteria", [(1, 1), (1, 3), (4, 1), (200, 40)])
def test_any_size_from_one_by_one_to_200_by_40_works_in_the_window(
        open_window, qtbot, tmp_path, prompts_seen, options, criteria):
    window = open_window()
    path = tmp_path / "sized.csv"
    path.write_text(sized_csv(options, criteria))
    assert window.framework_import.import_framework(path)
    settle(qtbot)
    tab = window.framework_tabs["sized"]
    assert tab.options_model.rowCount() == options
    assert tab.options_model.columnCount() == 2 + criteria
    sliders = [s for s in window.findChildren(QSlider)
               if s.objectName().startswith("weight:sized:")]
    assert len(sliders) == criteria
    sliders[0].setValue(100)
    settle(qtbot)
    rows = window.findChild(Chart, "chart:sized:ranking").data.rows
    assert len(rows) == min(options, 25)
    expected = score(window.document.framework("sized"), window.document.settings("sized").weights)
    assert [r.fit for r in window.document.ranking("sized").results] == \
        [r.fit for r in expected.results]
    assert len(window.findChild(Chart, "chart:sized:radar").data.series) == min(options, 3)


def test_the_users_folder_loads_at_start_up_and_a_broken_file_is_a_status_line(
        qtbot, prompts_seen):
    folder = user_frameworks_dir()
    folder.mkdir(parents=True)
    good = framework_from_csv(CSV.encode(), framework_id="partners", title="Partners")
    (folder / "partners.json").write_text(framework_json(good))
    (folder / "broken.json").write_text('{"id": "broken", "title": "Broken", "criteria": [')
    (folder / "clash.json").write_text(json.dumps({**json.loads(framework_json(good)),
                                                   "id": "business-models"}))
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "Skipped a framework" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert "broken.json" in message and "truncated JSON" in message
    assert "(and 1 more; see the log)" in message
    assert prompts_seen["warning"] == [] and prompts_seen["question"] == []
    assert window.findChild(QSlider, "weight:partners:reach") is not None
    assert window.controller.modified is False
    assert [fw.id for fw in window.document.scenario.definitions] == ["partners"]
    window.scenario_file.new_scenario()
    assert "partners" in window.framework_tabs  # every new scenario carries them


def test_names_from_a_planners_file_are_shown_as_typed_never_as_markup(
        open_window, qtbot, tmp_path, prompts_seen):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLabel

    window = open_window()
    fw = framework_from_csv(b'option,<b>Reach</b>,Price,Cost\n<i>Alpha</i>,1,2,3\n'
                            b'Beta & co,2,3,4\nGamma,3,4,5\n', framework_id="ours",
                            title="Ours <i>really</i>")
    path = tmp_path / "ours.json"
    path.write_text(framework_json(fw))
    assert window.framework_import.import_framework(path)
    settle(qtbot)
    fid = "ours"
    tab = window.framework_tabs[fid]
    reach = next(c for c in tab.framework.criteria if c.name == "<b>Reach</b>")
    label = tab.weight_sliders[reach.id].label
    # The name reads as typed: plain text, or escaped beside the muted direction hint.
    if label.textFormat() == Qt.TextFormat.PlainText:
        seen = label.text()
    else:
        page = QTextDocument()
        page.setHtml(label.text())
        seen = page.toPlainText()
    assert seen.startswith("<b>Reach</b>")
    assert not any(lab.textFormat() != Qt.TextFormat.PlainText and "<b>Reach" in lab.text()
                   for lab in tab.findChildren(QLabel))
    radar = window.findChild(Chart, f"chart:{fid}:radar")
    assert radar._title_item.item.toPlainText() == "Ours <i>really</i>: profile of fit"
    legend = [lab.item.toPlainText() for _, lab in radar.legend.items]
    assert "<i>Alpha</i>" in legend and "Beta & co" in legend


def test_with_tabs_built_after_the_first_paint_an_import_lands_in_order(qtbot, tmp_path,
                                                                         prompts_seen):
    folder = user_frameworks_dir()
    folder.mkdir(parents=True)
    mine = framework_from_csv(CSV.encode(), framework_id="partners", title="Partners")
    (folder / "partners.json").write_text(framework_json(mine))
    window = create_window(lazy_tabs=True)
    qtbot.addWidget(window)
    assert "partners" not in window.framework_tabs  # still waiting for the first paint
    path = tmp_path / "later.csv"
    path.write_text(CSV)
    assert window.framework_import.import_framework(path)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    builtins = [fw.title for fw in builtin_frameworks().values()]
    assert titles == builtins + ["Partners", "later"]
    for fid in window.tab_set.pending():
        window.build_tab(fid)
    assert list(window.framework_tabs) == [*builtin_frameworks(), "partners", "later"]
    assert window.findChild(QSlider, "weight:partners:reach") is not None
    window.controller.mark_saved()
