"""The credential-ecology portfolio: membership, mix, classification, portfolio fit, edits,
lenses and what a scenario file may hold. No Qt."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest
from fuzzing import examples
from hypothesis import assume, given, settings, strategies as st

from mcexplorer.core.document import Document
from mcexplorer.core.ecology import (
    edits as eco_edits,
    lenses as eco_lenses,
    mix as eco_mix,
    report as eco_report,
)
from mcexplorer.core.ecology.models import Offering
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.validation import load_scenario

FID = "credential-ecology"
MACRO, MICRO, SHORT, BADGES = eco_mix.QUADRANT_IDS


def offering(name: str, x: float, y: float, volume: float, oid: str | None = None) -> Offering:
    return Offering(id=oid or name.lower().replace(" ", "-"), name=name, x=x, y=y, volume=volume)


# -- membership --------------------------------------------------------------------------------


@pytest.mark.parametrize("x, y, quadrant", [(-0.8, 0.8, MACRO), (0.8, 0.8, MICRO),
                                            (-0.8, -0.8, SHORT), (0.8, -0.8, BADGES),
                                            (0.5, 0.5, MICRO), (-1, -1, SHORT)])
def test_deep_inside_a_quadrant_belongs_to_it_wholly(x, y, quadrant):
    m = eco_mix.membership(x, y)
    assert m[quadrant] == pytest.approx(1.0)
    assert sum(m.values()) == pytest.approx(1.0)


def test_between_quadrants_the_volume_is_split():
    assert eco_mix.membership(0, 0) == pytest.approx(dict.fromkeys(eco_mix.QUADRANT_IDS, 0.25))
    # On the credit line between macro- and micro-credentials: half and half.
    m = eco_mix.membership(0.0, 0.8)
    assert m[MACRO] == pytest.approx(0.5) and m[MICRO] == pytest.approx(0.5)
    # A quarter of the way across the band towards unbundled: u = 0.5 + 0.25 = 0.75.
    m = eco_mix.membership(0.25, 1.0)
    assert m[MICRO] == pytest.approx(0.75) and m[MACRO] == pytest.approx(0.25)
    m = eco_mix.membership(0.25, -0.25)
    assert m == pytest.approx({MACRO: 0.25 * 0.25, MICRO: 0.25 * 0.75,
                               SHORT: 0.75 * 0.25, BADGES: 0.75 * 0.75})


# -- mix and classification --------------------------------------------------------------------


def test_mix_is_the_volume_share_per_quadrant():
    m = eco_mix.mix([offering("A", 0.8, 0.8, 300), offering("B", 0, 0, 100)])
    assert m.total == 400
    assert m.share == pytest.approx({MACRO: 25 / 400, MICRO: 325 / 400,
                                     SHORT: 25 / 400, BADGES: 25 / 400})
    empty = eco_mix.mix([])
    assert empty.empty and all(v == 0 for v in empty.share.values())


def degrees(v: float) -> Offering:
    return offering("Degree", -0.8, 0.8, v)


def units(v: float) -> Offering:
    return offering("Micro", 0.8, 0.8, v)


def courses(v: float) -> Offering:
    return offering("Short", -0.8, -0.8, v)


def badges(v: float) -> Offering:
    return offering("Badge", 0.8, -0.8, v)


@pytest.mark.parametrize("offerings, expected", [
    ([], "none"),
    # The case: 45% credit-bearing micro-credentials beside 55% short courses offer
    # credit; they are not supplementary, and with no degree on the map nothing to stack into.
    ([units(45), courses(55)], "credit-bearing"),
    # Mostly non-credit beyond degrees (micro-credentials 15% of that offer): supplementary.
    ([units(15), courses(60), badges(25)], "supplementary"),
    # Degrees do not rescue a non-credit offer: micro 5 of the 30 beyond degrees (17%).
    ([degrees(70), courses(25), units(5)], "supplementary"),
    # All credit, but nothing to stack into.
    ([units(100)], "credit-bearing"),
    # Credit, with the degree beside the units: a bridge.
    ([units(50), degrees(30), badges(20)], "integrated"),
    # Micro-credentials 12% of all volume but 24% of the offer beyond degrees: integrated.
    ([degrees(50), units(12), courses(38)], "integrated"),
    # Macro-credentials at 15% of the volume: below the 20% bridge share.
    ([units(85), degrees(15)], "credit-bearing"),
    # An offering on the line between micro and macro counts half to each.
    ([offering("Stackable", 0.0, 0.9, 100)], "integrated"),
])
def test_classification_follows_the_tools_reading_of_figure_3(offerings, expected):
    c = eco_mix.classify(eco_mix.mix(offerings))
    assert c.id == expected
    assert c.label == eco_mix.CLASS_LABELS[expected] and c.reason


def test_the_20_percent_thresholds_are_inclusive():
    assert eco_mix.classify(eco_mix.mix([units(20), courses(80)])).id == "credit-bearing"
    assert eco_mix.classify(eco_mix.mix([units(19), courses(81)])).id == "supplementary"
    assert eco_mix.classify(eco_mix.mix([units(80), degrees(20)])).id == "integrated"


def test_degrees_alone_position_no_micro_credentials():
    c = eco_mix.classify(eco_mix.mix([degrees(100), offering("PhD", -1, 1, 10)]))
    assert c.id == "none" and c.label == "Degrees only"
    assert "Only degrees" in c.reason


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.tuples(st.floats(-1, 1), st.floats(-1, 1), st.floats(0.1, 1e4)),
                min_size=1, max_size=8),
       st.floats(0.1, 1e5), st.floats(0.01, 100))
def test_degree_volume_never_decides_supplementary(spots, degree_volume, scale):
    """Adding degrees, or scaling every volume, never changes whether the offer beyond degrees
    reads as supplementary: the source's word describes micro-credentials, not volume."""
    base = [offering(f"O{i}", x, y, v, f"o{i}") for i, (x, y, v) in enumerate(spots)]
    m = eco_mix.mix(base)
    beyond = 1 - m.share[MACRO]
    # Exactly on a threshold, rounding may tip either way; such mixes are not the point here.
    assume(beyond <= 1e-9 or abs(m.share[MICRO] / beyond - eco_mix.BRIDGE_SHARE) > 1e-6)
    assume(abs(m.share[MACRO] - eco_mix.BRIDGE_SHARE) > 1e-6)
    before = eco_mix.classify(m)
    with_degrees = eco_mix.classify(eco_mix.mix(base + [offering("Degree", -1, 1, degree_volume,
                                                                 "deg")]))
    scaled = eco_mix.classify(eco_mix.mix([offering(o.name, o.x, o.y, o.volume * scale, o.id)
                                 for o in base]))
    assert scaled.id == before.id
    if before.id != "none":
        assert (with_degrees.id == "supplementary") == (before.id == "supplementary")


# -- portfolio fit -----------------------------------------------------------------------------


def test_portfolio_fit_weights_quadrant_fits_by_volume():
    fits = {MACRO: 40.0, MICRO: 80.0, SHORT: 50.0, BADGES: 20.0}
    m = eco_mix.mix([offering("A", 0.8, 0.8, 300), offering("B", -0.8, -0.8, 100)])
    assert eco_mix.weighted_fit(m, fits) == pytest.approx((300 * 80 + 100 * 50) / 400)  # 72.5
    centre = eco_mix.mix([offering("C", 0, 0, 10)])
    assert eco_mix.weighted_fit(centre, fits) == pytest.approx((40 + 80 + 50 + 20) / 4)
    assert eco_mix.weighted_fit(eco_mix.mix([]), fits) is None
    assert eco_mix.weighted_fit(m, {**fits, MACRO: None}) is None


def test_portfolio_fit_from_the_document_with_one_driver():
    doc = Document()
    for c in doc.framework(FID).criteria:
        doc.apply(doc.set_weight(FID, c.id, 100 if c.id == "stackability" else 0))
    doc.apply(eco_edits.add_offering(doc, "Units", 0.9, 0.9, 300))
    doc.apply(eco_edits.add_offering(doc, "Badges", 0.9, -0.9, 100))
    # With one driver, a quadrant's fit is its rating's utility on the 1-5 scale.
    util = {q: (doc.rating(FID, q, "stackability") - 1) / 4 * 100 for q in eco_mix.QUADRANT_IDS}
    expected = (300 * util[MICRO] + 100 * util[BADGES]) / 400
    assert eco_mix.portfolio_fit(doc) == pytest.approx(expected)
    assert eco_report.report(doc, "credential-ecology")["portfolio_fit"] == pytest.approx(expected,
                                                                                          abs=1e-3)


def test_no_portfolio_fit_without_offerings_or_weights():
    doc = Document()
    assert eco_mix.portfolio_fit(doc) is None
    assert eco_mix.portfolio_fit_note(doc) == eco_mix.NO_OFFERINGS
    doc.apply(eco_edits.add_offering(doc, "A", 0.5, 0.5, 10))
    assert eco_mix.portfolio_fit(doc) is not None and eco_mix.portfolio_fit_note(doc) == ""
    for c in doc.framework(FID).criteria:
        doc.apply(doc.set_weight(FID, c.id, 0))
    assert eco_mix.portfolio_fit(doc) is None
    assert eco_mix.portfolio_fit_note(doc) == eco_mix.NO_WEIGHTS


# -- edits -------------------------------------------------------------------------------------


def test_offerings_with_the_same_name_get_distinct_ids():
    doc = Document()
    for _ in range(3):
        doc.apply(eco_edits.add_offering(doc, "Data skills"))
    ids = [o.id for o in doc.scenario.portfolio.offerings]
    assert ids == ["data-skills", "data-skills-2", "data-skills-3"]
    assert [o.name for o in doc.scenario.portfolio.offerings] == ["Data skills"] * 3
    doc.apply(eco_edits.add_offering(doc, "!!!"))
    assert doc.scenario.portfolio.offerings[-1].id == "offering"


def test_default_names_and_spots_do_not_collide():
    doc = Document()
    for _ in range(4):
        doc.apply(eco_edits.add_offering(doc))
    offerings = doc.scenario.portfolio.offerings
    assert [o.name for o in offerings] == ["Offering 1", "Offering 2", "Offering 3", "Offering 4"]
    spots = [(o.x, o.y) for o in offerings]
    assert spots[0] == (0.0, 0.0)
    for i, a in enumerate(spots):
        for b in spots[i + 1:]:
            assert math.dist(a, b) > 0.08


def test_moves_are_clamped_to_the_plane():
    doc = Document()
    doc.apply(eco_edits.add_offering(doc, "A", 0.2, 0.2, 10))
    doc.apply(eco_edits.move_offering(doc, "a", 5.0, -3.0))
    o = doc.scenario.portfolio.offerings[0]
    assert (o.x, o.y) == (1.0, -1.0)
    doc.apply(eco_edits.add_offering(doc, "B", -7, 2, 10))
    o = doc.scenario.portfolio.offerings[1]
    assert (o.x, o.y) == (-1.0, 1.0)
    with pytest.raises(ScenarioError, match="not a finite number"):
        eco_edits.move_offering(doc, "a", math.nan, 0)


def test_edits_replace_the_list_and_undo_restores_it():
    doc = Document()
    doc.apply(eco_edits.add_offering(doc, "A", 0.1, 0.1, 10))
    before = doc.scenario.portfolio.offerings
    edit = eco_edits.move_offering(doc, "a", 0.6, 0.7, gesture=1)
    doc.apply(edit)
    assert before[0].x == 0.1, "the old list must not be mutated"
    doc.revert(edit)
    o = doc.scenario.portfolio.offerings[0]
    assert (o.x, o.y) == (0.1, 0.1)
    # One gesture, one merge key; another gesture, another key.
    assert eco_edits.move_offering(doc, "a", 0.2, 0.2, 7).merge_key == \
        eco_edits.move_offering(doc, "a", 0.3, 0.3, 7).merge_key
    assert eco_edits.move_offering(doc, "a", 0.2, 0.2, 7).merge_key != \
        eco_edits.move_offering(doc, "a", 0.2, 0.2, 8).merge_key
    assert eco_edits.move_offering(doc, "a", 0.2, 0.2).framework == FID


def test_rename_resize_delete_and_lens():
    doc = Document()
    doc.apply(eco_edits.add_offering(doc, "A", 0.1, 0.1, 10))
    doc.apply(eco_edits.rename_offering(doc, "a", "  Cyber   security  "))
    doc.apply(eco_edits.resize_offering(doc, "a", 250))
    o = doc.scenario.portfolio.offerings[0]
    assert (o.id, o.name, o.volume) == ("a", "Cyber security", 250)
    with pytest.raises(ScenarioError, match="cannot be empty"):
        eco_edits.rename_offering(doc, "a", "   ")
    with pytest.raises(ScenarioError, match="above 0"):
        eco_edits.resize_offering(doc, "a", 0)
    with pytest.raises(ScenarioError, match="unknown offering"):
        eco_edits.delete_offering(doc, "nope")
    doc.apply(eco_edits.set_lens(doc, "holoniq"))
    assert doc.scenario.portfolio.lens == "holoniq"
    with pytest.raises(ScenarioError, match="unknown lens 'nope'"):
        eco_edits.set_lens(doc, "nope")
    doc.apply(eco_edits.delete_offering(doc, "a"))
    assert doc.scenario.portfolio.offerings == []


# -- lenses ------------------------------------------------------------------------------------


def test_lenses_cover_the_sources():
    ids = eco_lenses.lens_ids()
    assert set(ids) == {"ecology", "landscape", "holoniq", "discourses", "camilleri"}
    eco = eco_lenses.lens("ecology")
    assert eco.region_at("top-left").name == "Macro-credentials"
    assert eco.region_at("bottom-right").name == "Badges and awards"
    holoniq = eco_lenses.lens("holoniq")
    assert holoniq.y_axis.top == "Government-led" and holoniq.y_axis.bottom == "Market-led"
    assert [r.name for r in holoniq.regions] == ["1 Greater Whole", "2 Micro Quals",
                                                 "3 Professions Rule", "4 Market Place"]
    cam = eco_lenses.lens("camilleri")
    assert cam.kind == "list" and len(cam.regions) == 6
    assert eco_lenses.axes(cam) == eco_lenses.axes(eco)
    discourses = {r.name for r in eco_lenses.lens("discourses").regions}
    assert discourses == {"Reproduction", "Reschooling", "Deschooling", "Reconceptualist"}


def test_a_quadrant_lens_must_fill_each_quadrant_once():
    base = eco_lenses.lens("holoniq").model_dump()
    base["regions"][1]["quadrant"] = "top-left"
    with pytest.raises(ValueError, match="fill each quadrant once"):
        eco_lenses.Lens.model_validate(base)
    listed = eco_lenses.lens("camilleri").model_dump()
    listed["regions"][0]["quadrant"] = "top-left"
    with pytest.raises(ValueError, match="cannot own a quadrant"):
        eco_lenses.Lens.model_validate(listed)


# -- the framework's authored defaults -----------------------------------------------------------


def test_every_quadrant_driver_cell_is_a_sourced_editable_default():
    fw = builtin_frameworks()[FID]
    assert fw.provenance == "authored-default"
    assert {o.id for o in fw.options} == set(eco_mix.QUADRANT_IDS)
    for o in fw.options:
        for c in fw.criteria:
            r = o.ratings[c.id]
            assert c.scale[0] <= r.value <= c.scale[1]
            assert r.rationale.strip() and r.source.strip(), (o.id, c.id)
    shares = {c.id: c.literature_share for c in fw.criteria}
    assert shares["employability"] == 63 and shares["lifelong-learning"] == 48
    assert shares["job-rich-recovery"] == 15 and shares["equity"] == 8


# -- scenario files ------------------------------------------------------------------------------


def _write(tmp_path, scenario, mutate) -> str:
    data = json.loads(scenario.model_dump_json())
    mutate(data)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _with_offering(data, **over):
    data["portfolio"]["offerings"] = [{"id": "a", "name": "A", "x": 0.1, "y": 0.2,
                                       "volume": 10, **over}]


@pytest.mark.parametrize("mutate, field, problem", [
    (lambda d: _with_offering(d, x=1.5), "portfolio.offerings.0.x", "less than or equal to 1"),
    (lambda d: _with_offering(d, y=-1.01), "portfolio.offerings.0.y",
     "greater than or equal to -1"),
    (lambda d: _with_offering(d, volume=0), "portfolio.offerings.0.volume", "greater than 0"),
    (lambda d: d["portfolio"].update(lens="tarot"), "portfolio.lens", "unknown lens 'tarot'"),
    (lambda d: d["frameworks"][FID].update(
        rating_overrides={"micro-credentials": {"employability": 9}}),
     f"frameworks.{FID}.rating_overrides.micro-credentials.employability", "outside the scale"),
    (lambda d: d["portfolio"].update(offerings=[
        {"id": "a", "name": "A", "x": 0, "y": 0, "volume": 1},
        {"id": "a", "name": "A", "x": 0, "y": 0, "volume": 1}]),
     "portfolio.offerings.1.id", "appears twice"),
])
def test_a_bad_scenario_file_is_refused_naming_file_field_and_problem(
        tmp_path, scenario, mutate, field, problem):
    path = _write(tmp_path, scenario, mutate)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    err = info.value
    assert err.file == path
    assert err.field == field
    assert problem in err.problem
    assert path in err.message and field in err.message


def test_file_round_trip_keeps_offerings_lens_weights_and_ratings(tmp_path):
    doc = Document()
    doc.apply(eco_edits.add_offering(doc, "Data", 0.61, 0.72, 300))
    doc.apply(eco_edits.add_offering(doc, "Data", -0.3, -0.45, 120.5))
    doc.apply(eco_edits.set_lens(doc, "camilleri"))
    doc.apply(eco_edits.set_volume_unit(doc, "hours"))
    doc.apply(doc.set_weight(FID, "equity", 85))
    doc.apply(doc.set_rating(FID, "badges-awards", "revenue", 2.5))
    path = tmp_path / "round.json"
    save_scenario(path, doc.scenario)
    loaded, _ = load_scenario(path)
    assert loaded.portfolio == doc.scenario.portfolio
    assert loaded.frameworks[FID].weights["equity"] == 85
    assert loaded.frameworks[FID].rating_overrides == {"badges-awards": {"revenue": 2.5}}
    again = Document(loaded)
    assert eco_report.report(again, "credential-ecology") == eco_report.report(doc,
                                                                               "credential-ecology")


def test_score_report_carries_the_portfolio(scenario):
    from mcexplorer.cli import score_report

    doc = Document(scenario)
    doc.apply(eco_edits.add_offering(doc, "Degree", -0.8, 0.8, 100))
    doc.apply(eco_edits.add_offering(doc, "Units", 0.8, 0.8, 100))
    entry = next(f for f in score_report(doc)["frameworks"] if f["id"] == FID)
    p = entry["portfolio"]
    assert p["mix"] == {MACRO: 50.0, MICRO: 50.0, SHORT: 0.0, BADGES: 0.0}
    assert p["classification"]["id"] == "integrated"
    fits = {r["option"]: r["fit"] for r in entry["ranking"]}
    assert p["portfolio_fit"] == pytest.approx((fits[MACRO] + fits[MICRO]) / 2, abs=1e-3)
    assert [o["name"] for o in p["offerings"]] == ["Degree", "Units"]
    json.dumps(p)  # plain JSON


def test_the_portfolio_module_does_not_import_qt():
    code = ("import sys, mcexplorer.core.ecology.edits, mcexplorer.core.ecology.report, "
            "mcexplorer.core.document;"
            "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
