"""One truth (issue 22): with a participant or the group picked in the window, the verdict,
every stability line, the How sure bars and the sensitivity curves are the numbers
``score --weighting`` and ``sensitivity --weighting`` print for the same weighting.

Driven as a facilitator would: open a file with people in the room, pick someone in the
participant picker, look at the verdict, the line under every slider, How sure and the
Sensitivity page (clicking a weight's name).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QTabWidget

from mcexplorer.cli import main
from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.robustness import Interval
from mcexplorer.core.room.models import Participant
from mcexplorer.core.weighting import GROUP, SCENARIO, person, resolve, weights
from mcexplorer.qt.framework.robustness_views import slider_line

BM = "business-models"
ROOM = [
    Participant(id="sam", name="Sam", role="Finance",
                weights={BM: {"effort": 100, "risk": 5, "speed-to-market": 90, "costs": 10}},
                targets={BM: {"horizon": 1.0}}),
    Participant(id="ana", name="Ana", weights={BM: {"impact": 100, "roi": 80, "effort": 90,
                                                    "risk": 10, "speed-to-market": 80}}),
    Participant(id="kim", name="Kim", weights={BM: {"autonomy": 90, "risk": 70, "effort": 80}},
                targets={BM: {"horizon": 3.0}}),
]


def room_file(tmp_path):
    scenario = default_scenario()
    scenario.participants = [p.model_copy(deep=True) for p in ROOM]
    path = tmp_path / "room.json"
    save_scenario(path, scenario)
    return path


def cli_json(capsys, *argv) -> dict:
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def pick(window, qtbot, text: str) -> None:
    combo = window.framework_tabs[BM].findChild(QComboBox, "participant-picker")
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    combo.setCurrentIndex(index)  # what choosing the entry with the mouse does
    qtbot.wait(1)


def shown_like_score(window, entry, tab) -> bool:
    """The verdict, every weight's line and the How sure bars are the entry's."""
    verdict = window.findChild(QLabel, f"verdict:{BM}")
    if not (verdict.isEnabled() and verdict.text() == entry["verdict"]):
        return False
    short = {o.id: o.label for o in tab.framework.options}
    for c in tab.framework.criteria:
        line = window.findChild(QLabel, f"stability:weight:{BM}:{c.id}")
        if line.text() != slider_line(Interval(**entry["stability"][c.id]), short):
            return False
    bars = tab.robustness.acceptability_chart.data
    ids = {o.label: o.id for o in tab.framework.options}
    ranks = entry["acceptability"]["ranks"]
    return bars is not None and bool(bars.rows) and all(
        list(row.ranks) == ranks[ids[row.name]] for row in bars.rows)


@pytest.mark.parametrize("who, weighting, text", [
    ("sam", person("sam"), "Sam"), ("group", GROUP, "Group")])
def test_the_window_and_the_command_line_say_the_same_for_the_weighting_picked(
        open_window, qtbot, tmp_path, capsys, who, weighting, text):
    path = room_file(tmp_path)
    window = open_window(BM, path)
    tab = window.framework_tabs[BM]
    pick(window, qtbot, text)
    doc = window.document
    assert tab.in_view() == weighting
    # The sliders show the weighting; its numbers are not the scenario's.
    mine = resolve(doc, BM, weighting)
    assert mine.ranking.results != resolve(doc, BM, SCENARIO).ranking.results
    score = cli_json(capsys, "score", str(path), "--weighting", who)
    entry = next(f for f in score["frameworks"] if f["id"] == BM)
    assert [r["fit"] for r in entry["ranking"]] == [r.fit for r in mine.ranking.results]
    pages = window.findChild(QTabWidget, f"fit-pages:{BM}")
    pages.setCurrentWidget(tab.robustness.acceptability_page)
    qtbot.waitUntil(lambda: shown_like_score(window, entry, tab), timeout=8000)
    # The target slider's band is the weighting's too (a person's H1 sits inside its band).
    target = tab.target_sliders["horizon"]
    assert target.slider.value() == pytest.approx(mine.targets["horizon"], abs=0.5)
    # Sensitivity: its page, then Effort in its list (the group's sliders are read-only, so
    # their names are not clickable); the curves are what `sensitivity` prints.
    pages.setCurrentWidget(tab.robustness.sensitivity_page)
    criterion = window.findChild(QComboBox, f"sensitivity-criterion:{BM}")
    criterion.setCurrentIndex(criterion.findData("effort"))
    sweep = cli_json(capsys, "sensitivity", str(path), "--framework", BM, "--criterion",
                     "effort", "--weighting", who)
    chart = tab.robustness.sensitivity_chart
    qtbot.waitUntil(lambda: chart.data is not None
                    and chart.data.current == weights(doc, BM, weighting)["effort"],
                    timeout=4000)
    assert chart.data.current == sweep["weight"]
    assert [list(s.fits) for s in chart.data.series] == [sweep["fits"][o["id"]]
                                                          for o in sweep["options"]]
    assert [m.weight for m in chart.data.top_changes] == [x["weight"]
                                                          for x in sweep["top_changes"]]
    # A person's own weight sits inside its own band (it is the person's band, not the
    # scenario's).
    for cid, w in weights(doc, BM, weighting).items():
        low, high = tab.weight_sliders[cid].slider.band
        assert low * 100 - 1e-6 <= w <= high * 100 + 1e-6, cid


def test_the_pick_is_saved_with_the_scenario_and_shown_again_on_opening(
        open_window, qtbot, tmp_path):
    path = room_file(tmp_path)
    window = open_window(BM, path)
    pick(window, qtbot, "Ana")
    window.findChild(QAction, "action:save").trigger()  # File > Save
    again = open_window(BM, path)
    combo = again.framework_tabs[BM].findChild(QComboBox, "participant-picker")
    assert combo.currentText().startswith("Ana")
    assert again.framework_tabs[BM].in_view() == person("ana")
    verdict = again.findChild(QLabel, f"verdict:{BM}")
    ranking = resolve(again.document, BM, person("ana")).ranking
    qtbot.waitUntil(lambda: (verdict.isEnabled() and ranking.results[0].name in verdict.text())
                    or "Too close" in verdict.text(), timeout=8000)
