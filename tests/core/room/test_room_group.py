"""The group's weighting, each person's top option, and where the room disagrees."""

from __future__ import annotations

import json

import numpy as np
import pytest
from fuzzing import examples
from hypothesis import given, settings, strategies as st

from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.room.group import (
    display_names,
    group_ranking,
    group_report,
    group_targets,
    group_weights,
    person_ranking,
    spread,
    spread_reading,
    top_option,
)
from mcexplorer.core.room.models import Participant
from mcexplorer.core.scoring import score

BM = builtin_frameworks()["business-models"]
CRITERIA = [c.id for c in BM.criteria]


def person(pid: str, weights: dict[str, float] | None = None, horizon: float | None = None,
           name: str | None = None) -> Participant:
    targets = {"business-models": {"horizon": horizon}} if horizon is not None else {}
    return Participant(id=pid, name=name or pid.title(),
                       weights={"business-models": weights or {}}, targets=targets)


def only(criterion: str, value: float = 100.0) -> dict[str, float]:
    """Every criterion at zero except one."""
    return {c: (value if c == criterion else 0.0) for c in CRITERIA}


weight = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)
maybe_weight = st.one_of(st.none(), weight)
room_strategy = st.lists(
    st.tuples(st.fixed_dictionaries({c: maybe_weight for c in CRITERIA}),
              st.one_of(st.none(), st.floats(min_value=1, max_value=3))),
    min_size=1, max_size=20)


@settings(max_examples=examples(60), deadline=None)
@given(room=room_strategy, method=st.sampled_from(["median", "mean"]))
def test_group_weights_and_targets_match_numpy_on_random_rooms(room, method):
    people = [person(f"p{i}", {c: w for c, w in ws.items() if w is not None}, h)
              for i, (ws, h) in enumerate(room)]
    # Independently: a missing weight counts as the framework default (50), a missing
    # target as the default target (H2).
    matrix = np.array([[ws[c] if ws[c] is not None else 50.0 for c in CRITERIA]
                       for ws, _ in room])
    horizons = np.array([h if h is not None else 2.0 for _, h in room])
    combine = np.median if method == "median" else np.mean
    expected = combine(matrix, axis=0)

    got = group_weights(BM, people, method)
    assert list(got) == CRITERIA
    assert np.allclose([got[c] for c in CRITERIA], expected, rtol=0, atol=1e-9)
    assert group_targets(BM, people, method)["horizon"] == pytest.approx(
        float(combine(horizons)), abs=1e-12)
    assert all(0 <= w <= 100 for w in got.values())


def test_no_participants_means_no_group():
    assert group_weights(BM, []) is None
    assert group_ranking(BM, []) is None
    assert group_report(BM, []) is None


def test_median_resists_an_outlier_that_the_mean_follows():
    people = [person("a", {"risk": 0}), person("b", {"risk": 0}), person("c", {"risk": 90})]
    assert group_weights(BM, people, "median")["risk"] == 0
    assert group_weights(BM, people, "mean")["risk"] == pytest.approx(30)


def test_group_weighting_is_scored_like_any_weighting_and_edited_ratings_apply():
    people = [person("a", only("impact")), person("b", only("impact")),
              person("c", only("effort"))]
    overrides = {"sole-institution": {"impact": 3.0}}
    ranking = group_ranking(BM, people, "median", overrides)
    expected = score(BM, group_weights(BM, people), group_targets(BM, people), overrides)
    assert [(r.option, r.fit) for r in ranking.results] == \
        [(r.option, r.fit) for r in expected.results]
    # Two of three weigh only impact: the group's median is impact alone, so the group's top
    # is the best on impact, with the edited rating (sole institution now HIGH) counting.
    assert top_option(ranking) == "sole-institution"
    assert top_option(group_ranking(BM, people, "median")) == "business-unit"
    assert top_option(person_ranking(BM, people[0], overrides)) == "sole-institution"
    assert top_option(person_ranking(BM, people[2], overrides)) == "mooc-platform"


def test_a_person_who_weighs_nothing_has_no_top_option():
    nobody = person("z", {c: 0.0 for c in CRITERIA})
    assert top_option(person_ranking(BM, nobody)) is None


def test_spread_sorts_the_most_divisive_criterion_first_and_keeps_each_persons_value():
    people = [person("a", {"risk": 10, "costs": 40}), person("b", {"risk": 50, "costs": 60}),
              person("c", {"risk": 90})]
    rows = spread(BM, people)
    assert [r.criterion for r in rows[:2]] == ["risk", "costs"]
    risk = rows[0]
    assert risk.values == {"a": 10, "b": 50, "c": 90}
    assert (risk.low, risk.median, risk.high, risk.width) == (10, 50, 90, 80)
    assert rows[1].values == {"a": 40, "b": 60, "c": 50}  # c's missing costs is the default
    assert all(r.width == 0 for r in rows[2:])
    # Criteria nobody disagrees on keep the framework's order.
    assert [r.criterion for r in rows[2:]] == [c for c in CRITERIA if c not in ("risk", "costs")]
    assert spread(BM, []) == []


def test_spread_reading_names_the_most_divisive_criterion_and_its_range():
    people = [person("a", {"risk": 10}), person("b", {"risk": 50}), person("c", {"risk": 90})]
    assert spread_reading(spread(BM, people)) == "Risk divides the room most: 10 to 90."


def test_spread_reading_for_ties_agreement_one_person_and_an_empty_room():
    tie = [person("a", {"risk": 10, "roi": 0}), person("b", {"risk": 90, "roi": 80})]
    assert spread_reading(spread(BM, tie)) == \
        "Risk and ROI divide the room most: 10 to 90 and 0 to 80."
    same = [person("a"), person("b")]
    assert spread_reading(spread(BM, same)) == "The room agrees on every weight."
    assert spread_reading(spread(BM, [person("a", {"risk": 5})])).startswith("Only one participant")
    assert spread_reading(spread(BM, [])).startswith("No participants yet")
    wide = [person("a", {c: 0 for c in ("risk", "roi", "impact", "costs")}),
            person("b", {c: 90 for c in ("risk", "roi", "impact", "costs")})]
    assert spread_reading(spread(BM, wide)) == \
        "Risk, Costs and 2 other criteria divide the room most, each across 90 points."
    halves = [person("a", {"impact": 12.5}), person("b", {"impact": 87.25})]
    assert spread_reading(spread(BM, halves)) == "Impact divides the room most: 12.5 to 87.2."


def test_names_are_anonymised_as_p1_p2_in_the_rooms_order():
    people = [person("zoe", name="Zoe"), person("al", name="Al")]
    assert display_names(people) == {"zoe": "Zoe", "al": "Al"}
    assert display_names(people, anonymous=True) == {"zoe": "P1", "al": "P2"}


def test_group_report_has_exactly_the_score_json_shape():
    people = [person("ana", {"risk": 10}, name="Ana"), person("ben", {"risk": 90}, name="Ben"),
              person("cy", {"roi": 100}, horizon=3.0, name="Cy")]
    report = group_report(BM, people, "mean")
    json.dumps(report)  # plain JSON
    assert set(report) == {"method", "weights", "top", "participants", "spread"}
    assert report["method"] == "mean"
    assert report["weights"] == pytest.approx(group_weights(BM, people, "mean"))
    assert report["top"] == top_option(group_ranking(BM, people, "mean"))
    assert report["participants"] == [
        {"id": p.id, "name": p.name, "top": top_option(person_ranking(BM, p))} for p in people]
    assert set(report["spread"]) == set(CRITERIA)
    assert next(iter(report["spread"])) == "risk"  # most divisive first
    assert report["spread"]["risk"] == {"min": 10, "median": 50, "max": 90}
