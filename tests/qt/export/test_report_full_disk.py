"""The workshop report on a full disk (issue 24, item 2): exit 2 or an error box, never
"Wrote", and the previous report is kept whole.

The disk is a small tmpfs mounted by the test, which needs root and ``mount``; elsewhere the
tests skip, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

BM = "business-models"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
GOOD = b"%PDF-1.4\n" + b"last week's report, annotated\n" * 40000 + b"%%EOF\n"
"""A previous report of 1.2 MB: the new one (about 1.4 MB) does not fit beside it."""


def _can_mount() -> str | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "mounting a small tmpfs to fill needs root"
    if not shutil.which("mount") or not shutil.which("umount"):
        return "mount/umount are not installed"
    return None


@pytest.fixture
def full_disk(tmp_path):
    """A 2 MiB tmpfs holding a good previous report, ``r.pdf``, and a filler that leaves
    about 100 KiB free."""
    why = _can_mount()
    if why:
        pytest.skip(why)
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                          capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
    try:
        (disk / "r.pdf").write_bytes(GOOD)
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * max(0, free - 100 * 1024))
        assert shutil.disk_usage(disk).free < 200 * 1024
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True, timeout=30)


def test_the_report_command_on_a_full_disk_exits_2_and_keeps_the_previous_report(
        full_disk, tmp_path):
    scenario = tmp_path / "s.json"
    subprocess.run([sys.executable, "-m", "mcexplorer", "new", str(scenario)], check=True,
                   capture_output=True, timeout=120, env=ENV)
    out = full_disk / "r.pdf"
    result = subprocess.run([sys.executable, "-m", "mcexplorer", "report", str(scenario),
                             "--out", str(out)], capture_output=True, text=True, timeout=300,
                            env=ENV)
    assert result.returncode == 2, result
    assert result.stdout == ""  # never "r.pdf (15 pages)"
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert str(out) in err and "No space left on device" in err and "kept" in err
    assert out.read_bytes() == GOOD
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "r.pdf"]


def test_the_report_action_on_a_full_disk_shows_an_error_and_never_says_wrote(
        full_disk, open_window, monkeypatch):
    window = open_window(BM)
    out = full_disk / "r.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(out), "PDF, A4 (*.pdf)")))
    errors = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: errors.append(
                            (title, text)) or QMessageBox.StandardButton.Ok))
    window.findChild(QAction, "action:export-report").trigger()
    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Could not write the report"
    assert "No space left on device" in text and "kept" in text
    assert "Wrote" not in window.statusBar().currentMessage()
    assert out.read_bytes() == GOOD
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "r.pdf"]
