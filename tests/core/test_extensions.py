"""The extension registry: a framework names its feature; a redefinition without the ids the
feature needs is refused with one line by the loader, the CLI and the window."""

from __future__ import annotations

import json

import pytest
from cli_inprocess import run_cli

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.extensions import check_framework, registered
from mcexplorer.core.io import scenario_json
from mcexplorer.core.resources import builtin_frameworks, default_scenario
from mcexplorer.core.validation import load_scenario


def _three_quadrant_ecology() -> dict:
    fw = json.loads(builtin_frameworks()["credential-ecology"].model_dump_json())
    fw["options"] = [o for o in fw["options"] if o["id"] != "badges-awards"]
    return fw


def _scenario_redefining_ecology(tmp_path):
    data = json.loads(scenario_json(default_scenario()))
    data["definitions"] = [_three_quadrant_ecology()]
    path = tmp_path / "redefined.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_builtin_features_are_registered_and_frameworks_name_them():
    assert {"ecology-map", "three-horizons"} <= set(registered())
    fws = builtin_frameworks()
    assert fws["credential-ecology"].extension == "ecology-map"
    assert fws["structures"].extension == "three-horizons"
    assert fws["business-models"].extension is None


def test_a_redefinition_without_the_quadrants_is_refused_with_one_line(tmp_path):
    path = _scenario_redefining_ecology(tmp_path)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    message = err.value.message
    assert "\n" not in message and "badges-awards" in message and "definitions.0" in message


def test_an_unknown_extension_is_refused():
    fw = builtin_frameworks()["business-models"].model_copy(update={"extension": "tarot-cards"})
    with pytest.raises(ScenarioError, match="unknown extension 'tarot-cards'"):
        check_framework(fw)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "score"])
def test_the_cli_refuses_the_redefinition_with_exit_2(tmp_path, command):
    path = _scenario_redefining_ecology(tmp_path)
    out = run_cli(command, str(path))
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "badges-awards" in lines[0] and "Traceback" not in out.stderr


def test_each_feature_is_one_record_with_its_readings_charts_and_report_blocks():
    from mcexplorer.core import extensions
    from mcexplorer.core.document import Document
    from mcexplorer.core.weighting import SCENARIO

    records = extensions.registered()
    assert {e.kind for e in records.values()} == {"framework", "scenario", "readings"}
    assert [e.id for e in extensions.offering("positioning")] == ["ecology-map"]
    assert [e.id for e in extensions.offering("balance")] == ["three-horizons"]
    assert [e.id for e in extensions.offering("first_place_share")] == ["robustness"]
    doc = Document()
    kinds = {e.id: [k for k, _ in e.chart_data] for e in records.values() if e.chart_data}
    assert kinds == {"ecology-map": ["map"], "three-horizons": ["horizons", "balance"],
                     "leadership-risks": ["culture", "heatmap"]}
    for ext in records.values():
        for _kind, fn in ext.chart_data:
            fid = doc.framework_for(ext.id)
            assert fid is not None and fn(doc, fid, SCENARIO) is not None
    best = extensions.best_structure(doc)
    assert best is not None and best.name and 0 <= best.fit <= 100
    assert extensions.balance(doc) == {"h1": 70, "h2": 20, "h3": 10}


def test_without_a_feature_offering_them_the_readings_are_plain_defaults(monkeypatch):
    from mcexplorer.core import extensions
    from mcexplorer.core.document import Document

    doc = Document()
    extensions.registered()
    monkeypatch.setattr(extensions, "_registry", {})
    assert extensions.positioning(doc) == "none"
    assert extensions.portfolio_fit(doc) is None and extensions.portfolio_mix(doc) == {}
    assert extensions.best_structure(doc) is None and extensions.balance(doc) is None
    assert extensions.first_place_share(doc, "business-models", "mooc") is None
