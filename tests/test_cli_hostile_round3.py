"""Issue 24 (items 8, 9, 14, 15): the command line on hostile input, in a subprocess as a
planner or a script would run it. Exit 0, or 2 with one line; never a hang or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import default_scenario

pytestmark = pytest.mark.slow
BM = "business-models"


def run(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "mcexplorer", *map(str, args)],
                          capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def one_line(result) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    return err


# -- item 15: output that is not UTF-8 ------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_summary_and_score_print_on_an_output_that_is_not_utf8(tmp_path, encoding):
    scenario = default_scenario()
    scenario.title = "戦略 ± 2027 — マイクロ資格"
    path = tmp_path / "cjk.json"
    save_scenario(path, scenario)
    env = {"PYTHONIOENCODING": encoding}
    summary = run("summary", path, env=env)
    assert summary.returncode == 0, summary.stderr.decode("utf-8", "replace")
    text = summary.stdout.decode(encoding)
    assert "2027" in text  # the title is there, its CJK letters escaped, not a crash
    score = run("score", path, "--draws", "200", env=env)
    assert score.returncode == 0, score.stderr.decode("utf-8", "replace")
    assert "%" in score.stdout.decode(encoding)
    refused = run("validate", tmp_path / "戦略-missing.json", env=env)
    assert refused.returncode == 2
    one_line(refused)


# -- item 14: a FIFO named *.csv ----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_named_csv_is_refused_by_validate_and_import_framework(tmp_path):
    fifo = tmp_path / "frame.csv"
    os.mkfifo(fifo)
    for args in (("validate", fifo), ("import-framework", fifo, "--out", tmp_path / "f.json")):
        result = run(*args, timeout=60)  # the old code blocked here in open()
        assert result.returncode == 2
        assert "named pipe" in one_line(result)
    assert not (tmp_path / "f.json").exists()
