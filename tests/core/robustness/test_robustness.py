"""How sure is the ranking: stability, sensitivity and rank acceptability against brute force."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest
from fuzzing import examples
from hypothesis import HealthCheck, given, settings, strategies as st

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.robustness import (
    acceptability,
    crossings,
    describe,
    ranged_cells,
    robustness_report,
    sensitivity_report,
    stability,
    sweep,
    target_stability,
    verdict,
)
from mcexplorer.core.robustness.acceptability import shares_from_counts
from mcexplorer.core.robustness.report import NO_WEIGHT
from mcexplorer.core.scoring import (
    TIE_TOLERANCE,
    effective_ratings,
    rank,
    score,
    utility,
    utility_table,
)

LEVELS = {"LOW": 1.0, "MED": 2.0, "HIGH": 3.0}
LABEL = {1.0: "LOW", 1.5: "LOW/MED", 2.0: "MED", 2.5: "MED/HIGH", 3.0: "HIGH"}
HALF = sorted(LABEL)
MARGIN = 1e-6  # grid points this close to an interval end or crossing are not judged


def make(directions, ratings, identical=()):
    """A framework on LOW/MED/HIGH scales; ratings[j][i] is option j on criterion i."""
    criteria = [{"id": f"c{i}", "name": f"C{i}", "direction": d, "scale": [1, 3],
                 "levels": LEVELS, **({"default_target": 2.0} if d == "target" else {})}
                for i, d in enumerate(directions)]
    options = [{"id": f"o{j}", "name": f"Option {j}",
                "ratings": {f"c{i}": LABEL[v] for i, v in enumerate(row)}}
               for j, row in enumerate(ratings)]
    return Framework.model_validate({"id": "test", "title": "Test", "criteria": criteria,
                                     "options": options, "provenance": "authored-default"})


@st.composite
def cases(draw, float_weights=False, need_target=False):
    k = draw(st.integers(1, 4))
    directions = draw(st.lists(st.sampled_from(["benefit", "cost", "target"]),
                               min_size=k, max_size=k))
    if need_target:
        directions[0] = "target"
    n = draw(st.integers(1, 6))
    ratings = draw(st.lists(st.lists(st.sampled_from(HALF), min_size=k, max_size=k),
                            min_size=n, max_size=n))
    fw = make(directions, ratings)
    value = (st.one_of(st.just(0.0), st.floats(0.01, 100.0)) if float_weights
             else st.integers(0, 100).map(float))
    weights = {f"c{i}": draw(value) for i in range(k)}
    targets = {f"c{i}": draw(st.sampled_from(HALF)) for i, d in enumerate(directions)
               if d == "target"}
    return fw, weights, targets


def firsts(fw, table, weights):
    ranking = rank(fw, table, weights)
    return {r.option for r in ranking.results if r.rank == 1}, ranking


def check_interval(interval, top, grid, first_at, step):
    """Inside the interval the winner is (jointly) first; outside it is not."""
    for x in grid:
        inside = interval.low + MARGIN < x < interval.high - MARGIN
        outside = x < interval.low - MARGIN or x > interval.high + MARGIN
        if inside or outside:
            assert (top in first_at(x)[0]) == inside, (x, interval)
    if interval.above is not None:
        assert first_at(interval.high + step)[1].results[0].option == interval.above
    if interval.below is not None:
        assert first_at(interval.low - step)[1].results[0].option == interval.below


GRID = [i / 10 for i in range(1001)]
SLOW = settings(max_examples=examples(40), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(cases())
def test_stability_matches_a_brute_force_sweep_at_tenth_steps(case):
    fw, weights, targets = case
    table = utility_table(fw, targets)
    intervals = stability(fw, weights, targets)
    ranking = score(fw, weights, targets)
    if not ranking.has_weight:
        assert intervals == {}
        return
    top = ranking.results[0].option
    for cid, interval in intervals.items():
        assert 0.0 <= interval.low <= weights[cid] <= interval.high <= 100.0
        assert (interval.below is None) == (interval.low == 0.0)
        assert (interval.above is None) == (interval.high == 100.0)
        others = sum(w for c, w in weights.items() if c != cid)
        grid = [x for x in GRID if x > 0 or others > 0]  # no ranking without any weight
        check_interval(interval, top, grid,
                       lambda x, cid=cid: firsts(fw, table, {**weights, cid: x}), 1e-4)


@SLOW
@given(cases(float_weights=True))
def test_stability_holds_for_any_weights(case):
    fw, weights, targets = case
    table = utility_table(fw, targets)
    ranking = rank(fw, table, weights)
    if not ranking.has_weight:
        return
    top = ranking.results[0].option
    for cid, interval in stability(fw, weights, targets).items():
        for x in GRID[::5]:
            if sum(weights.values()) - weights[cid] + x == 0:
                continue
            inside = interval.low + MARGIN < x < interval.high - MARGIN
            outside = x < interval.low - MARGIN or x > interval.high + MARGIN
            if inside or outside:
                assert (top in firsts(fw, table, {**weights, cid: x})[0]) == inside


@SLOW
@given(cases(need_target=True))
def test_target_stability_matches_every_target_value(case):
    fw, weights, targets = case
    interval = target_stability(fw, weights, targets, None, "c0")
    ranking = score(fw, weights, targets)
    if not ranking.has_weight:
        assert interval is None
        return
    top = ranking.results[0].option
    assert interval.low <= targets["c0"] <= interval.high

    def first_at(t):
        return firsts(fw, utility_table(fw, {**targets, "c0": t}), weights)

    check_interval(interval, top, [1 + i / 100 for i in range(201)], first_at, 1e-6)


@SLOW
@given(cases())
def test_crossings_are_where_the_brute_force_order_changes(case):
    fw, weights, targets = case
    table = utility_table(fw, targets)
    cid = "c0"
    found = crossings(fw, weights, targets, None, cid)
    if sum(w for c, w in weights.items() if c != cid) == 0:
        assert found.pairs == () and found.top == ()
        return
    fits = {x: {r.option: r.fit for r in rank(fw, table, {**weights, cid: x}).results}
            for x in GRID}
    ids = [o.id for o in fw.options]
    for x in found.pairs:  # each listed crossing: equal fits there, the order flips around it
        f = {r.option: r.fit for r in rank(fw, table, {**weights, cid: x.weight}).results}
        assert math.isclose(f[x.before], x.fit, abs_tol=1e-9)
        assert math.isclose(f[x.after], x.fit, abs_tol=1e-9)
    for a, b in itertools.pairwise(GRID):  # each sign change on the grid: a listed crossing
        for i, p in enumerate(ids):
            for q in ids[i + 1:]:
                if (fits[a][p] - fits[a][q]) * (fits[b][p] - fits[b][q]) < -1e-18:
                    assert any(a - MARGIN <= x.weight <= b + MARGIN and {x.before, x.after}
                               == {p, q} for x in found.pairs), (p, q, a, b)
    # First place: the leader of each stretch between changes is first all along it.
    ends = [0.0] + [x.weight for x in found.top] + [100.0]
    leaders = [found.top[0].before] + [x.after for x in found.top] if found.top else [None]
    for x in GRID:
        best = max(fits[x].values())
        for lo, hi, leader in zip(ends, ends[1:], leaders):
            if lo + MARGIN < x < hi - MARGIN and leader is not None:
                assert fits[x][leader] >= best - TIE_TOLERANCE, (x, leader)
    if not found.top:
        assert any(all(f[o] >= max(f.values()) - TIE_TOLERANCE for f in fits.values())
                   for o in ids)
    for x in found.top:
        assert firsts(fw, table, {**weights, cid: x.weight - 1e-4})[1].results[0].option \
            == x.before
        assert firsts(fw, table, {**weights, cid: x.weight + 1e-4})[1].results[0].option \
            == x.after


@pytest.fixture
def bm():
    fw = builtin_frameworks()["business-models"]
    return fw, {c.id: 50.0 for c in fw.criteria}


def test_stability_of_the_default_matrix_hand_checked(bm):
    fw, w = bm
    s = stability(fw, w)
    # Risk: business unit MED (u .5) against MOOC LOW (u 1). Other numerators: 287.5 - 25 and
    # 275 - 50, so 262.5 + .5 w = 225 + w at w = 75, where MOOC led takes over.
    assert s["risk"].as_dict() == {"low": 0.0, "high": 75.0, "below": None,
                                   "above": "mooc-platform", "low_open": False}
    assert s["costs"].as_dict() == {"low": 0.0, "high": 100.0, "below": None, "above": None,
                                    "low_open": False}
    names = {o.id: o.name for o in fw.options}
    assert describe(s["risk"], names) == "stable from 0 to 75; above 75: MOOC led"


def test_a_current_tie_for_first_closes_the_interval_where_the_other_leads():
    fw = make(["benefit", "benefit"], [[3.0, 1.0], [1.0, 3.0], [1.0, 1.0]])
    s = stability(fw, {"c0": 50.0, "c1": 50.0})
    assert s["c0"].as_dict() == {"low": 50.0, "high": 100.0, "below": "o1", "above": None,
                                 "low_open": False}
    assert s["c1"].as_dict() == {"low": 0.0, "high": 50.0, "below": None, "above": "o1",
                                 "low_open": False}


def test_zero_weights_and_one_option():
    fw = make(["benefit", "cost"], [[3.0, 3.0], [1.0, 1.0]])  # o0 best on c0, o1 on c1
    assert stability(fw, {"c0": 0.0, "c1": 0.0}) == {}
    only = stability(fw, {"c0": 40.0, "c1": 0.0})
    # The only weight set: at 0 nothing is ranked, so 0 itself is outside (issue 23, point 8).
    assert only["c0"].as_dict() == {"low": 0.0, "high": 100.0, "below": None, "above": None,
                                    "low_open": True}
    assert only["c1"].as_dict() == {"low": 0.0, "high": 40.0, "below": None, "above": "o1",
                                    "low_open": False}
    single = make(["benefit"], [[2.0]])
    assert stability(single, {"c0": 10.0})["c0"].as_dict()["high"] == 100.0


def test_sweep_fits_are_the_rankings_fits_and_the_report_names_them(bm):
    fw, w = bm
    s = sweep(fw, w, None, None, "risk", steps=11)
    assert s.weights == tuple(float(x) for x in range(0, 101, 10))
    for k, x in enumerate(s.weights):
        ranking = score(fw, {**w, "risk": x})
        for r in ranking.results:
            assert s.series(r.option)[k] == pytest.approx(r.fit, abs=1e-9)
    report = sensitivity_report(fw, w, None, None, "risk")
    assert set(report) == {"framework", "criterion", "weight", "top", "stability", "options",
                           "weights", "fits", "crossings", "top_changes"}
    assert report["weights"] == [float(x) for x in range(101)]
    assert report["top_changes"] == [{"weight": 75.0, "fit": pytest.approx(70.588235294),
                                      "before": "business-unit", "after": "mooc-platform"}]
    assert report["stability"]["high"] == 75.0
    json.dumps(report, allow_nan=False)
    with pytest.raises(ScenarioError, match="unknown criterion 'nope'"):
        sensitivity_report(fw, w, None, None, "nope")


def reference(fw, weights, targets, draws, seed, jitter, uniform, rating_ranges):
    """The slow loop: one draw at a time from the same random numbers, scored one by one."""
    rng = np.random.Generator(np.random.PCG64(seed))
    crits, ids = fw.criteria, [o.id for o in fw.options]
    cells = ranged_cells(fw) if rating_ranges else ()
    weight_u = rng.random((draws, len(crits)))
    rating_u = rng.random((draws, len(cells))) if cells else None
    base = [weights.get(c.id, c.default_weight) for c in crits]
    j = jitter / 100
    counts: dict[int, np.ndarray] = {}
    for d in range(draws):
        if uniform:
            w = [-math.log1p(-weight_u[d][i]) for i in range(len(crits))]
        else:
            w = [max(0.0, b * (1 - j + 2 * j * weight_u[d][i])) for i, b in enumerate(base)]
        rows = effective_ratings(fw)
        for q, cell in enumerate(cells):
            rows[cell.option][cell.criterion] = cell.low + (cell.high - cell.low) * rating_u[d][q]
        total = sum(w)
        fits = [100 * sum(wi * utility(c, rows[o][c.id], targets.get(c.id))
                          for wi, c in zip(w, crits)) / total for o in ids]
        order = sorted(range(len(ids)), key=lambda i: (-fits[i], i))
        start = 0
        for p in range(1, len(ids) + 1):
            if p == len(ids) or fits[order[p - 1]] - fits[order[p]] > TIE_TOLERANCE:
                block = counts.setdefault(p - start, np.zeros((len(ids),) * 2, dtype=np.int64))
                for m in order[start:p]:
                    block[m, start:p] += 1
                start = p
    return shares_from_counts(counts, len(ids), draws)


@pytest.mark.parametrize("uniform, ranges", [(False, True), (True, True), (False, False)])
def test_acceptability_matches_the_slow_loop_exactly(uniform, ranges):
    # o2 and o3 are identical and fixed: tied in every draw, so the tie rule is exercised.
    fw = make(["benefit", "cost", "target"],
              [[2.5, 1.5, 2.0], [3.0, 2.0, 1.5], [2.0, 2.0, 2.0], [2.0, 2.0, 2.0]])
    weights, targets = {"c0": 40.0, "c1": 70.0, "c2": 55.0}, {"c2": 2.5}
    acc = acceptability(fw, weights, targets, None, draws=1500, seed=7, jitter=35.0,
                        uniform=uniform, rating_ranges=ranges)
    fast = np.array([acc.ranks[o.id] for o in fw.options])
    slow = reference(fw, weights, targets, 1500, 7, 35.0, uniform, ranges)
    assert np.array_equal(fast, slow)
    assert acc.ranks["o2"] == acc.ranks["o3"]
    assert len(acc.cells) == (3 if ranges else 0)


def test_two_seeds_agree_within_two_points_at_ten_thousand_draws(bm):
    fw, w = bm
    a, b = (acceptability(fw, w, seed=s) for s in (1, 2))
    assert a.ranks != b.ranks  # the seed matters...
    for o in a.shares:  # ...but not by more than sampling noise
        assert abs(a.shares[o] - b.shares[o]) <= 0.02
        assert max(abs(x - y) for x, y in zip(a.ranks[o], b.ranks[o])) <= 0.02
    assert a.ranks == acceptability(fw, w, seed=1).ranks  # reproducible


def test_no_jitter_and_fixed_ratings_give_the_deterministic_ranking(bm):
    fw, w = bm
    acc = acceptability(fw, w, jitter=0.0, rating_ranges=False, draws=200)
    assert acc.shares["business-unit"] == 1.0 and sum(acc.shares.values()) == 1.0
    # Industry-led and OPX-led tie at 65.625 for third: half of third and half of fourth each.
    assert acc.ranks["industry-partnership"] == [0, 0, .5, .5, 0, 0, 0, 0]
    assert acc.ranks["opx-partnership"] == [0, 0, .5, .5, 0, 0, 0, 0]
    tied = make(["benefit"], [[3.0], [3.0], [1.0]])
    split = acceptability(tied, {"c0": 10.0}, jitter=0.0, draws=10)
    assert split.shares == {"o0": 0.5, "o1": 0.5, "o2": 0.0}
    drawn = acceptability(fw, w, jitter=0.0, draws=2000)  # Table 2's ranges alone move it
    assert 0.0 < drawn.shares["business-unit"] < 1.0


def test_ranged_cells_are_table_2_slash_ratings_not_edited_ones(bm):
    fw, _ = bm
    cells = ranged_cells(fw)
    assert len(cells) == 13
    impact = next(c for c in cells if (c.option, c.criterion) == ("business-unit", "impact"))
    assert (impact.low, impact.high) == (2.0, 3.0)  # MED/HIGH
    edited = ranged_cells(fw, {"business-unit": {"impact": 2.5}})
    assert len(edited) == 12


def test_report_has_the_contract_shape(bm):
    fw, w = bm
    report = robustness_report(fw, w, draws=500, seed=3, jitter=10.0)
    assert set(report) == {"stability", "acceptability"}
    assert set(report["stability"]) == {c.id for c in fw.criteria}
    for entry in report["stability"].values():
        assert set(entry) == {"low", "high", "below", "above", "low_open"}
    acc = report["acceptability"]
    assert set(acc) == {"draws", "seed", "jitter", "shares", "ranks", "rating_ranges"}
    assert (acc["draws"], acc["seed"], acc["jitter"], acc["rating_ranges"]) == (500, 3, 10.0, True)
    assert list(acc["shares"]) == [o.id for o in fw.options]
    assert math.isclose(sum(acc["shares"].values()), 1.0)
    for o, row in acc["ranks"].items():
        assert len(row) == 8 and math.isclose(sum(row), 1.0) and row[0] == acc["shares"][o]
    json.dumps(report, allow_nan=False)
    none = robustness_report(fw, {c.id: 0.0 for c in fw.criteria}, draws=10)
    assert none["stability"] == {} and none["acceptability"]["shares"] == {}
    assert robustness_report(fw, w, draws=10, uniform=True)["acceptability"]["jitter"] is None


def test_verdict_reads_aloud(bm):
    fw, w = bm
    acc = acceptability(fw, w)
    text = verdict(score(fw, w), acc)
    pct = round(acc.shares["business-unit"] * 100)
    assert text == (f"Institutional business unit stays first for {pct}% of draws of weights "
                    "and ranged ratings; its nearest rival is MOOC led.")
    assert verdict(score(fw, w), acc, threshold=0.95).startswith(
        "Too close to call: Institutional business unit comes first for")
    zero = {c.id: 0.0 for c in fw.criteria}
    assert verdict(score(fw, zero), acceptability(fw, zero)) == NO_WEIGHT
    tied = make(["benefit"], [[3.0], [3.0], [1.0]])
    tie = verdict(score(tied, {"c0": 5.0}), acceptability(tied, {"c0": 5.0}))
    assert tie.startswith("Option 0 and Option 1 are tied first; together they come first "
                          "for 100%")


@pytest.mark.parametrize("kwargs, field", [({"draws": 0}, "draws"), ({"draws": 2.5}, "draws"),
                                           ({"seed": -1}, "seed"), ({"jitter": -5}, "jitter"),
                                           ({"jitter": math.nan}, "jitter")])
def test_bad_settings_are_refused_in_one_line(bm, kwargs, field):
    fw, w = bm
    with pytest.raises(ScenarioError) as err:
        acceptability(fw, w, **kwargs)
    assert err.value.field == field and "\n" not in err.value.message


def test_target_stability_refuses_a_criterion_without_a_target(bm):
    fw, w = bm
    with pytest.raises(ScenarioError, match="not a target"):
        target_stability(fw, w, None, None, "risk")
    horizon = target_stability(fw, w, None, None, "horizon")
    assert horizon.low <= 2.0 <= horizon.high
