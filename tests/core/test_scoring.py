"""The scoring engine against hand-computed cases from Table 2."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from mcexplorer.core.models import Criterion, Framework, Option, Rating
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.scoring import score, utility

BM = "business-models"

# Table 2 of Brown, McGreal & Peters (2023), transcribed independently of the resource file.
TABLE_2 = {
    "sole-institution":     ["MED", "H1", "LOW", "HIGH", "MED", "MED", "LOW/MED", "LOW/MED"],
    "business-unit":        ["MED", "H2/H3", "MED", "HIGH", "HIGH", "MED", "MED/HIGH", "MED/HIGH"],
    "peer-consortium":      ["HIGH", "H2/H3", "MED", "MED", "LOW", "MED", "MED/HIGH", "MED"],
    "industry-partnership": ["MED", "H1/H2", "LOW", "MED", "MED", "LOW", "MED", "MED"],
    "professional-body":    ["MED", "H1", "LOW", "MED", "MED", "LOW", "MED", "MED"],
    "ngo-partnership":      ["MED", "H1", "LOW", "MED", "MED", "LOW", "MED", "MED"],
    "mooc-platform":        ["LOW", "H2", "LOW", "MED", "HIGH", "MED", "LOW/MED", "LOW/MED"],
    "opx-partnership":      ["LOW", "H2/H3", "MED", "LOW", "HIGH", "MED", "MED/HIGH", "MED/HIGH"],
}
ORDER = ["effort", "horizon", "risk", "autonomy", "speed-to-market", "costs", "impact", "roi"]
VALUE = {"LOW": 1, "MED": 2, "HIGH": 3, "H1": 1, "H2": 2, "H3": 3}


def _value(label: str) -> float:
    parts = label.split("/")
    return sum(VALUE[p] for p in parts) / len(parts)


@pytest.fixture
def bm() -> Framework:
    return builtin_frameworks()[BM]


def test_resource_holds_table_2_exactly(bm):
    assert [o.id for o in bm.options] == list(TABLE_2)
    assert [c.id for c in bm.criteria] == ORDER
    for opt in bm.options:
        for cid, label in zip(ORDER, TABLE_2[opt.id]):
            assert opt.ratings[cid].value == _value(label), (opt.id, cid)
            assert opt.ratings[cid].label.upper() == label


def test_directions_follow_the_source(bm):
    directions = {c.id: c.direction for c in bm.criteria}
    assert directions == {"effort": "cost", "horizon": "target", "risk": "cost",
                          "autonomy": "benefit", "speed-to-market": "benefit", "costs": "cost",
                          "impact": "benefit", "roi": "benefit"}


def test_default_weights_hand_computed(bm):
    # Every weight 50, target H2.  Business unit: effort MED .5, horizon 2.5 vs 2 -> .75,
    # risk MED .5, autonomy HIGH 1, speed HIGH 1, costs MED .5, impact 2.5 -> .75, roi .75
    # = 5.75 / 8.  Sole institution: .5 + .5 + 1 + 1 + .5 + .5 + .25 + .25 = 4.5 / 8.
    # Peer consortium: 0 + .75 + .5 + .5 + 0 + .5 + .75 + .5 = 3.5 / 8.
    r = score(bm, {c.id: 50 for c in bm.criteria}, {"horizon": 2})
    assert r.fit_of("business-unit") == pytest.approx(100 * 5.75 / 8)
    assert r.fit_of("sole-institution") == pytest.approx(100 * 4.5 / 8)
    assert r.fit_of("peer-consortium") == pytest.approx(100 * 3.5 / 8)
    assert r.results[0].option == "business-unit"
    assert r.results[-1].option == "peer-consortium"


def test_single_weight_gives_that_criterion_utility(bm):
    weights = {c.id: 0 for c in bm.criteria} | {"effort": 100}
    r = score(bm, weights)
    assert r.fit_of("mooc-platform") == pytest.approx(100)   # LOW effort
    assert r.fit_of("peer-consortium") == pytest.approx(0)   # HIGH effort
    assert r.fit_of("sole-institution") == pytest.approx(50)  # MED effort


def test_weights_scaled_by_a_constant_give_the_same_fit(bm):
    w = {"effort": 10, "horizon": 30, "risk": 5, "autonomy": 40, "speed-to-market": 0,
         "costs": 25, "impact": 15, "roi": 35}
    a = score(bm, w)
    b = score(bm, {k: v * 2.5 for k, v in w.items()})
    for x, y in zip(a.results, b.results):
        assert x.option == y.option
        assert x.fit == pytest.approx(y.fit)


def test_target_horizon_moves_the_ranking(bm):
    only_horizon = {c.id: 0 for c in bm.criteria} | {"horizon": 100}
    h1 = score(bm, only_horizon, {"horizon": 1})
    h3 = score(bm, only_horizon, {"horizon": 3})
    assert h1.fit_of("sole-institution") == pytest.approx(100)
    assert h3.fit_of("sole-institution") == pytest.approx(0)
    assert h3.fit_of("business-unit") == pytest.approx(75)       # H2/H3 vs H3
    h25 = score(bm, only_horizon, {"horizon": 2.5})
    assert h25.fit_of("business-unit") == pytest.approx(100)
    assert h25.fit_of("industry-partnership") == pytest.approx(50)  # H1/H2 = 1.5


def test_all_weights_zero_gives_no_fit_and_no_crash(bm):
    r = score(bm, {c.id: 0 for c in bm.criteria})
    assert not r.has_weight
    assert all(x.fit is None for x in r.results)
    assert [x.option for x in r.results] == [o.id for o in bm.options]


def test_ties_share_a_rank(bm):
    r = score(bm, {c.id: 50 for c in bm.criteria}, {"horizon": 2})
    ranks = {x.option: (x.rank, x.tied) for x in r.results}
    # Professional body and NGO have identical Table 2 ratings.
    assert ranks["professional-body"] == ranks["ngo-partnership"]
    assert ranks["professional-body"][1] is True
    assert ranks["business-unit"] == (1, False)
    # Competition ranking: after a two-way tie at 3 comes 5.
    assert sorted(x.rank for x in r.results) == [1, 2, 3, 3, 5, 5, 7, 8]


def _with_extra(bm: Framework, option: Option | None = None, criterion: Criterion | None = None):
    data = bm.model_dump()
    if option is not None:
        data["options"].append(option.model_dump())
    if criterion is not None:
        data["criteria"].append(criterion.model_dump())
        for opt in data["options"]:
            opt["ratings"][criterion.id] = {"value": 3.0}
    return Framework.model_validate(data)


def test_adding_an_option_changes_no_one_elses_fit(bm):
    w = {c.id: 20 + 10 * i for i, c in enumerate(bm.criteria)}
    before = score(bm, w)
    # An extreme option: outside the others' observed range on every criterion.
    extreme = Option(id="extreme", name="Extreme", ratings={
        c.id: Rating(value=c.scale[1]) for c in bm.criteria})
    after = score(_with_extra(bm, option=extreme), w)
    for r in before.results:
        assert after.fit_of(r.option) == pytest.approx(r.fit)


def test_zero_weight_criterion_changes_nothing(bm):
    w = {c.id: 20 + 10 * i for i, c in enumerate(bm.criteria)}
    before = score(bm, w)
    extra = Criterion(id="extra", name="Extra", direction="benefit", scale=(0, 10))
    after = score(_with_extra(bm, criterion=extra), w | {"extra": 0})
    for r in before.results:
        assert after.fit_of(r.option) == pytest.approx(r.fit)


@pytest.mark.parametrize("direction,x,expected", [
    ("benefit", 1, 0.0), ("benefit", 3, 1.0), ("benefit", 2.5, 0.75),
    ("cost", 1, 1.0), ("cost", 3, 0.0), ("cost", 1.5, 0.75),
])
def test_utility_on_the_criterion_scale(direction, x, expected):
    c = Criterion(id="c", name="C", direction=direction, scale=(1, 3))
    assert utility(c, x) == pytest.approx(expected)


def test_target_utility():
    c = Criterion(id="h", name="H", direction="target", scale=(1, 3), default_target=2)
    assert utility(c, 2) == 1.0
    assert utility(c, 3) == pytest.approx(0.5)
    assert utility(c, 1, target=3) == 0.0
    assert utility(c, 3, target=3) == 1.0


def test_slash_labels_are_midpoints(bm):
    impact = bm.criterion("impact")
    assert impact.value_of("LOW/MED") == 1.5
    assert impact.value_of("med/high") == 2.5
    assert impact.label_of(2.5) == "MED/HIGH"
    with pytest.raises(ValueError, match="unknown level"):
        impact.value_of("VERY HIGH")


def test_every_builtin_framework_scores_between_0_and_100():
    for fw in builtin_frameworks().values():
        r = score(fw, {c.id: 50 for c in fw.criteria})
        for x in r.results:
            assert 0 <= x.fit <= 100
            assert not math.isnan(x.fit)


# -- any non-negative weights give a fit in [0, 100] or none (subnormal, huge, mixed) ----------

from fuzzing import examples  # noqa: E402
from hypothesis import (  # noqa: E402
    given,
    settings,
    strategies as st,
)

from mcexplorer.core.robustness.acceptability import acceptability  # noqa: E402
from mcexplorer.core.robustness.sensitivity import sweep  # noqa: E402

_WEIGHT = st.sampled_from([0.0, 5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-20, 1.0,
                           100.0]) | st.floats(0, 100)
"""Every weight a scenario file may hold (0-100), subnormal ones included."""


@pytest.mark.parametrize("tiny", [5e-324, 1e-310])
def test_a_subnormal_weight_alone_gives_that_criterion_utility(bm, tiny):
    weights = {c.id: 0.0 for c in bm.criteria} | {"autonomy": tiny}
    ranking = score(bm, weights)
    by_id = {r.option: r.fit for r in ranking.results}
    assert by_id["sole-institution"] == pytest.approx(100.0)
    assert by_id["opx-partnership"] == pytest.approx(0.0)


@settings(max_examples=examples(80), deadline=None)
@given(st.lists(_WEIGHT, min_size=8, max_size=8))
def test_any_non_negative_weights_give_finite_fits_in_range(weights):
    bm = builtin_frameworks()[BM]
    ids = [c.id for c in bm.criteria]
    ranking = score(bm, dict(zip(ids, weights, strict=True)))
    fits = [r.fit for r in ranking.results]
    if any(w > 0 for w in weights):
        assert all(f is not None and math.isfinite(f) and 0.0 <= f <= 100.0 for f in fits)
        assert all(b <= a + 1e-9 for a, b in itertools.pairwise(fits))  # best first, ties aside
    else:
        assert fits == [None] * len(fits)
    drawn = acceptability(bm, dict(zip(ids, weights, strict=True)), {}, {}, draws=50, seed=1)
    assert all(0.0 <= s <= 1.0 for s in drawn.shares.values())
    curve = sweep(bm, dict(zip(ids, weights, strict=True)), {}, {}, ids[0], steps=11)
    finite = curve.fits[~np.isnan(curve.fits)]
    assert ((finite >= 0.0) & (finite <= 100.0)).all()


def test_identical_options_keep_the_frameworks_order():
    crit = [Criterion(id=f"c{i}", name=f"C{i}", direction="benefit", scale=(0.0, 1.0),
                      default_weight=w) for i, w in enumerate((0.1, 0.7, 0.2))]
    ratings = {"c0": 0.3, "c1": 0.1, "c2": 0.7}
    options = [Option(id=f"o{i}", name=f"O{i}",
                      ratings={k: Rating(value=v) for k, v in ratings.items()})
               for i in range(6)]
    fw = Framework(id="same", title="Same", options=options, criteria=crit)
    for weights in ({"c0": 0.1, "c1": 0.7, "c2": 0.2}, {"c0": 1 / 3, "c1": 1 / 7, "c2": 0.3}):
        ranking = score(fw, weights)
        assert [r.option for r in ranking.results] == [f"o{i}" for i in range(6)]
        assert {r.rank for r in ranking.results} == {1}
