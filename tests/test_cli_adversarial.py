"""Issue 10, on the command line: what an attacker or an unlucky user feeds the subcommands.

Each test runs mcexplorer as a user would (in this process, with the argv bytes and output
streams a separate process gets: tests/cli_inprocess.py), and reads the raw bytes it prints:
no control character from a path or a file may reach the terminal, a name too long for the file
system gets one line and exit 2, a symbolic link stays a link, a read-only file is not
replaced. The FIFO test keeps a separate process: its failure is a hang.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cli_inprocess import run_cli

from mcexplorer.core.io import save_scenario, scenario_json
from mcexplorer.core.models import SCHEMA_VERSION
from mcexplorer.core.resources import default_scenario

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.name != "posix", reason="POSIX file names and FIFOs")]

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
REPO = Path(__file__).resolve().parent.parent
CONTROL = [b"\x1b", b"\x07", b"\r", b"\x9b"]
"""ESC, BEL, CR and the one-byte CSI: none may reach a terminal from a path or a file."""


def run(*args) -> subprocess.CompletedProcess:
    argv = [os.fsencode(a) if isinstance(a, (str, Path)) else a for a in args]
    return run_cli(*argv, cwd=REPO, text=False)


def run_process(*args) -> subprocess.CompletedProcess:
    """A separate process, for a test whose failure would be a hang (bounded by the timeout)."""
    argv = [os.fsencode(a) if isinstance(a, (str, Path)) else a for a in args]
    return subprocess.run([sys.executable.encode(), b"-m", b"mcexplorer", *argv],
                          capture_output=True, timeout=120, env=ENV, cwd=REPO)


def assert_clean(output: bytes) -> None:
    for ch in CONTROL:
        assert ch not in output, output
    assert b"Traceback" not in output


def assert_refused(result, *needles: bytes) -> None:
    assert result.returncode == 2, result
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert_clean(err)
    for needle in needles:
        assert needle in err, err


NASTY = b"evil\x1b]0;owned\x07\x1b[2J\rname"


def test_a_path_with_terminal_controls_is_printed_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    path = folder + b"/" + NASTY + b".json"
    made = run("new", path)
    assert made.returncode == 0, made
    assert_clean(made.stdout)
    assert b"\\x1b" in made.stdout  # shown, not obeyed
    checked = run("validate", path)
    assert checked.returncode == 0 and b"valid" in checked.stdout
    assert_clean(checked.stdout)
    assert_refused(run("validate", folder + b"/missing-" + NASTY + b".json"), b"no such file")


def test_export_prints_the_paths_it_wrote_escaped(tmp_path, scenario_file):
    out = os.fsencode(tmp_path) + b"/out-" + NASTY
    exported = run("export", scenario_file, "--out", out, "--width", "400")
    assert exported.returncode == 0, exported
    assert_clean(exported.stdout)
    assert exported.stdout.count(b"out-evil\\x1b]0;owned\\x07") >= 3


def test_a_path_that_is_not_utf8_is_printed_and_refused_readably(tmp_path):
    path = os.fsencode(tmp_path) + b"/caf\xe9.json"
    made = run("new", path)
    assert made.returncode == 0, made
    assert b"caf\\xe9.json" in made.stdout
    assert_refused(run("new", path), b"caf\\xe9.json", b"already exists")


def test_score_escapes_names_from_the_files_definitions(tmp_path):
    framework = {
        "id": "rogue", "title": "Rogue \x1b[31mRED\x1b[0m\x07",
        "criteria": [{"id": "c", "name": "C\x1b[1m", "direction": "benefit", "scale": [0, 1]}],
        "options": [{"id": "a", "name": "Option \x1b]8;;http://evil.example/\x07link\r",
                     "ratings": {"c": 1}},
                    {"id": "b", "name": "\x9bplain", "ratings": {"c": 0}}],
    }
    data = json.loads(scenario_json(default_scenario()))
    data["definitions"] = [framework]
    path = tmp_path / "rogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("score", path)
    assert result.returncode == 0, result
    assert_clean(result.stdout)
    text = result.stdout.decode("utf-8")
    assert "Rogue \\x1b[31mRED\\x1b[0m\\x07 (rogue)" in text
    assert "Option \\x1b]8;;http://evil.example/\\x07link\\r" in text


@pytest.mark.parametrize("command", ["new", "export"])
def test_a_name_too_long_for_the_file_system_is_one_line(tmp_path, scenario_file, command):
    long = tmp_path / ("n" * 256)
    args = ("new", long) if command == "new" else ("export", scenario_file, "--out", long)
    result = run(*args)
    assert_refused(result, b"256 bytes long", b"at most 255")
    assert not os.path.lexists(os.fsencode(tmp_path) + b"/" + b"n" * 255)


def test_names_up_to_the_limit_are_written_with_their_backup(tmp_path):
    # 251 to 255 bytes: the name fits, NAME.bak does not; temporaries are short.
    path = tmp_path / ("s" * 250 + ".json")
    assert run("new", path).returncode == 0
    assert run("new", path, "--force").returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    save_scenario(path, default_scenario(), backup=True)
    backups = [p.name for p in tmp_path.iterdir() if p.name.endswith(".bak")]
    assert len(backups) == 1 and len(backups[0]) <= 255


def test_new_force_writes_through_a_symbolic_link(tmp_path):
    target = tmp_path / "shared" / "real.json"
    target.parent.mkdir()
    target.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run("new", link, "--force").returncode == 0
    assert link.is_symlink(), "the link was replaced by a plain file"
    assert json.loads(target.read_text())["schema_version"] == SCHEMA_VERSION


def test_new_force_does_not_replace_a_read_only_file(tmp_path):
    path = tmp_path / "frozen.json"
    path.write_text("{}")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    assert_refused(run("new", path, "--force"), b"read-only")
    assert path.read_text() == "{}"


def test_validate_refuses_a_fifo_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    try:
        result = run_process("validate", fifo)  # the old code blocked here until the timeout
    except subprocess.TimeoutExpired:
        pytest.fail("validate hung on a FIFO")
    assert_refused(result, b"named pipe")
