"""Issue 10, item 2 in the core: a file changed on disk under a window, and a file held by a
window in another process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mcexplorer.core.errors import FileChanged
from mcexplorer.core.file_guard import (
    FileClaim,
    FileStamp,
    changed_since,
    holder_alive,
    marker_path,
    stamp,
)
from mcexplorer.core.io import save_scenario
from mcexplorer.core.upkeep import clean_stale
from mcexplorer.core.validation import load_scenario

REPO = Path(__file__).resolve().parents[2]


def test_a_stamp_sees_content_not_timestamps(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(b"abcd")
    before = stamp(path)
    assert isinstance(before, FileStamp) and before.size == 4
    os.utime(path, ns=(1, 1))  # touched only
    assert not changed_since(path, before)
    os.utime(path, ns=(before.mtime_ns, before.mtime_ns))
    path.write_bytes(b"abce")  # same size, same second: other bytes
    os.utime(path, ns=(before.mtime_ns, before.mtime_ns))
    assert changed_since(path, before)
    path.unlink()
    assert changed_since(path, before)
    assert stamp(path) is None and not changed_since(path, None)
    path.write_bytes(b"new")
    assert changed_since(path, None)


def test_saving_over_a_file_changed_on_disk_is_refused(tmp_path, scenario):
    path = tmp_path / "s.json"
    opened = save_scenario(path, scenario).stamp
    assert opened == stamp(path)
    theirs = path.read_text().replace('"Default scenario"', '"Their own title."', 1)
    path.write_text(theirs)  # another program's change, same size
    scenario.title = "Mine"
    with pytest.raises(FileChanged, match="changed on disk"):
        save_scenario(path, scenario, backup=True, expected=opened)
    assert path.read_text() == theirs  # their change is still there
    assert not path.with_name("s.json.bak").exists()
    again = save_scenario(path, scenario, backup=True, expected=stamp(path))  # "overwrite"
    assert load_scenario(path)[0].title == "Mine"
    assert load_scenario(again.backup)[0].title == "Their own title."
    assert not changed_since(path, again.stamp)


def test_two_windows_in_one_process_cannot_both_claim_a_file(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{}")
    first, second = FileClaim(), FileClaim()
    assert first.claim(path) and first.held
    assert holder_alive(path)
    assert not second.claim(tmp_path / "." / "s.json")  # the same file by another spelling
    assert not second.held
    first.release()
    assert not holder_alive(path)
    assert second.claim(path)
    second.release()


HOLDER = textwrap.dedent("""
    import sys
    from mcexplorer.core.file_guard import FileClaim
    claim = FileClaim()
    print("held" if claim.claim(sys.argv[1]) else "refused", flush=True)
    sys.stdin.read()
""")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_window_in_another_process_holds_the_file_until_it_dies(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{}")
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=REPO,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        assert holder_alive(path)
        assert not FileClaim().claim(path)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        child.stdin.close()
        child.stdout.close()
    assert not holder_alive(path)  # the operating system released it with the process
    marker = marker_path(path)
    assert marker.exists()
    assert marker in clean_stale([marker.parent])  # debris of the killed window goes
    claim = FileClaim()
    assert claim.claim(path)
    claim.release()
