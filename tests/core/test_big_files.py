"""What the app writes it can read, at the sizes the import allows (issue 24, item 1).

The import takes up to 5000 options and 500 criteria (Framework's own limits) from a CSV of at
most 8 MiB; a scenario file is read up to 8 MiB (io.MAX_FILE_BYTES). A framework imported at
those sizes must save as a file, a session copy and a recovery file that open again, and what
could not be opened again must be refused when it is written, with a message.

The full 5000 x 500 (2.5 million ratings) was measured by hand on this code (a 5.1 MB CSV
saves as a 5.3 MB scenario file that opens again), but it takes over 3 GB of memory and a
minute or more, so the tests here take each limit on its own: 5000 options x 20 criteria and
200 options x 500 criteria, besides the 1000 x 100 framework of the report.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from mcexplorer.core.errors import ScenarioError, StorageError
from mcexplorer.core.frameworks import framework_from_csv
from mcexplorer.core.frameworks.csv_import import MAX_CRITERIA, MAX_OPTIONS
from mcexplorer.core.io import MAX_FILE_BYTES, save_scenario
from mcexplorer.core.models import SCHEMA_VERSION, Criterion, Framework, Option, Rating
from mcexplorer.core.records import RECOVERY_LIMIT, read_record
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.sessions import RecoveryEntry, RecoveryStore, SessionLibrary
from mcexplorer.core.validation import load_scenario

DATA = Path(__file__).resolve().parents[1] / "data"


def big_csv(options: int, criteria: int, seed: int = 1) -> bytes:
    """A planner's CSV: criteria on 1-5 and LOW|MED|HIGH scales, ratings of every kind the
    import reads (whole numbers, decimals, labels and midpoint labels)."""
    rnd = random.Random(seed)
    levels = ("LOW", "MED", "HIGH", "LOW/MED", "MED/HIGH")
    head = ["option", *(f"Criterion {j}" for j in range(criteria))]
    scale = ["scale", *("LOW|MED|HIGH" if j % 3 == 0 else "1-5" for j in range(criteria))]
    rows = [head, scale]
    for i in range(options):
        cells = [rnd.choice(levels) if j % 3 == 0 else
                 (str(rnd.randint(1, 5)) if j % 3 == 1 else f"{rnd.randint(10, 50) / 10:g}")
                 for j in range(criteria)]
        rows.append([f"Option {i}", *cells])
    return "\r\n".join(",".join(r) for r in rows).encode()


def with_framework(fw: Framework):
    scenario = default_scenario()
    return scenario.model_copy(update={"definitions": [*scenario.definitions, fw]})


def assert_same_ratings(a: Framework, b: Framework) -> None:
    assert [o.id for o in a.options] == [o.id for o in b.options]
    for x, y in zip(a.options, b.options):
        assert {k: (r.value, r.label) for k, r in x.ratings.items()} == \
            {k: (r.value, r.label) for k, r in y.ratings.items()}


@pytest.mark.parametrize("options, criteria", [(1000, 100), (MAX_OPTIONS, 20),
                                               (200, MAX_CRITERIA)])
def test_a_big_imported_framework_saves_as_a_file_the_app_opens_again(tmp_path, options,
                                                                      criteria):
    csv = big_csv(options, criteria)
    fw = framework_from_csv(csv, name="big.csv")
    assert (len(fw.options), len(fw.criteria)) == (options, criteria)
    path = tmp_path / "big.json"
    save_scenario(path, with_framework(fw))
    size = path.stat().st_size
    assert size <= MAX_FILE_BYTES
    assert size < 2 * len(csv)  # ratings as numbers and labels, not objects
    scenario, _ = load_scenario(path)
    assert scenario.schema_version == SCHEMA_VERSION
    assert_same_ratings(scenario.definitions[-1], fw)
    # Big files are written without indentation; the ratings of an option are one list.
    text = path.read_text()
    assert text.count("\n") < 5
    option = json.loads(text)["definitions"][-1]["options"][0]
    assert isinstance(option["ratings"], list) and len(option["ratings"]) == criteria


def test_the_session_copy_and_the_recovery_file_of_a_big_framework_open_again(tmp_path):
    fw = framework_from_csv(big_csv(1000, 100), name="big.csv")
    scenario = with_framework(fw)
    store = SessionLibrary(tmp_path / "sessions", tmp_path / "trash")
    meta = store.create(scenario, "Workshop")
    assert_same_ratings(store.load(meta.id).definitions[-1], fw)
    recovery = RecoveryStore(tmp_path / "recovery")
    written = recovery.write(scenario, None, None)
    entry = read_record(RecoveryEntry, written, RECOVERY_LIMIT, "recovery file")
    assert_same_ratings(entry.scenario.definitions[-1], fw)
    recovery.stop()


def too_big_framework() -> Framework:
    """A framework whose file could not be read back: 2200 options with long descriptions."""
    crit = Criterion(id="c", name="C", direction="benefit", scale=(1, 5))
    text = "A long description of this option, as a planner might paste it. " * 60
    options = [Option(id=f"o{i}", name=f"Option {i}", description=text[:4000],
                      ratings={"c": Rating(value=3)}) for i in range(2200)]
    return Framework(id="huge", title="Huge", criteria=[crit], options=options)


def test_the_writer_refuses_what_the_reader_would_refuse_and_keeps_the_old_file(tmp_path):
    scenario = with_framework(too_big_framework())
    path = tmp_path / "plan.json"
    save_scenario(path, default_scenario())
    before = path.read_bytes()
    with pytest.raises(ScenarioError, match=r"plan\.json: the file would be .* MiB; scenario "
                                            r"files are limited to 8 MiB"):
        save_scenario(path, scenario)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
    # The session copy is refused the same way (the session keeps its last good copy).
    store = SessionLibrary(tmp_path / "sessions", tmp_path / "trash")
    meta = store.create(default_scenario(), "Workshop")
    with pytest.raises(StorageError, match="limited to 8 MiB"):
        store.save(meta.id, scenario)
    assert store.load(meta.id) == default_scenario()
    # ... and so is the recovery file.
    recovery = RecoveryStore(tmp_path / "recovery")
    with pytest.raises(StorageError, match="limited to 8 MiB"):
        recovery.write(scenario, None, None)
    recovery.stop()


def test_a_version_2_file_with_ratings_as_full_objects_still_opens(tmp_path):
    """tests/data/scenario-v2.json was written by the previous build (ratings as objects)."""
    old = json.loads((DATA / "scenario-v2.json").read_text())
    assert old["schema_version"] == 2
    assert old["definitions"][-1]["options"][0]["ratings"]["risk"]["label"] == "LOW/MED"
    scenario, report = load_scenario(DATA / "scenario-v2.json")
    assert report.file_version == 2 and report.migrations[0].startswith("2->3")
    fw = scenario.definitions[-1]
    assert fw.option("mooc").ratings["risk"].value == 1.5
    assert fw.option("mooc").ratings["risk"].label == "LOW/MED"
    path = tmp_path / "again.json"
    shutil.copy(DATA / "scenario-v2.json", path)
    save_scenario(path, scenario)
    again, report = load_scenario(path)
    assert report.migrations == [] and again == scenario
    assert json.loads(path.read_text())["definitions"][-1]["options"][0]["ratings"] == \
        [2, "LOW/MED", 75]


def test_a_list_of_ratings_of_the_wrong_length_is_refused_naming_the_option(tmp_path):
    data = json.loads((DATA / "scenario-v2.json").read_text())
    data["schema_version"] = SCHEMA_VERSION
    data["definitions"][-1]["options"][0]["ratings"] = [2, "LOW/MED"]
    path = tmp_path / "short.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ScenarioError, match=r"option 'mooc' has 2 ratings for 3 criteria"):
        load_scenario(path)
