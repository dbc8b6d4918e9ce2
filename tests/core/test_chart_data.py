"""Chart data as plain functions of (Document, framework, Weighting): what the tabs, the
exporter and the report draw is the weighting's, and the same data whatever asks for it."""

from __future__ import annotations

from mcexplorer.core import chart_data
from mcexplorer.core.document import Document
from mcexplorer.core.robustness import chart_data as how_sure
from mcexplorer.core.robustness.in_view import sensitivity_of, weight_bands
from mcexplorer.core.room.chart_data import top_rows
from mcexplorer.core.room.models import Participant
from mcexplorer.core.weighting import GROUP, SCENARIO, person, resolve

BM = "business-models"


def room() -> Document:
    doc = Document()
    doc.scenario.participants = [
        Participant(id="sam", name="Sam", weights={BM: {"effort": 100, "risk": 0}}),
        Participant(id="ana", name="Ana", weights={BM: {"impact": 100, "effort": 90}})]
    return doc


def test_ranking_and_radar_are_the_weightings():
    doc = room()
    for w in (SCENARIO, GROUP, person("sam")):
        ranking = resolve(doc, BM, w).ranking
        data = chart_data.ranking_data(doc, BM, w)
        assert [(r.name, r.fit, r.rank) for r in data.rows] == \
            [(r.name, r.fit, r.rank) for r in ranking.results]
        radar = chart_data.radar_data(doc, BM, w)
        fw = doc.framework(BM)
        assert radar.weights == tuple(ranking.weights[c.id] / 100 for c in fw.criteria)
        assert {s.name for s in radar.series} == {r.name for r in ranking.results[:3]}
    assert chart_data.ranking_data(doc, BM, person("sam")) != chart_data.ranking_data(doc, BM)


def test_how_sure_charts_are_the_weightings():
    doc = room()
    sam = person("sam")
    sweep = sensitivity_of(doc, BM, "effort", sam)
    data = how_sure.sensitivity_data(doc, BM, "effort", sam)
    assert data.current == sweep["weight"] == 100
    assert [list(s.fits) for s in data.series] == [sweep["fits"][o["id"]]
                                                   for o in sweep["options"]]
    iv = weight_bands(doc, BM, sam)["effort"]
    assert data.stable == (iv.low, iv.high) and iv.low <= 100 <= iv.high
    bars = how_sure.acceptability_data(doc, BM, sam, draws=500)
    assert bars.rows and abs(sum(r.ranks[0] for r in bars.rows) - 1.0) < 1e-9
    bands = how_sure.slider_bands(doc, BM, sam)
    assert bands["effort"] == iv and "target:horizon" in bands


def test_the_rooms_top_options_are_the_rankings_the_tabs_show():
    doc = room()
    rows = top_rows(doc, BM, {"sam": "Sam", "ana": "Ana"}, anonymous=False)
    assert rows[0].is_group and rows[0].fit == resolve(doc, BM, GROUP).ranking.results[0].fit
    assert rows[1].fit == resolve(doc, BM, person("sam")).ranking.results[0].fit
