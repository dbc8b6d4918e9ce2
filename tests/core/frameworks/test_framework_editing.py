"""A framework made the planner's, in the core: options and criteria added and removed as
scenario definitions (undoable, surviving save and reopen, never touching resources/), notes
on ratings, resets, the framework saved with its edits, the user's folder carried along."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.frameworks import editing
from mcexplorer.core.frameworks.building import criterion_from, new_framework, rating_source
from mcexplorer.core.frameworks.files import framework_from_json, framework_payload
from mcexplorer.core.frameworks.user_folder import carry_frameworks, definitions_limit
from mcexplorer.core.io import parse_json, save_scenario, scenario_json
from mcexplorer.core.models import Participant, Snapshot, SnapshotSettings
from mcexplorer.core.resources import builtin_frameworks, resources_dir
from mcexplorer.core.scoring import score, utility
from mcexplorer.core.validation import check_scenario, load_scenario, parse_scenario

BM = "business-models"
ECO = "credential-ecology"


def state(doc: Document) -> dict:
    return json.loads(scenario_json(doc.scenario))


def apply_all(doc: Document, edits) -> None:
    for e in edits:
        doc.apply(e)


def undo_all(doc: Document, edits) -> None:
    for e in reversed(edits):
        doc.revert(e)


def expected_fit(doc: Document, fid: str, option_id: str) -> float:
    """fit = 100 * sum(w * u) / sum(w), from the README, on the document's own values."""
    fw = doc.framework(fid)
    s = doc.settings(fid)
    num = den = 0.0
    for c in fw.criteria:
        u = utility(c, doc.rating(fid, option_id, c.id), s.targets.get(c.id))
        num += s.weights[c.id] * u
        den += s.weights[c.id]
    return 100 * num / den


def mission() -> object:
    return criterion_from("Fit with our mission", "benefit", "LOW|MED|HIGH",
                          taken=[c.id for c in builtin_frameworks()[BM].criteria])


# -- options and criteria ---------------------------------------------------------------------


def test_a_ninth_business_model_is_scored_by_the_formula_and_leaves_the_others_alone():
    doc = Document()
    before = {r.option: r.fit for r in doc.ranking(BM).results}
    edits = editing.add_option(doc, BM, "Regional alliance", {"effort": 1.0, "risk": 1.5})
    assert len(edits) == 1 and edits[0].text == "Add option Regional alliance"
    apply_all(doc, edits)
    fits = {r.option: r.fit for r in doc.ranking(BM).results}
    assert fits.pop("regional-alliance") == pytest.approx(
        expected_fit(doc, BM, "regional-alliance"))
    assert fits == before  # utilities use the scale, not the other options
    rating = doc.framework(BM).option("regional-alliance").ratings["risk"]
    assert (rating.value, rating.label) == (1.5, "LOW/MED")
    assert doc.framework(BM).option("regional-alliance").ratings["impact"].value == 2.0  # middle


def test_a_criterion_added_gets_a_weight_and_counts_in_every_fit():
    doc = Document()
    crit = mission()
    ratings = {"sole-institution": 3.0, "mooc-platform": 1.0}
    edits = editing.add_criterion(doc, BM, crit, ratings)
    # settings first (the new weight), then the definition: no step lacks a weight
    assert [e.path for e in edits] == [("frameworks", BM), ("definitions",)]
    apply_all(doc, edits)
    assert doc.weight(BM, "fit-with-our-mission") == 50.0
    for r in doc.ranking(BM).results:
        assert r.fit == pytest.approx(expected_fit(doc, BM, r.option))
    assert doc.rating(BM, "sole-institution", "fit-with-our-mission") == 3.0
    assert doc.rating(BM, "business-unit", "fit-with-our-mission") == 2.0  # the middle
    check_scenario(doc.scenario)


def test_removing_a_criterion_prunes_every_section_and_undo_restores_all_of_it():
    doc = Document()
    apply_all(doc, [doc.set_weight(BM, "risk", 80),
                    doc.set_rating(BM, "business-unit", "risk", 1.0),
                    editing.set_rating_note(doc, BM, "business-unit", "risk", "Our unit is safe")])
    person = Participant(id="ana", name="Ana", weights={BM: {"risk": 10, "roi": 90}})
    snap = Snapshot(id="s1", name="Before", created=datetime(2024, 1, 1, tzinfo=UTC),
                    settings=SnapshotSettings(frameworks={BM: doc.settings(BM).model_copy(
                        deep=True)}, participants=[person]))
    doc.scenario.participants = [person]
    doc.scenario.snapshots = [snap]
    original = state(doc)
    edits = editing.remove_criterion(doc, BM, "risk")
    assert edits[0].path == ("definitions",)  # the definition first, then the pruning
    apply_all(doc, edits)
    assert [c.id for c in doc.framework(BM).criteria if c.id == "risk"] == []
    s = doc.settings(BM)
    assert "risk" not in s.weights and s.rating_overrides == {} and s.rating_notes == {}
    assert doc.scenario.participants[0].weights == {BM: {"roi": 90}}
    assert "risk" not in doc.scenario.snapshots[0].settings.frameworks[BM].weights
    check_scenario(doc.scenario)
    parse_scenario(scenario_json(doc.scenario))  # saved, it reads back
    undo_all(doc, edits)
    assert state(doc) == original
    assert doc.framework(BM) == builtin_frameworks()[BM]


def test_changes_survive_save_and_reopen_and_resources_are_untouched(tmp_path):
    files = {p: p.read_bytes() for p in (resources_dir() / "frameworks").glob("*.json")}
    doc = Document()
    apply_all(doc, editing.add_option(doc, BM, "Regional alliance"))
    apply_all(doc, editing.add_criterion(doc, BM, mission(), {"regional-alliance": 3.0}))
    apply_all(doc, editing.remove_option(doc, BM, "ngo-partnership"))
    path = tmp_path / "s.json"
    save_scenario(path, doc.scenario)
    reopened = Document(load_scenario(path)[0])
    fw = reopened.framework(BM)
    assert [o.id for o in fw.options][-1] == "regional-alliance"
    assert "ngo-partnership" not in {o.id for o in fw.options}
    assert reopened.rating(BM, "regional-alliance", "fit-with-our-mission") == 3.0
    assert [(r.option, r.fit) for r in reopened.ranking(BM).results] == \
        [(r.option, r.fit) for r in doc.ranking(BM).results]
    assert {p: p.read_bytes() for p in files} == files
    builtin_frameworks.cache_clear()
    assert builtin_frameworks()[BM] == Document().framework(BM)


def test_a_framework_keeps_the_ids_its_extension_needs():
    doc = Document()
    before = state(doc)
    with pytest.raises(ScenarioError, match="needs the option badges-awards"):
        editing.remove_option(doc, ECO, "badges-awards")
    assert state(doc) == before


def test_the_last_option_or_criterion_cannot_go():
    doc = Document()
    fw = new_framework("Tiny", [criterion_from("Only", "benefit", "1-5")], ["One"])
    apply_all(doc, editing.add_framework(doc, fw))
    with pytest.raises(ScenarioError, match="only option"):
        editing.remove_option(doc, "tiny", "one")
    with pytest.raises(ScenarioError, match="only criterion"):
        editing.remove_criterion(doc, "tiny", "only")


def test_restoring_a_built_in_drops_the_definition_and_removing_an_own_framework_drops_it():
    doc = Document()
    apply_all(doc, editing.add_option(doc, BM, "Regional alliance"))
    apply_all(doc, editing.redefine(doc, BM, None, "Restore"))
    assert doc.scenario.definitions == [] and doc.framework(BM) == builtin_frameworks()[BM]
    fw = new_framework("Mine", [criterion_from("Reach", "benefit", "1-5")], ["A", "B"])
    edits = editing.add_framework(doc, fw)
    apply_all(doc, edits)
    assert "mine" in doc.frameworks and doc.weight("mine", "reach") == 50.0
    removal = editing.redefine(doc, "mine", None, "Remove")
    apply_all(doc, removal)
    assert "mine" not in doc.frameworks and "mine" not in doc.scenario.frameworks
    check_scenario(doc.scenario)
    undo_all(doc, removal)
    assert doc.framework("mine") == fw


def test_an_own_framework_with_a_taken_id_gets_a_free_one():
    doc = Document()
    fw = new_framework("Mine", [criterion_from("Reach", "benefit", "1-5")], ["A"])
    apply_all(doc, editing.add_framework(doc, fw))
    again = editing.free_id(doc, fw)
    assert again.id == "mine-2"
    with pytest.raises(ScenarioError, match="already used"):
        editing.add_framework(doc, fw)


def test_a_scenario_carries_at_most_its_limit_of_frameworks():
    doc = Document()
    for i in range(definitions_limit()):
        fw = new_framework(f"F{i}", [criterion_from("Reach", "benefit", "1-5")], ["A"])
        apply_all(doc, editing.add_framework(doc, fw))
    extra = new_framework("One too many", [criterion_from("Reach", "benefit", "1-5")], ["A"])
    with pytest.raises(ScenarioError, match="at most"):
        editing.add_framework(doc, extra)


# -- building pieces --------------------------------------------------------------------------


def test_criterion_scales_directions_and_targets():
    c = criterion_from("Horizon", "target", "H1|H2|H3", target="H3")
    assert (c.scale, c.default_target, c.levels["H2"]) == ((1.0, 3.0), 3.0, 2.0)
    c = criterion_from("Cost", "cost", "0..100")
    assert (c.scale, c.levels, c.direction) == ((0.0, 100.0), {}, "cost")
    assert criterion_from("Aim", "target", "1-5").default_target == 3.0
    with pytest.raises(ScenarioError, match="not a scale"):
        criterion_from("Bad", "benefit", "low to high")
    with pytest.raises(ScenarioError, match="unknown direction"):
        criterion_from("Bad", "sideways", "1-5")
    with pytest.raises(ScenarioError, match="empty"):
        criterion_from("   ", "benefit", "1-5")


def test_every_default_names_its_source():
    fw = builtin_frameworks()[BM]
    opt = fw.options[0]
    assert "Brown, McGreal & Peters 2023, Table 2" in rating_source(fw, opt, fw.criteria[0])
    eco = builtin_frameworks()[ECO]
    for o in eco.options:
        for c in eco.criteria:
            assert rating_source(eco, o, c)
    own = new_framework("Mine", [criterion_from("Reach", "benefit", "1-5")], ["A"])
    assert rating_source(own, own.options[0], own.criteria[0]) == "Your own framework"


# -- ratings: the formula, notes, resets, the saved framework ---------------------------------


@pytest.mark.parametrize("fid", [BM, ECO, "structures"])
def test_editing_a_rating_changes_fit_as_the_formula_says(fid):
    doc = Document()
    fw = doc.framework(fid)
    opt, crit = fw.options[1], fw.criteria[0]
    old = doc.ranking(fid).fit_of(opt.id)
    new_value = crit.scale[0] if doc.rating(fid, opt.id, crit.id) != crit.scale[0] \
        else crit.scale[1]
    doc.apply(doc.set_rating(fid, opt.id, crit.id, new_value))
    s = doc.settings(fid)
    delta = s.weights[crit.id] * (utility(crit, new_value, s.targets.get(crit.id))
                                  - utility(crit, opt.ratings[crit.id].value,
                                            s.targets.get(crit.id)))
    assert doc.ranking(fid).fit_of(opt.id) == pytest.approx(
        old + 100 * delta / sum(s.weights.values()))


def test_notes_are_kept_checked_and_reset_with_their_rating():
    doc = Document()
    apply_all(doc, [doc.set_rating(BM, "business-unit", "risk", 1.0),
                    editing.set_rating_note(doc, BM, "business-unit", "risk", "  Safe here  ")])
    assert editing.rating_note(doc, BM, "business-unit", "risk") == "Safe here"
    text = scenario_json(doc.scenario)
    assert parse_scenario(text).frameworks[BM].rating_notes == {"business-unit":
                                                                {"risk": "Safe here"}}
    bad = json.loads(text)
    bad["frameworks"][BM]["rating_notes"] = {"nowhere": {"risk": "x"}}
    with pytest.raises(ScenarioError, match=r"rating_notes\.nowhere\.risk: unknown option"):
        parse_scenario(json.dumps(bad))
    edits = editing.reset_rating(doc, BM, "business-unit", "risk")
    apply_all(doc, edits)
    s = doc.settings(BM)
    assert s.rating_overrides == {} and s.rating_notes == {}
    undo_all(doc, edits)
    apply_all(doc, editing.reset_all_ratings(doc, BM))
    assert doc.settings(BM).rating_overrides == {} and doc.settings(BM).rating_notes == {}
    with pytest.raises(ScenarioError, match="limited"):
        editing.set_rating_note(doc, BM, "business-unit", "risk", "x" * 4001)


def test_the_saved_framework_carries_the_edits_and_scores_like_the_scenario(tmp_path):
    doc = Document()
    apply_all(doc, [doc.set_rating(BM, "business-unit", "risk", 1.0),
                    editing.set_rating_note(doc, BM, "business-unit", "risk", "Safe here")])
    path = tmp_path / "mine.json"
    path.write_bytes(framework_payload(editing.saved_framework(doc, BM)))
    saved = framework_from_json(path)
    rating = saved.option("business-unit").ratings["risk"]
    assert (rating.value, rating.label, rating.rationale) == (1.0, "LOW", "Safe here")
    assert "the default was MED" in rating.source and "Table 2" in rating.source
    assert saved.provenance == "user"
    s = doc.settings(BM)
    assert [(r.option, r.fit) for r in score(saved, s.weights, s.targets).results] == \
        [(r.option, r.fit) for r in doc.ranking(BM).results]
    assert editing.saved_framework(Document(), BM) == builtin_frameworks()[BM]


# -- the user's folder -----------------------------------------------------------------------


def test_a_scenario_carries_the_users_frameworks_once_and_skips_what_cannot_join():
    doc = Document()
    mine = new_framework("Mine", [criterion_from("Reach", "benefit", "1-5")], ["A"])
    clash = builtin_frameworks()[ECO].model_copy(update={"id": "second-map"})
    scenario, problems = carry_frameworks(doc.scenario, [mine, clash])
    assert [fw.id for fw in scenario.definitions] == ["mine"]
    assert scenario.frameworks["mine"].weights == {"reach": 50.0}
    assert len(problems) == 1 and "second-map" in problems[0] and "skipped" in problems[0]
    check_scenario(scenario)
    again, problems = carry_frameworks(scenario, [mine])
    assert again is scenario and problems == []
    text = scenario_json(scenario)
    assert parse_json(text, "x")["definitions"][0]["provenance"] == "user"
