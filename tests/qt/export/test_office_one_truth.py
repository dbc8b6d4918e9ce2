"""The office outputs on one truth (issues 22 and 26): the deck and the board paper are drawn
from chart plans (no tab, no slider), and say the five answers in the words Strategy on a
page, ``summary`` and the report use, under the weighting asked for."""

from __future__ import annotations

import traceback

from docx import Document as WordDocument
from pptx import Presentation
from PySide6.QtWidgets import QSlider

from mcexplorer.core.answers import answers_of
from mcexplorer.core.document import Document
from mcexplorer.core.room import edits as room_edits
from mcexplorer.core.weighting import GROUP
from mcexplorer.qt.export.charts import drawn_charts
from mcexplorer.qt.export.office import write_output
from mcexplorer.qt.framework.tab import FrameworkTab
from mcexplorer.qt.leadership_risks.tab import LeadershipRisksTab

BM = "business-models"


def room() -> Document:
    doc = Document()
    ana = room_edits.add_participant(doc, "Ana", "CFO")
    doc.apply(ana)
    doc.apply(room_edits.add_participant(doc, "Ben", "Faculty"))
    doc.apply(room_edits.set_participant_weight(doc, room_edits.added_participant_id(ana), BM,
                                                "costs", 100))
    return doc


def test_deck_and_paper_build_no_tab_and_say_the_answers_of_the_weighting(qapp, tmp_path,
                                                                          monkeypatch):
    made, tabs = [], []
    real = QSlider.__init__

    def counted(self, *args, **kwargs):
        if not any("pyqtgraph" in f.filename for f in traceback.extract_stack()):
            made.append(type(self).__name__)
        real(self, *args, **kwargs)
    monkeypatch.setattr(QSlider, "__init__", counted)
    for cls in (FrameworkTab, LeadershipRisksTab):
        monkeypatch.setattr(cls, "__init__", lambda self, *a, **k: tabs.append(self))
    doc = room()
    write_output(doc, tmp_path / "deck.pptx", "Away day", GROUP, date="2025-03-14")
    write_output(doc, tmp_path / "paper.docx", "Away day", GROUP, date="2025-03-14")
    assert made == [] and tabs == []
    said = [a.answer for a in answers_of(doc, GROUP)]
    deck = Presentation(str(tmp_path / "deck.pptx"))
    deck_text = "\n".join(s.text_frame.text for slide in deck.slides for s in slide.shapes
                          if s.has_text_frame)
    paper = [p.text for p in WordDocument(str(tmp_path / "paper.docx")).paragraphs]
    for sentence in said:
        assert sentence in deck_text
        assert sentence in paper
    assert said != [a.answer for a in answers_of(doc)]  # the group's, not the scenario's


def test_export_all_adds_the_pages_charts_under_the_weighting(qapp):
    doc = room()
    with drawn_charts(doc, GROUP, pages=True) as items:
        kinds = {(i.framework_id, i.kind) for i in items}
        titles = {i.kind: i.chart.title for i in items if i.framework_id == BM}
    assert {(BM, "sensitivity"), (BM, "how-sure"), (BM, "room")} <= kinds
    assert titles["room"].endswith("where the room disagrees")
    with drawn_charts(doc, GROUP) as items:  # the report's: only the tabs' own charts
        assert not {"sensitivity", "how-sure", "room"} & {i.kind for i in items}
