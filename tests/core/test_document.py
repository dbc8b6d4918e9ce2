"""Edits: validated before they change anything, exact inverses, mergeable."""

from __future__ import annotations

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError

BM = "business-models"


def test_edit_and_revert_restore_the_ranking():
    doc = Document()
    before = [(r.option, r.fit) for r in doc.ranking(BM).results]
    edit = doc.set_weight(BM, "effort", 100)
    doc.apply(edit)
    assert doc.weight(BM, "effort") == 100
    assert [(r.option, r.fit) for r in doc.ranking(BM).results] != before
    doc.revert(edit)
    assert [(r.option, r.fit) for r in doc.ranking(BM).results] == before


@pytest.mark.parametrize("value", [-1, 101, float("nan"), float("inf"), "heavy", None])
def test_bad_weights_are_refused_and_change_nothing(value):
    doc = Document()
    before = doc.scenario.model_copy(deep=True)
    with pytest.raises(ScenarioError):
        doc.set_weight(BM, "effort", value)
    assert doc.scenario == before


def test_unknown_criterion_and_framework_name_the_problem():
    doc = Document()
    with pytest.raises(ScenarioError, match="unknown criterion 'luck'"):
        doc.set_weight(BM, "luck", 10)
    with pytest.raises(ScenarioError, match="unknown framework"):
        doc.set_weight("astrology", "effort", 10)


def test_target_must_be_on_the_scale():
    doc = Document()
    with pytest.raises(ScenarioError, match="outside the scale"):
        doc.set_target(BM, "horizon", 3.5)
    with pytest.raises(ScenarioError, match="not a target"):
        doc.set_target(BM, "effort", 2)


def test_rating_override_and_reset():
    doc = Document()
    fit = doc.ranking(BM).fit_of("peer-consortium")
    doc.apply(doc.set_rating(BM, "peer-consortium", "effort", 1))
    assert doc.is_rating_edited(BM, "peer-consortium", "effort")
    assert doc.ranking(BM).fit_of("peer-consortium") > fit
    doc.apply(doc.set_rating(BM, "peer-consortium", "effort", None))
    assert not doc.is_rating_edited(BM, "peer-consortium", "effort")
    assert doc.ranking(BM).fit_of("peer-consortium") == pytest.approx(fit)
    assert doc.scenario.frameworks[BM].rating_overrides == {}


def test_setting_a_rating_back_to_its_default_clears_the_override():
    doc = Document()
    doc.apply(doc.set_rating(BM, "mooc-platform", "impact", 3))
    doc.apply(doc.set_rating(BM, "mooc-platform", "impact", 1.5))
    assert not doc.is_rating_edited(BM, "mooc-platform", "impact")


def test_merging_keeps_the_first_old_value():
    doc = Document()
    a = doc.set_weight(BM, "risk", 60, gesture=7)
    doc.apply(a)
    b = doc.set_weight(BM, "risk", 70, gesture=7)
    doc.apply(b)
    merged = a.merged(b)
    assert merged.old == 50 and merged.new == 70 and merged.merge_key == a.merge_key
    doc.revert(merged)
    assert doc.weight(BM, "risk") == 50


def test_radar_defaults_to_the_top_three_then_follows_the_pick():
    doc = Document()
    assert doc.radar_options(BM) == doc.ranking(BM).top(3)
    doc.apply(doc.set_selection(BM, ["opx-partnership", "sole-institution"]))
    assert doc.radar_options(BM) == ["sole-institution", "opx-partnership"]  # framework order
    with pytest.raises(ScenarioError):
        doc.set_selection(BM, ["nobody"])
