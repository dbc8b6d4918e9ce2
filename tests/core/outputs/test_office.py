"""The office outputs' core: the scenario as a weighting sees it, and text that stays text in
the workbook (no Qt, no LibreOffice)."""

from __future__ import annotations

import openpyxl

from mcexplorer.core.document import Document
from mcexplorer.core.outputs.office_data import framework_figures
from mcexplorer.core.outputs.workbook import write_workbook
from mcexplorer.core.robustness.in_view import verdict_of
from mcexplorer.core.room import edits as room_edits
from mcexplorer.core.weighting import GROUP, applied, ranking

BM = "business-models"


def room() -> Document:
    doc = Document()
    ana = room_edits.add_participant(doc, '=HYPERLINK("http://x","y")', "=1+1")
    doc.apply(ana)
    doc.apply(room_edits.set_participant_weight(doc, room_edits.added_participant_id(ana), BM,
                                                "costs", 100))
    return doc


def test_the_scenario_as_the_group_sees_it_leaves_the_scenario_alone():
    doc = room()
    seen = applied(doc, GROUP)
    assert seen.settings(BM).weights["costs"] == 100
    assert doc.settings(BM).weights["costs"] == 50
    assert [(r.option, r.fit) for r in seen.ranking(BM).results] == [
        (r.option, r.fit) for r in ranking(doc, BM, GROUP).results]
    figures = framework_figures(doc, BM, GROUP, with_verdict=False)
    assert figures.whose == "the group's median of 1 participant"
    assert [o.id for o in figures.options] == [r.option for r in ranking(doc, BM, GROUP).results]


def test_the_deck_and_workbook_say_the_verdict_the_window_and_report_say():
    doc = room()
    figures = framework_figures(doc, BM, GROUP)
    assert figures.verdict and figures.verdict == verdict_of(doc, BM, GROUP)


def test_names_that_look_like_formulas_stay_text_in_the_workbook(tmp_path):
    path = write_workbook(room(), tmp_path / "book.xlsx")
    ws = openpyxl.load_workbook(path)["Room"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)
             and c.value.startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)
