"""core.robustness.lines.prepare reuses its last result for the same framework, table and
weights (a view asks for every weight's and every target's stability at once), and never lets
that hide a bad weight or a change."""

from __future__ import annotations

import math

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.robustness import stability, target_stability
from mcexplorer.core.robustness.lines import prepare

BM = "business-models"


def test_the_same_question_reuses_the_lines_and_a_new_one_does_not():
    doc = Document()
    fw, s, table = doc.framework(BM), doc.settings(BM), doc.utility_table(BM)
    first = prepare(fw, dict(s.weights), s.targets, s.rating_overrides, table)
    assert prepare(fw, dict(s.weights), s.targets, s.rating_overrides, table) is first
    moved = prepare(fw, {**s.weights, "risk": 90}, s.targets, s.rating_overrides, table)
    assert moved is not first and moved.weights[moved.criterion_index("risk")] == 90
    assert moved.ranking.results[0].option == "mooc-platform"
    # Without a table nothing is kept: the CLI and tests build fresh every time.
    assert prepare(fw, dict(s.weights)) is not prepare(fw, dict(s.weights))


@pytest.mark.parametrize("bad", [math.nan, math.inf, -1.0, "lots"])
def test_a_bad_weight_is_refused_even_right_after_a_good_call(bad):
    doc = Document()
    fw, s, table = doc.framework(BM), doc.settings(BM), doc.utility_table(BM)
    prepare(fw, dict(s.weights), s.targets, s.rating_overrides, table)
    with pytest.raises(ScenarioError):
        prepare(fw, {**s.weights, "risk": bad}, s.targets, s.rating_overrides, table)


def test_answers_with_and_without_the_reuse_agree():
    doc = Document()
    fw, s, table = doc.framework(BM), doc.settings(BM), doc.utility_table(BM)
    for risk in (10, 80, 50):
        weights = {**s.weights, "risk": risk}
        assert stability(fw, weights, s.targets, s.rating_overrides, table=table) == \
            stability(fw, weights, s.targets, s.rating_overrides)
        assert target_stability(fw, weights, s.targets, s.rating_overrides, "horizon",
                                table=table) == \
            target_stability(fw, weights, s.targets, s.rating_overrides, "horizon")
