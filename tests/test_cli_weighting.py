"""``--weighting scenario|group|PERSON`` on score, summary, sensitivity, csv (and export and
report, see tests/qt/test_one_truth_outputs.py), run as a user would: a separate process."""

from __future__ import annotations

import csv
import json

import pytest
from test_cli import assert_refused, run

from mcexplorer.core.document import Document
from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.room.models import Participant
from mcexplorer.core.validation import load_scenario
from mcexplorer.core.weighting import GROUP, SCENARIO, person, resolve

BM = "business-models"


@pytest.fixture
def room_file(tmp_path):
    scenario = default_scenario()
    scenario.participants = [
        Participant(id="p1", name="Sam", weights={BM: {"effort": 100, "risk": 0}}),
        Participant(id="p2", name="Ana", weights={BM: {"impact": 100, "effort": 90}}),
        Participant(id="p3", name="Kim", weights={BM: {"effort": 80, "risk": 10}})]
    path = tmp_path / "room.json"
    save_scenario(path, scenario)
    return path


def bm(result) -> dict:
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return data, next(f for f in data["frameworks"] if f["id"] == BM)


@pytest.mark.parametrize("text, weighting, whose", [
    ("scenario", SCENARIO, "the scenario's weights"),
    ("group", GROUP, "the group's median of 3 participants"),
    ("SAM", person("p1"), "Sam's weights"),
    ("p2", person("p2"), "Ana's weights")])
def test_score_is_under_the_weighting_asked_for_and_names_it(room_file, text, weighting,
                                                              whose):
    data, entry = bm(run("score", room_file, "--json", "--weighting", text))
    doc = Document(load_scenario(room_file)[0])
    mine = resolve(doc, BM, weighting)
    assert data["weighting_text"] == whose
    assert entry["weights"] == mine.weights
    assert [r["fit"] for r in entry["ranking"]] == [r.fit for r in mine.ranking.results]
    printed = run("score", room_file, "--weighting", text).stdout
    assert printed.startswith(f"Under {whose}.")


def test_an_unknown_person_exits_2_naming_the_people_in_the_room(room_file, tmp_path):
    for verb in (("score",), ("summary",), ("csv", "--out", tmp_path / "c"),
                 ("sensitivity", "--framework", BM, "--criterion", "risk")):
        result = run(verb[0], room_file, *verb[1:], "--weighting", "Lee")
        assert_refused(result, str(room_file), "--weighting", "'Lee' is not in the room",
                       "Sam (p1)", "Ana (p2)", "Kim (p3)")


def test_summary_sensitivity_and_csv_follow_the_weighting(room_file, tmp_path):
    scenario_text = run("summary", room_file).stdout
    sam_text = run("summary", room_file, "--weighting", "Sam").stdout
    assert "Under the scenario's weights." in scenario_text and "Under Sam's weights." in sam_text
    assert scenario_text.split("4. ")[1] != sam_text.split("4. ")[1]  # another business model
    sweep = json.loads(run("sensitivity", room_file, "--framework", BM, "--criterion", "risk",
                           "--weighting", "Sam", "--json").stdout)
    assert sweep["weight"] == 0 and sweep["weighting"] == "Sam's weights"
    assert run("csv", room_file, "--out", tmp_path / "c", "--weighting", "Sam").returncode == 0
    with open(tmp_path / "c" / f"room-{BM}.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    effort = [r for r in rows if r["Criterion id"] == "effort"]
    assert {r["Weight"] for r in effort} == {"100"}
    assert {r["Weighting"] for r in rows} == {"Sam's weights"}
