"""A framework with many criteria: during a drag the stability bands of the sliders on screen
are brought up to date first and the others a few per frame, and in the end every slider
shows what core.robustness says (issue 13: no frame waits for all of them)."""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QSlider

from mcexplorer.core.io import save_scenario
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.robustness import stability, target_stability
from mcexplorer.qt.framework import robustness_panel

FID = "wide"


def wide_scenario(options: int = 12, criteria: int = 45):
    rng = random.Random(7)
    crits = []
    for i in range(criteria):
        d = ("benefit", "cost", "target")[i % 3]
        c = {"id": f"c{i:02d}", "name": f"Criterion {i}", "direction": d, "scale": [1, 5]}
        if d == "target":
            c["default_target"] = 3
        crits.append(c)
    opts = [{"id": f"o{j:02d}", "name": f"Option {j}",
             "ratings": {c["id"]: rng.randint(2, 10) / 2 for c in crits}}
            for j in range(options)]
    scenario = default_scenario()
    scenario.definitions = [Framework.model_validate(
        {"id": FID, "title": "Wide", "criteria": crits, "options": opts,
         "provenance": "authored-default"})]
    return scenario


@pytest.fixture
def tab(open_window, tmp_path):
    path = tmp_path / "wide.json"
    save_scenario(path, wide_scenario())
    window = open_window(FID, path)
    return window.framework_tabs[FID]


def expected_bands(tab) -> dict[QSlider, tuple[float, float] | None]:
    doc, fw = tab.document, tab.framework
    s = doc.settings(FID)
    intervals = stability(fw, s.weights, s.targets, s.rating_overrides)
    out = {}
    for cid, w in tab.weight_sliders.items():
        iv = intervals.get(cid)
        out[w.slider] = None if iv is None else (iv.low / 100, iv.high / 100)
    for cid, t in tab.target_sliders.items():
        iv = target_stability(fw, s.weights, s.targets, s.rating_overrides, cid)
        lo, hi = (float(v) for v in fw.criterion(cid).scale)
        out[t.slider] = None if iv is None else ((iv.low - lo) / (hi - lo),
                                                 (iv.high - lo) / (hi - lo))
    return out


def shows(slider: QSlider, band) -> bool:
    return (slider.band is None) if band is None else slider.band == pytest.approx(band)


def test_sliders_on_screen_first_then_every_other_one(tab, qtbot, monkeypatch):
    panel = tab.robustness
    qtbot.waitUntil(lambda: all(shows(s, b) for s, b in expected_bands(tab).items()),
                    timeout=5000)
    monkeypatch.setattr(robustness_panel, "SPREAD_BUDGET_S", 0.0)  # one slider per frame
    first = next(iter(tab.weight_sliders))
    tab.controller.push(tab.document.set_weight(FID, first, 100))
    want = expected_bands(tab)
    off_screen = {s for s in want if s.visibleRegion().isEmpty()}
    assert off_screen and len(off_screen) < len(want)  # the panel scrolls
    for s in want:  # every band out of date, so the first one brought up to date shows
        s.set_band((0.0, 0.0))
    panel.refresh_now(spread=True)  # what a live update during a drag does
    done = [s for s in want if shows(s, want[s])]
    assert len(done) == 1 and done[0] not in off_screen  # this frame: one slider, on screen
    qtbot.waitUntil(lambda: all(shows(s, b) for s, b in expected_bands(tab).items()),
                    timeout=10000)
