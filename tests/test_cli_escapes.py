"""No raw terminal control characters from files reach the terminal (issue 24, item 7):
``summary`` (title, risks), ``sensitivity`` (option names), ``compare`` (names) and
``participants add`` (a name taken from a file name) write them as escapes."""

from __future__ import annotations

import json

import pytest
from test_cli import run

from mcexplorer.core.io import scenario_json
from mcexplorer.core.resources import builtin_frameworks, default_scenario

ESC = "\x1b]0;owned\x07\x1b[2J"
RAW = ("\x1b", "\x07", "\r", "\x9b")


def hostile(tmp_path):
    data = json.loads(scenario_json(default_scenario()))
    fw = json.loads(builtin_frameworks()["business-models"].model_dump_json())
    for option in fw["options"]:
        option["name"] = f"{option['name']} {ESC}\r\x9b"
        option["short_name"] = ""
    data["definitions"] = [fw]
    data["title"] = f"Away day {ESC}\r"
    data["risks"]["items"] = [{"id": "r1", "text": f"Low demand {ESC}\r", "owner": "Ann"}]
    data["snapshots"] = [{"id": f"s{i}", "name": f"Snap {i} {ESC}", "created":
                          "2026-01-01T00:00:00Z", "settings": {}} for i in (1, 2)]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize("verb", [
    ["summary", "{f}"],
    ["sensitivity", "{f}", "--framework", "business-models", "--criterion", "costs"],
    ["compare", "{f}#s1", "{f}"],
])
def test_names_from_a_file_reach_the_terminal_as_escapes(tmp_path, verb):
    path = hostile(tmp_path)
    result = run(*[part.format(f=path) for part in verb])
    assert result.returncode == 0, result.stderr
    assert not any(ch in result.stdout for ch in RAW), repr(result.stdout[:400])
    assert "\\x1b]0;owned\\x07\\x1b[2J" in result.stdout  # shown, not obeyed


def test_participants_add_shows_a_name_taken_from_a_file_name_as_escapes(tmp_path):
    scenario = tmp_path / "room.json"
    person = tmp_path / "Ann\x1b[2J\x07.json"
    assert run("new", scenario).returncode == 0
    assert run("new", person).returncode == 0
    result = run("participants", "add", scenario, person)
    assert result.returncode == 0, result.stderr
    assert not any(ch in result.stdout for ch in RAW), repr(result.stdout)
    assert "Ann\\x1b[2J\\x07" in result.stdout
