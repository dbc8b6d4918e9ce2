"""File > Export…: one dialog for a chart, every chart, the deck, the board paper, the
workbook and the report; whose weights; the deck's house template remembered; every chart
with the office files beside the images."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog

from mcexplorer.core.outputs.deck import chart_values
from mcexplorer.core.room import edits as room_edits
from mcexplorer.core.weighting import GROUP, ranking
from mcexplorer.qt.export.dialog import ExportDialog

BM = "business-models"


@pytest.fixture
def window(open_window):
    w = open_window(BM)
    ana = room_edits.add_participant(w.document, "Ana", "CFO")
    w.controller.push(ana)
    w.controller.push(room_edits.add_participant(w.document, "Ben", "Faculty"))
    w.controller.push(room_edits.set_participant_weight(
        w.document, room_edits.added_participant_id(ana), BM, "costs", 100))
    return w


def answer(monkeypatch, **picks):
    """Replace the dialog's exec: pick what, whose weights, a template, what goes beside."""
    seen = []

    def exec_(dialog: ExportDialog):
        seen.append(dialog)
        box = dialog.what_box
        box.setCurrentIndex(box.findData(picks["what"]))
        if "weighting" in picks:
            w = dialog.weighting_box
            w.setCurrentIndex([w.itemData(i) for i in range(w.count())].index(picks["weighting"]))
        if "template" in picks:
            dialog.template_edit.setText(str(picks["template"]))
        for kind in picks.get("beside", ()):
            dialog.beside_checks[kind].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    return seen


def test_the_deck_from_the_one_dialog_shows_the_weighting_picked(window, tmp_path,
                                                                    monkeypatch):
    house = Presentation()
    house.slide_layouts[0].name = "House layout"
    template = tmp_path / "house.pptx"
    house.save(str(template))
    seen = answer(monkeypatch, what="deck", weighting=GROUP, template=template)
    out = tmp_path / "slides.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    window.findChild(QAction, "action:export").trigger()
    assert out.exists()
    fits = {r.name: r.fit for r in ranking(window.document, BM, GROUP).results}
    _, names, series = next(c for c in chart_values(out) if c[0].startswith("Business models:"))
    assert dict(zip(names, series["Fit (%)"])) == pytest.approx(fits, abs=0.01)
    assert {s.slide_layout.name for s in Presentation(str(out)).slides} == {"House layout"}
    assert "slide deck" in window.statusBar().currentMessage()
    # Only what matters for a deck is shown: whose weights and the template, no image size.
    dialog = seen[0]
    form = dialog._form
    assert form.isRowVisible(dialog.weighting_box) and form.isRowVisible(dialog._template_row)
    assert not form.isRowVisible(dialog.preset_box) and not form.isRowVisible(dialog.chart_box)
    # The template is remembered for the next time (the file dialog cancelled here).
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    shown = answer(monkeypatch, what="deck")
    assert window.chart_export.export_any() is False
    assert shown[0].template_edit.text() == str(template)


def test_every_chart_with_the_deck_paper_and_workbook_beside_them(window, tmp_path,
                                                                     monkeypatch):
    answer(monkeypatch, what="all", beside=("deck", "paper", "workbook"))
    out = tmp_path / "all"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(out)))
    window.findChild(QAction, "action:export").trigger()
    names = {p.name for p in out.iterdir()}
    for kind in ("ranking", "radar", "sensitivity", "how-sure", "room"):
        assert f"default-scenario-{BM}-{kind}.png" in names
    assert {"default-scenario-deck.pptx", "default-scenario-board-paper.docx",
            "default-scenario-workbook.xlsx"} <= names
    assert "with default-scenario-deck.pptx" in window.statusBar().currentMessage()


def test_the_workbook_and_the_paper_from_the_dialog(window, tmp_path, monkeypatch):
    for what, name in (("workbook", "book.xlsx"), ("paper", "paper.docx")):
        answer(monkeypatch, what=what)
        out = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, out=out: (str(out.with_suffix("")), "")))
        window.chart_export.export_any()
        assert out.exists(), what  # the extension is added when the name has none


def test_the_dialog_looks_right(window, qtbot, tmp_path):
    dialog = ExportDialog(list(window.tab_set.current_tab().charts.values()), what="deck",
                          weightings=window.office_export.weighting_choices(), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = [dialog.weighting_box.itemText(i) for i in range(dialog.weighting_box.count())]
    assert labels == ["The scenario's weights", "The group's (median) (on screen)",
                      "Ana's (CFO)", "Ben's (Faculty)"]
    dialog.grab().save(str(Path(tmp_path) / "dialog-deck.png"))  # looked at while building
    dialog.what_box.setCurrentIndex(dialog.what_box.findData("chart"))
    assert dialog.preset_box.isVisible() and not dialog.template_edit.isVisible()


def test_the_report_from_the_dialog_under_a_participants_weights(window, tmp_path,
                                                                  monkeypatch):
    from mcexplorer.core.weighting import person

    ana = window.document.scenario.participants[0].id
    answer(monkeypatch, what="report", weighting=person(ana))
    out = tmp_path / "board.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(out), "HTML, one file with its images "
                                                           "(*.html)")))
    window.findChild(QAction, "action:export").trigger()
    text = out.read_text(encoding="utf-8")
    best = ranking(window.document, BM, person(ana)).results[0]
    # Ana's 69%, not 72% (her verdict ties two models first: the answer names both)
    assert re.search(rf"{re.escape(best.name)}[^.<]* \({best.fit:.0f}% fit\)", text)
    assert round(best.fit) != round(window.document.ranking(BM).results[0].fit)
    assert "Wrote the workshop report" in window.statusBar().currentMessage()


def test_the_dialog_starts_on_the_weighting_in_view(window, tmp_path, monkeypatch):
    from mcexplorer.core.view import pick
    from mcexplorer.core.weighting import person

    ana = person(window.document.scenario.participants[0].id)
    pick(window.document, ana)  # the room shows Ana's weights
    seen = answer(monkeypatch, what="workbook")  # whose weights left as it opened
    out = tmp_path / "book.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    window.chart_export.export_any()
    assert seen[0].weighting() == ana
    box = seen[0].weighting_box
    assert box.currentText() == "Ana's (CFO) (on screen)"
    assert out.exists()
