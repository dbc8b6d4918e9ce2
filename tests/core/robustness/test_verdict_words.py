"""Every sentence true (issue 23, points 1-8): what the verdict says about ties and about what
the draws varied, one rounding for shares, no spurious interval ends, all-zero weights, labels
on the target's line and typed balance values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from fuzzing import examples
from hypothesis import given, settings, strategies as st

from mcexplorer.core.document import Document
from mcexplorer.core.leadership_risks.summary import answer_business_model
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.robustness import (
    acceptability,
    describe,
    draws_note,
    robustness_report,
    scale_label,
    stability,
    target_stability,
    verdict,
)
from mcexplorer.core.scoring import score
from mcexplorer.core.structures.balance import make_split, rebalance
from mcexplorer.core.structures.models import Split
from mcexplorer.core.values import percent_text, share_text

LEVELS = {"LOW": 1.0, "MED": 2.0, "HIGH": 3.0}
BM = "business-models"


def make(directions, ratings) -> Framework:
    criteria = [{"id": f"c{i}", "name": f"C{i}", "direction": d, "scale": [1, 3],
                 "levels": LEVELS} for i, d in enumerate(directions)]
    options = [{"id": f"o{j}", "name": name,
                "ratings": {f"c{i}": {"value": v} for i, v in enumerate(row)}}
               for j, (name, row) in enumerate(ratings)]
    return Framework.model_validate({"id": "t", "title": "T", "criteria": criteria,
                                     "options": options, "provenance": "authored-default"})


@pytest.fixture(scope="module")
def bm():
    fw = builtin_frameworks()[BM]
    return fw, {c.id: c.default_weight for c in fw.criteria}


# -- 1. all options tied first -------------------------------------------------------------


def test_an_all_tied_verdict_names_the_weights_where_the_tie_holds():
    fw = make(["benefit", "benefit"], [("X", [3.0, 1.0]), ("Y", [1.0, 3.0])])
    w = {"c0": 50.0, "c1": 50.0}
    ranking = score(fw, w)
    text = verdict(ranking, acceptability(fw, w), criteria={"c0": "Effort", "c1": "Costs"})
    assert "whatever the weights" not in text
    assert text == ("X and Y are tied first, but only at Effort 50 and Costs 50: moving any "
                    "one of them alone breaks the tie.")
    # What the sentence claims: one step away the tie is gone, and the intervals close at 50.
    assert score(fw, {"c0": 51.0, "c1": 50.0}).results[0].rank == 1
    assert not score(fw, {"c0": 51.0, "c1": 50.0}).results[0].tied
    iv = stability(fw, w)
    assert (iv["c0"].low, iv["c1"].high) == (50.0, 50.0)
    # The JSON verdict names the criteria by their labels.
    report = robustness_report(fw, w, draws=200, ranking=ranking)
    assert "only at C0 50 and C1 50" in report["verdict"]


def test_options_rated_alike_are_tied_whatever_the_weights():
    fw = make(["benefit", "cost"], [("X", [2.0, 1.0]), ("Y", [2.0, 1.0])])
    w = {"c0": 30.0, "c1": 80.0}
    text = verdict(score(fw, w), acceptability(fw, w))
    assert text.startswith("X and Y are tied first whatever the weights")
    for other in ({"c0": 1.0, "c1": 0.0}, {"c0": 0.0, "c1": 99.0}):
        assert all(r.tied and r.rank == 1 for r in score(fw, other).results)


def test_a_tie_broken_only_by_one_weight_names_that_weight():
    fw = make(["benefit", "benefit"], [("X", [3.0, 2.0]), ("Y", [1.0, 2.0])])
    w = {"c0": 0.0, "c1": 40.0}
    text = verdict(score(fw, w), acceptability(fw, w), criteria={"c0": "Risk", "c1": "ROI"})
    assert text == "X and Y are tied first, but only at Risk 0: moving it alone breaks the tie."


# -- 2. what was varied ------------------------------------------------------------------------


def test_the_verdict_says_what_the_draws_varied(bm):
    fw, w = bm
    ranking = score(fw, w)
    both = verdict(ranking, acceptability(fw, w))
    assert "of draws of weights and ranged ratings" in both
    weights_only = verdict(ranking, acceptability(fw, w, rating_ranges=False))
    assert "of nearby weightings" in weights_only
    ratings_only = verdict(ranking, acceptability(fw, w, jitter=0.0))
    assert "weighting" not in ratings_only
    assert "of draws of the ranged ratings, weights as set" in ratings_only
    nothing = verdict(ranking, acceptability(fw, w, jitter=0.0, rating_ranges=False))
    assert "weighting" not in nothing and "nothing was varied" in nothing
    assert "%" not in nothing
    uniform = verdict(ranking, acceptability(fw, w, uniform=True))
    assert "of all weightings, ranged ratings drawn too" in uniform


def test_the_summary_says_weights_and_ranged_ratings_were_varied():
    text = answer_business_model("Institutional business unit", 71.9, 78.5)
    assert "weight variations" not in text
    assert text == ("Institutional business unit fits best (72% fit) and stays on top in 79% of "
                    "draws varying each weight by +/-20% and any rating given as a range.")


# -- 3. +/-20% of each weight, not points -------------------------------------------------------


def test_the_report_says_plus_or_minus_20_percent_of_each_weight(bm):
    from mcexplorer.core.outputs.report_sections import robustness_paragraph

    fw, w = bm
    assert draws_note(acceptability(fw, w, draws=100)) == (
        "100 draws; each weight within +/-20% of its value; ratings given as a range (such as "
        "LOW/MED) drawn inside it")
    paragraph = robustness_paragraph(Document(), BM)
    assert "points" not in paragraph.text
    assert "each weight within +/-20% of its value" in paragraph.text
    # What the words claim: each drawn weight lies within 20% of its own value.
    from mcexplorer.core.robustness.acceptability import draw_weights
    base = np.array([10.0, 50.0, 90.0])
    drawn = draw_weights(base, np.random.default_rng(1).random((5000, 3)), 20.0, False)
    assert (np.abs(drawn - base) <= 0.2 * base + 1e-9).all()
    assert np.abs(drawn[:, 0] - base[0]).max() < 20 * 0.2 + 1e-9  # 2, not 20 points


# -- 4. one rounding for shares -------------------------------------------------------------


def test_one_share_reads_the_same_everywhere():
    assert share_text(0.785) == "79%" and percent_text(78.5) == "79%"
    assert share_text(7850 / 10_000) == "79%"
    assert share_text(0.9951) == "over 99%" and share_text(0.004) == "under 1%"
    assert share_text(1.0) == "100%" and share_text(0.0) == "0%"
    assert "79%" in answer_business_model("X", None, 78.5)


def test_verdict_summary_and_report_print_the_same_share(bm):
    from mcexplorer.core.answers import answers, strategy
    from mcexplorer.core.outputs.report_sections import best_share, robustness_paragraph

    doc = Document()
    share = best_share(doc, BM)
    words = share_text(share / 100)
    assert words in robustness_paragraph(doc, BM).text
    said = {a.id: a.answer for a in answers(strategy(doc))}
    assert f"stays on top in {words} " in said["business-models"]


# -- 5. no spurious end -------------------------------------------------------------------


def test_a_tie_at_the_scales_end_belongs_to_the_interval(bm):
    fw, _ = bm
    ids = [c.id for c in fw.criteria]
    w = dict(zip(ids, [25.0, 100.0, 50.0, 0.0, 0.0, 100.0, 100.0, 25.0]))
    iv = stability(fw, w, {"horizon": 1.453})["horizon"]
    assert (iv.low, iv.below) == (0.0, None)
    assert "below" not in describe(iv, {})


# -- 6. all weights zero ---------------------------------------------------------------------


def test_all_weights_zero_every_option_shares_first_place(bm):
    fw, _ = bm
    r = score(fw, {c.id: 0.0 for c in fw.criteria})
    assert {x.rank for x in r.results} == {1} and all(x.tied for x in r.results)
    assert [x.option for x in r.results] == [o.id for o in fw.options]


# -- 7. identical options keep the framework's order --------------------------------------


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.floats(0.0, 3.0).map(lambda v: round(1 + v * 2 / 3, 3)), min_size=3,
                max_size=3),
       st.lists(st.floats(0.0, 100.0), min_size=3, max_size=3), st.integers(2, 5))
def test_identical_options_are_listed_in_the_frameworks_order(row, weights, copies):
    fw = make(["benefit", "cost", "benefit"], [(f"O{j}", row) for j in range(copies)])
    ranking = score(fw, {f"c{i}": w for i, w in enumerate(weights)})
    assert [r.option for r in ranking.results] == [f"o{j}" for j in range(copies)]


# -- 8. only weight, target labels, typed balance ---------------------------------------------


def test_the_only_weight_set_excludes_zero(bm):
    fw, _ = bm
    only = {c.id: 0.0 for c in fw.criteria} | {"risk": 30.0}
    iv = stability(fw, only)["risk"]
    assert iv.low_open and not iv.contains(0.0) and iv.contains(0.5)
    assert describe(iv, {}) == "stable from above 0 to 100"
    assert iv.as_dict()["low_open"] is True
    assert not stability(fw, only | {"roi": 5.0})["risk"].low_open


def test_the_targets_line_shows_the_scales_words_or_one_decimal(bm):
    fw, w = bm
    crit = fw.criterion("horizon")
    label = scale_label(crit)
    assert (label(2.0), label(2.5), label(2.0833333333)) == ("H2", "H2/H3", "2.1")
    iv = target_stability(fw, w, {"horizon": 2.5}, None, "horizon")
    text = describe(iv, {o.id: o.name for o in fw.options}, label)
    assert not any(len(part) > 3 for part in text.replace(";", " ").split() if "." in part
                   and part.replace(".", "").isdigit())


def test_a_typed_balance_value_rounds_half_up():
    split = rebalance(Split(h1=70.0, h2=20.0, h3=10.0), "h3", 2.45)
    assert split.h3 == 2.5
    assert make_split(2.45, 50.0, 47.55).h1 == 2.5
    assert math.isclose(split.h1 + split.h2 + split.h3, 100.0)


def test_a_target_half_way_between_tenths_rounds_up():
    fw = builtin_frameworks()[BM]
    assert scale_label(fw.criterion("horizon"))(1.25) == "1.3"


def test_a_balance_typed_as_2_45_is_kept_as_2_5():
    from mcexplorer.core.structures.edits import set_balance

    doc = Document()
    doc.apply(set_balance(doc, "h3", 2.45))
    assert doc.scenario.horizons.balance.h3 == 2.5
