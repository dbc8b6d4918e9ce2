"""The session library and the recovery store, without Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.paths import data_dir, recovery_dir, sessions_dir
from mcexplorer.core.sessions import RecoveryStore, SessionLibrary
from mcexplorer.core.validation import load_scenario

DATA = Path(__file__).resolve().parents[1] / "data"


def test_user_folders_are_inside_the_test_sandbox(user_dirs):
    assert str(data_dir()).startswith(str(user_dirs))
    assert str(sessions_dir()).startswith(str(user_dirs))


def test_library_create_list_rename_duplicate_delete_restore(scenario):
    lib = SessionLibrary()
    a = lib.create(scenario, "Workshop A", summary="Business models: MOOC led")
    scenario.frameworks["business-models"].weights["effort"] = 90
    b = lib.create(scenario, "Workshop B")
    assert [m.name for m in lib.list()] == ["Workshop B", "Workshop A"]  # newest first
    assert lib.load(b.id).frameworks["business-models"].weights["effort"] == 90
    lib.rename(a.id, "  Board   paper ")
    assert lib.meta(a.id).name == "Board paper"
    copy = lib.duplicate(a.id)
    assert copy.name == "Board paper (copy)" and copy.id != a.id
    assert lib.load(copy.id) == lib.load(a.id)
    lib.delete(a.id)
    assert a.id not in [m.id for m in lib.list()]
    assert [m.id for m in lib.trashed()] == [a.id]
    lib.restore(a.id)
    assert a.id in [m.id for m in lib.list()] and lib.trashed() == []
    with pytest.raises(ScenarioError):
        lib.restore("nope")
    with pytest.raises(ScenarioError):
        lib.meta("nope")


def test_a_damaged_session_entry_is_skipped(scenario):
    lib = SessionLibrary()
    good = lib.create(scenario, "Good")
    (lib.root / "broken.meta.json").write_text("{not json")
    assert [m.id for m in lib.list()] == [good.id]


def test_recovery_orphans_are_only_those_of_dead_instances(scenario):
    live = RecoveryStore()
    live.write(scenario, "/somewhere/file.json", None)
    other = RecoveryStore()
    assert other.orphans() == []  # the first instance still holds its lock
    # A process that writes unsaved work and dies without cleaning up.
    code = ("from mcexplorer.core.sessions import RecoveryStore\n"
            "from mcexplorer.core.resources import default_scenario\n"
            "s = default_scenario(); s.title = 'Killed'\n"
            "RecoveryStore().write(s, None, None)\n"
            "import os, signal; os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code], timeout=60)
    orphans = other.orphans()
    assert [o.scenario.title for o in orphans] == ["Killed"]
    other.discard(orphans[0])
    assert other.orphans() == []
    live.stop()
    assert not any(recovery_dir().glob(f"{live.instance}.*"))


def test_saved_v1_default_file_still_opens():
    scenario, report = load_scenario(DATA / "scenario-v1.json")
    assert report.file_version == 1
    assert scenario.frameworks["business-models"].targets["horizon"] == 2
    data = json.loads((DATA / "scenario-v1.json").read_text())
    assert data["schema_version"] == 1
