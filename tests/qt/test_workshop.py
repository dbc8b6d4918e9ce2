"""A workshop, end to end: the combinations, not the parts.

Five people are in the room. The facilitator picks one person, then the group, and walks
through every tab; presents; writes the report; exports every chart, the CSV, the deck, the
board paper and the workbook. At each step what the tool *says* (the verdict, the report's
sentences, captions, CSV rows, the deck's numbers) must be what it *shows* (the charts on
screen), and both must be the weighting that is picked.
"""

from __future__ import annotations

import csv
import html
import json
import re

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pptx import Presentation
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QLabel, QMessageBox

from mcexplorer.cli import main
from mcexplorer.core.chart_data import ranking_data
from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.room.models import Participant
from mcexplorer.core.view import in_view
from mcexplorer.core.weighting import GROUP, describe, person, resolve
from mcexplorer.qt.export.office import write_output
from mcexplorer.qt.framework.tab import FrameworkTab

BM = "business-models"
PEOPLE = [("sam", "Sam", "Finance"), ("ana", "Ana", "Faculty"), ("kim", "Kim", "Registry"),
          ("lee", "Lee", "Marketing"), ("ola", "Ola", "Students")]


def five_people(tmp_path):
    """A scenario with five people whose weights differ on every ranked framework."""
    scenario = default_scenario()
    from mcexplorer.core.document import Document
    doc = Document(scenario)
    people = []
    for n, (pid, name, role) in enumerate(PEOPLE):
        weights = {}
        for fid, fw in doc.frameworks.items():
            if fw.criteria:
                weights[fid] = {c.id: float((17 * (n + 1) + 29 * i) % 101)
                                for i, c in enumerate(fw.criteria)}
        people.append(Participant(id=pid, name=name, role=role, weights=weights))
    scenario.participants = people
    path = tmp_path / "workshop.json"
    save_scenario(path, scenario)
    return path


def pick(window, qtbot, text: str) -> None:
    """Choose an entry in the participant picker, as a click on it does."""
    combo = window.framework_tabs[BM].findChild(QComboBox, "participant-picker")
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemText(i).startswith(text)))
    qtbot.wait(1)


def score_entries(capsys, path, who: str) -> dict[str, dict]:
    capsys.readouterr()
    assert main(["score", str(path), "--weighting", who, "--json"]) == 0
    return {f["id"]: f for f in json.loads(capsys.readouterr().out)["frameworks"]}


def on_screen(tab: FrameworkTab) -> list[float | None]:
    """The fits the ranking chart on screen draws, top to bottom (a tab may label its
    options in its own way: the structures tab numbers them)."""
    data = tab.ranking_chart.data
    return [] if data is None else [r.fit for r in data.rows]


def expected_rows(doc, fid, weighting) -> list[float | None]:
    return [r.fit for r in ranking_data(doc, fid, weighting).rows]


def says_what_it_shows(window, qtbot, capsys, path, who: str, weighting) -> None:
    """On every ranked tab: the ranking on screen is the weighting's, and the verdict above
    it is what ``score --weighting`` says for the same weighting."""
    window.tabs.setCurrentWidget(window.framework_tabs[BM])
    pick(window, qtbot, "Group" if who == "group" else who.title())
    doc = window.document
    entries = score_entries(capsys, path, who)
    ranked = {fid: tab for fid, tab in window.framework_tabs.items()
              if isinstance(tab, FrameworkTab) and doc.framework(fid).criteria}
    assert len(ranked) >= 3
    for fid, tab in ranked.items():
        window.tabs.setCurrentWidget(tab)
        assert tab.in_view() == weighting, fid
        want = expected_rows(doc, fid, weighting)
        qtbot.waitUntil(lambda tab=tab, want=want: on_screen(tab) == want, timeout=8000)
        ranking = resolve(doc, fid, weighting).ranking
        assert [r["fit"] for r in entries[fid]["ranking"]] == [r.fit for r in ranking.results]
        verdict = window.findChild(QLabel, f"verdict:{fid}")
        qtbot.waitUntil(lambda v=verdict, e=entries[fid]: v.isEnabled()
                        and v.text() == e["verdict"], timeout=8000)
        # The sliders show the weighting's weights.
        for cid, w in resolve(doc, fid, weighting).weights.items():
            assert tab.weight_sliders[cid].slider.value() == pytest.approx(w, abs=0.5), (fid, cid)


def test_a_workshop_with_five_people_says_what_it_shows_everywhere(
        open_window, qtbot, tmp_path, monkeypatch, capsys):
    path = five_people(tmp_path)
    window = open_window(BM, path)
    window.resize(1024, 768)
    doc = window.document
    assert len(doc.scenario.participants) == 5

    # One person, then the group: every tab follows the pick.
    says_what_it_shows(window, qtbot, capsys, path, "sam", person("sam"))
    sams = resolve(doc, BM, person("sam")).ranking
    says_what_it_shows(window, qtbot, capsys, path, "group", GROUP)
    group = resolve(doc, BM, GROUP).ranking
    assert [r.fit for r in group.results] != [r.fit for r in sams.results]
    assert in_view(doc) == GROUP

    # Presenting changes how big things are, never what they say.
    tab = window.framework_tabs[BM]
    window.tabs.setCurrentWidget(tab)
    verdict = window.findChild(QLabel, f"verdict:{BM}").text()
    present = window.findChild(QAction, "action:present")
    present.trigger()
    qtbot.wait(50)
    assert window.findChild(QLabel, f"verdict:{BM}").text() == verdict
    assert on_screen(tab) == expected_rows(doc, BM, GROUP)
    present.trigger()
    qtbot.wait(50)

    # The report, as on screen (the group's): its sentence and its weights are the group's.
    report = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(report), "HTML, one file with its images (*.html)"))
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _x, items, *_a: (items[0], True))
    window.findChild(QAction, "action:export-report").trigger()
    text = html.unescape(report.read_text(encoding="utf-8"))
    whose = describe(doc, GROUP)
    assert whose == "the group's median of 5 participants"
    assert whose in text
    top, second = group.results[:2]
    assert f"{top.name} fits best ({top.fit:.1f}%), ahead of {second.name}" in text
    assert "the scenario's own settings" not in text

    # Every chart, and the CSV: captions and rows name the group's weighting and carry its
    # fits.
    charts, tables = tmp_path / "charts", tmp_path / "tables"
    charts.mkdir()
    tables.mkdir()
    folders = iter([str(charts), str(tables)])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: next(folders))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.findChild(QAction, "action:export-all").trigger()
    pngs = sorted(p.name for p in charts.glob("*.png"))
    for fid in (BM,):
        for kind in ("ranking", "radar", "sensitivity", "how-sure", "room"):
            assert any(fid in name and kind in name for name in pngs), (fid, kind, pngs)
    window.findChild(QAction, "action:export-csv").trigger()
    bm_csv = next(p for p in tables.glob("*.csv") if BM in p.name)
    with bm_csv.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["Weighting"] for r in rows} == {whose}
    fits = {r["Option"]: float(r["Fit (%)"]) for r in rows}
    for r in group.results:
        assert fits[r.name] == pytest.approx(r.fit, abs=0.05)

    # The office outputs, as the one Export dialog writes them for what is on screen.
    deck, paper, book = tmp_path / "deck.pptx", tmp_path / "paper.docx", tmp_path / "book.xlsx"
    for out in (deck, paper, book):
        write_output(doc, out, "Workshop", in_view(doc))
    title = f"{doc.framework(BM).title}: ranking of fit"
    bars = [shape.chart for slide in Presentation(str(deck)).slides
            if slide.shapes.title is not None and slide.shapes.title.text == title
            for shape in slide.shapes if shape.has_chart]
    assert bars, "the deck has the business models' ranking as a native chart"
    plot = bars[0].plots[0]
    shown = dict(zip(plot.categories, plot.series[0].values, strict=True))
    for r in group.results:
        assert shown[r.name] == pytest.approx(r.fit, abs=0.01)
    words = "\n".join(p.text for p in WordDocument(str(paper)).paragraphs)
    assert whose in words
    sheet = next(ws for ws in load_workbook(book).worksheets
                 if ws.title.lower().startswith(doc.framework(BM).title.lower()[:8]))
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any(re.search(r"SUMPRODUCT", v) for v in cells), "fits are live formulas"
