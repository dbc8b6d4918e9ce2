"""How sure is the ranking, in the window (issue 14): slider bands, sensitivity, acceptability
and the verdict, driven through real widgets and checked against core.robustness."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSlider, QSpinBox, QTabWidget

from mcexplorer.core.robustness import (
    acceptability,
    describe,
    scale_label,
    stability,
    sweep,
    target_stability,
    verdict,
)
from mcexplorer.core.robustness.report import NO_WEIGHT
from mcexplorer.qt.framework.robustness_panel import ACCEPT_SETTLE_MS, LIVE_MS

BM = "business-models"


@pytest.fixture
def window(open_window):
    return open_window(BM)


@pytest.fixture
def tab(window):
    return window.framework_tabs[BM]


@pytest.fixture
def panel(tab, qtbot):
    qtbot.waitUntil(lambda: tab.robustness.runs >= 1, timeout=5000)
    return tab.robustness


def core_intervals(tab):
    doc, fw = tab.document, tab.framework
    s = doc.settings(BM)
    return stability(fw, s.weights, s.targets, s.rating_overrides)


def names(tab):
    return {o.id: o.name for o in tab.framework.options}


def slider(window, criterion: str, fid: str = BM) -> QSlider:
    s = window.findChild(QSlider, f"weight:{fid}:{criterion}")
    assert s is not None, criterion
    return s


def bands_match_core(window, tab) -> bool:
    """Every weight slider shows the band and says the sentence core.stability gives."""
    intervals = core_intervals(tab)
    for c in tab.framework.criteria:
        s = slider(window, c.id)
        iv = intervals[c.id]
        if s.band != pytest.approx((iv.low / 100, iv.high / 100)):
            return False
        if not s.accessibleDescription().startswith(describe(iv, names(tab)) + "."):
            return False
    return True


def test_each_band_follows_a_slider_and_reads_as_core_stability(window, tab, qtbot):
    assert bands_match_core(window, tab)
    risk = slider(window, "risk")
    # Default weights: Institutional business unit leads while Risk stays at or under 75.
    assert risk.accessibleDescription().startswith(
        "stable from 0 to 75; above 75: MOOC led.")
    line = window.findChild(QLabel, f"stability:weight:{BM}:risk")
    assert line.isVisible() and line.text() == "stable 0\u201375; above 75: MOOC"
    for value in (30, 90, 10):
        risk.setValue(value)
        qtbot.waitUntil(lambda: bands_match_core(window, tab), timeout=2000)
    # Above 75 MOOC led leads instead; every slider's band says so.
    risk.setValue(90)
    qtbot.waitUntil(lambda: bands_match_core(window, tab), timeout=2000)
    assert tab.document.ranking(BM).results[0].name == "MOOC led"
    assert risk.accessibleDescription().startswith("stable from 75 to 100; below 75: "
                                                   "Institutional business unit.")
    # The band is painted on the groove between its ends.
    rect = risk.band_rect()
    groove = risk.rect()
    assert rect is not None and groove.width() * 0.6 < rect.center().x() < groove.width()


def test_the_target_slider_shows_which_targets_keep_the_leader(window, tab, qtbot):
    target = window.findChild(QSlider, f"target:{BM}:horizon")
    fw, s = tab.framework, tab.document.settings(BM)
    iv = target_stability(fw, s.weights, s.targets, s.rating_overrides, "horizon")
    crit = fw.criterion("horizon")
    assert target.accessibleDescription().startswith(describe(iv, names(tab), scale_label(crit)))
    assert target.band == pytest.approx(((iv.low - 1) / 2, (iv.high - 1) / 2))
    assert "Currently H2" in target.accessibleDescription()
    target.setValue(1.0)
    qtbot.wait(LIVE_MS + 30)
    s = tab.document.settings(BM)
    iv = target_stability(fw, s.weights, s.targets, s.rating_overrides, "horizon")
    qtbot.waitUntil(lambda: target.accessibleDescription().startswith(
        describe(iv, names(tab), scale_label(crit))), timeout=2000)
    assert "Currently H1" in target.accessibleDescription()


def test_with_no_weight_the_sliders_ask_for_one(window, tab, panel, qtbot):
    doc = tab.document
    tab.controller.push_many([doc.set_weight(BM, c.id, 0) for c in tab.framework.criteria],
                             "zero")
    # The sliders are brought up to date a few per frame (a spread update): wait for all.
    qtbot.waitUntil(lambda: all(slider(window, c.id).band is None
                                for c in tab.framework.criteria), timeout=5000)
    line = window.findChild(QLabel, f"stability:weight:{BM}:effort")
    assert line.text().startswith("set a weight")
    assert window.findChild(QLabel, f"verdict:{BM}").text() == NO_WEIGHT


def sensitivity_matches_core(tab, criterion: str) -> bool:
    data = tab.robustness.sensitivity_chart.data
    if data is None:
        return False
    s = tab.document.settings(BM)
    sw = sweep(tab.framework, s.weights, s.targets, s.rating_overrides, criterion)
    return (data.criterion == tab.framework.criterion(criterion).name
            and data.current == sw.current
            and [series.fits for series in data.series]
            == [tuple(sw.series(oid)) for oid, _ in sw.options]
            and [(m.weight, m.fit) for m in data.top_changes]
            == [(x.weight, x.fit) for x in sw.crossings.top])


def test_clicking_a_weight_name_shows_its_sensitivity_and_the_marker_follows(window, tab,
                                                                            qtbot):
    pages = window.findChild(QTabWidget, f"fit-pages:{BM}")
    chart = window.findChild(object, f"chart:{BM}:sensitivity")
    assert chart is tab.robustness.sensitivity_chart and not chart.isVisible()
    name = tab.weight_sliders["risk"].label
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert pages.currentWidget() is tab.robustness.sensitivity_page and chart.isVisible()
    combo = window.findChild(QComboBox, f"sensitivity-criterion:{BM}")
    assert combo.currentData() == "risk"
    assert sensitivity_matches_core(tab, "risk")
    assert [m.label for m in chart.data.top_changes] == ["75: MOOC first"]
    # Option colours are the tab's (as on the ranking, radar and table).
    assert [s.colour for s in chart.data.series] == [tab.option_colour(o.id)
                                                      for o in tab.framework.options]
    slider(window, "risk").setValue(20)
    qtbot.waitUntil(lambda: chart.data.current == 20, timeout=2000)
    assert chart._now.value() == 20
    # Another weight moves: the lines change, the marker stays at Risk's weight.
    slider(window, "autonomy").setValue(80)
    qtbot.waitUntil(lambda: sensitivity_matches_core(tab, "risk"), timeout=2000)
    combo.setCurrentIndex(combo.findData("effort"))
    qtbot.waitUntil(lambda: sensitivity_matches_core(tab, "effort"), timeout=2000)


def test_acceptability_runs_after_letting_go_never_during_the_drag(window, tab, panel, qtbot):
    runs = panel.runs
    risk = slider(window, "risk")
    risk.setSliderDown(True)  # the hand is on the slider
    for value in range(50, 95, 5):
        risk.setValue(value)
        assert panel.runs == runs  # not inside the drag's own frame
    qtbot.wait(ACCEPT_SETTLE_MS + 300)  # the hand holds still: still nothing
    assert panel.runs == runs
    verdict_label = window.findChild(QLabel, f"verdict:{BM}")
    assert not verdict_label.isEnabled()  # shown as out of date
    risk.setSliderDown(False)  # let go
    qtbot.waitUntil(lambda: panel.runs == runs + 1, timeout=3000)
    s = tab.document.settings(BM)
    expected = acceptability(tab.framework, s.weights, s.targets, s.rating_overrides)
    assert panel.result.shares == expected.shares and panel.result.ranks == expected.ranks
    chart = window.findChild(object, f"chart:{BM}:acceptability")
    assert next(r.ranks for r in chart.data.rows) == tuple(max(
        expected.ranks.values(), key=lambda ranks: ranks[0]))
    assert verdict_label.isEnabled()
    assert verdict_label.text() == verdict(tab.document.ranking(BM), expected)
    assert verdict_label.text().startswith("MOOC led stays first for")


def test_the_verdict_reads_aloud(window, tab, panel, qtbot):
    label = window.findChild(QLabel, f"verdict:{BM}")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == ("Institutional business unit stays first for 72% of draws of "
                            "weights and ranged ratings; its nearest rival is MOOC led.")
    runs = panel.runs
    slider(window, "risk").setValue(80)
    qtbot.waitUntil(lambda: panel.runs > runs, timeout=3000)
    assert label.text().startswith("Too close to call: MOOC led comes first for")


def test_the_draw_controls_change_the_acceptability(window, tab, panel, qtbot):
    chart = tab.robustness.acceptability_chart
    assert "10,000 draws" in chart.data.caption and "weights \u00b120%" in chart.data.caption
    assert "seed 0" in chart.data.caption
    jitter = window.findChild(QSpinBox, f"acceptability-jitter:{BM}")
    fixed = window.findChild(QCheckBox, f"acceptability-fixed:{BM}")
    runs = panel.runs
    jitter.setValue(0)
    fixed.setChecked(True)
    qtbot.waitUntil(lambda: panel.runs > runs and panel.result.jitter == 0
                    and not panel.result.rating_ranges, timeout=3000)
    # No jitter, fixed ratings: the deterministic leader comes first in every draw.
    assert panel.result.shares["business-unit"] == 1.0
    assert "ratings fixed" in chart.data.caption
    window.findChild(QSpinBox, f"acceptability-draws:{BM}").setValue(2000)
    window.findChild(QCheckBox, f"acceptability-uniform:{BM}").setChecked(True)
    assert not jitter.isEnabled()
    qtbot.waitUntil(lambda: panel.result.draws == 2000 and panel.result.uniform, timeout=3000)
    assert "no preferences" in " ".join(chart.data.caption)
    assert "of all weightings" in window.findChild(QLabel, f"verdict:{BM}").text()


@pytest.mark.parametrize("fid", ["credential-ecology", "structures"])
def test_the_other_tabs_show_verdict_bands_and_pages(open_window, qtbot, fid):
    window = open_window(fid)
    tab = window.framework_tabs[fid]
    qtbot.waitUntil(lambda: tab.robustness.runs >= 1, timeout=5000)
    verdict_label = window.findChild(QLabel, f"verdict:{fid}")
    assert verdict_label is not None and "first for" in verdict_label.text()
    for c in tab.framework.criteria:
        assert slider(window, c.id, fid).band is not None
    for kind in ("sensitivity", "acceptability", "ranking", "radar"):
        assert window.findChild(object, f"chart:{fid}:{kind}") is not None
