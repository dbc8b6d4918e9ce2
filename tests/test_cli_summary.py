"""`mcexplorer summary FILE [--json]`: the five key questions answered, as a planner or a
script would run it (in this process, as a separate one would run: tests/cli_inprocess.py);
bad input is one line and exit 2."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cli_inprocess import run_cli

from mcexplorer.core.document import Document
from mcexplorer.core.io import save_scenario
from mcexplorer.core.leadership_risks import edits as E

pytestmark = pytest.mark.slow


def run(*args):
    return run_cli(*args)


@pytest.fixture
def planned(tmp_path):
    doc = Document()
    doc.apply(E.set_approach(doc, "transformative"))
    doc.apply(E.set_team_member(doc, "cfo", "A. Chen"))
    doc.apply(E.add_risk(doc, "A rival launches first", likelihood=5, impact=5))
    doc.apply(E.set_plan_b(doc, "recruitment_target", 400))
    doc.apply(E.set_plan_b(doc, "review_date", dt.date(2027, 1, 31)))
    path = tmp_path / "planned.json"
    save_scenario(path, doc.scenario)
    return path


def test_summary_prints_the_five_answers(planned):
    out = run("summary", planned)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for n, question in enumerate((
            "How do you strategically position micro-credentials?",
            "What type of institutional leadership is required?",
            "What type of internal structures are required?",
            "What type of business model(s) are required?",
            "What could possibly go wrong?"), start=1):
        assert f"{n}. {question}" in text
    flat = " ".join(text.split())
    assert "Intended approach: Transformative. 1 of 11 team roles filled" in flat
    assert "Top risks: A rival launches first (5 x 5 = 25)" in flat
    assert "at the review on 31 January 2027, recruitment falls short of its target of 400" \
        in flat
    assert "Brown, McGreal & Peters 2023" in text.splitlines()[-1]


def test_summary_json_gives_the_answers_and_their_figures(planned):
    out = run("summary", planned, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [a["id"] for a in data["answers"]] == ["positioning", "leadership", "structures",
                                                   "business-models", "risks"]
    figures = data["figures"]
    assert figures["top_risks"][0]["score"] == 25
    assert figures["team_coverage"] == pytest.approx(100 / 11, abs=1e-3)
    assert "no CFO around the table" not in figures["gaps"]
    assert figures["business_model"]["ratings"].keys() == {"Risk", "Costs"}


def test_summary_refuses_a_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "risks": {"items": [{"id": "x", "text": "X", '
                   '"likelihood": 9}]}}')
    out = run("summary", bad)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "risks.items.0.likelihood" in lines[0]
    assert "Traceback" not in out.stderr


def test_score_json_carries_the_leadership_risks_entry(planned):
    out = run("score", planned, "--json")
    assert out.returncode == 0, out.stderr
    entry = next(f for f in json.loads(out.stdout)["frameworks"] if f["id"] == "leadership-risks")
    assert entry["method"] == "register" and entry["ranking"] == []
    assert {"team_coverage", "gaps", "culture_gap", "risks", "plan_b"} <= set(entry)
    assert entry["risks"][0]["text"] == "A rival launches first"
    assert entry["plan_b"].startswith("If, at the review on 31 January 2027")
