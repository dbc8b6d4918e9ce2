"""Issue 10, item 9 in the core: loose numbers, messages without a field, a read-only data
folder, debris after kills, a recovery file offered forever, symbolic links and read-only
files."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from mcexplorer.core import safe_files
from mcexplorer.core.errors import ReadOnlyFile, ScenarioError, StorageError
from mcexplorer.core.io import save_scenario, scenario_json
from mcexplorer.core.paths import InstanceLock, recovery_dir
from mcexplorer.core.sessions import RecoveryStore, SessionLibrary
from mcexplorer.core.upkeep import clean_stale_temp, start_storage
from mcexplorer.core.validation import load_scenario

FRAMEWORK = {"id": "own", "title": "Own", "criteria": [
    {"id": "c", "name": "C", "direction": "target", "scale": [1, 3], "default_target": 2}],
    "options": [{"id": "a", "name": "A", "ratings": {"c": 2}}]}


def _file(tmp_path: Path, scenario, change) -> Path:
    data = json.loads(scenario_json(scenario))
    data["definitions"] = [json.loads(json.dumps(FRAMEWORK))]
    change(data)
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data))
    return path


def _set(*keys, value):
    def change(data):
        node = data
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return change


BM = ("frameworks", "business-models")
LOOSE = [
    (_set(*BM, "weights", "effort", value=True), "frameworks.business-models.weights.effort"),
    (_set(*BM, "weights", "effort", value="50"), "frameworks.business-models.weights.effort"),
    (_set(*BM, "targets", "horizon", value="2"), "frameworks.business-models.targets.horizon"),
    (_set(*BM, "rating_overrides", value={"business-unit": {"effort": True}}),
     "frameworks.business-models.rating_overrides.business-unit.effort"),
    (_set("portfolio", "offerings", value=[{"id": "o", "name": "O", "x": "0.5", "y": 0,
                                            "volume": 10}]), "portfolio.offerings.0.x"),
    (_set("horizons", "balance", value={"h1": True, "h2": 20, "h3": 79}),
     "horizons.balance.h1"),
    (_set("definitions", 0, "criteria", 0, "scale", value=[True, 3]),
     "definitions.0.criteria.0.scale.0"),
    (_set("definitions", 0, "options", 0, "ratings", "c", value={"value": "2"}),
     "definitions.0.options.0.ratings.c.value"),
    (_set("schema_version", value=True), "schema_version"),
]


@pytest.mark.parametrize("change, field", LOOSE, ids=[f for _, f in LOOSE])
def test_numbers_must_be_numbers(tmp_path, scenario, change, field):
    path = _file(tmp_path, scenario, change)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert f": {field}: " in info.value.message


def test_whole_numbers_are_still_numbers(tmp_path, scenario):
    path = _file(tmp_path, scenario, _set(*BM, "weights", "effort", value=70))
    loaded, _ = load_scenario(path)
    assert loaded.frameworks["business-models"].weights["effort"] == 70.0


@pytest.mark.parametrize("literal", ["NaN", "-Infinity", "1" + "0" * 5000])
def test_refused_numbers_name_their_field(tmp_path, scenario, literal):
    text = scenario_json(scenario).replace('"effort": 50.0', f'"effort": {literal}', 1)
    path = tmp_path / "s.json"
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert "s.json: frameworks.business-models.weights.effort: " in info.value.message
    assert len(info.value.message) < 300


def test_session_rename_that_cannot_write_is_one_clear_error(scenario, monkeypatch):
    lib = SessionLibrary()
    meta = lib.create(scenario, "Before")

    def read_only(*args, **kwargs):  # simulated: tests often run as root
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_files.tempfile, "mkstemp", read_only)
    with pytest.raises(StorageError, match="Permission denied"):
        lib.rename(meta.id, "After")
    assert lib.meta(meta.id).name == "Before"


def test_moving_to_a_trash_that_is_in_the_way_is_one_clear_error(scenario):
    lib = SessionLibrary()
    meta = lib.create(scenario, "Kept")
    lib.trash.parent.mkdir(parents=True, exist_ok=True)
    lib.trash.write_text("in the way")
    with pytest.raises(StorageError, match="is a file, not a folder"):
        lib.delete(meta.id)
    assert [m.id for m in lib.list()] == [meta.id]


def test_stale_temporaries_and_locks_are_cleaned_at_start(tmp_path, scenario):
    lib, store = SessionLibrary(), RecoveryStore()
    lib.create(scenario, "x")
    old = time.time() - 3600
    debris = [lib.root / ".mcx-abcd1234.tmp", lib.root / ".s.meta.json.k2j4h5g6.tmp",
              recovery_dir() / ".mcx-zzzz9999.tmp"]
    for path in debris:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half")
        os.utime(path, (old, old))
    fresh = lib.root / ".mcx-fresh123.tmp"  # a save in progress right now
    fresh.write_text("half")
    unheld = recovery_dir() / "20200101-000000-dead00.lock"
    unheld.touch()
    live = RecoveryStore()
    assert live.start() is None
    assert start_storage(lib, store) is None
    for path in debris + [unheld]:
        assert not path.exists(), path
    assert fresh.exists() and live._lock.path.exists() and store._lock.path.exists()
    assert InstanceLock.is_orphaned(live._lock.path) is False


def test_user_folders_lose_only_our_old_temporaries(tmp_path):
    ours, theirs, fresh = (tmp_path / ".mcx-abcd1234.tmp", tmp_path / ".other.abcd1234.tmp",
                           tmp_path / ".mcx-new12345.tmp")
    for path in (ours, theirs, fresh):
        path.write_text("x")
    os.utime(ours, (0, 0))
    os.utime(theirs, (0, 0))
    assert clean_stale_temp(tmp_path) == [ours]
    assert theirs.exists() and fresh.exists()


def _dead_entry(scenario) -> RecoveryStore:
    store = RecoveryStore()
    store.write(scenario, None, None)
    store._lock.release()  # killed: the operating system drops the lock
    return store


def test_a_recovery_file_that_cannot_be_restored_is_offered_never_and_moved_aside(scenario):
    dead = _dead_entry(scenario)
    file = recovery_dir() / f"{dead.instance}.json"
    data = json.loads(file.read_text())
    data["scenario"]["frameworks"]["gone-framework"] = {}  # this build cannot restore it
    file.write_text(json.dumps(data))
    first = RecoveryStore()
    assert first.orphans() == []  # the old code offered it at every start
    [(where, why)] = first.moved_aside
    assert where == recovery_dir() / "unreadable" / file.name and where.exists()
    assert "unknown framework" in why
    second = RecoveryStore()
    assert second.orphans() == [] and second.moved_aside == []


def test_an_offered_entry_the_window_could_not_restore_is_set_aside(scenario):
    dead = _dead_entry(scenario)
    store = RecoveryStore()
    [entry] = store.orphans()
    where = store.set_aside(entry, "the window could not restore it")
    assert where.parent == recovery_dir() / "unreadable" and where.exists()
    assert RecoveryStore().orphans() == []
    assert not (recovery_dir() / f"{dead.instance}.json").exists()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_saving_through_a_symbolic_link_keeps_the_link(tmp_path, scenario):
    target = tmp_path / "real" / "scenario.json"
    target.parent.mkdir()
    save_scenario(target, scenario)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    scenario.title = "Through the link"
    result = save_scenario(link, scenario, backup=True)
    assert link.is_symlink()
    assert load_scenario(target)[0].title == "Through the link"
    assert result.backup == target.with_name("scenario.json.bak")


def test_a_read_only_file_is_not_replaced_unless_asked(tmp_path, scenario):
    path = tmp_path / "s.json"
    save_scenario(path, scenario)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = path.read_bytes()
    scenario.title = "Changed"
    with pytest.raises(ReadOnlyFile, match="read-only"):
        save_scenario(path, scenario)
    assert path.read_bytes() == before
    save_scenario(path, scenario, replace_read_only=True)  # the window asked and was told yes
    assert load_scenario(path)[0].title == "Changed"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_two_windows_starting_together_do_not_both_offer_the_same_work(scenario):
    _dead_entry(scenario)
    first, second = RecoveryStore(), RecoveryStore()
    assert len(first.orphans()) == 1
    assert second.orphans() == []  # the first window is offering it
    first.stop()  # closed without answering: the work is still there for the next start
    assert len(RecoveryStore().orphans()) == 1
