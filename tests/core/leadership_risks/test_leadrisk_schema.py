"""The two sections are part of every scenario (schema 2): a version-1 file migrates and gets
the paper's risks; the sections round-trip through a saved file; a bad value in a file is
refused with one line naming file and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario, scenario_json
from mcexplorer.core.leadership_risks.content import content
from mcexplorer.core.models import Scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.validation import load_scenario

DATA = Path(__file__).resolve().parents[2] / "data"


def test_a_version_1_file_migrates_and_gets_the_papers_six_risks(tmp_path):
    v1 = json.loads((DATA / "scenario-v1.json").read_text())
    assert v1["schema_version"] == 1 and "risks" not in v1 and "leadership" not in v1
    scenario, report = load_scenario(DATA / "scenario-v1.json")
    assert "leadership (not set), risk register (the paper's six risks)" in report.migrations[0]
    risks = scenario.risks.items
    assert [r.id for r in risks] == [t.id for t in content().risks] and len(risks) == 6
    assert {r.category for r in risks} == {"reputation", "recruitment", "revenue"}
    assert scenario.leadership.approach is None and scenario.leadership.team == []
    assert scenario.risks.plan_b.income_target is None
    # Saved, the register is written out and opens again as it was, without migrating.
    path = tmp_path / "again.json"
    save_scenario(path, scenario)
    data = json.loads(path.read_text())
    assert len(data["risks"]["items"]) == 6 and data["leadership"]["culture"] == {}
    again, report = load_scenario(path)
    assert report.migrations == [] and again == scenario


def test_an_emptied_register_stays_empty_in_a_file(tmp_path):
    scenario = default_scenario()
    scenario.risks.items = []
    path = tmp_path / "empty.json"
    save_scenario(path, scenario)
    loaded, _ = load_scenario(path)
    assert loaded.risks.items == []


@pytest.mark.parametrize("section, value, field", [
    ("leadership", {"approach": "heroic"}, "leadership.approach"),
    ("leadership", {"team": [{"role": "janitor", "name": "X"}]}, "leadership.team.0.role"),
    ("leadership", {"culture": {"transparent": 7}}, "leadership.culture.transparent"),
    ("risks", {"items": [{"id": "a", "text": "A", "likelihood": 9}]}, "risks.items.0.likelihood"),
    ("risks", {"items": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}, "risks.items.1.id"),
    ("risks", {"plan_b": {"review_date": "next spring"}}, "risks.plan_b.review_date"),
])
def test_a_bad_section_in_a_file_is_refused_in_one_line(tmp_path, section, value, field):
    data = json.loads(scenario_json(default_scenario()))
    data[section] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    message = info.value.message
    assert "\n" not in message and str(path) in message and field in message


def test_a_new_scenario_has_both_sections():
    s = Scenario()
    assert s.leadership.team == [] and len(s.risks.items) == len(content().risks)
