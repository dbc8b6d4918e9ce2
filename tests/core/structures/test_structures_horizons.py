"""The Three Horizons plan: rebalancing, the observed split, coherence rules, files, edits."""

from __future__ import annotations

import json
import math

import pytest
from fuzzing import examples
from hypothesis import given, settings, strategies as st

from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario, scenario_json
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.structures import (
    balance as hz_balance,
    curves as hz_curves,
    edits as hz_edits,
    report as hz_report,
    rules as hz_rules,
)
from mcexplorer.core.structures.models import Initiative, Split
from mcexplorer.core.validation import load_scenario

KEYS = ("h1", "h2", "h3")


def tenths(split: Split) -> list[int]:
    out = []
    for k in KEYS:
        x = getattr(split, k) * 10
        assert abs(x - round(x)) < 1e-6, f"{k}={getattr(split, k)} is not whole tenths"
        out.append(round(x))
    return out


@st.composite
def splits(draw) -> Split:
    a = draw(st.integers(0, 1000))
    b = draw(st.integers(0, 1000 - a))
    return Split(h1=a / 10, h2=b / 10, h3=(1000 - a - b) / 10)


# -- rebalance ------------------------------------------------------------------------------


@settings(max_examples=examples(400), deadline=None)
@given(splits(), st.sampled_from(KEYS), st.floats(0, 100, allow_nan=False),
       st.sampled_from((None,) + KEYS))
def test_rebalance_sums_to_exactly_100_and_never_negative(split, key, value, locked):
    new = hz_balance.rebalance(split, key, value, locked)
    t = tenths(new)
    assert sum(t) == 1000
    assert min(t) >= 0
    assert math.isclose(new.h1 + new.h2 + new.h3, 100.0, abs_tol=1e-9)


@settings(max_examples=examples(300), deadline=None)
@given(splits(), st.sampled_from(KEYS), st.floats(0, 100, allow_nan=False), st.sampled_from(KEYS))
def test_a_locked_share_never_moves(split, key, value, locked):
    new = hz_balance.rebalance(split, key, value, locked)
    assert getattr(new, locked) == getattr(split, locked)
    if key != locked:
        # the moved share goes where asked unless the lock caps it
        assert getattr(new, key) == pytest.approx(min(value, 100 - getattr(split, locked)),
                                                  abs=0.051)


@settings(max_examples=examples(300), deadline=None)
@given(splits(), st.sampled_from(KEYS), st.floats(0, 100, allow_nan=False))
def test_without_a_lock_the_others_keep_their_proportions(split, key, value):
    new = hz_balance.rebalance(split, key, value)
    assert getattr(new, key) == pytest.approx(value, abs=0.05 + 1e-9)
    a, b = [k for k in KEYS if k != key]
    old_a, old_b = getattr(split, a), getattr(split, b)
    rest = 100 - getattr(new, key)
    if old_a + old_b > 0:
        assert getattr(new, a) == pytest.approx(rest * old_a / (old_a + old_b), abs=0.051)
    else:
        assert abs(getattr(new, a) - getattr(new, b)) <= 0.1 + 1e-9


def test_rebalance_hand_computed():
    s = Split(h1=70, h2=20, h3=10)
    assert hz_balance.shares(hz_balance.rebalance(s, "h1", 55)) == {"h1": 55, "h2": 30, "h3": 15}
    assert hz_balance.shares(hz_balance.rebalance(s, "h1", 56)) == {"h1": 56, "h2": 29.3,
                                                                    "h3": 14.7}
    # both others at 0: the rest is split equally
    assert hz_balance.shares(hz_balance.rebalance(Split(h1=100, h2=0, h3=0), "h1",
                                                  40)) == {"h1": 40, "h2": 30, "h3": 30}
    # H2 locked: only H3 absorbs, and H1 is capped at 80 so H3 cannot go negative
    assert hz_balance.shares(hz_balance.rebalance(s, "h1", 95, "h2")) == {"h1": 80, "h2": 20,
                                                                          "h3": 0}
    # moving the locked share changes nothing
    assert hz_balance.rebalance(s, "h2", 50, "h2") == s


def test_display_percentages_sum_to_100():
    assert sum(hz_balance.display_percentages(Split(h1=33.3, h2=33.3, h3=33.4))) == 100
    assert hz_balance.display_percentages(Split(h1=56, h2=29.3, h3=14.7)) == (56, 29, 15)


# -- observed split ---------------------------------------------------------------------------


def ini(i, time=0.5, horizon=2.0, size=1.0):
    return Initiative(id=f"i-{i}", name=f"I{i}", time=time, horizon=horizon, size=size)


def test_observed_split_hand_computed():
    # A on H1 size 2; B at H1/H2 (1.5) size 1 -> half each; C on H3 size 1.
    # H1 = 2 + 0.5 = 2.5, H2 = 0.5, H3 = 1 of 4 -> 62.5 / 12.5 / 25.
    split = hz_balance.observed_split([ini(1, horizon=1, size=2), ini(2, horizon=1.5),
                                       ini(3, horizon=3)])
    assert hz_balance.shares(split) == {"h1": 62.5, "h2": 12.5, "h3": 25.0}
    # 2.25 counts three quarters to H2 and a quarter to H3
    split = hz_balance.observed_split([ini(1, horizon=2.25)])
    assert hz_balance.shares(split) == {"h1": 0, "h2": 75, "h3": 25}
    assert hz_balance.observed_split([]) is None


def test_observed_split_of_thirds_still_sums_to_100():
    split = hz_balance.observed_split([ini(1, horizon=1), ini(2, horizon=2), ini(3, horizon=3)])
    assert sum(tenths(split)) == 1000


# -- chart geometry ---------------------------------------------------------------------------


@pytest.mark.parametrize("t", [0.05, 0.2, 0.5, 0.9])
@pytest.mark.parametrize("h", [1.0, 2.0, 3.0])
def test_a_point_on_a_curve_maps_back_to_its_horizon(t, h):
    assert hz_curves.horizon_at(t, hz_curves.height(t, h), current=h) == h


def test_between_two_curves_is_between_horizons():
    t = 0.2  # H1 high, H2 low, far apart
    assert hz_curves.horizon_at(t, hz_curves.height(t, 1.5), current=1.5) == pytest.approx(1.5,
                                                                                           abs=0.01)


# -- coherence rules --------------------------------------------------------------------------


def doc() -> Document:
    return Document(default_scenario())


def ids(d: Document) -> list[str]:
    return [t.id for t in hz_rules.tensions(d)]


def test_default_scenario_has_no_tension():
    assert ids(doc()) == []


def test_model_horizon_vs_balance_fires_and_clears():
    d = doc()  # top business model: institutional business unit, H2/H3
    d.apply(hz_edits.set_balance(d, "h1", 90))   # H2 + H3 = 10% < 15%
    found = {t.id: t for t in hz_rules.tensions(d)}
    t = found["model-horizon-vs-balance"]
    assert "Institutional business unit" in t.settings[0] and "H2 + H3 = 10%" in t.settings[1]
    d.apply(hz_edits.set_balance(d, "h1", 85))   # H2 + H3 = 15%: enough
    assert "model-horizon-vs-balance" not in ids(d)


def test_structure_horizon_vs_balance_fires_and_clears():
    d = doc()  # top structure: PACE unit (H2)
    d.apply(hz_edits.set_lock(d, "h3"))
    d.apply(hz_edits.set_balance(d, "h2", 14))
    t = next(t for t in hz_rules.tensions(d) if t.id == "structure-horizon-vs-balance")
    assert "PACE" in t.settings[0] and "H2 = 14%" in t.settings[1]
    d.apply(hz_edits.set_balance(d, "h2", 15))
    assert "structure-horizon-vs-balance" not in ids(d)


def test_aim_vs_balance_fires_and_clears():
    d = doc()
    d.apply(d.set_target("business-models", "horizon", 3))  # aim for H3; H3 has 10%
    t = next(t for t in hz_rules.tensions(d) if t.id == "aim-vs-balance")
    assert t.settings == ("Business models: target horizon H3", "Balance: H3 = 10%")
    d.apply(hz_edits.set_balance(d, "h3", 20))
    assert "aim-vs-balance" not in ids(d)


def _favour_commercial_unit(d: Document) -> None:
    for cid in ("flexibility", "business-ownership", "transformative-innovation"):
        d.apply(d.set_weight("structures", cid, 100))
    for cid in ("coordination-qa", "research-teaching", "cross-subsidy"):
        d.apply(d.set_weight("structures", cid, 0))


def test_commercial_unit_vs_degree_weight_fires_and_clears():
    d = doc()
    _favour_commercial_unit(d)
    d.apply(d.set_weight("structures", "degree-alignment", 80))
    assert d.ranking("structures").results[0].option == "commercial-unit"
    t = next(t for t in hz_rules.tensions(d) if t.id == "commercial-unit-vs-degree-weight")
    assert "commercial unit" in t.settings[0] and t.settings[1].endswith("= 80")
    d.apply(d.set_weight("structures", "degree-alignment", 60))  # below HIGH_WEIGHT
    assert d.ranking("structures").results[0].option == "commercial-unit"
    assert "commercial-unit-vs-degree-weight" not in ids(d)


def test_model_vs_structure_fires_and_clears():
    d = doc()
    # favour faculty structures (H1): degree alignment and research link only
    for c in d.framework("structures").criteria:
        d.apply(d.set_weight("structures", c.id, 100 if c.id in ("degree-alignment",
                                                                  "research-teaching") else 0))
    assert d.ranking("structures").results[0].option == "faculty"
    assert d.ranking("business-models").results[0].option == "business-unit"  # H2/H3
    t = next(t for t in hz_rules.tensions(d) if t.id == "model-vs-structure-horizon")
    assert t.settings[0].startswith("Business models: top-ranked Institutional business unit")
    assert t.settings[1].startswith("Structures: top-ranked 1 Inside faculty")
    d.apply(d.set_rating("business-models", "business-unit", "horizon", 2))  # now H2: gap 1
    assert "model-vs-structure-horizon" not in ids(d)


def test_intended_vs_observed_fires_and_clears():
    d = doc()
    d.apply(hz_edits.add_initiative(d, "Venture", time=0.8, horizon=3))  # observed 0/0/100
    t = next(t for t in hz_rules.tensions(d) if t.id == "intended-vs-observed")
    # the largest gap is named: H3, 10% intended against 100% observed
    assert t.settings == ("Balance (intended): H3 = 10%", "Initiatives (observed): H3 = 100%")
    d.apply(hz_edits.move_initiative(d, "initiative-1", 0.2, 1.0))
    d.apply(hz_edits.add_initiative(d, "Hub", horizon=2))
    d.apply(hz_edits.add_initiative(d, "Core", horizon=1))
    # observed 66.7 / 33.3 / 0 vs 70 / 20 / 10: largest gap 13.3 points
    assert "intended-vs-observed" not in ids(d)


def test_no_weight_means_no_top_option_and_no_crash():
    d = doc()
    for c in d.framework("structures").criteria:
        d.apply(d.set_weight("structures", c.id, 0))
    d.apply(hz_edits.set_balance(d, "h1", 100))
    assert "structure-horizon-vs-balance" not in ids(d)


def test_report_has_balance_observed_and_tensions():
    d = doc()
    d.apply(hz_edits.add_initiative(d, "A", horizon=1.5))
    d.apply(hz_edits.set_balance(d, "h1", 95))
    r = hz_report.report(d, "structures")
    assert r["balance"] == {"h1": 95, "h2": 3.3, "h3": 1.7}
    assert r["observed"] == {"h1": 50, "h2": 50, "h3": 0}
    assert {t["id"] for t in r["tensions"]} >= {"model-horizon-vs-balance",
                                                "intended-vs-observed"}
    assert all(len(t["settings"]) == 2 for t in r["tensions"])
    json.dumps(r)


# -- edits ------------------------------------------------------------------------------------


def test_edits_are_undoable_and_never_mutate_in_place():
    d = doc()
    before = d.scenario.horizons.model_copy(deep=True)
    e = hz_edits.add_initiative(d, "A")
    d.apply(e)
    e2 = hz_edits.move_initiative(d, "initiative-1", 2.0, -5)  # clamped
    d.apply(e2)
    assert d.scenario.horizons.initiatives[0].time == 1.0
    assert d.scenario.horizons.initiatives[0].horizon == 1.0
    d.apply(hz_edits.rename_initiative(d, "initiative-1", "  New   name "))
    assert d.scenario.horizons.initiatives[0].name == "New name"
    d.revert(e2)
    assert d.scenario.horizons.initiatives[0].time == 0.5
    d.revert(e)
    assert d.scenario.horizons == before


def test_bad_edits_name_the_field():
    d = doc()
    with pytest.raises(ScenarioError, match=r"horizons.balance.h1"):
        hz_edits.set_balance(d, "h1", 120)
    with pytest.raises(ScenarioError, match=r"horizons.balance"):
        hz_edits.set_balance(d, "h4", 10)
    with pytest.raises(ScenarioError, match=r"horizons.initiatives"):
        hz_edits.move_initiative(d, "nope", 0, 1)
    d.apply(hz_edits.add_initiative(d))
    with pytest.raises(ScenarioError, match="name"):
        hz_edits.rename_initiative(d, "initiative-1", "   ")


def test_gesture_edits_share_a_merge_key():
    d = doc()
    d.apply(hz_edits.add_initiative(d))
    a = hz_edits.move_initiative(d, "initiative-1", 0.1, 1, gesture=7)
    b = hz_edits.move_initiative(d, "initiative-1", 0.2, 1, gesture=7)
    c = hz_edits.move_initiative(d, "initiative-1", 0.2, 1, gesture=8)
    assert a.merge_key == b.merge_key != c.merge_key


def test_reference_edits():
    d = doc()
    d.apply(hz_edits.set_reference_share(d, "h1", 50))
    assert hz_balance.shares(d.scenario.horizons.reference) == {"h1": 50, "h2": 33.3, "h3": 16.7}
    d.apply(hz_edits.set_reference(d, None))
    assert hz_balance.shares(d.scenario.horizons.reference) == {"h1": 70, "h2": 20, "h3": 10}
    with pytest.raises(ScenarioError, match=r"horizons.reference"):
        hz_edits.set_reference(d, [50, 50, 50])


# -- files ------------------------------------------------------------------------------------


def test_round_trip(tmp_path):
    d = doc()
    d.apply(hz_edits.add_initiative(d, "Stackable modules", time=0.3, horizon=1.5, size=2))
    d.apply(hz_edits.set_lock(d, "h3"))
    d.apply(hz_edits.set_balance(d, "h1", 60))
    d.apply(hz_edits.set_reference_share(d, "h2", 25))
    d.apply(d.set_weight("structures", "degree-alignment", 80))
    d.apply(d.set_rating("structures", "faculty", "flexibility", 3))
    path = tmp_path / "s.json"
    save_scenario(path, d.scenario)
    back, _ = load_scenario(path)
    assert back == d.scenario
    assert back.horizons.locked == "h3"
    assert hz_balance.shares(back.horizons.balance) == {"h1": 60, "h2": 30, "h3": 10}
    assert back.frameworks["structures"].rating_overrides == {"faculty": {"flexibility": 3}}


def _hostile(tmp_path, mutate) -> str:
    data = json.loads(scenario_json(default_scenario()))
    data["horizons"]["initiatives"] = [
        {"id": "a", "name": "A", "time": 0.5, "horizon": 2, "size": 1}]
    mutate(data["horizons"])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    return err.value.message


def test_balance_not_summing_to_100_is_refused(tmp_path):
    msg = _hostile(tmp_path, lambda h: h["balance"].update(h1=80))
    assert "horizons.balance" in msg and "100" in msg


def test_initiative_off_range_is_refused(tmp_path):
    msg = _hostile(tmp_path, lambda h: h["initiatives"][0].update(horizon=4))
    assert "horizons.initiatives.0.horizon" in msg
    msg = _hostile(tmp_path, lambda h: h["initiatives"][0].update(time=-0.1))
    assert "horizons.initiatives.0.time" in msg


def test_duplicate_initiative_ids_are_refused(tmp_path):
    msg = _hostile(tmp_path, lambda h: h["initiatives"].append(dict(h["initiatives"][0])))
    assert "horizons.initiatives.1.id" in msg and "twice" in msg


def test_unknown_lock_is_refused(tmp_path):
    msg = _hostile(tmp_path, lambda h: h.update(locked="h4"))
    assert "horizons.locked" in msg
