"""Smaller things a hostile run found in reading files (issue 24, item 17): a key written
twice, a snapshot name with irregular spaces, a frameworks folder that is a file, and the
wording of a cut string."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.frameworks import framework_from_json, load_user_frameworks
from mcexplorer.core.io import save_scenario
from mcexplorer.core.models import Snapshot, SnapshotSettings
from mcexplorer.core.resources import builtin_frameworks, default_scenario
from mcexplorer.core.room.edits import pick_snapshot
from mcexplorer.core.validation import load_scenario


@pytest.mark.parametrize("text, field, key", [
    ('{"schema_version": 2, "title": "Ours", "title": "Theirs"}', "title", "title"),
    ('{"schema_version": 2, "frameworks": {"business-models": {"weights": '
     '{"costs": 10, "costs": 90}}}}', "frameworks.business-models.weights.costs", "costs"),
])
def test_a_key_written_twice_is_refused_naming_the_key(tmp_path, text, field, key):
    path = tmp_path / "twice.json"
    path.write_text(text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.field == field
    assert f"the key '{key}' appears twice" in caught.value.message


def test_a_framework_file_with_a_key_written_twice_is_refused(tmp_path):
    data = json.loads(json.dumps(builtin_frameworks()["business-models"].model_dump(
        mode="json")))
    text = json.dumps(data).replace('"title": ', '"id": "again", "title": ', 1)
    path = tmp_path / "fw.json"
    path.write_text(text)
    with pytest.raises(ScenarioError, match=r"fw\.json: id: the key 'id' appears twice"):
        framework_from_json(path)


def test_a_snapshot_name_with_irregular_spaces_is_found_as_the_message_lists_it(tmp_path):
    scenario = default_scenario()
    odd = "Before\u00a0\u00a0 lunch\t(draft)"
    scenario.snapshots = [Snapshot(id="s1", name=odd, created=datetime.now(UTC),
                                   settings=SnapshotSettings())]
    path = tmp_path / "s.json"
    save_scenario(path, scenario)
    loaded, _ = load_scenario(path)
    for ref in (odd, "before lunch (draft)", "Before  lunch (draft)"):
        assert pick_snapshot(loaded.snapshots, ref).id == "s1"
    with pytest.raises(ScenarioError, match="no snapshot named 'After lunch'"):
        pick_snapshot(loaded.snapshots, "After lunch")


def test_a_frameworks_folder_that_is_a_file_gives_a_note(tmp_path):
    folder = tmp_path / "frameworks"
    folder.write_text("not a folder")
    loaded, notes = load_user_frameworks(folder)
    assert loaded == []
    assert len(notes) == 1 and notes[0].startswith(f"{folder}: is not a folder")
    assert load_user_frameworks(tmp_path / "missing") == ([], [])  # none there: no note


def test_a_cut_string_names_where_it_starts_once(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text('{"schema_version": 2, "title": "Away')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert "at at" not in caught.value.message
    assert "truncated JSON (Unterminated string starting at line 1, column 32)" in \
        caught.value.message
