"""Comparing two states: a file with itself, a file with its snapshot, two files."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.room import edits
from mcexplorer.core.room.compare import (
    compare,
    compare_refs,
    compare_sides,
    compare_text,
    load_side,
    rank_change_text,
    side_of_doc,
    side_of_snapshot,
    split_ref,
)
from mcexplorer.core.room.group import group_weights
from mcexplorer.core.scoring import score

NOON = datetime(2024, 5, 1, 12, tzinfo=UTC)


def deltas(result: dict) -> list:
    return [pair["delta"] for fw in result["frameworks"]
            for section in ("weights", "targets", "ranks", "fits")
            for pair in fw[section].values()]


@pytest.fixture
def workshop(tmp_path):
    """A file with a snapshot taken before lunch, then risk raised and a rating edited."""
    doc = Document()
    doc.apply(edits.take_snapshot(doc, "Before lunch", now=NOON))
    doc.apply(doc.set_weight("business-models", "risk", 100))
    doc.apply(doc.set_weight("business-models", "impact", 0))
    doc.apply(doc.set_rating("business-models", "sole-institution", "roi", 3))
    path = tmp_path / "workshop.json"
    save_scenario(path, doc.scenario)
    return path, doc


def test_a_file_compared_with_itself_shows_no_change(workshop):
    path, _ = workshop
    result = compare_refs(str(path), str(path))
    json.dumps(result)
    assert [fw["id"] for fw in result["frameworks"]] == [
        fid for fid, fw in builtin_frameworks().items() if fw.ranked]
    assert deltas(result) and set(deltas(result)) == {0}
    for fw in result["frameworks"]:
        assert set(fw) >= {"id", "weights", "ranks"}
        assert all(set(p) == {"a", "b", "delta"} for p in fw["weights"].values())
        assert fw["basis"] == {"a": "scenario", "b": "scenario"}


def test_a_snapshot_is_addressed_as_file_hash_name_and_the_changes_show(workshop):
    path, doc = workshop
    result = compare_refs(f"{path}#before lunch", str(path))  # name, ignoring case
    assert (result["a"], result["b"]) == (f"{path}#before lunch", str(path))
    bm = next(fw for fw in result["frameworks"] if fw["id"] == "business-models")
    assert bm["weights"]["risk"] == {"a": 50, "b": 100, "delta": 50}
    assert bm["weights"]["impact"] == {"a": 50, "b": 0, "delta": -50}
    assert bm["weights"]["effort"]["delta"] == 0
    # The ranks and fits are each side's own, edited rating included, computed independently.
    fw = builtin_frameworks()["business-models"]
    before = score(fw, {c.id: 50 for c in fw.criteria}, {"horizon": 2})
    s = doc.settings("business-models")
    after = score(fw, s.weights, s.targets, s.rating_overrides)
    for r in after.results:
        old = next(x for x in before.results if x.option == r.option)
        assert bm["ranks"][r.option] == {"a": old.rank, "b": r.rank, "delta": r.rank - old.rank}
        assert bm["fits"][r.option]["a"] == pytest.approx(old.fit)
        assert bm["fits"][r.option]["b"] == pytest.approx(r.fit)
    assert list(bm["ranks"]) == [r.option for r in after.results]  # B's order, best first
    assert any(p["delta"] != 0 for p in bm["ranks"].values())
    # By id, the snapshot compared with itself shows no change.
    assert set(deltas(compare_refs(f"{path}#before-lunch", f"{path}#Before Lunch"))) == {0}


def test_a_missing_snapshot_or_file_is_one_line_naming_the_file(workshop, tmp_path):
    path, _ = workshop
    with pytest.raises(ScenarioError) as err:
        compare_refs(f"{path}#after tea", str(path))
    assert err.value.message == (f"{path}: snapshots: no snapshot named 'after tea' "
                                 "(snapshots: 'Before lunch')")
    plain = tmp_path / "plain.json"
    save_scenario(plain, Document().scenario)
    with pytest.raises(ScenarioError, match="the file has no snapshots"):
        compare_refs(f"{plain}#x", str(plain))
    with pytest.raises(ScenarioError, match="name a snapshot after '#'"):
        compare_refs(f"{plain}#", str(plain))
    with pytest.raises(ScenarioError, match="no such file"):
        compare_refs(str(tmp_path / "nope.json"), str(plain))


def test_a_path_with_a_hash_that_exists_is_a_plain_file(tmp_path):
    odd = tmp_path / "room#2.json"
    save_scenario(odd, Document().scenario)
    assert split_ref(str(odd)) == (str(odd), None)
    assert split_ref("a.json#before") == ("a.json", "before")
    assert set(deltas(compare_refs(str(odd), str(odd)))) == {0}


def test_a_side_with_participants_stands_for_the_groups_weighting():
    doc = Document()
    doc.apply(edits.take_snapshot(doc, "Alone"))
    for name, risk in (("Ana", 10), ("Ben", 20), ("Cy", 90)):
        e = edits.add_participant(doc, name)
        doc.apply(e)
        doc.apply(edits.set_participant_weight(doc, edits.added_participant_id(e),
                                               "business-models", "risk", risk))
    result = compare_sides(side_of_snapshot(doc, "alone"), side_of_doc(doc))
    bm = next(fw for fw in result["frameworks"] if fw["id"] == "business-models")
    assert bm["basis"] == {"a": "scenario", "b": "group"}
    assert bm["weights"]["risk"] == {"a": 50, "b": 20, "delta": -30}  # the room's median
    # Forcing the scenario's own weights ignores the room.
    forced = compare_sides(side_of_snapshot(doc, "alone"), side_of_doc(doc), basis="scenario")
    assert set(deltas(forced)) == {0}
    with pytest.raises(ScenarioError, match="Alone: has no participants"):
        compare_sides(side_of_snapshot(doc, "alone"), side_of_doc(doc), basis="group")
    fw = doc.framework("business-models")
    assert bm["weights"]["effort"]["b"] == group_weights(fw, doc.scenario.participants)["effort"]


def test_all_weights_at_zero_leave_ranks_and_fits_empty():
    doc = Document()
    a = side_of_doc(doc)
    for c in doc.framework("structures").criteria:
        doc.apply(doc.set_weight("structures", c.id, 0))
    result = compare(a.state, side_of_doc(doc).state, doc.frameworks)
    st = next(fw for fw in result["frameworks"] if fw["id"] == "structures")
    assert all(p["b"] is None and p["delta"] is None for p in st["ranks"].values())
    assert all(p["b"] is None and p["delta"] is None for p in st["fits"].values())


def test_a_framework_defined_differently_on_the_two_sides_is_refused():
    doc = Document()
    data = builtin_frameworks()["structures"].model_dump()
    data["options"] = data["options"][:-1]
    other = dict(doc.frameworks, structures=Framework.model_validate(data))
    state = side_of_doc(doc).state
    with pytest.raises(ScenarioError, match="framework structures: is defined differently"):
        compare(state, state, doc.frameworks, b_frameworks=other)


def test_rank_change_reads_up_and_down():
    assert [rank_change_text(d) for d in (-2, 0, 1, None)] == \
        ["up 2", "no change", "down 1", "-"]


def test_the_text_form_lists_what_changed_and_how_each_option_moved(workshop):
    path, _ = workshop
    a, b = load_side(f"{path}#Before lunch"), load_side(str(path))
    text = compare_text(compare_sides(a, b), a.frameworks)
    assert text.startswith(f"A: {path}#Before lunch\nB: {path}\n")
    assert "  Risk: 50 -> 100 (+50)\n" in text and "  Impact: 50 -> 0 (-50)\n" in text
    assert "weights: no change" in text  # the other frameworks
    assert "up " in text or "down " in text
    same = compare_text(compare_sides(b, b), b.frameworks)
    assert "up " not in same and "down " not in same and "(+" not in same
