"""One truth (issue 22) for what leaves the room: the report written from the window says
whose weights it is from and every number in it is that weighting's; summary, the report and
Strategy on a page give the same answers; presenting changes no export; a tab rebuilt after
adding an option keeps the room; exporting builds no slider."""

from __future__ import annotations

import html
import re
import traceback

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QLabel, QSlider

from mcexplorer.cli import main
from mcexplorer.core.ecology.models import Offering
from mcexplorer.core.frameworks import editing as fw_editing
from mcexplorer.core.io import save_scenario
from mcexplorer.core.outputs.report_build import build_report
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.room.models import Participant
from mcexplorer.core.values import percent_text
from mcexplorer.core.weighting import GROUP, SCENARIO, person, resolve, weights
from mcexplorer.qt.charts.export import ImageSpec, png_bytes, render_chart
from mcexplorer.qt.framework.tab import FrameworkTab
from mcexplorer.qt.leadership_risks.tab import LeadershipRisksTab

BM = "business-models"
ROOM = [
    Participant(id="sam", name="Sam", weights={BM: {"effort": 100, "risk": 5, "costs": 10,
                                                    "speed-to-market": 90}}),
    Participant(id="ana", name="Ana", weights={BM: {"effort": 90, "risk": 10, "roi": 80,
                                                    "speed-to-market": 80}}),
    Participant(id="kim", name="Kim", weights={BM: {"effort": 80, "risk": 70}}),
]


def scenario_file(tmp_path, people=True, name="room.json"):
    scenario = default_scenario()
    if people:
        scenario.participants = [p.model_copy(deep=True) for p in ROOM]
    path = tmp_path / name
    save_scenario(path, scenario)
    return path


def pick(window, qtbot, text: str) -> None:
    combo = window.framework_tabs[BM].findChild(QComboBox, "participant-picker")
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemText(i).startswith(text)))
    qtbot.wait(1)


def write_report(window, monkeypatch, path, choice: int = 0) -> str:
    """File > Workshop report..., as HTML; ``choice``: which entry of "whose weights"."""
    asked = []

    def get_item(_parent, _title, _text, items, current, _editable):
        asked.append(list(items))
        return items[choice], True
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(path), "HTML, one file with its images (*.html)"))
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    window.findChild(QAction, "action:export-report").trigger()
    assert len(asked) == 1
    return html.unescape(path.read_text(encoding="utf-8")), asked[0]


def weights_rows(text: str) -> dict[str, str]:
    """The business models' weights table: criterion name -> weight as printed."""
    start = text.index("The weights behind the business models charts")
    table = text[text.rindex("<table", 0, start):start]
    rows = re.findall(r"<tr><td>([^<]*)</td><td>[^<]*</td><td>([^<]*)</td>", table)
    return dict(rows)


def expect_numbers(text: str, doc, weighting) -> None:
    mine = resolve(doc, BM, weighting)
    top, second = mine.ranking.results[:2]
    fw = doc.framework(BM)
    assert weights_rows(text) == {c.name: f"{mine.weights[c.id]:g}" for c in fw.criteria}
    # The chart's reading and the answer give the same fit: the weighting's.
    assert f"{top.name} fits best ({top.fit:.1f}%), ahead of {second.name}" in text
    assert f"{top.name} fits best ({top.fit:.0f}% fit)" in text


def test_a_report_written_with_group_picked_is_the_groups_and_the_scenarios_when_asked(
        open_window, qtbot, tmp_path, monkeypatch):
    window = open_window(BM, scenario_file(tmp_path))
    pick(window, qtbot, "Group")
    doc = window.document
    group, own = resolve(doc, BM, GROUP).ranking, resolve(doc, BM, SCENARIO).ranking
    assert group.results[0].fit != own.results[0].fit
    text, offered = write_report(window, monkeypatch, tmp_path / "group.html")
    assert offered[0] == "What is on screen: the group's median of 3 participants"
    assert "Sam's weights" in offered and "the scenario's weights" in offered
    expect_numbers(text, doc, GROUP)
    assert "from the group's median of 3 participants" in text
    assert "the scenario's own settings" not in text
    text, offered = write_report(window, monkeypatch, tmp_path / "own.html",
                                 offered.index("the scenario's weights"))
    expect_numbers(text, doc, SCENARIO)
    assert "Made with mcexplorer from the scenario's weights" in text
    # With people in the room, the group's answer is added beside the scenario's, in its
    # own sentence.
    assert (f"Under the group's median of 3 participants: {group.results[0].name} fits best "
            f"({percent_text(group.results[0].fit)} fit)") in text


def test_the_reports_weighting_picker_shows_a_name_with_control_codes_as_escapes(
        open_window, qtbot, tmp_path, monkeypatch):
    scenario = default_scenario()
    scenario.participants = [p.model_copy(deep=True) for p in ROOM]
    scenario.participants[0].name = "Sam\x1b[2J\rgone"
    path = tmp_path / "escapes.json"
    save_scenario(path, scenario)
    window = open_window(BM, path)
    _text, offered = write_report(window, monkeypatch, tmp_path / "escapes.html")
    assert not any("\x1b" in item or "\r" in item for item in offered)
    assert any("Sam\\x1b[2J\\rgone" in item for item in offered), offered


def tie(scenario) -> None:
    """All weight on Effort: several business models share first place."""
    for c in default_scenario().frameworks[BM].weights:
        scenario.frameworks[BM].weights[c] = 100 if c == "effort" else 0


@pytest.mark.parametrize("case", ["default", "tie", "room"])
def test_summary_the_report_and_strategy_on_a_page_give_the_same_answers(
        open_window, qtbot, tmp_path, capsys, case):
    scenario = default_scenario()
    if case == "tie":
        tie(scenario)
    if case == "room":  # people, and offerings whose portfolio fit follows the weights
        scenario.participants = [p.model_copy(deep=True) for p in ROOM]
        first = next(iter(scenario.frameworks["credential-ecology"].weights))
        for p in scenario.participants[:2]:
            p.weights["credential-ecology"] = {first: 0}
        scenario.portfolio.offerings = [
            Offering(id="o1", name="Data skills", x=0.6, y=0.7, volume=300),
            Offering(id="o2", name="Short course", x=0.5, y=-0.6, volume=100)]
    path = tmp_path / f"{case}.json"
    save_scenario(path, scenario)
    window = open_window("leadership-risks", path)
    if case == "room":  # nobody picked: the group is on screen; summary --weighting group
        window.build_tab(BM)
    tab = window.framework_tabs["leadership-risks"]
    tab.refresh()
    shown = {qid: label.text() for qid, label in tab.strategy_page.answer_labels.items()}
    capsys.readouterr()
    assert main(["summary", str(path), "--weighting", "group" if case == "room"
                 else "scenario"]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    for answer in shown.values():
        assert " ".join(answer.split()) in printed
    weighting = GROUP if case == "room" else SCENARIO
    report = build_report(window.document, "Away day", "2025-03-14", weighting)
    assert {s.id: s.answer for s in report.sections if s.id in shown} == shown
    if case == "tie":
        model = shown["business-models"]
        # The tied leaders together, as How sure and the verdict have them.
        assert "are tied first" in model and "together stay on top in 100%" in model
    if case == "room":
        assert "Portfolio fit:" in shown["positioning"]


def test_an_exported_chart_is_the_same_while_presenting(open_window, qtbot, tmp_path):
    window = open_window(BM)
    chart = window.framework_tabs[BM].ranking_chart
    spec = ImageSpec(width=1600)
    before = png_bytes(render_chart(chart, spec=spec))
    window.findChild(QAction, "action:present").trigger()
    qtbot.wait(1)
    assert window.room.presentation.active and chart.style.kind == "presenting"
    assert png_bytes(render_chart(chart, spec=spec)) == before
    window.findChild(QAction, "action:present").trigger()


def test_a_tab_rebuilt_after_adding_an_option_keeps_the_picker_and_the_weighting(
        open_window, qtbot, tmp_path):
    window = open_window(BM, scenario_file(tmp_path))
    pick(window, qtbot, "Sam")
    old = window.framework_tabs[BM]
    doc = window.document
    window.controller.push_many(fw_editing.add_option(doc, BM, "Our own model"), "Add option")
    qtbot.waitUntil(lambda: window.framework_tabs[BM] is not old, timeout=3000)
    tab = window.framework_tabs[BM]
    combo = tab.findChild(QComboBox, "participant-picker")
    assert combo is not None and combo.currentText().startswith("Sam")
    assert tab.in_view() == person("sam")
    effort = window.findChild(QSlider, f"weight:{BM}:effort")
    assert effort.value() == weights(doc, BM, person("sam"))["effort"] == 100
    note = tab.findChild(QLabel, f"room-note:{BM}")
    assert note.text().startswith("Sam")
    # Moving a slider edits Sam's weight, not the scenario's.
    effort.setValue(60)
    qtbot.wait(1)
    assert doc.scenario.participants[0].weights[BM]["effort"] == 60
    assert doc.weight(BM, "effort") == 50


def test_export_builds_no_slider_and_each_caption_names_its_weighting(qapp, tmp_path,
                                                                     monkeypatch, capsys):
    made = []
    real = QSlider.__init__

    def counted(self, *args, **kwargs):
        # pyqtgraph's plots build their own (hidden) context-menu form, with two sliders;
        # every other slider would be the app's: a weight or target slider of a tab.
        if not any("pyqtgraph" in f.filename for f in traceback.extract_stack()):
            made.append(type(self).__name__)
        real(self, *args, **kwargs)
    monkeypatch.setattr(QSlider, "__init__", counted)
    tabs = []
    for cls in (FrameworkTab, LeadershipRisksTab):
        monkeypatch.setattr(cls, "__init__", lambda self, *a, **k: tabs.append(self))
    path = scenario_file(tmp_path)
    assert main(["export", str(path), "--out", str(tmp_path / "out"), "--format", "svg",
                 "--caption", "--width", "640", "--weighting", "Sam"]) == 0
    written = sorted((tmp_path / "out").glob("*.svg"))
    assert made == [] and tabs == []  # only the charts were drawn: no tab, no slider
    assert {p.name.rsplit("-", 1)[-1] for p in written} >= {
        "ranking.svg", "radar.svg", "map.svg", "horizons.svg", "balance.svg"}
    ranking = next(p for p in written if p.name.endswith("business-models-ranking.svg"))
    assert "Sam&apos;s weights" in ranking.read_text() or "Sam's weights" in ranking.read_text()
    capsys.readouterr()
    assert main(["export", str(path), "--out", str(tmp_path / "x"), "--weighting", "Lee"]) == 2
    err = capsys.readouterr().err
    assert "--weighting" in err and "Sam (sam)" in err and "\n" not in err.strip()
