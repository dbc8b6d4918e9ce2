"""The room's verbs on the command line (in this process, as a separate one would run:
tests/cli_inprocess.py): exit 0, or 2 with one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_inprocess import run_cli

from mcexplorer.core.document import Document
from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import builtin_frameworks, default_scenario
from mcexplorer.core.room.edits import take_snapshot
from mcexplorer.core.validation import load_scenario

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
BM = "business-models"


def run(*args, cwd=None):
    return run_cli(*args, cwd=cwd or ROOT)


def one_line_error(out) -> str:
    assert out.returncode == 2, out.stdout + out.stderr
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    return lines[0]


def person(tmp_path, name, risk):
    s = default_scenario()
    s.frameworks[BM].weights["risk"] = risk
    path = tmp_path / f"{name}.json"
    save_scenario(path, s)
    return path


def test_participants_add_imports_people_atomically_with_a_backup(tmp_path, scenario_file):
    ana, ben = person(tmp_path, "ana", 10), person(tmp_path, "ben", 90)
    out = run("participants", "add", scenario_file, ana, ben)
    assert out.returncode == 0, out.stderr
    assert "added 2 participants (ana, ben)" in out.stdout
    s, _ = load_scenario(scenario_file)
    assert [(p.name, p.weights[BM]["risk"]) for p in s.participants] == [("ana", 10), ("ben", 90)]
    backup, _ = load_scenario(Path(f"{scenario_file}.bak"))  # the file before the import
    assert backup.participants == []
    out = run("participants", "add", scenario_file, ana, "--name", "Ana María")
    assert out.returncode == 0 and "added 1 participant (Ana María)" in out.stdout

    score = run("score", scenario_file, "--json")
    group = json.loads(score.stdout)["frameworks"][0]["group"]
    assert group["method"] == "median" and group["weights"]["risk"] == 10
    assert [p["name"] for p in group["participants"]] == ["ana", "ben", "Ana María"]
    assert next(iter(group["spread"])) == "risk"
    assert group["spread"]["risk"] == {"min": 10, "median": 10, "max": 90}


def test_score_json_has_no_group_without_participants(scenario_file):
    report = json.loads(run("score", scenario_file, "--json").stdout)
    assert all("group" not in fw for fw in report["frameworks"])


def test_a_wrong_person_file_is_one_line_and_changes_nothing(tmp_path, scenario_file):
    before = scenario_file.read_bytes()
    broken = tmp_path / "carl.json"
    broken.write_text("{nope", encoding="utf-8")
    line = one_line_error(run("participants", "add", scenario_file, broken))
    assert "carl.json" in line
    line = one_line_error(run("participants", "add", scenario_file, tmp_path / "missing.json"))
    assert "missing.json" in line
    assert "participants" in one_line_error(run("participants"))
    assert scenario_file.read_bytes() == before


def test_compare_a_file_with_itself_reports_zero_deltas(tmp_path, scenario_file):
    out = run("compare", scenario_file, scenario_file, "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    ranked = {fid for fid, fw in builtin_frameworks().items() if fw.criteria}  # not registers
    assert {fw["id"] for fw in result["frameworks"]} == ranked
    for fw in result["frameworks"]:
        assert all(p["delta"] == 0 for p in fw["weights"].values())
        assert all(p["delta"] == 0 for p in fw["ranks"].values())
    text = run("compare", scenario_file, scenario_file)
    assert text.returncode == 0 and "weights: no change" in text.stdout


def test_compare_a_snapshot_by_name_and_refuse_a_missing_one(tmp_path):
    doc = Document(default_scenario())
    doc.apply(take_snapshot(doc, "before lunch"))
    doc.apply(doc.set_weight(BM, "risk", 100))
    path = tmp_path / "room.json"
    save_scenario(path, doc.scenario)
    out = run("compare", f"{path}#Before Lunch", path, "--json")
    assert out.returncode == 0, out.stderr
    bm = next(fw for fw in json.loads(out.stdout)["frameworks"] if fw["id"] == BM)
    assert bm["weights"]["risk"] == {"a": 50.0, "b": 100.0, "delta": 50.0}
    line = one_line_error(run("compare", f"{path}#after", path))
    assert "no snapshot named 'after'" in line
