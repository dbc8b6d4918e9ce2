"""The command-line contracts, run as a user would: exit codes, output. In this process
(tests/cli_inprocess.py: the same argv, streams and environment a separate process gets)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_inprocess import run_cli

from mcexplorer.core.io import MAX_FILE_BYTES
from mcexplorer.core.models import SCHEMA_VERSION


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=cwd)


def assert_refused(result, *needles: str) -> None:
    assert result.returncode == 2, result
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err


@pytest.fixture
def new_file(tmp_path) -> Path:
    path = tmp_path / "s.json"
    assert run("new", path).returncode == 0
    return path


def test_new_writes_the_default_scenario_and_refuses_to_overwrite(tmp_path, new_file):
    data = json.loads(new_file.read_text())
    assert data["schema_version"] == SCHEMA_VERSION
    assert set(data["frameworks"]["business-models"]["weights"].values()) == {50}
    assert_refused(run("new", new_file), str(new_file), "already exists")
    assert run("new", new_file, "--force").returncode == 0


def test_score_json_contract(new_file):
    result = run("score", new_file, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    ids = [f["id"] for f in report["frameworks"]]
    assert ids[:3] == ["business-models", "credential-ecology", "structures"]
    bm = report["frameworks"][0]
    assert set(bm) >= {"id", "title", "method", "weights", "targets", "criteria", "ranking"}
    assert bm["targets"] == {"horizon": 2.0}
    assert bm["criteria"][0] == {"id": "effort", "name": "Effort", "direction": "cost",
                                 "scale": [1.0, 3.0]}
    top = bm["ranking"][0]
    assert set(top) == {"option", "name", "fit", "rank", "ratings"}
    assert top["option"] == "business-unit" and top["rank"] == 1
    assert top["fit"] == pytest.approx(71.875)  # unrounded
    fits = [r["fit"] for r in bm["ranking"]]
    assert fits == sorted(fits, reverse=True)
    assert top["ratings"]["impact"] == 2.5


def test_score_weight_override_changes_the_ranking_for_this_run_only(new_file):
    before = new_file.read_bytes()
    result = run("score", new_file, "--json", "--weight", "business-models:effort=100",
                 "--weight", "business-models:autonomy=0")
    assert result.returncode == 0, result.stderr
    bm = json.loads(result.stdout)["frameworks"][0]
    assert bm["weights"]["effort"] == 100 and bm["weights"]["autonomy"] == 0
    # Total weight 400. OPX: effort 100 + horizon .75*50 + risk .5*50 + speed 50 + costs 25
    # + impact 37.5 + roi 37.5 = 312.5; MOOC: 100 + 50 + 50 + 50 + 25 + 12.5 + 12.5 = 300.
    fits = {r["option"]: r["fit"] for r in bm["ranking"]}
    assert bm["ranking"][0]["option"] == "opx-partnership"
    assert fits["opx-partnership"] == pytest.approx(100 * 312.5 / 400)
    assert fits["mooc-platform"] == pytest.approx(100 * 300 / 400)
    assert new_file.read_bytes() == before


def test_score_with_all_weights_zero_reports_no_fit(new_file):
    zeros = [a for c in ("effort", "horizon", "risk", "autonomy", "speed-to-market", "costs",
                         "impact", "roi") for a in ("--weight", f"business-models:{c}=0")]
    result = run("score", new_file, "--json", *zeros)
    assert result.returncode == 0, result.stderr
    bm = json.loads(result.stdout)["frameworks"][0]
    assert all(r["fit"] is None for r in bm["ranking"])
    text = run("score", new_file, *zeros)
    assert "set at least one weight" in text.stdout


def test_score_text_shows_ties(new_file):
    out = run("score", new_file).stdout
    assert "=5  Professional body led or partnership" in out


@pytest.mark.parametrize("arg,needle", [
    ("business-models:effort", "FW:CRITERION=VALUE"),
    ("business-models:effort=lots", "'lots' is not a number"),
    ("business-models:effort=nan", "not a finite number"),
    ("business-models:effort=101", "outside 0-100"),
    ("business-models:luck=5", "unknown criterion 'luck'"),
    ("astrology:effort=5", "unknown framework"),
])
def test_bad_weight_arguments_exit_2_with_one_line(new_file, arg, needle):
    assert_refused(run("score", new_file, "--weight", arg), needle)


def test_validate_reports_version_and_migrations(new_file):
    result = run("validate", new_file)
    assert result.returncode == 0
    assert "valid" in result.stdout and f"schema version {SCHEMA_VERSION}" in result.stdout
    assert "migrations applied: none" in result.stdout


def test_bad_files_exit_2_naming_file_and_field(tmp_path, new_file):
    data = json.loads(new_file.read_text())
    data["frameworks"]["business-models"]["weights"]["risk"] = 500
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    for command in ("validate", "score", "export"):
        extra = ("--out", str(tmp_path / "o")) if command == "export" else ()
        assert_refused(run(command, bad, *extra), str(bad),
                       "frameworks.business-models.weights.risk")
    trunc = tmp_path / "trunc.json"
    trunc.write_text(new_file.read_text()[:100])
    assert_refused(run("validate", trunc), "truncated JSON")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**json.loads(new_file.read_text()), "schema_version": 99}))
    assert_refused(run("validate", newer), "newer version")
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 10)
    assert_refused(run("validate", huge), "limited to 8 MiB")
    assert_refused(run("validate", tmp_path / "missing.json"), "no such file")


def test_bad_arguments_exit_2(new_file, tmp_path):
    assert_refused(run("score"), "required")
    assert_refused(run("export", new_file), "--out")
    assert_refused(run("export", new_file, "--out", tmp_path, "--width", "abc"), "invalid int")
    assert_refused(run("export", new_file, "--out", tmp_path, "--width", "5"), "width")
    assert_refused(run("score", new_file, "--frobnicate"), "unrecognized")
    assert_refused(run(tmp_path / "missing.json"), "no such file")


def test_export_writes_sharp_pngs_of_every_chart(new_file, tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "charts"
    result = run("export", new_file, "--out", out, "--width", "1600")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    # <scenario>-<framework>-<chart>: the title "Default scenario" is a placeholder, so the
    # scenario part is the file's name (s.json)
    for expected in ("s-business-models-radar.png", "s-business-models-ranking.png",
                     "s-credential-ecology-radar.png", "s-structures-ranking.png"):
        assert expected in names
    for name in names:
        image = QImage(str(out / name))
        assert not image.isNull(), name
        assert image.width() >= 1600, name


def test_schema_is_json_schema_of_the_file(tmp_path):
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Scenario"
    assert "schema_version" in schema["properties"]
    assert schema.get("additionalProperties") is False


def test_version_and_help():
    assert run("--version").stdout.startswith("mcexplorer ")
    help_text = run("--help").stdout
    for command in ("new", "score", "validate", "export", "schema"):
        assert command in help_text
