"""What a phone may send and the edit it makes (core.room.phones), and the larger room."""

from __future__ import annotations

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import parse_scenario_text, scenario_json
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.room.edits import add_participant, merge_participants
from mcexplorer.core.room.models import MAX_PARTICIPANTS, Participant
from mcexplorer.core.room.phones import (
    MAX_PHONE_NAME,
    parse_submission,
    participant_id_for,
    phone_count,
    room_spec,
    submission_edit,
)

BM = "business-models"
PHONE = "p" * 30
OTHER = "q" * 30


@pytest.fixture
def doc():
    return Document(default_scenario())


def sub(doc, token=PHONE, allow_new=True, **fields):
    spec = room_spec(doc.frameworks)
    pairs = [("phone", token)] + [(k.replace("__", ":").replace("_", "-"), str(v))
                                  for k, v in fields.items()]
    return parse_submission(spec, token, pairs, allow_new)


def send(doc, s):
    edit, outcome = submission_edit(doc, s)
    if edit is not None:
        doc.apply(edit)
    return outcome


def test_the_spec_names_every_slider_framework_colon_criterion_and_how_it_counts(doc):
    spec = room_spec(doc.frameworks)
    fields = spec.criteria()
    assert f"{BM}:risk" in fields
    assert fields[f"{BM}:costs"].direction == "lower is better"
    assert "leadership-risks" not in {fw.id for fw in spec.frameworks}  # nothing to weigh
    with pytest.raises(ScenarioError, match="unknown framework 'nope'"):
        room_spec(doc.frameworks, ["nope"])
    assert [fw.id for fw in room_spec(doc.frameworks, [BM]).frameworks] == [BM]


def test_a_phone_joins_then_updates_its_own_entry_never_a_second_person(doc):
    assert send(doc, sub(doc, name="Ana", business_models__risk=10)).status == "joined"
    assert send(doc, sub(doc, name="Ana", business_models__risk=80)).status == "updated"
    people = doc.scenario.participants
    assert [(p.name, p.weights[BM]["risk"]) for p in people] == [("Ana", 80.0)]
    assert people[0].id == participant_id_for(PHONE) != PHONE
    assert send(doc, sub(doc, name="Ana", business_models__risk=80)).status == "unchanged"
    assert phone_count(people) == 1


def test_names_anonymous_numbered_and_a_taken_name_gets_a_number(doc):
    doc.apply(add_participant(doc, "Ana"))
    send(doc, sub(doc, name="ana", business_models__risk=1))
    send(doc, sub(doc, OTHER, name="", business_models__risk=2))
    assert [p.name for p in doc.scenario.participants] == ["Ana", "ana 2", "Anonymous 1"]
    # Sending "ana" again is not a rename of "ana 2"; a new name is.
    assert send(doc, sub(doc, name="ana", business_models__risk=3)).status == "updated"
    assert doc.scenario.participants[1].name == "ana 2"
    send(doc, sub(doc, name="Bea", business_models__risk=3))
    assert doc.scenario.participants[1].name == "Bea"


def test_a_facilitators_rename_stays_when_the_phone_sends_its_old_name(doc):
    send(doc, sub(doc, name="Ana", business_models__risk=1))
    from mcexplorer.core.room.edits import edit_participant
    doc.apply(edit_participant(doc, participant_id_for(PHONE), name="Ana M."))
    send(doc, sub(doc, name="Ana M.", business_models__risk=7))
    assert doc.scenario.participants[0].name == "Ana M."


@pytest.mark.parametrize("field,value,problem", [
    ("business-models:risk", "nan", "not a finite number"),
    ("business-models:risk", "inf", "not a finite number"),
    ("business-models:risk", "101", "outside 0-100"),
    ("business-models:risk", "-1", "outside 0-100"),
    ("business-models:risk", "1e999", "not a finite number"),
    ("business-models:risk", "ten", "not a number"),
    ("business-models:nope", "5", "unknown criterion"),
    ("nope:risk", "5", "unknown criterion"),
    ("business-models:risk<script>", "5", "unknown criterion"),
    ("name", "x" * (MAX_PHONE_NAME + 1), "limited to 80 characters"),
    ("name", "y" * 10_000, "limited to 80 characters"),
])
def test_bad_fields_are_refused_in_one_line_naming_the_field(doc, field, value, problem):
    spec = room_spec(doc.frameworks)
    with pytest.raises(ScenarioError, match=problem) as info:
        parse_submission(spec, PHONE, [(field, value)])
    assert "\n" not in info.value.message
    assert doc.scenario.participants == []


def test_a_field_sent_twice_or_a_malformed_phone_token_is_refused(doc):
    spec = room_spec(doc.frameworks)
    with pytest.raises(ScenarioError, match="sent twice"):
        parse_submission(spec, PHONE,
                         [("business-models:risk", "1"), ("business-models:risk", "2")])
    for token in ("", "short", "x" * 65, "a" * 29 + "!"):
        with pytest.raises(ScenarioError, match="token"):
            parse_submission(spec, token, [])


def test_markup_in_a_name_is_kept_as_text_and_control_characters_become_spaces(doc):
    send(doc, sub(doc, name="<img src=x onerror=alert(1)>\x1b[31m\u202e"))
    assert doc.scenario.participants[0].name == "<img src=x onerror=alert(1)> [31m"


def test_locked_room_refuses_new_phones_but_updates_known_ones(doc):
    send(doc, sub(doc, name="Ana", business_models__risk=1))
    assert send(doc, sub(doc, allow_new=False, name="Ana", business_models__risk=9)).status \
        == "updated"
    with pytest.raises(ScenarioError, match="locked"):
        submission_edit(doc, sub(doc, OTHER, allow_new=False, name="Ben"))
    assert len(doc.scenario.participants) == 1


def test_the_room_holds_200_and_refuses_the_201st_politely(doc):
    assert MAX_PARTICIPANTS == 200
    for i in range(MAX_PARTICIPANTS):
        send(doc, sub(doc, f"{i:030d}", name=f"P{i}"))
    with pytest.raises(ScenarioError, match=r"the room is full \(200 people\)"):
        submission_edit(doc, sub(doc, "z" * 30, name="late"))
    # Someone already in may still update.
    assert send(doc, sub(doc, f"{5:030d}", business_models__risk=3)).status == "updated"
    # A file with 200 people writes and reads back; 201 is refused on reading.
    text = scenario_json(doc.scenario)
    assert len(parse_scenario_text(text).participants) == 200
    data = doc.scenario.model_dump(mode="json")
    data["participants"].append(Participant(id="extra", name="extra").model_dump())
    import json
    with pytest.raises(ScenarioError, match="participants"):
        parse_scenario_text(json.dumps(data))


def test_merging_keeps_one_entry_its_weights_winning_and_fills_gaps(doc):
    doc.apply(add_participant(doc, "Ana typed"))
    typed = doc.scenario.participants[0].id
    from mcexplorer.core.room.edits import set_participant_weight
    doc.apply(set_participant_weight(doc, typed, BM, "costs", 5))
    doc.apply(set_participant_weight(doc, typed, BM, "risk", 5))
    send(doc, sub(doc, name="Ana", business_models__risk=90))
    edit = merge_participants(doc, typed, participant_id_for(PHONE))
    doc.apply(edit)
    [ana] = doc.scenario.participants
    assert (ana.name, ana.weights[BM]["risk"], ana.weights[BM]["costs"]) == ("Ana", 90, 5)
    doc.revert(edit)
    assert len(doc.scenario.participants) == 2
    with pytest.raises(ScenarioError):
        merge_participants(doc, typed, typed)


def test_a_rename_by_the_facilitator_stays_while_the_phone_sends_the_same_name(doc):
    import dataclasses

    from mcexplorer.core.room.edits import edit_participant
    doc.apply(add_participant(doc, "Ana"))
    send(doc, sub(doc, name="Ana", business_models__risk=1))  # becomes "Ana 2"
    pid = participant_id_for(PHONE)
    doc.apply(edit_participant(doc, pid, name="Ana B"))
    again = dataclasses.replace(sub(doc, name="Ana", business_models__risk=4), sent_before="Ana")
    send(doc, again)
    assert [p.name for p in doc.scenario.participants] == ["Ana", "Ana B"]
    renamed = dataclasses.replace(sub(doc, name="Ana Bell"), sent_before="Ana")
    send(doc, renamed)
    assert doc.scenario.participants[1].name == "Ana Bell"
