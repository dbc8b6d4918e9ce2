"""The in-process CLI runner (tests/cli_inprocess.py) is faithful to a real process and leaves
this process as it found it: the CLI tests that use it would otherwise prove nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from cli_inprocess import run_cli

NASTY = b"caf\xe9-\x1b[2J.json"
"""Not UTF-8, and a terminal control: what a separate process prints for it is the contract."""


def _process(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mcexplorer", *args], capture_output=True,
                          cwd=cwd, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.mark.slow
def test_the_same_bytes_and_exit_codes_as_a_separate_process(tmp_path):
    path = os.fsencode(tmp_path) + b"/" + NASTY
    for args in ([b"new", path], [b"new", path], [b"score", path],
                 [b"score", path, b"--weight", b"business-models:effort=lots"],
                 [b"frobnicate", b"x", b"y"]):
        inside = run_cli(*args, text=False, cwd=tmp_path)
        if args[0] == b"new" and inside.returncode == 0:  # let the real process make it again
            os.unlink(path)
        real = _process(*args, cwd=tmp_path)
        assert (inside.returncode, inside.stdout, inside.stderr) == \
            (real.returncode, real.stdout, real.stderr), args


def test_a_run_leaves_the_process_as_it_found_it(tmp_path, scenario_file):
    before = (dict(os.environ), os.getcwd(), sys.argv, sys.stdin, sys.stdout, sys.stderr,
              sys.excepthook, signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
    out = tmp_path / "png"
    assert run_cli("export", scenario_file, "--out", out, "--width", "400",
                   env={"MCEXPLORER_EXTRA": "1"}, cwd=tmp_path).returncode == 0
    assert run_cli("score").returncode == 2
    assert run_cli("--help").returncode == 0
    after = (dict(os.environ), os.getcwd(), sys.argv, sys.stdin, sys.stdout, sys.stderr,
             sys.excepthook, signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
    assert after == before


def test_an_uncaught_error_is_a_traceback_and_exit_1_as_in_a_process(monkeypatch):
    import mcexplorer.cli

    def crash(argv):
        print("half a line", end="")
        raise RuntimeError("boom")

    monkeypatch.setattr(mcexplorer.cli, "main", crash)
    result = run_cli("score", "x.json")
    assert result.returncode == 1 and result.stdout == "half a line"
    assert "Traceback" in result.stderr and "RuntimeError: boom" in result.stderr
