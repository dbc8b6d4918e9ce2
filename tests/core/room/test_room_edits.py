"""Participants, the group method and snapshots change through undoable edits."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.ecology.edits import add_offering
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario
from mcexplorer.core.models import MAX_SNAPSHOTS
from mcexplorer.core.room import edits
from mcexplorer.core.room.group import group_weights
from mcexplorer.core.validation import load_scenario


def state(doc: Document) -> dict:
    return doc.scenario.model_dump(mode="json")


def apply_all(doc, edit_or_edits) -> list:
    steps = edit_or_edits if isinstance(edit_or_edits, list) else [edit_or_edits]
    for e in steps:
        doc.apply(e)
    return steps


def undo_all(doc, steps) -> None:
    for e in reversed(steps):
        doc.revert(e)


def check_undo_redo(doc: Document, build) -> dict:
    """Apply what ``build(doc)`` returns, undo it, redo it; returns the state after."""
    before = state(doc)
    steps = apply_all(doc, build(doc))
    after = state(doc)
    assert after != before
    undo_all(doc, steps)
    assert state(doc) == before
    apply_all(doc, steps)
    assert state(doc) == after
    return after


def test_a_participant_added_edited_and_removed_undoes_and_redoes():
    doc = Document()
    after = check_undo_redo(doc, lambda d: edits.add_participant(d, "Ana", role="Finance"))
    assert after["participants"] == [{"id": "ana", "name": "Ana", "role": "Finance",
                                      "weights": {}, "targets": {}}]
    check_undo_redo(doc, lambda d: edits.set_participant_weight(
        d, "ana", "business-models", "risk", 80))
    check_undo_redo(doc, lambda d: edits.set_participant_target(
        d, "ana", "business-models", "horizon", 3))
    after = check_undo_redo(doc, lambda d: edits.edit_participant(d, "ana", name="Ana M.",
                                                                 role="Faculty"))
    person = after["participants"][0]
    assert (person["id"], person["name"], person["role"]) == ("ana", "Ana M.", "Faculty")
    assert person["weights"] == {"business-models": {"risk": 80.0}}
    assert person["targets"] == {"business-models": {"horizon": 3.0}}
    after = check_undo_redo(doc, lambda d: edits.remove_participant(d, "ana"))
    assert after["participants"] == []


def test_a_persons_weight_moves_the_group_and_leaves_the_scenarios_own_weights():
    doc = Document()
    for name in ("Ana", "Ben", "Cy"):
        doc.apply(edits.add_participant(doc, name))
    own = dict(doc.settings("business-models").weights)
    fw = doc.framework("business-models")
    assert group_weights(fw, doc.scenario.participants)["risk"] == 50
    doc.apply(edits.set_participant_weight(doc, "ana", "business-models", "risk", 90))
    doc.apply(edits.set_participant_weight(doc, "ben", "business-models", "risk", 70))
    assert group_weights(fw, doc.scenario.participants)["risk"] == 70
    assert doc.settings("business-models").weights == own


def test_moves_of_one_gesture_merge_into_one_step():
    doc = Document()
    doc.apply(edits.add_participant(doc, "Ana"))
    before = state(doc)
    first = edits.set_participant_weight(doc, "ana", "business-models", "risk", 60, gesture=1)
    doc.apply(first)
    second = edits.set_participant_weight(doc, "ana", "business-models", "risk", 70, gesture=1)
    doc.apply(second)
    assert first.merge_key == second.merge_key is not None
    other = edits.set_participant_weight(doc, "ana", "business-models", "risk", 75, gesture=2)
    assert other.merge_key != second.merge_key
    merged = first.merged(second)
    doc.revert(merged)
    assert state(doc) == before


def test_new_participants_get_unique_default_names_and_ids():
    doc = Document()
    for _ in range(3):
        doc.apply(edits.add_participant(doc))
    doc.apply(edits.add_participant(doc, "Ana María"))
    assert [p.name for p in doc.scenario.participants] == \
        ["Participant 1", "Participant 2", "Participant 3", "Ana María"]
    assert [p.id for p in doc.scenario.participants] == \
        ["participant-1", "participant-2", "participant-3", "ana-mar-a"]


@pytest.mark.parametrize("build, needle", [
    (lambda d: edits.set_participant_weight(d, "ana", "business-models", "risk", 101),
     "outside 0-100"),
    (lambda d: edits.set_participant_weight(d, "ana", "business-models", "risk", math.nan),
     "not a finite number"),
    (lambda d: edits.set_participant_weight(d, "ana", "business-models", "luck", 5),
     "unknown criterion 'luck'"),
    (lambda d: edits.set_participant_weight(d, "ana", "astrology", "risk", 5),
     "unknown framework"),
    (lambda d: edits.set_participant_weight(d, "nobody", "business-models", "risk", 5),
     "no participant"),
    (lambda d: edits.set_participant_target(d, "ana", "business-models", "risk", 2),
     "not a target criterion"),
    (lambda d: edits.set_participant_target(d, "ana", "business-models", "horizon", 4),
     "outside the scale"),
    (lambda d: edits.add_participant(d, "  ANA "), "already exists"),
    (lambda d: edits.add_participant(d, "   "), "cannot be empty"),
    (lambda d: edits.edit_participant(d, "ana", name="x" * 201), "200 characters"),
    (lambda d: edits.set_group_method(d, "mode"), "unknown method"),
])
def test_bad_participant_edits_are_refused_with_one_line_and_change_nothing(build, needle):
    doc = Document()
    doc.apply(edits.add_participant(doc, "Ana"))
    before = state(doc)
    with pytest.raises(ScenarioError) as err:
        build(doc)
    assert needle in err.value.message and "\n" not in err.value.message
    assert state(doc) == before


def test_group_method_is_one_undoable_step():
    doc = Document()
    after = check_undo_redo(doc, lambda d: edits.set_group_method(d, "mean"))
    assert after["group"] == {"method": "mean"}


# --------------------------------------------------------------------------------------------
# Snapshots
# --------------------------------------------------------------------------------------------

NOON = datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)


def test_take_rename_delete_snapshot_each_undo_and_redo():
    doc = Document()
    doc.apply(edits.add_participant(doc, "Ana"))
    after = check_undo_redo(doc, lambda d: edits.take_snapshot(d, "Before lunch", now=NOON))
    snap = after["snapshots"][0]
    assert (snap["id"], snap["name"], snap["created"]) == \
        ("before-lunch", "Before lunch", "2024-05-01T12:00:00Z")
    assert snap["settings"]["frameworks"] == after["frameworks"]
    assert snap["settings"]["participants"] == after["participants"]
    assert snap["settings"]["group"] == {"method": "median"}
    after = check_undo_redo(doc, lambda d: edits.rename_snapshot(d, "before-lunch", "Morning"))
    assert [(s["id"], s["name"]) for s in after["snapshots"]] == [("before-lunch", "Morning")]
    after = check_undo_redo(doc, lambda d: edits.delete_snapshot(d, "morning"))  # by name
    assert after["snapshots"] == []


def test_restoring_a_snapshot_brings_back_weights_ratings_and_the_room_in_one_step():
    doc = Document()
    doc.apply(edits.add_participant(doc, "Ana"))
    doc.apply(edits.take_snapshot(doc, "Before lunch"))
    at_snapshot = state(doc)
    # After lunch: sliders, a rating, the room and the method all change; an offering appears.
    doc.apply(doc.set_weight("business-models", "risk", 95))
    doc.apply(doc.set_rating("business-models", "mooc-platform", "impact", 3))
    doc.apply(edits.set_participant_weight(doc, "ana", "business-models", "risk", 5))
    doc.apply(edits.add_participant(doc, "Ben"))
    doc.apply(edits.set_group_method(doc, "mean"))
    doc.apply(add_offering(doc, "Data badge"))
    doc.apply(edits.take_snapshot(doc, "After the debate"))
    after_lunch = state(doc)

    steps = edits.restore_snapshot(doc, "before-lunch")
    assert {e.text for e in steps} == {"Restore snapshot Before lunch"}
    apply_all(doc, steps)
    restored = state(doc)
    for key in ("frameworks", "participants", "group"):
        assert restored[key] == at_snapshot[key]
    # What a snapshot does not keep stays as it is: the plans and the other snapshots.
    assert restored["portfolio"] == after_lunch["portfolio"]
    assert restored["snapshots"] == after_lunch["snapshots"]
    assert doc.ranking("business-models").weights["risk"] == 50

    undo_all(doc, steps)
    assert state(doc) == after_lunch
    assert doc.ranking("business-models").weights["risk"] == 95


def test_snapshot_names_are_unique_and_default_to_a_number():
    doc = Document()
    doc.apply(edits.take_snapshot(doc))
    doc.apply(edits.take_snapshot(doc))
    assert [s.name for s in doc.scenario.snapshots] == ["Snapshot 1", "Snapshot 2"]
    before = state(doc)
    with pytest.raises(ScenarioError, match="already exists"):
        edits.take_snapshot(doc, "snapshot 1")
    with pytest.raises(ScenarioError, match="already exists"):
        edits.rename_snapshot(doc, "snapshot-2", "SNAPSHOT 1")
    with pytest.raises(ScenarioError, match="no snapshot named 'lunch'"):
        edits.restore_snapshot(doc, "lunch")
    assert state(doc) == before


def test_snapshots_are_limited_and_the_limit_says_what_to_do():
    doc = Document()
    for i in range(MAX_SNAPSHOTS):
        doc.apply(edits.take_snapshot(doc, f"s{i}"))
    with pytest.raises(ScenarioError, match="delete one first"):
        edits.take_snapshot(doc)


def test_a_scenario_with_a_room_and_snapshots_survives_save_and_load(tmp_path):
    doc = Document()
    doc.apply(edits.add_participant(doc, "Ana", role="Finance"))
    doc.apply(edits.set_participant_weight(doc, "ana", "structures", "flexibility", 10))
    doc.apply(edits.take_snapshot(doc, "Before lunch", now=NOON))
    doc.apply(edits.set_group_method(doc, "mean"))
    path = tmp_path / "room.json"
    save_scenario(path, doc.scenario)
    loaded, report = load_scenario(path)
    assert report.migrations == []
    assert loaded == doc.scenario
    assert loaded.snapshots[0].created == NOON.replace(microsecond=0)
