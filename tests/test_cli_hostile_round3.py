"""Issue 24 (items 8, 9, 14, 15): the command line on hostile input, as a planner or a script
would run it (in this process, or a real one where only a real one shows the fault). Exit 0,
or 2 with one line; never a hang or a traceback."""

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


def run(*args, env=None, timeout=120, process=False):
    """``mcexplorer ARGS`` with stdout and stderr as bytes: in this process (tests/
    cli_inprocess.py) unless it needs a real one (the output's encoding is chosen when Python
    starts; a FIFO could block the open)."""
    if env is None and not process:
        from cli_inprocess import run_cli

        return run_cli(*args, text=False)
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
        result = run(*args, timeout=60, process=True)  # the old code blocked in open()
        assert result.returncode == 2
        assert "named pipe" in one_line(result)
    assert not (tmp_path / "f.json").exists()


# -- item 9: subnormal weights, end to end --------------------------------------------------


def _strict_json(text: str):
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def subnormal(tmp_path):
    scenario = default_scenario()
    weights = scenario.frameworks[BM].weights
    for key in weights:
        weights[key] = 0.0
    weights["impact"], weights["risk"] = 5e-324, 1e-310
    path = tmp_path / "subnormal.json"
    save_scenario(path, scenario)
    return path


def test_subnormal_weights_score_report_and_export_end_to_end(subnormal, tmp_path):
    as_json = run("score", subnormal, "--json", "--draws", "200")
    assert as_json.returncode == 0, as_json.stderr
    report = _strict_json(as_json.stdout.decode())  # "fit": Infinity before
    bm = next(f for f in report["frameworks"] if f["id"] == BM)
    fits = [r["fit"] for r in bm["ranking"]]
    assert all(f is None or 0 <= f <= 100 for f in fits) and any(f is not None for f in fits)
    text = run("score", subnormal, "--draws", "200")
    assert text.returncode == 0
    out = text.stdout.decode()
    assert "inf" not in out.lower() and "nan" not in out.lower() and "%" in out
    for args in (("report", subnormal, "--out", tmp_path / "r.html"),
                 ("export", subnormal, "--out", tmp_path / "charts", "--width", "400"),
                 ("csv", subnormal, "--out", tmp_path / "csv")):
        result = run(*args, timeout=300)
        assert result.returncode == 0, result.stderr  # ValueError traceback before
    assert (tmp_path / "r.html").stat().st_size > 0
    assert any((tmp_path / "charts").glob("*.png"))
    sens = run("sensitivity", subnormal, "--framework", BM, "--criterion", "risk", "--json")
    assert sens.returncode == 0
    _strict_json(sens.stdout.decode())
    summary = run("summary", subnormal, "--json")
    assert summary.returncode == 0
    _strict_json(summary.stdout.decode())


def test_json_output_is_strict_a_figure_that_is_not_finite_is_refused(
        subnormal, monkeypatch, capsys):
    """Every JSON the CLI prints is written with allow_nan=False: should any arithmetic ever
    give a non-finite figure again, the output is one line and exit 2, never `Infinity`."""
    from mcexplorer import cli
    from mcexplorer.cli import score

    real = score.score_report

    def with_infinity(doc, weighting, **draws):
        report = real(doc, weighting, **draws)
        report["frameworks"][0]["ranking"][0]["fit"] = float("inf")
        return report

    monkeypatch.setattr(score, "score_report", with_infinity)
    assert cli.main(["score", str(subnormal), "--json", "--draws", "50"]) == 2
    out, err = capsys.readouterr()
    assert "Infinity" not in out and out == ""
    assert "not a finite number" in err and len(err.strip().splitlines()) == 1


# -- item 8: a target criterion on a wide scale ---------------------------------------------


def test_a_wide_target_scale_exports_and_reports(tmp_path):
    from tests.wide_scale import wide_scenario

    path = wide_scenario(tmp_path / "wide.json", 1e10)
    assert run("validate", path).returncode == 0
    for args in (("export", path, "--out", tmp_path / "charts", "--width", "400"),
                 ("report", path, "--out", tmp_path / "r.pdf")):
        result = run(*args, timeout=300)
        assert result.returncode == 0, result.stderr  # OverflowError traceback before
    assert any((tmp_path / "charts").glob("*wide*.png"))


def test_validate_refuses_exactly_the_scales_the_app_cannot_show(tmp_path):
    """Decided: a scale's ends lie within +/-1e15 (SCALE_LIMIT). Up to that the window, the
    exports and validate accept it; beyond, validate, import-framework and opening refuse it
    in one line, so a plain CSV never makes a file the app cannot open."""
    from mcexplorer.core.models import SCALE_LIMIT
    from tests.wide_scale import wide_csv

    fine, too_wide = tmp_path / "fine.csv", tmp_path / "too-wide.csv"
    fine.write_bytes(wide_csv(SCALE_LIMIT, -SCALE_LIMIT))
    too_wide.write_bytes(wide_csv(10 * SCALE_LIMIT))
    assert run("validate", fine).returncode == 0
    out = run("import-framework", fine, "--out", tmp_path / "fine.json")
    assert out.returncode == 0
    assert run("validate", tmp_path / "fine.json").returncode == 0
    for args in (("validate", too_wide),
                 ("import-framework", too_wide, "--out", tmp_path / "wide.json")):
        refused = run(*args)
        assert refused.returncode == 2
        assert "scale" in one_line(refused)
    assert not (tmp_path / "wide.json").exists()
