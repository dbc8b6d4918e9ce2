"""Schema 2 adds the room; version-1 files open and migrate; bad room sections are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario
from mcexplorer.core.migrations import GENERIC, added_in
from mcexplorer.core.models import SCHEMA_VERSION, Scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.room.checks import check
from mcexplorer.core.validation import check_scenario, load_scenario

DATA = Path(__file__).resolve().parents[2] / "data"
ROOM_SECTIONS = {"participants": [], "group": {"method": "median"}, "snapshots": []}


def test_every_older_version_has_a_migration():
    assert SCHEMA_VERSION == 3
    # Each step is a generic change or sections the features' records added in that version.
    assert all(v in GENERIC or added_in(v + 1) for v in range(1, SCHEMA_VERSION))
    assert {s.name for s in added_in(2)} == {*ROOM_SECTIONS, "leadership", "risks"}


def test_the_kept_version_1_default_file_opens_and_migrates(tmp_path):
    v1 = json.loads((DATA / "scenario-v1.json").read_text())
    assert v1["schema_version"] == 1 and "participants" not in v1
    scenario, report = load_scenario(DATA / "scenario-v1.json")
    assert report.file_version == 1
    assert len(report.migrations) == 2 and report.migrations[0].startswith("1->2: adds ")
    assert "participants (none), group weighting (median), snapshots (none)" in \
        report.migrations[0]
    assert scenario.schema_version == SCHEMA_VERSION
    assert (scenario.participants, scenario.group.method, scenario.snapshots) == \
        ([], "median", [])
    assert scenario.frameworks["business-models"].targets["horizon"] == 2
    # Saved again, it is a file of this version that opens without migrating.
    path = tmp_path / "again.json"
    save_scenario(path, scenario)
    data = json.loads(path.read_text())
    assert data["schema_version"] == SCHEMA_VERSION
    assert {k: data[k] for k in ROOM_SECTIONS} == ROOM_SECTIONS
    again, report = load_scenario(path)
    assert report.migrations == [] and again == scenario


def test_a_freshly_written_version_1_file_migrates_to_the_same_scenario(tmp_path):
    current = default_scenario()
    data = json.loads(current.model_dump_json())
    for key in ROOM_SECTIONS:
        del data[key]
    data["schema_version"] = 1
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(data))
    loaded, report = load_scenario(path)
    assert report.file_version == 1 and len(report.migrations) == 2
    assert loaded == current


def test_a_version_1_file_is_still_refused_for_its_own_errors(tmp_path):
    data = json.loads((DATA / "scenario-v1.json").read_text())
    data["frameworks"]["business-models"]["weights"]["risk"] = 500
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ScenarioError, match="risk"):
        load_scenario(path)


def room_scenario(**changes) -> Scenario:
    data = json.loads(default_scenario().model_dump_json())
    data["participants"] = [{"id": "ana", "name": "Ana",
                             "weights": {"business-models": {"risk": 80}},
                             "targets": {"business-models": {"horizon": 3}}}]
    data["snapshots"] = [{"id": "lunch", "name": "Lunch", "created": "2024-05-01T12:00:00Z",
                          "settings": {"frameworks": data["frameworks"],
                                       "participants": data["participants"]}}]
    for path, value in changes.items():
        target = data
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[keys[-1]] = value
    return Scenario.model_validate(data)


def test_a_valid_room_passes_the_checks():
    check(room_scenario())


@pytest.mark.parametrize("change, field, needle", [
    ({"participants.0.weights": {"astrology": {"x": 1}}}, "participants.0.weights.astrology",
     "unknown framework"),
    ({"participants.0.weights": {"business-models": {"luck": 1}}},
     "participants.0.weights.business-models.luck", "unknown criterion"),
    ({"participants.0.targets": {"business-models": {"risk": 2}}},
     "participants.0.targets.business-models.risk", "not a target criterion"),
    ({"participants.0.targets": {"business-models": {"horizon": 7}}},
     "participants.0.targets.business-models.horizon", "outside the scale"),
    ({"snapshots.0.settings.frameworks": {"business-models": {"weights": {"luck": 5}}}},
     "snapshots.0.settings.frameworks.business-models.weights.luck", "unknown criterion"),
    ({"snapshots.0.settings.participants": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]},
     "snapshots.0.settings.participants.1.id", "appears twice"),
])
def test_room_sections_that_do_not_fit_the_frameworks_are_refused_in_one_line(
        change, field, needle):
    with pytest.raises(ScenarioError) as err:
        check_scenario(room_scenario(**change), file="room.json")  # as the loader does
    assert err.value.file == "room.json" and err.value.field == field
    assert needle in err.value.message and "\n" not in err.value.message


@pytest.mark.parametrize("change, needle", [
    ({"participants.0.weights": {"business-models": {"risk": 101}}}, "less than or equal to 100"),
    ({"group": {"method": "mode"}}, "'median' or 'mean'"),
    ({"snapshots.0.created": "yesterday"}, "datetime"),
])
def test_bad_values_in_the_room_are_refused_by_the_loader(tmp_path, change, needle):
    path = tmp_path / "room.json"
    save_scenario(path, room_scenario())
    data = json.loads(path.read_text())
    for key, value in change.items():
        target = data
        keys = key.split(".")
        for k in keys[:-1]:
            target = target[int(k)] if isinstance(target, list) else target[k]
        target[keys[-1]] = value
    path.write_text(json.dumps(data))
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert str(path) in err.value.message and needle in err.value.message

