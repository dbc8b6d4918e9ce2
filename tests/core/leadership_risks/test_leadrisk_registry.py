"""The leadership-and-risks feature through the extension registry: a register framework that
names its extension, whose check and report run through generic code; the positioning it
reads comes from the ecology feature through the registry's readings."""

from __future__ import annotations

import json

import pytest

from mcexplorer.cli.score import score_report
from mcexplorer.core.document import Document
from mcexplorer.core.ecology import edits as eco_edits
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.extensions import offering, positioning, registered
from mcexplorer.core.io import scenario_json
from mcexplorer.core.leadership_risks import edits as E
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import builtin_frameworks, default_scenario
from mcexplorer.core.validation import load_scenario

FID = "leadership-risks"


def test_the_framework_is_a_register_that_names_its_extension():
    fw = builtin_frameworks()[FID]
    assert (fw.method, fw.extension, fw.criteria, fw.options) == ("register", FID, [], [])
    assert not fw.ranked and list(builtin_frameworks())[-1] == FID
    assert registered()[FID].method == "register"


def _write_redefinition(tmp_path, **changes) -> str:
    data = json.loads(scenario_json(default_scenario()))
    fw = json.loads(builtin_frameworks()[FID].model_dump_json())
    fw.update(changes)
    data["definitions"] = [fw]
    path = tmp_path / "redefined.json"
    path.write_text(json.dumps(data))
    return str(path)


RANKED = {"method": "weighted-utility",
          "criteria": [{"id": "c", "name": "C", "direction": "benefit", "scale": [1, 5]}],
          "options": [{"id": "o", "name": "O", "ratings": {"c": 3}}]}


@pytest.mark.parametrize("changes, needle", [
    (RANKED, "needs method 'register'"),
    ({"extension": None}, "needs the extension that shows it"),
    ({"criteria": RANKED["criteria"]}, "has no criteria and no options"),
])
def test_a_redefinition_without_what_the_extension_needs_is_refused_in_one_line(
        tmp_path, changes, needle):
    path = _write_redefinition(tmp_path, **changes)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    message = info.value.message
    assert "\n" not in message and needle in message and "definitions.0" in message


def test_a_weighted_utility_framework_still_needs_a_criterion_and_an_option():
    with pytest.raises(ValueError, match="at least one criterion"):
        Framework.model_validate({"id": "x", "title": "X", "criteria": [], "options": []})


def test_score_report_carries_the_entry_and_ranks_nothing():
    doc = Document()
    doc.apply(E.set_team_member(doc, "cfo", "A. Chen"))
    doc.apply(E.add_risk(doc, "Everything at once", likelihood=5, impact=5))
    entry = next(f for f in score_report(doc)["frameworks"] if f["id"] == FID)
    json.dumps(entry)
    assert entry["method"] == "register"
    assert (entry["weights"], entry["criteria"], entry["ranking"]) == ({}, [], [])
    assert entry["team_coverage"] == pytest.approx(100 / 11, abs=1e-3)
    assert "no CFO around the table" not in [g["gap"] for g in entry["gaps"]]
    assert entry["risks"][0]["text"] == "Everything at once" and entry["risks"][0]["score"] == 25
    scores = [r["score"] for r in entry["risks"]]
    assert scores == sorted(scores, reverse=True)
    assert entry["plan_b"].startswith("No plan B yet")
    assert set(entry["culture_gap"]) == {p for p in entry["needed"]}


def test_the_positioning_reading_comes_from_the_ecology_and_drives_the_check():
    doc = Document()
    assert [e.id for e in offering("positioning")] == ["ecology-map"]
    assert positioning(doc) == "none"
    doc.apply(E.set_approach(doc, "transactional"))
    entry = lambda: next(f for f in score_report(doc)["frameworks"] if f["id"] == FID)  # noqa: E731
    assert entry()["leadership_check"]["status"] == "open"
    # An integrated portfolio: credit-bearing micro-credentials beside degrees.
    for x, y in ((-0.8, 0.8), (0.8, 0.8)):
        doc.apply(eco_edits.add_offering(doc, x=x, y=y))
    assert positioning(doc) == "integrated"
    assert entry()["positioning"] == "integrated"
    assert entry()["leadership_check"]["status"] == "short"
    assert entry()["needed"]["transparent"] == 3  # the integrated profile (our reading)
