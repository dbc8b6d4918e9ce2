"""Scenario files: round trip, atomic saves, and every kind of hostile file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcexplorer.core import io, resources, safe_files
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import MAX_FILE_BYTES, save_scenario
from mcexplorer.core.models import SCHEMA_VERSION
from mcexplorer.core.validation import load_scenario


def _doc(scenario) -> dict:
    return json.loads(scenario.model_dump_json())


def _write(tmp_path: Path, content: str | bytes, name: str = "bad.json") -> Path:
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    return p


def test_round_trip_keeps_every_setting(tmp_path, scenario):
    s = scenario
    s.title = "Workshop 3"
    s.frameworks["business-models"].weights["effort"] = 80.0
    s.frameworks["business-models"].targets["horizon"] = 2.5
    s.frameworks["business-models"].rating_overrides = {"mooc-platform": {"impact": 3.0}}
    s.frameworks["business-models"].selected = ["mooc-platform", "opx-partnership"]
    path = tmp_path / "s.json"
    save_scenario(path, s)
    loaded, report = load_scenario(path)
    assert loaded == s
    assert report.file_version == SCHEMA_VERSION and report.migrations == []


def test_saved_file_is_readable_json_with_version(scenario_file):
    data = json.loads(scenario_file.read_text())
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["frameworks"]["business-models"]["weights"]["effort"] == 50


def _mutated(scenario, mutate) -> str:
    data = _doc(scenario)
    mutate(data)
    return json.dumps(data)


HOSTILE = {
    "not json": ("hello, this is not json", "not JSON"),
    "truncated": (None, "truncated JSON"),
    "empty": ("", "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8"),
    "array": ("[1, 2, 3]", "expected a JSON object"),
    "no version": (lambda d: d.pop("schema_version"), "schema_version"),
    "version as text": (lambda d: d.update(schema_version="1"), "schema_version"),
    "newer version": (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), "newer version"),
    "unknown field": (lambda d: d.update(colour="blue"), "colour: unknown field"),
    "weights wrong type": (lambda d: d["frameworks"]["business-models"].update(weights=[1, 2]),
                           "frameworks.business-models.weights"),
    "weight above range": (lambda d: d["frameworks"]["business-models"]["weights"]
                           .update(effort=150),
                           "frameworks.business-models.weights.effort"),
    "negative weight": (lambda d: d["frameworks"]["business-models"]["weights"].update(risk=-1),
                        "frameworks.business-models.weights.risk"),
    "weight as text": (lambda d: d["frameworks"]["business-models"]["weights"].update(risk="high"),
                       "frameworks.business-models.weights.risk"),
    "unknown criterion": (lambda d: d["frameworks"]["business-models"]["weights"].update(luck=5),
                          "weights.luck"),
    "unknown framework": (lambda d: d["frameworks"].update({"astrology": {}}),
                          "frameworks.astrology"),
    "target off scale": (lambda d: d["frameworks"]["business-models"]["targets"].update(horizon=4),
                         "targets.horizon"),
    "rating off scale": (lambda d: d["frameworks"]["business-models"].update(
        rating_overrides={"mooc-platform": {"impact": 9}}),
        "rating_overrides.mooc-platform.impact"),
    "unknown option selected": (lambda d: d["frameworks"]["business-models"].update(
        selected=["nobody"]), "selected"),
    "offering off the plane": (lambda d: d["portfolio"].update(
        offerings=[{"id": "a", "name": "A", "x": 3, "y": 0, "volume": 10}]),
        "portfolio.offerings.0.x"),
    "unknown lens": (lambda d: d["portfolio"].update(lens="tarot"), "portfolio.lens"),
    "balance not 100": (lambda d: d["horizons"].update(balance={"h1": 50, "h2": 20, "h3": 10}),
                        "horizons.balance"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_with_one_line_naming_file_and_field(tmp_path, scenario, case):
    content, expected = HOSTILE[case]
    if content is None:
        content = io.scenario_json(scenario)[:200]
    elif callable(content):
        content = _mutated(scenario, content)
    path = _write(tmp_path, content)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    message = info.value.message
    assert "\n" not in message
    assert str(path) in message
    assert expected in message


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_are_refused(tmp_path, scenario, literal):
    text = io.scenario_json(scenario).replace('"effort": 50.0', f'"effort": {literal}', 1)
    assert literal in text
    path = _write(tmp_path, text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert "effort" in info.value.message or "non-finite" in info.value.message


def test_absurdly_large_file_is_refused_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(io.json, "loads", no_parsing)
    with pytest.raises(ScenarioError, match="limited to 8 MiB"):
        load_scenario(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "nope.json")
    with pytest.raises(ScenarioError, match="folder"):
        load_scenario(tmp_path)


def test_deeply_nested_json_is_refused(tmp_path):
    path = _write(tmp_path, "[" * 100000 + "]" * 100000)
    with pytest.raises(ScenarioError):
        load_scenario(path)


def test_save_is_atomic_when_writing_fails(tmp_path, scenario, monkeypatch):
    path = tmp_path / "s.json"
    save_scenario(path, scenario)
    before = path.read_bytes()
    scenario.title = "Changed"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io.os, "fsync", broken_fsync)
    with pytest.raises(ScenarioError, match="No space left"):
        save_scenario(path, scenario)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]  # no temporary left


def test_save_when_rename_fails_keeps_old_file(tmp_path, scenario, monkeypatch):
    path = tmp_path / "s.json"
    save_scenario(path, scenario)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(io.os, "replace", broken_replace)
    with pytest.raises(ScenarioError, match="Permission denied"):
        save_scenario(path, scenario)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


def test_read_only_folder_gives_clear_message(tmp_path, scenario, monkeypatch):
    # Simulated: these tests run as root, which ignores folder permissions.
    path = tmp_path / "s.json"
    save_scenario(path, scenario)
    before = path.read_bytes()

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_files.tempfile, "mkstemp", read_only)
    with pytest.raises(ScenarioError, match=r"s\.json: cannot write here \(Permission denied\)"):
        save_scenario(path, scenario)
    assert path.read_bytes() == before


def test_missing_folder_gives_clear_message(tmp_path, scenario):
    with pytest.raises(ScenarioError, match="cannot write here"):
        save_scenario(tmp_path / "no" / "such" / "s.json", scenario)


def test_builtin_frameworks_validate_and_come_in_tab_order():
    fws = resources.builtin_frameworks()
    assert list(fws)[:3] == ["business-models", "credential-ecology", "structures"]
    for fw in fws.values():
        assert fw.source, fw.id
    for fid in ("credential-ecology", "structures"):
        fw = fws[fid]
        assert fw.provenance == "authored-default"
        for opt in fw.options:
            for c in fw.criteria:
                r = opt.ratings[c.id]
                assert r.rationale and r.source, (fid, opt.id, c.id)


def test_default_scenario_every_weight_50_target_h2(scenario):
    bm = scenario.frameworks["business-models"]
    assert set(bm.weights.values()) == {50.0}
    assert bm.targets == {"horizon": 2.0}
