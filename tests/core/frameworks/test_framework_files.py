"""Framework files: the JSON round trip, import-framework, validate on any file, the schema,
and the user's frameworks folder (a broken file is reported and skipped, the others load)."""

from __future__ import annotations

import json

import pytest

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.frameworks import (
    framework_from_csv,
    framework_from_json,
    framework_json,
    framework_schema,
    import_framework,
    install_user_framework,
    load_user_frameworks,
    user_frameworks_dir,
    validate_any,
)
from mcexplorer.core.models import SCHEMA_VERSION, Framework
from mcexplorer.core.paths import data_dir
from mcexplorer.core.resources import builtin_frameworks, load_framework
from mcexplorer.core.scoring import score

CSV = ("option;Effort;Horizon;Impact\r\ndirection;cost;target;benefit\r\n"
       "scale;LOW|MED|HIGH;H1|H2|H3;0-10\r\nweight;50;70;30\r\n"
       "MOOC;LOW/MED;H2;7,5\r\nConsortium;HIGH;H3;9\r\n")


def write(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def small(fid: str = "mine", title: str = "Mine") -> Framework:
    return framework_from_csv(CSV.encode(), framework_id=fid, title=title)


# -- the framework file -------------------------------------------------------------------------


@pytest.mark.parametrize("fid", ["business-models", "credential-ecology", "structures"])
def test_framework_json_round_trips_through_load_framework(tmp_path, fid):
    fw = builtin_frameworks()[fid]
    path = write(tmp_path / f"{fid}.json", framework_json(fw))
    assert load_framework(path) == fw
    assert framework_from_json(path) == fw


def test_an_imported_framework_file_is_compact_and_hand_editable(tmp_path):
    text = framework_json(small())
    doc = json.loads(text)
    assert doc["provenance"] == "user" and doc["method"] == "weighted-utility"
    assert doc["options"][0]["ratings"] == {"effort": "LOW/MED", "horizon": "H2", "impact": 7.5}
    assert load_framework(write(tmp_path / "mine.json", text)) == small()


def test_import_framework_converts_a_csv_and_says_how_it_read_it(tmp_path):
    src = write(tmp_path / "Our models.csv", CSV, "cp1252")
    out = tmp_path / "ours.json"
    line = import_framework(src, out)
    assert f"{src} -> {out}: framework 'Our models' (id our-models; 3 criteria, 2 options)" in line
    assert "read as UTF-8, semicolon-separated" in line  # plain ASCII is valid UTF-8
    fw = load_framework(out)
    assert [r.fit for r in score(fw, {}).results] == \
        [r.fit for r in score(small(), {}).results]
    assert "\n" not in line


def test_import_framework_names_the_encoding_it_fell_back_to(tmp_path):
    src = write(tmp_path / "accents.csv", CSV.replace("Effort", "Coût"), "cp1252")
    line = import_framework(src, tmp_path / "out.json")
    assert "read as Windows-1252, semicolon-separated" in line
    assert load_framework(tmp_path / "out.json").criteria[0].name == "Coût"


def test_import_framework_from_json_with_a_new_id_and_title(tmp_path):
    src = write(tmp_path / "bm.json", framework_json(builtin_frameworks()["business-models"]))
    out = tmp_path / "copy.json"
    import_framework(src, out, framework_id="our-bm", title="Our business models")
    fw = load_framework(out)
    assert (fw.id, fw.title) == ("our-bm", "Our business models")
    assert fw.options == builtin_frameworks()["business-models"].options


def test_import_framework_refuses_and_writes_nothing(tmp_path):
    bad = write(tmp_path / "bad.csv", CSV.replace("H2;7,5", "H2;11"))
    out = tmp_path / "out.json"
    with pytest.raises(ScenarioError, match=r"bad\.csv: row 5, column D \(Impact\): 11 lies "
                                            r"outside the scale 0-10"):
        import_framework(bad, out)
    assert not out.exists()
    good = write(tmp_path / "good.csv", CSV)
    out.write_text("keep me")
    with pytest.raises(ScenarioError, match=r"out.json: already exists"):
        import_framework(good, out)
    assert out.read_text() == "keep me"
    import_framework(good, out, overwrite=True)
    assert load_framework(out).id == "good"
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps({"schema_version": 1}))
    with pytest.raises(ScenarioError, match=r"scenario.json: is a scenario file, not a framework"):
        import_framework(scenario, tmp_path / "other.json")
    assert not (tmp_path / "other.json").exists()


def test_a_file_too_large_indented_is_written_compact_and_one_too_large_even_so_is_refused(
        tmp_path, monkeypatch):
    from mcexplorer.core.frameworks import files

    fw = builtin_frameworks()["business-models"]
    compact = framework_json(fw, indent=None, by_position=True).encode()
    assert len(compact) < len(framework_json(fw).encode())
    src = write(tmp_path / "bm.json", framework_json(fw))
    monkeypatch.setattr(files, "MAX_FILE_BYTES", len(compact) + 10)
    import_framework(src, tmp_path / "compact.json")
    assert (tmp_path / "compact.json").read_bytes() == compact
    assert load_framework(tmp_path / "compact.json") == fw
    monkeypatch.setattr(files, "MAX_FILE_BYTES", len(compact) - 10)
    with pytest.raises(ScenarioError, match=r"too\.json: the framework file would be .* [KM]iB"):
        import_framework(src, tmp_path / "too.json")
    assert not (tmp_path / "too.json").exists()


def test_an_id_given_by_the_user_must_be_one_a_file_can_carry(tmp_path):
    src = write(tmp_path / "fw.csv", CSV)
    for bad in ("Our Models", "-x", "x" * 65, ""):
        with pytest.raises(ScenarioError, match="must be lowercase letters a-z, digits"):
            import_framework(src, tmp_path / "out.json", framework_id=bad)
    assert not (tmp_path / "out.json").exists()


def test_framework_json_errors_are_one_line_naming_file_and_field(tmp_path):
    doc = json.loads(framework_json(small()))
    doc["criteria"][2]["scale"] = [10, 0]
    path = write(tmp_path / "broken.json", json.dumps(doc))
    with pytest.raises(ScenarioError, match=r"broken\.json: criteria\.2: .*lo < hi"):
        framework_from_json(path)
    write(path, "[1, 2]")
    with pytest.raises(ScenarioError, match="expected a JSON object, found list"):
        framework_from_json(path)


def test_the_schema_documents_the_framework_file():
    schema = framework_schema()
    assert schema["title"] == "Framework"
    assert {"id", "title", "criteria", "options"} <= set(schema["required"])
    assert "Criterion" in schema["$defs"] and "Rating" in schema["$defs"]


# -- validate accepts any of the app's files ----------------------------------------------------


def test_validate_tells_scenario_framework_and_csv_apart(tmp_path, scenario_file):
    said = validate_any(scenario_file)
    assert f"valid (schema version {SCHEMA_VERSION}; migrations applied: none" in said
    fw_file = write(tmp_path / "fw.json", framework_json(small()))
    assert validate_any(fw_file) == f"{fw_file}: valid framework 'Mine' (id mine; 3 criteria, " \
                                    "2 options)"
    csv_file = write(tmp_path / "fw.csv", CSV)
    assert "valid framework 'fw' (id fw; 3 criteria, 2 options); read as UTF-8" in \
        validate_any(csv_file)


@pytest.mark.parametrize("content, expected", [
    ({"title": "x"}, "neither a scenario file (it has no schema_version) nor a framework"),
    ({"schema_version": 99}, "newer version"),
    ({"criteria": [], "options": []}, "id: required field is missing"),
    ([1], "expected a JSON object, found list"),
])
def test_validate_refuses_with_one_line(tmp_path, content, expected):
    path = write(tmp_path / "x.json", json.dumps(content))
    with pytest.raises(ScenarioError) as caught:
        validate_any(path)
    assert str(caught.value).startswith(f"{path}: ") and expected in str(caught.value)


def test_validate_keeps_the_scenario_messages(tmp_path, scenario_file):
    trunc = write(tmp_path / "trunc.json", scenario_file.read_text()[:100])
    with pytest.raises(ScenarioError, match="truncated JSON"):
        validate_any(trunc)
    with pytest.raises(ScenarioError, match="no such file"):
        validate_any(tmp_path / "missing.json")
    with pytest.raises(ScenarioError, match=r"row 1, column A: the first row must start"):
        validate_any(write(tmp_path / "bad.csv", "name,A\nx,1\n"))


# -- the user's frameworks folder ---------------------------------------------------------------


def test_user_folder_is_in_the_user_data_folder():
    assert user_frameworks_dir() == data_dir() / "frameworks"
    assert load_user_frameworks() == ([], [])  # no folder yet: nothing to load, nothing wrong


def test_a_broken_file_is_reported_and_skipped_and_the_others_load(tmp_path):
    folder = tmp_path / "frameworks"
    folder.mkdir()
    write(folder / "a-first.json", framework_json(small("first", "First")))
    write(folder / "b-broken.json", framework_json(small("broken", "Broken"))[:200])
    doc = json.loads(framework_json(small("off-scale", "Off scale")))
    doc["options"][0]["ratings"]["impact"] = 12
    write(folder / "c-off-scale.json", json.dumps(doc))
    write(folder / "d-second.json", framework_json(small("second", "Second")))
    write(folder / "e-same-id.json", framework_json(small("first", "First again")))
    write(folder / "f-builtin.json", framework_json(builtin_frameworks()["structures"]))
    write(folder / "g-scenario.json", json.dumps({"schema_version": 1}))
    write(folder / "notes.txt", "not a framework")
    write(folder / ".hidden.json", "{")
    loaded, problems = load_user_frameworks(folder)
    assert [fw.id for fw in loaded] == ["first", "second"]
    assert len(problems) == 5
    assert problems[0].startswith(f"{folder / 'b-broken.json'}: truncated JSON")
    assert problems[1].startswith(f"{folder / 'c-off-scale.json'}: option 'mooc' rating "
                                  "impact=12 lies outside [0, 10]")
    assert "framework id 'first' is already used by a-first.json; skipped" in problems[2]
    assert "framework id 'structures' belongs to a built-in framework" in problems[3]
    assert "is a scenario file, not a framework file; skipped" in problems[4]
    assert all("\n" not in p and p.endswith("skipped") for p in problems)


def test_installed_frameworks_appear_at_the_next_start(tmp_path):
    path = install_user_framework(small())
    assert path == user_frameworks_dir() / "mine.json"
    loaded, problems = load_user_frameworks()
    assert loaded == [small()] and problems == []
    with pytest.raises(ScenarioError, match="already there"):
        install_user_framework(small())
    install_user_framework(small(title="Mine, renamed"), overwrite=True)
    assert load_user_frameworks()[0][0].title == "Mine, renamed"
    # The same id as a built-in is allowed when the caller says no id is taken.
    assert load_user_frameworks(taken=())[0] == [small(title="Mine, renamed")]
