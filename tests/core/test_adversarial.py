"""Issue 10 in the core: file names that are not UTF-8, a data folder in the way, FIFOs and
devices, names at the file system's limit, loose numbers. Each test reproduces one finding.

Tests that could hang on a regression (a FIFO blocks an open or a read) run the call in a
thread and fail if it does not come back; the one that could fill memory (a recovery file
linked to /dev/zero) runs in a child process with a memory limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

import pytest
from fuzzing import examples
from hypothesis import given, settings, strategies as st

from mcexplorer.core.errors import ScenarioError, StorageError
from mcexplorer.core.io import save_scenario, scenario_json
from mcexplorer.core.paths import data_dir, recovery_dir, sessions_dir
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.sessions import RecoveryStore, SessionLibrary
from mcexplorer.core.upkeep import start_storage
from mcexplorer.core.validation import load_scenario

posix_only = pytest.mark.skipif(os.name != "posix",
                                reason="FIFOs, /dev/zero and undecodable names are POSIX cases")
REPO = Path(__file__).resolve().parents[2]


def returns(func, *args, timeout: float = 60.0):
    """Call func(*args) in a thread; fail if it hangs. Returns its result or raises its error."""
    box: dict = {}

    def run():
        try:
            box["value"] = func(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        pytest.fail(f"{getattr(func, '__name__', func)} hung (a FIFO was opened or read)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def undecodable(name: bytes) -> str:
    return os.fsdecode(name)


def _dead(store: RecoveryStore) -> None:
    """The instance dies: the operating system drops its lock, its files stay."""
    store._lock.release()


# -- 1. file names that are not UTF-8 -------------------------------------------------------


@posix_only
def test_recovery_keeps_a_path_that_is_not_utf8(tmp_path, scenario):
    path = os.path.join(os.fsdecode(tmp_path), undecodable(b"caf\xe9.json"))
    save_scenario(path, scenario)  # the user's own file, on disk under that name
    store = RecoveryStore()
    store.write(scenario, path, "sess-1")  # the old code raised a serialisation error here
    _dead(store)
    [entry] = RecoveryStore().orphans()
    assert os.fsencode(entry.path) == os.fsencode(tmp_path) + b"/caf\xe9.json"
    assert load_scenario(entry.path)[0] == scenario


@posix_only
def test_session_records_keep_a_path_that_is_not_utf8(tmp_path, scenario):
    path = os.path.join(os.fsdecode(tmp_path), undecodable(b"caf\xe9.json"))
    lib = SessionLibrary()
    meta = lib.create(scenario, Path(path).stem, source_path=path)
    lib.save(meta.id, scenario, summary="saved again", source_path=path)
    [listed] = lib.list()
    assert os.fsencode(listed.source_path) == os.fsencode(path)
    assert listed.name == "caf\ufffd"  # a display name a widget can show


@settings(max_examples=examples(40), deadline=None)
@given(st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_any_file_name_round_trips_through_the_records(name):
    path = "/somewhere/" + os.fsdecode(name)
    with tempfile.TemporaryDirectory() as root:
        scenario_ = default_scenario()
        lib = SessionLibrary(Path(root) / "sessions", Path(root) / "trash")
        lib.create(scenario_, "x", source_path=path)
        assert os.fsencode(lib.list()[0].source_path) == os.fsencode(path)
        store = RecoveryStore(Path(root) / "recovery")
        store.write(scenario_, path, None)
        _dead(store)
        [entry] = RecoveryStore(Path(root) / "recovery").orphans()
        assert os.fsencode(entry.path) == os.fsencode(path)


def test_records_written_by_earlier_versions_still_read(scenario):
    lib = SessionLibrary()
    meta = lib.create(scenario, "Old")
    old = lib.meta(meta.id).model_dump_json(indent=2)  # how earlier versions wrote it
    lib._meta_path(meta.id).write_text(old)
    assert [m.name for m in lib.list()] == ["Old"]


def test_autosave_reports_any_failure_as_a_storage_error(scenario, monkeypatch):
    from mcexplorer.core import sessions

    def broken(*args, **kwargs):
        raise RuntimeError("serialiser exploded")

    monkeypatch.setattr(sessions, "scenario_payload", broken)
    with pytest.raises(StorageError, match="serialiser exploded"):
        RecoveryStore().write(scenario, None, None)
    monkeypatch.setattr(sessions, "save_scenario", broken)
    with pytest.raises(StorageError, match="serialiser exploded"):
        SessionLibrary().create(scenario, "x")


def test_a_scenario_holding_an_unpaired_surrogate_is_refused_by_field(tmp_path, scenario):
    text = scenario_json(scenario).replace('"Default scenario"', '"caf\\udce9"', 1)
    path = tmp_path / "s.json"
    path.write_text(text)
    with pytest.raises(ScenarioError, match=r"s\.json: title: .*surrogate"):
        load_scenario(path)


# -- 5. terminal control characters ----------------------------------------------------------


def test_error_messages_escape_control_characters_in_the_path():
    message = ScenarioError("no such file", file="/tmp/a\x1b[2Jb\x07\rc.json").message
    assert "\x1b" not in message and "\x07" not in message and "\r" not in message
    assert "a\\x1b[2Jb\\x07\\rc.json" in message
    assert "caf\\xe9" in ScenarioError("x", file=undecodable(b"caf\xe9")).message


# -- 6. a data folder in the way -------------------------------------------------------------


def test_recovery_folder_that_is_a_file_turns_autosave_off(scenario):
    data_dir().mkdir(parents=True)
    recovery_dir().write_text("in the way")
    store, lib = RecoveryStore(), SessionLibrary()
    problem = start_storage(lib, store)  # the old code raised FileExistsError at start-up
    assert problem == f"{recovery_dir()}: is a file, not a folder"
    with pytest.raises(StorageError, match="is a file"):
        store.write(scenario, None, None)
    assert store.orphans() == []
    lib.create(scenario, "sessions still work")


def test_sessions_folder_that_is_a_file_is_reported(scenario):
    data_dir().mkdir(parents=True)
    sessions_dir().write_text("in the way")
    lib = SessionLibrary()
    assert start_storage(lib, RecoveryStore()) == f"{sessions_dir()}: is a file, not a folder"
    with pytest.raises(StorageError):
        lib.create(scenario, "x")
    assert lib.list() == []


def test_data_folder_that_cannot_be_created_is_reported(scenario, monkeypatch):
    # Simulated as well as real (below): these tests often run as root.
    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", denied)
    store = RecoveryStore()
    assert "cannot create the folder (Permission denied)" in store.start()
    with pytest.raises(StorageError, match="Permission denied"):
        SessionLibrary().create(scenario, "x")


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_data_folder_that_is_not_writable_is_reported(scenario):
    data_dir().mkdir(parents=True)
    data_dir().chmod(0o500)
    try:
        problem = start_storage(SessionLibrary(), RecoveryStore())
        assert problem is not None and "Permission denied" in problem
    finally:
        data_dir().chmod(0o700)


def test_a_lock_path_that_is_a_folder_does_not_stop_the_start(scenario):
    dead = RecoveryStore()
    dead.write(scenario, None, None)
    _dead(dead)
    (recovery_dir() / f"{dead.instance}.lock").unlink()
    (recovery_dir() / f"{dead.instance}.lock").mkdir()  # nobody can hold a folder
    store = RecoveryStore()
    store._lock.path.mkdir(parents=True)  # and this instance's own lock is a folder too
    assert "lock file is a folder" in store.start()
    assert [e.instance for e in store.orphans()] == [dead.instance]


# -- 7. FIFOs, devices, size caps ------------------------------------------------------------


@posix_only
def test_a_fifo_is_refused_as_a_scenario_without_hanging(tmp_path, scenario):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError, match="named pipe"):
        returns(load_scenario, fifo)
    with pytest.raises(ScenarioError, match="named pipe"):
        returns(lambda: save_scenario(fifo, scenario, backup=True))  # Save As over it
    assert fifo.is_fifo() and not (tmp_path / "pipe.json.bak").exists()


@posix_only
def test_a_fifo_in_the_session_library_is_skipped_without_hanging(scenario):
    lib = SessionLibrary()
    good = lib.create(scenario, "Good")
    os.mkfifo(lib.root / "trap.meta.json")
    bad = lib.create(scenario, "Scenario is a pipe")
    lib.scenario_path(bad.id).unlink()
    os.mkfifo(lib.scenario_path(bad.id))
    (lib.root / "huge.meta.json").write_bytes(b" " * (1 << 20))
    listed = returns(lib.list)
    assert good.id in [m.id for m in listed]
    with pytest.raises(ScenarioError, match="named pipe"):
        returns(lib.load, bad.id)


@posix_only
def test_a_fifo_as_a_recovery_file_is_moved_aside_without_hanging():
    recovery_dir().mkdir(parents=True)
    os.mkfifo(recovery_dir() / "20240101-000000-abcdef.json")
    store = RecoveryStore()
    assert returns(store.orphans) == []
    [(where, why)] = store.moved_aside
    assert where.parent == recovery_dir() / "unreadable" and "named pipe" in why


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_recovery_file_linked_to_dev_zero_is_not_read(user_dirs):
    recovery_dir().mkdir(parents=True)
    (recovery_dir() / "20240101-000000-abcdef.json").symlink_to("/dev/zero")
    (recovery_dir() / "20240101-000000-fedcba.json").write_bytes(b" " * (40 << 20))
    code = textwrap.dedent("""
        import resource
        limit = 3 << 30  # a regression reads /dev/zero until this limit, then fails
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        from mcexplorer.core.sessions import RecoveryStore
        store = RecoveryStore()
        print(len(store.orphans()), sorted(why for _, why in store.moved_aside))
    """)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("0 ")
    assert "is a device" in result.stdout and "limited to" in result.stdout


@posix_only
def test_a_scenario_linked_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(ScenarioError, match="is a device"):
        returns(load_scenario, link)


# -- 8. names at the file system's limit -----------------------------------------------------


@pytest.mark.parametrize("length", [243, 250, 255])
def test_names_up_to_the_limit_save_with_a_backup(tmp_path, scenario, length):
    path = tmp_path / ("s" * (length - 5) + ".json")
    save_scenario(path, scenario)
    scenario.title = "Second"
    result = save_scenario(path, scenario, backup=True)
    assert load_scenario(path)[0].title == "Second"
    assert result.backup is not None and result.backup.exists()
    assert len(result.backup.name) <= 255 and result.backup.name.endswith(".bak")
    assert load_scenario(result.backup)[0].title == "Default scenario"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, result.backup.name])


def test_a_name_too_long_is_one_line(tmp_path, scenario):
    with pytest.raises(ScenarioError, match="the file name is 256 bytes long; this folder "
                                           "allows at most 255"):
        save_scenario(tmp_path / ("n" * 256), scenario)
    assert list(tmp_path.iterdir()) == []
