"""The rules: team coverage and gaps, culture gap, heat-map order, plan B sentence and the
leadership/positioning check."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, strategies as st

from mcexplorer.core.leadership_risks.content import content
from mcexplorer.core.leadership_risks.models import Leadership, PlanB, Risk, TeamMember
from mcexplorer.core.leadership_risks.rules import (
    culture_gap,
    gaps,
    leadership_check,
    needed_profile,
    plan_b_sentence,
    risk_score,
    sorted_risks,
    team_coverage,
    top_risks,
)

ROLES = [r.id for r in content().team_roles]


def _team(**names) -> Leadership:
    return Leadership(team=[TeamMember(role=r.replace("_", "-"), name=n) for r, n in names.items()])


# -- team ---------------------------------------------------------------------------------------


def test_an_empty_team_covers_nothing_and_a_full_one_everything():
    assert team_coverage(Leadership()) == 0.0
    full = Leadership(team=[TeamMember(role=r, name="Someone") for r in ROLES])
    assert team_coverage(full) == 1.0
    assert gaps(full) == []


def test_blank_or_vacant_names_do_not_fill_a_seat():
    lead = _team(cfo="  ", champion="Vacant", initiative_lead="R. Okafor")
    assert team_coverage(lead) == pytest.approx(1 / 11)
    assert "no CFO around the table" in [g.gap for g in gaps(lead)]


@given(st.dictionaries(st.sampled_from(ROLES),
                       st.sampled_from(["", " ", "vacant", "VACANT", "Ana", "B. Diaz"])))
def test_coverage_is_the_share_of_roles_with_someone_named(names):
    lead = Leadership(team=[TeamMember(role=r, name=n) for r, n in names.items()])
    named = {r for r, n in names.items() if n.strip() and n.strip().lower() != "vacant"}
    assert team_coverage(lead) == pytest.approx(len(named) / len(ROLES))
    vacant = [g.role for g in gaps(lead)]
    assert sorted(vacant) == sorted(set(ROLES) - named)
    assert len(vacant) + len(named) == len(ROLES)


def test_gaps_name_the_papers_warnings_key_roles_first():
    found = gaps(Leadership())
    assert [g.role for g in found[:3]] == ["initiative-lead", "champion", "cfo"]
    assert all(g.key for g in found[:3]) and not any(g.key for g in found[3:])
    assert [g.role for g in found[3:]] == [r for r in ROLES
                                          if r not in ("initiative-lead", "champion", "cfo")]
    by_role = {g.role: g for g in found}
    assert by_role["cfo"].gap == "no CFO around the table"
    assert by_role["champion"].gap == "no champion in the senior team"
    assert "Chief Financial Officer" in by_role["cfo"].warning
    assert by_role["cfo"].source.startswith("Brown, McGreal & Peters 2023")


def test_naming_the_cfo_closes_that_gap_only():
    before = {g.role for g in gaps(Leadership())}
    after = {g.role for g in gaps(_team(cfo="M. Rossi"))}
    assert before - after == {"cfo"}


# -- culture ------------------------------------------------------------------------------------


def test_culture_gap_is_needed_minus_current_per_principle():
    needed = content().profile("integrated").ratings
    lead = Leadership(culture={"transparent": 1, "shared-ownership": 4})
    gap = culture_gap(lead, "integrated")
    assert gap["transparent"] == needed["transparent"] - 1
    assert gap["shared-ownership"] == needed["shared-ownership"] - 4
    assert gap["sets-priorities"] is None  # unrated: no gap claimed
    assert set(gap) == set(needed)


def test_the_room_overrides_the_needed_profile_and_positioning_changes_the_default():
    lead = Leadership(culture={"transparent": 2}, needed={"transparent": 4})
    for positioning in ("supplementary", "integrated", "none"):
        assert culture_gap(lead, positioning)["transparent"] == 2
    plain = Leadership(culture={"shared-ownership": 1})
    assert culture_gap(plain, "supplementary")["shared-ownership"] < \
        culture_gap(plain, "integrated")["shared-ownership"]


def test_without_a_positioning_there_is_no_needed_profile_unless_the_room_sets_one():
    lead = Leadership(culture={p.id: 2 for p in content().principles}, needed={"accountable": 3})
    needed = needed_profile(lead, "none")
    assert needed["accountable"] == 3
    assert {v for k, v in needed.items() if k != "accountable"} == {None}
    assert culture_gap(lead, "none")["accountable"] == 1


# -- risks --------------------------------------------------------------------------------------


def _risk(rid, likelihood, impact):
    return Risk(id=rid, text=rid, likelihood=likelihood, impact=impact)


def test_risks_go_highest_likelihood_times_impact_first():
    items = [_risk("a", 1, 2), _risk("b", 5, 5), _risk("c", 2, 4), _risk("d", 3, 3)]
    assert [r.id for r in sorted_risks(items)] == ["b", "d", "c", "a"]
    assert [risk_score(r) for r in sorted_risks(items)] == [25, 9, 8, 2]


def test_equal_scores_keep_the_registers_order():
    items = [_risk("x", 2, 3), _risk("y", 3, 2), _risk("z", 1, 5), _risk("w", 2, 3)]
    # x = 6, y = 6, z = 5, w = 6: the sixes stay x, y, w as entered.
    assert [r.id for r in sorted_risks(items)] == ["x", "y", "w", "z"]


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), max_size=30))
def test_heat_map_order_is_a_stable_sort_by_score(pairs):
    items = [_risk(f"r{i}", lk, im) for i, (lk, im) in enumerate(pairs)]
    out = sorted_risks(items)
    assert sorted(r.id for r in out) == sorted(r.id for r in items)
    scores = [risk_score(r) for r in out]
    assert scores == sorted(scores, reverse=True)
    position = {r.id: i for i, r in enumerate(items)}
    for a, b in itertools.pairwise(out):
        if risk_score(a) == risk_score(b):
            assert position[a.id] < position[b.id]
    assert top_risks(items) == out[:3]


def test_the_papers_register_puts_the_twelves_first_in_its_own_order():
    from mcexplorer.core.leadership_risks.models import Risks

    ids = [r.id for r in sorted_risks(Risks().items)]
    assert ids[:3] == ["weak-demand", "development-cost", "missed-targets"]


# -- plan B -------------------------------------------------------------------------------------


def test_a_full_plan_b_is_one_board_ready_sentence():
    text = plan_b_sentence(PlanB(income_target=250000, recruitment_target=400,
                                 review_date=dt.date(2026, 6, 30), threshold_pct=80))
    assert text == ("If, at the review on 30 June 2026, income is below 80% of its 250,000 "
                    "target or recruitment is below 80% of its target of 400 learners, the "
                    "institution moves to its plan B: the agreed fallback or an orderly exit "
                    "from micro-credentials.")
    assert ". " not in text and text.endswith(".")  # one sentence


def test_plan_b_without_a_threshold_or_date_still_reads():
    text = plan_b_sentence(PlanB(income_target=1234.5))
    assert text.startswith("If, at a review still to be dated, income falls short of its "
                           "1,234.50 target,")
    assert "recruitment" not in text
    one = plan_b_sentence(PlanB(recruitment_target=1, threshold_pct=60))
    assert "below 60% of its target of 1 learner," in one and "income" not in one


def test_plan_b_without_targets_says_what_to_set():
    assert plan_b_sentence(PlanB()) == (
        "No plan B yet: set an income or a recruitment target, a review date and the share of "
        "target below which the fallback or exit starts.")
    partial = plan_b_sentence(PlanB(review_date=dt.date(2027, 3, 1), threshold_pct=75))
    assert partial == ("No plan B yet: set an income or a recruitment target (already set: "
                       "review on 1 March 2027, threshold 75%).")


# -- leadership and positioning -----------------------------------------------------------------


@pytest.mark.parametrize("positioning, approach, status, needs", [
    ("supplementary", "transactional", "fits", "transactional"),
    ("supplementary", "transactional-bureaucratic", "fits", "transactional"),
    ("supplementary", "transformative", "beyond", "transactional"),
    ("credit-bearing", "transactional-charismatic", "fits", "transactional"),
    ("integrated", "transactional", "short", "transformative"),
    ("integrated", "transactional-democratic", "short", "transformative"),
    ("integrated", "transformative", "fits", "transformative"),
    ("integrated", "enabling", "fits", "transformative"),
    ("integrated", "listen-link-leverage-lead", "fits", "transformative"),
    ("integrated", None, "open", "transformative"),
    ("none", "transformative", "open", None),
    ("none", None, "open", None),
])
def test_leadership_check_follows_the_papers_link(positioning, approach, status, needs):
    result = leadership_check(positioning, approach)
    assert (result.status, result.needs) == (status, needs)
    assert result.message and result.source


def test_laissez_faire_is_flagged_whatever_the_positioning():
    for positioning in ("none", "supplementary", "credit-bearing", "integrated"):
        result = leadership_check(positioning, "laissez-faire")
        assert result.status == "short"
        assert "least effective" in result.message


def test_the_check_words_the_link_the_paper_makes():
    short = leadership_check("integrated", "transactional")
    assert "transformative leader" in short.message and "new internal structures" in short.message
    fits = leadership_check("supplementary", "transactional")
    assert "transactional leader" in fits.message
    assert fits.source.startswith("Brown, McGreal & Peters 2023")
    assert short.source.startswith("Our reading")
