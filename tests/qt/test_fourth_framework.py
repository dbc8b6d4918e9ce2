"""A framework is data: one more JSON file in the resources folder gets a tab, sliders, charts,
`score` and `export` with no code; a redefinition its feature cannot use is refused."""

from __future__ import annotations

import json
import shutil

import pytest
from cli_inprocess import run_cli
from PySide6.QtWidgets import QSlider

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import scenario_json
from mcexplorer.core.resources import (
    RESOURCES_ENV,
    builtin_frameworks,
    default_scenario,
    resources_dir,
)
from mcexplorer.qt import prompts
from mcexplorer.qt.charts.base import Chart

FOURTH = {
    "id": "delivery-partners",
    "order": 5,
    "title": "Delivery partners",
    "source": "Our reading: a test framework",
    "provenance": "authored-default",
    "criteria": [
        {"id": "reach", "name": "Reach", "direction": "benefit", "scale": [1, 5]},
        {"id": "price", "name": "Price", "direction": "cost", "scale": [1, 5]},
    ],
    "options": [
        {"id": "alpha", "name": "Alpha", "ratings": {"reach": 5, "price": 4}},
        {"id": "beta", "name": "Beta", "ratings": {"reach": 2, "price": 1}},
        {"id": "gamma", "name": "Gamma", "ratings": {"reach": 3, "price": 3}},
    ],
}


@pytest.fixture
def resources_with_fourth(tmp_path, monkeypatch):
    folder = tmp_path / "resources"
    shutil.copytree(resources_dir(), folder)
    (folder / "frameworks" / "delivery-partners.json").write_text(json.dumps(FOURTH))
    monkeypatch.setenv(RESOURCES_ENV, str(folder))
    builtin_frameworks.cache_clear()
    yield folder
    monkeypatch.delenv(RESOURCES_ENV)
    builtin_frameworks.cache_clear()


def test_a_fourth_framework_gets_a_tab_with_sliders_and_charts(resources_with_fourth, qtbot):
    from mcexplorer.app import create_window

    w = create_window()
    qtbot.addWidget(w)
    assert list(w.framework_tabs)[-1] == "delivery-partners"
    assert w.tabs.tabText(w.tabs.count() - 1) == "Delivery partners"
    slider = w.findChild(QSlider, "weight:delivery-partners:price")
    assert slider is not None
    assert w.findChild(Chart, "chart:delivery-partners:ranking") is not None
    assert w.findChild(Chart, "chart:delivery-partners:radar") is not None
    slider.setValue(100)
    w.findChild(QSlider, "weight:delivery-partners:reach").setValue(0)
    assert w.document.ranking("delivery-partners").results[0].option == "beta"
    w.controller.mark_saved()


@pytest.mark.slow
def test_a_fourth_framework_is_scored_and_exported_by_the_cli(resources_with_fourth, tmp_path):
    scenario = tmp_path / "s.json"
    scenario.write_text(scenario_json(default_scenario()))
    env = {**__import__("os").environ, RESOURCES_ENV: str(resources_with_fourth),
           "QT_QPA_PLATFORM": "offscreen"}
    out = run_cli("score", str(scenario), "--json", env=env)
    assert out.returncode == 0, out.stderr
    entry = json.loads(out.stdout)["frameworks"][-1]
    assert entry["id"] == "delivery-partners"
    assert next(r["option"] for r in entry["ranking"]) == "alpha"  # reach 5 beats price at 50/50
    png = tmp_path / "png"
    out = run_cli("export", str(scenario), "--out", str(png), "--width", "400", env=env)
    assert out.returncode == 0, out.stderr
    assert (png / "s-delivery-partners-ranking.png").stat().st_size > 1000
    assert (png / "s-delivery-partners-radar.png").stat().st_size > 1000


def _redefined(tmp_path):
    data = json.loads(scenario_json(default_scenario()))
    fw = json.loads(builtin_frameworks()["credential-ecology"].model_dump_json())
    fw["options"] = [o for o in fw["options"] if o["id"] != "badges-awards"]
    data["definitions"] = [fw]
    path = tmp_path / "redefined.json"
    path.write_text(json.dumps(data))
    return path


def test_the_window_refuses_a_redefinition_and_keeps_its_scenario(open_window, tmp_path,
                                                                   monkeypatch):
    window = open_window()
    from mcexplorer.app import create_window

    path = _redefined(tmp_path)
    with pytest.raises(ScenarioError, match="badges-awards"):
        create_window(path)
    shown = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: shown.append((title, text)))
    before = window.document.scenario.model_dump()
    assert window.scenario_file.open_path(path) is False
    assert shown and shown[0][0] == "Cannot open scenario" and "badges-awards" in shown[0][1]
    assert window.document.scenario.model_dump() == before
