"""The weighting in view is scenario state: saved with the file only once picked, so a file
without a pick is byte-for-byte what older builds write and read; a pick survives a save."""

from __future__ import annotations

import json
from pathlib import Path

from mcexplorer.core import view
from mcexplorer.core.document import Document
from mcexplorer.core.io import parse_scenario_text, scenario_json
from mcexplorer.core.models import Scenario
from mcexplorer.core.room.models import Participant
from mcexplorer.core.validation import load_scenario
from mcexplorer.core.weighting import GROUP, SCENARIO, person

DATA = Path(__file__).resolve().parents[1] / "data"


def _room(*ids: str) -> Document:
    doc = Document()
    doc.scenario.participants = [Participant(id=i, name=i.title()) for i in ids]
    return doc


def test_a_file_without_a_pick_has_no_view_field_and_old_files_open():
    scenario, _ = load_scenario(DATA / "scenario-v1.json")
    doc = Document(scenario)
    assert "view" not in json.loads(scenario_json(doc.scenario))
    assert view.in_view(doc) == SCENARIO  # nobody in the room: the group is the scenario


def test_a_pick_round_trips_through_the_file_and_settles_against_the_room():
    doc = _room("sam", "group")  # an id may be the word "group"
    assert view.in_view(doc) == GROUP  # nothing picked: the group, as the window always showed
    assert view.pick(doc, person("group"))
    assert not view.pick(doc, person("group"))
    again = Document(parse_scenario_text(scenario_json(doc.scenario)))
    assert view.in_view(again) == person("group")
    view.pick(again, person("sam"), "business-models")
    back = Document(parse_scenario_text(scenario_json(again.scenario)))
    assert view.in_view(back, "business-models") == person("sam")
    assert view.in_view(back, "structures") == person("group")
    back.scenario.participants = [p for p in back.scenario.participants if p.id != "sam"]
    assert view.in_view(back, "business-models") == GROUP  # Sam left: the group's


def test_picking_is_not_an_edit_of_the_weights():
    doc = _room("sam")
    before = doc.scenario.frameworks["business-models"].model_dump()
    view.pick(doc, person("sam"))
    assert doc.scenario.frameworks["business-models"].model_dump() == before
    assert isinstance(Scenario.model_validate(json.loads(scenario_json(doc.scenario))), Scenario)
