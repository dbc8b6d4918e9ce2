"""Export CSV and Export all ask once when files of the same names are in the chosen folder
(issue 24, item 3): replace them all, keep both (the new ones get " (2)"), or cancel. The
command line is told a folder and keeps replacing."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

BM = "business-models"
B = QMessageBox.StandardButton
EDITED = b"a planner's edited copy of last week's export\n"
ACTIONS = {"export-csv": ("default-scenario-business-models.csv", "CSV files"),
           "export-all": ("default-scenario-business-models-radar.png", "charts")}


@pytest.fixture
def window(open_window):
    return open_window(BM)


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    return out


def run_export(window, monkeypatch, folder, action, answer):
    """Trigger the action into ``folder``; the question box answers ``answer``. Returns the
    questions asked, as (title, text, buttons)."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a: str(folder)))
    asked = []

    def question(parent, title, text, buttons=B.NoButton, default=B.NoButton):
        asked.append((title, text, buttons))
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.findChild(QAction, f"action:{action}").trigger()
    return asked


@pytest.mark.parametrize("action", list(ACTIONS))
def test_an_empty_folder_is_written_without_a_question(window, folder, monkeypatch, action):
    asked = run_export(window, monkeypatch, folder, action, B.Cancel)
    assert asked == []
    assert (folder / ACTIONS[action][0]).exists()


@pytest.mark.parametrize("action", list(ACTIONS))
def test_files_already_there_are_asked_about_once_and_cancel_writes_nothing(
        window, folder, monkeypatch, action):
    name, what = ACTIONS[action]
    (folder / name).write_bytes(EDITED)
    asked = run_export(window, monkeypatch, folder, action, B.Cancel)
    assert len(asked) == 1
    title, text, buttons = asked[0]
    assert title == "Files already there"
    assert "1 of the " in text and what in text and name in text and str(folder) in text
    assert buttons == B.YesToAll | B.Save | B.Cancel
    assert [p.name for p in folder.iterdir()] == [name]
    assert (folder / name).read_bytes() == EDITED
    assert window.statusBar().currentMessage() == "Export cancelled: nothing was written"


@pytest.mark.parametrize("action", list(ACTIONS))
def test_keep_both_keeps_the_planners_file_and_writes_the_new_one_beside_it(
        window, folder, monkeypatch, action):
    name, _ = ACTIONS[action]
    (folder / name).write_bytes(EDITED)
    stem, _dot, ext = name.rpartition(".")
    (folder / f"{stem} (2).{ext}").write_bytes(EDITED)  # an earlier "keep both"
    asked = run_export(window, monkeypatch, folder, action, B.Save)
    assert len(asked) == 1
    assert (folder / name).read_bytes() == EDITED
    assert (folder / f"{stem} (2).{ext}").read_bytes() == EDITED
    new = (folder / f"{stem} (3).{ext}").read_bytes()
    assert new != EDITED and len(new) > 100
    others = [p for p in folder.iterdir() if "(" not in p.name and p.name != name]
    assert others  # the files that were not there are written under their own names


@pytest.mark.parametrize("action", list(ACTIONS))
def test_replace_all_replaces_every_file_of_the_same_name(window, folder, monkeypatch,
                                                          action):
    name, _ = ACTIONS[action]
    (folder / name).write_bytes(EDITED)
    asked = run_export(window, monkeypatch, folder, action, B.YesToAll)
    assert len(asked) == 1
    assert (folder / name).read_bytes() != EDITED
    assert not list(folder.glob("* (2).*"))


def test_headless_with_nobody_to_answer_nothing_is_replaced(window, folder, monkeypatch):
    name, _ = ACTIONS["export-csv"]
    (folder / name).write_bytes(EDITED)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a: str(folder)))
    window.findChild(QAction, "action:export-csv").trigger()  # Qt's own question, unshown
    assert [p.name for p in folder.iterdir()] == [name]
    assert (folder / name).read_bytes() == EDITED


def test_the_command_line_keeps_replacing(tmp_path):
    scenario = tmp_path / "plan.json"
    run = [sys.executable, "-m", "mcexplorer"]
    subprocess.run([*run, "new", str(scenario)], check=True, capture_output=True, timeout=120)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan-business-models.csv"
    target.write_bytes(EDITED)
    result = subprocess.run([*run, "csv", str(scenario), "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() != EDITED
    assert not list(out.glob("* (2).*"))
