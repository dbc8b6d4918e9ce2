"""Nothing lost: a file changed on disk is not silently overwritten, a second window opening a
file is told, a broken session library does not turn a good Save into an error, and a data
folder that cannot be used leaves autosave off with a message instead of a traceback."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel, QMessageBox

from mcexplorer.core.io import save_scenario
from mcexplorer.core.paths import data_dir, recovery_dir
from mcexplorer.core.validation import load_scenario
from mcexplorer.qt import prompts

B = QMessageBox.StandardButton
BM = "business-models"


def _weight(window, value):
    window.framework_tabs[BM].weight_sliders["risk"].slider.setValue(value)


def _other_program_writes(path, risk):
    data = json.loads(path.read_text())
    data["frameworks"][BM]["weights"]["risk"] = risk
    path.write_text(json.dumps(data))


def _answer(monkeypatch, button):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda parent, title, text, *a: asked.append(title)
                                     or button))
    return asked


def test_save_does_not_overwrite_a_file_changed_on_disk_without_asking(
        open_window, scenario_file, monkeypatch):
    window = open_window(path=scenario_file)
    _other_program_writes(scenario_file, 11)
    _weight(window, 77)
    asked = _answer(monkeypatch, B.Cancel)
    assert window.scenario_file.save() is False
    assert asked == ["File changed on disk"]
    assert load_scenario(scenario_file)[0].frameworks[BM].weights["risk"] == 11  # kept
    assert window.isWindowModified()
    window.controller.mark_saved()


def test_overwrite_is_a_choice_and_reload_brings_the_other_change_in(
        open_window, scenario_file, monkeypatch):
    window = open_window(path=scenario_file)
    _other_program_writes(scenario_file, 11)
    _weight(window, 77)
    _answer(monkeypatch, B.Yes)  # Overwrite
    assert window.scenario_file.save() is True
    assert load_scenario(scenario_file)[0].frameworks[BM].weights["risk"] == 77
    _other_program_writes(scenario_file, 33)
    _weight(window, 78)
    _answer(monkeypatch, B.Reset)  # Reload from disk
    assert window.scenario_file.save() is False
    assert window.document.weight(BM, "risk") == 33
    assert not window.isWindowModified()


def test_two_windows_on_one_file_the_second_save_asks(open_window, scenario_file, monkeypatch):
    warned = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: warned.append(title))
    first = open_window(path=scenario_file)
    second = open_window(path=scenario_file)
    assert warned == ["Open in another window"]
    _weight(first, 61)
    assert first.scenario_file.save() is True
    _weight(second, 62)
    asked = _answer(monkeypatch, B.Cancel)
    assert second.scenario_file.save() is False and asked == ["File changed on disk"]
    assert load_scenario(scenario_file)[0].frameworks[BM].weights["risk"] == 61
    second.controller.mark_saved()


def test_a_save_that_succeeds_is_reported_as_saved_when_the_library_fails(
        open_window, tmp_path, monkeypatch):
    window = open_window()
    errors = []
    monkeypatch.setattr(prompts, "error", lambda parent, title, text: errors.append(title))

    def broken(*_a, **_k):
        from mcexplorer.core.errors import StorageError
        raise StorageError("no space left on device", file="sessions")

    monkeypatch.setattr(window.keeper.library, "save", broken)
    monkeypatch.setattr(window.keeper.library, "create", broken)
    _weight(window, 12)
    target = tmp_path / "kept.json"
    assert window.scenario_file.save_to(target) is True
    assert errors == []
    assert "session library could not be updated" in window.statusBar().currentMessage()
    assert load_scenario(target)[0].frameworks[BM].weights["risk"] == 12
    assert not window.isWindowModified()


def test_a_recovery_folder_that_is_a_file_leaves_autosave_off_with_a_message(open_window):
    data_dir().mkdir(parents=True, exist_ok=True)
    recovery_dir().write_text("not a folder")
    window = open_window()
    assert window.keeper.problem is not None
    note = window.findChild(QLabel, "storage-problem")
    assert note is not None and note.text().startswith("Autosave and sessions off")
    assert "is a file, not a folder" in note.text()
    _weight(window, 20)
    assert window.keeper.autosave() is False  # unsaved work is not on disk: said so
    window.controller.mark_saved()


def test_a_symlinked_file_stays_a_link_when_the_window_saves(open_window, tmp_path):
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    from mcexplorer.core.resources import default_scenario
    save_scenario(real, default_scenario())
    link.symlink_to(real)
    window = open_window(path=link)
    _weight(window, 44)
    assert window.scenario_file.save() is True
    assert link.is_symlink()
    assert load_scenario(real)[0].frameworks[BM].weights["risk"] == 44


def test_a_file_name_that_is_not_utf8_autosaves_saves_and_shows(open_window, tmp_path):
    import os

    from mcexplorer.core.resources import default_scenario
    from mcexplorer.core.sessions import RecoveryStore

    path = tmp_path / os.fsdecode(b"caf\xe9.json")
    save_scenario(path, default_scenario())
    window = open_window(path=path)
    assert "caf" in window.windowTitle() and "\\xe9" in window.windowTitle()
    _weight(window, 23)
    assert window.keeper.autosave() is True
    records = list(RecoveryStore().root.glob("*.json"))
    assert records, "the unsaved work is on disk"
    assert window.scenario_file.save() is True
    assert load_scenario(path)[0].frameworks[BM].weights["risk"] == 23
    assert window.recent.files()[0] == str(path)  # the exact bytes survive the settings


def test_autosave_survives_an_unexpected_error_and_says_so(open_window, monkeypatch):
    window = open_window()

    def boom(*_a, **_k):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(window.keeper.recovery, "write", boom)
    _weight(window, 31)
    assert window.keeper.autosave() is False
    assert "Autosave failed" in window.statusBar().currentMessage()
    window.controller.mark_saved()
