"""People join the room from their own scenario files; a wrong file is refused in one line."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.ecology.models import Offering
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario
from mcexplorer.core.models import Framework
from mcexplorer.core.resources import builtin_frameworks, default_scenario
from mcexplorer.core.room.people_import import (
    add_participants_to_file,
    import_participants,
    people_from_files,
)
from mcexplorer.core.validation import load_scenario

DATA = Path(__file__).resolve().parents[2] / "data"

CUSTOM = {
    "id": "my-frame", "title": "My frame",
    "criteria": [{"id": "gain", "name": "Gain", "direction": "benefit", "scale": [1, 3]},
                 {"id": "pain", "name": "Pain", "direction": "cost", "scale": [1, 3]}],
    "options": [{"id": "alpha", "name": "Alpha", "ratings": {"gain": 1, "pain": 2}},
                {"id": "beta", "name": "Beta", "ratings": {"gain": 3, "pain": 3}}],
}


def write_person(folder: Path, name: str, rng: random.Random | None = None, **changes) -> Path:
    """A person's own scenario, saved as a user would: defaults, then their sliders."""
    s = default_scenario()
    rng = rng or random.Random(name)
    for fid, fw in builtin_frameworks().items():
        for c in fw.criteria:
            s.frameworks[fid].weights[c.id] = float(rng.randint(0, 100))
    s.frameworks["business-models"].targets["horizon"] = rng.choice([1.0, 1.5, 2.0, 2.5, 3.0])
    for key, value in changes.items():
        setattr(s, key, value)
    path = folder / f"{name}.json"
    save_scenario(path, s)
    return path


@pytest.fixture
def room(tmp_path) -> Path:
    path = tmp_path / "room.json"
    save_scenario(path, default_scenario())
    return path


def test_twenty_peoples_files_join_the_room_with_their_weights(tmp_path, room):
    folder = tmp_path / "people"
    folder.mkdir()
    paths = [write_person(folder, f"person-{i:02d}") for i in range(20)]
    original = room.read_bytes()

    result = add_participants_to_file(room, paths)

    assert result.added == [f"person-{i:02d}" for i in range(20)] and result.updated == []
    assert result.summary("room.json") .startswith("room.json: added 20 participants (person-00,")
    assert Path(str(room) + ".bak").read_bytes() == original
    loaded, _ = load_scenario(room)
    assert [p.name for p in loaded.participants] == result.added
    assert len({p.id for p in loaded.participants}) == 20
    for path, person in zip(paths, loaded.participants):
        own, _ = load_scenario(path)
        expected = {fid: s.weights for fid, s in own.frameworks.items() if s.weights}
        assert person.weights == expected  # a register (no criteria) has no weights to take
        assert set(expected) == {fid for fid, fw in builtin_frameworks().items() if fw.ranked}
        assert person.targets["business-models"] == own.frameworks["business-models"].targets


def test_only_weights_and_targets_are_taken_from_a_persons_file(tmp_path, room):
    s = default_scenario()
    s.title, s.notes = "Ana's view", "private notes"
    s.frameworks["business-models"].weights["risk"] = 7.0
    s.frameworks["business-models"].rating_overrides = {"mooc-platform": {"impact": 3.0}}
    s.portfolio.offerings = [Offering(id="o", name="O", x=0, y=0, volume=5)]
    path = tmp_path / "ana.json"
    save_scenario(path, s)
    add_participants_to_file(room, [path], name="Ana Lopez")
    loaded, _ = load_scenario(room)
    (ana,) = loaded.participants
    assert (ana.id, ana.name, ana.role) == ("ana-lopez", "Ana Lopez", "")
    assert ana.weights["business-models"]["risk"] == 7
    assert loaded.title == "Default scenario" and loaded.notes == ""
    assert loaded.frameworks["business-models"].rating_overrides == {}
    assert loaded.portfolio.offerings == []


def assert_refused_and_untouched(room: Path, call, *needles: str) -> None:
    before = room.read_bytes()
    with pytest.raises(ScenarioError) as err:
        call()
    line = err.value.message
    assert "\n" not in line
    for needle in needles:
        assert needle in line, line
    assert room.read_bytes() == before
    assert not Path(str(room) + ".bak").exists()


def test_a_file_for_another_framework_set_is_refused_in_one_line(tmp_path, room):
    good = write_person(tmp_path, "ben")
    odd = write_person(tmp_path, "odd", definitions=[Framework.model_validate(CUSTOM)])
    assert_refused_and_untouched(room, lambda: add_participants_to_file(room, [good, odd]),
                                 str(odd), "framework my-frame", "different framework set")


def test_a_criterion_the_room_does_not_know_is_refused(tmp_path):
    room_scenario = default_scenario()
    room_scenario.definitions = [Framework.model_validate(CUSTOM)]
    room = tmp_path / "room.json"
    save_scenario(room, room_scenario)
    other = json.loads(json.dumps(CUSTOM))
    other["criteria"][1]["id"] = "luck"
    for o in other["options"]:
        o["ratings"]["luck"] = o["ratings"].pop("pain")
    odd = write_person(tmp_path, "odd", definitions=[Framework.model_validate(other)])
    assert_refused_and_untouched(room, lambda: add_participants_to_file(room, [odd]),
                                 str(odd), "criterion 'luck'", "different framework set")
    # A plain file (built-in frameworks only) fits this room: its custom frame takes defaults.
    plain = write_person(tmp_path, "plain")
    add_participants_to_file(room, [plain])
    loaded, _ = load_scenario(room)
    assert "my-frame" not in loaded.participants[0].weights


def test_broken_and_ambiguous_imports_are_refused_naming_the_file(tmp_path, room):
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 2, "frameworks": {')
    assert_refused_and_untouched(room, lambda: add_participants_to_file(room, [broken]),
                                 str(broken), "truncated JSON")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    same = [write_person(a, "scenario"), write_person(b, "scenario")]
    assert_refused_and_untouched(room, lambda: add_participants_to_file(room, same),
                                 str(same[1]), "would both be named 'scenario'")
    assert_refused_and_untouched(room, lambda: add_participants_to_file(room, same, name="X"),
                                 "--name")
    assert_refused_and_untouched(room, lambda: add_participants_to_file(room, []), "PERSON")
    missing = tmp_path / "nobody.json"
    assert_refused_and_untouched(room, lambda: add_participants_to_file(room, [missing]),
                                 str(missing), "no such file")


def test_importing_a_person_again_updates_them_instead_of_counting_them_twice(tmp_path, room):
    path = write_person(tmp_path, "ana", random.Random(1))
    add_participants_to_file(room, [path])
    path = write_person(tmp_path, "ana", random.Random(2))
    result = add_participants_to_file(room, [path])
    assert (result.added, result.updated) == ([], ["ana"])
    loaded, _ = load_scenario(room)
    own, _ = load_scenario(path)
    assert len(loaded.participants) == 1
    assert loaded.participants[0].weights["structures"] == own.frameworks["structures"].weights


def test_version_1_files_import_and_the_room_file_is_saved_as_the_current_version(tmp_path):
    room = tmp_path / "room.json"
    shutil.copy(DATA / "scenario-v1.json", room)
    person = tmp_path / "old-laptop.json"
    shutil.copy(DATA / "scenario-v1.json", person)
    add_participants_to_file(room, [person])
    loaded, report = load_scenario(room)
    assert report.migrations == [] and loaded.participants[0].name == "old-laptop"
    assert json.loads(Path(str(room) + ".bak").read_text())["schema_version"] == 1


def test_importing_in_the_app_is_one_undoable_edit(tmp_path):
    doc = Document()
    paths = [write_person(tmp_path, n) for n in ("ana", "ben", "cy")]
    before = doc.scenario.model_dump()
    edit = import_participants(doc, paths)
    assert edit.text == "Import 3 participants"
    doc.apply(edit)
    assert [p.name for p in doc.scenario.participants] == ["ana", "ben", "cy"]
    doc.revert(edit)
    assert doc.scenario.model_dump() == before


def test_people_from_files_wants_one_name_per_file(tmp_path):
    paths = [write_person(tmp_path, "ana")]
    with pytest.raises(ScenarioError, match="one name per file"):
        people_from_files(paths, builtin_frameworks(), names=["A", "B"])
    (p,) = people_from_files(paths, builtin_frameworks(), names=["  Ana   Lopez "])
    assert p.name == "Ana Lopez"
