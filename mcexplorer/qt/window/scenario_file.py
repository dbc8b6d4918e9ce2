"""The scenario file: the file behind the window and what is done with it (New, Open, Save,
Save As, open a session, restore unsaved work).

A part the window owns (``window.scenario_file``). Its state (the path, what the file held
when this window opened or last saved it, the claim that marks it open here, the window's
title) is set in ONE place, ``adopt``; recent files and the title follow its signals. It asks
through the prompts module (replaceable in tests) with the window as the dialogs' parent.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ...core.document import Document
from ...core.errors import FileChanged, ReadOnlyFile, ScenarioError, shown_path
from ...core.file_guard import FileClaim, FileStamp, stamp
from ...core.io import save_scenario
from ...core.outputs.names import scenario_label
from ...core.resources import default_scenario
from ...core.sessions import RecoveryEntry
from ...core.upkeep import clean_stale_temp
from ...core.validation import load_scenario
from .. import prompts
from ..controller import DocumentController
from ..session_keeper import SessionKeeper
from . import folders

log = logging.getLogger(__name__)
SCENARIO_FILTER = "Scenario files (*.json);;All files (*)"
B = QMessageBox.StandardButton


class ScenarioFile(QObject):
    """The file behind the window, and New, Open, Save, Save As, sessions and recovery.

    The window remembers what its file held when it was opened or last saved (a FileStamp):
    if another program or window changed it since, Save asks before overwriting. A claim
    marks the file as open here, so a second window opening it is told.
    """

    adopted = Signal(object)
    """The path now behind the window (a Path, or None: untitled); the title has followed."""
    kept = Signal(object)
    """A file the planner opened or saved (a Path): Open Recent lists it."""
    sessionOpened = Signal(str)
    """A session of the library is now the open scenario (its id)."""

    def __init__(self, window: QMainWindow, controller: DocumentController,
                 keeper: SessionKeeper) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._keeper = keeper
        self._path: Path | None = None
        self._stamp: FileStamp | None = None
        self._claim = FileClaim()
        self._backed_up: set[Path] = set()
        controller.modifiedChanged.connect(window.setWindowModified)
        controller.scenarioReplaced.connect(self._show_title)
        self._show_title()

    # -- the state, set in one place ------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The file behind the window (absolute), or None (untitled)."""
        return self._path

    @property
    def document(self) -> Document:
        return self._controller.document

    def display_name(self) -> str:
        return shown_path(self._path.name) if self._path else "Untitled"

    def scenario_name(self) -> str:
        """The scenario's name in export file names and captions."""
        return scenario_label(self.document.scenario, self._path)

    def adopt(self, path: str | Path | None, *, saved: FileStamp | None = None,
              opening: bool = False, keep: bool = False) -> str | None:
        """The scenario shown now belongs to ``path`` (None: to no file). The ONE place the
        file state is set: path, stamp (``saved``, else read from the file), the claim
        (``opening`` warns when another live window holds it), the title, and with ``keep``
        the recent files. Returns why the file cannot be this window's file (it became a
        folder, a FIFO, a link loop...): the scenario then stays untitled, its work kept."""
        target = None if path is None else Path(path).absolute()
        problem = None
        fresh = saved
        if target is not None and fresh is None:
            try:
                fresh = stamp(target)
            except ScenarioError as exc:
                target = None
                problem = (f"{exc.message}. The work is kept as an untitled scenario: use "
                           "Save As to write it to a file.")
        if opening or target != self._path or target is None:
            self._hold(target, opening=opening)
        self._path, self._stamp = target, fresh
        self._show_title()
        self.adopted.emit(target)
        if keep and target is not None:
            self.kept.emit(target)
        return problem

    def forget(self) -> None:
        """No file behind the window any more (New)."""
        self.adopt(None)

    def release(self) -> None:
        """The window is closing: the file is no longer open here."""
        self._claim.release()

    def _hold(self, path: Path | None, *, opening: bool) -> None:
        """Mark ``path`` as open in this window (releasing the previous one); on opening a
        file that another live window holds, say so."""
        self._claim.release()
        if path is None:
            return
        clean_stale_temp(path.parent)
        if not self._claim.claim(path) and opening and self._claim.problem is None:
            prompts.warn(self._window, "Open in another window",
                         f"“{shown_path(path.name)}” is open in another mcexplorer window. "
                         "If both save, the second save will ask before overwriting.")

    def _show_title(self) -> None:
        self._window.setWindowTitle(f"{self.display_name()}[*] — mcexplorer")
        self._window.setWindowModified(self._controller.modified)

    def _status(self, text: str, ms: int) -> None:
        self._window.statusBar().showMessage(text, ms)

    # -- New, Open ------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes. True means go on."""
        if not self._controller.modified:
            return True
        answer = prompts.ask_save_discard_cancel(
            self._window, "Unsaved changes",
            f"“{self.display_name()}” has changes that are not saved. Save them first?")
        if answer is None:
            # Nobody can answer (headless): keep the work where recovery finds it, go on.
            self.keep_unsaved_work()
            return True
        if answer == B.Save:
            return self.save()
        if answer == B.Discard:
            self._keeper.discarded()
            return True
        return False

    def keep_unsaved_work(self) -> None:
        """Nobody could be asked (headless): keep the unsaved work as a session in the library."""
        try:
            self._keeper.sync_session()
        except (ScenarioError, OSError) as exc:
            log.warning("could not keep unsaved work: %s", exc)

    def new_scenario(self) -> None:
        if not self.maybe_save():
            return
        self.forget()
        self._controller.replace_scenario(default_scenario())
        self._keeper.replaced()
        self._status("New scenario from the built-in defaults", 4000)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(folders.last_folder(self._path))
        path, _ = QFileDialog.getOpenFileName(self._window, "Open scenario", start,
                                              SCENARIO_FILTER)
        if path:
            folders.remember(path)
            self.open_path(path)

    def open_path(self, path: str | Path, *, quiet: bool = False) -> bool:
        """Open a scenario file. On bad input say why and keep the open scenario unchanged."""
        try:
            scenario, report = load_scenario(path)
        except ScenarioError as exc:
            if quiet:
                raise
            prompts.warn(self._window, "Cannot open scenario", exc.message)
            return False
        self._controller.replace_scenario(scenario)
        self.opened(path)
        note = f" (migrated: {'; '.join(report.migrations)})" if report.migrations else ""
        self._status(f"Opened {shown_path(self._path or Path(path))}{note}", 5000)
        return True

    def opened(self, path: str | Path) -> None:
        """The scenario now shown was read from ``path``: the file, its session and recent
        files follow (create_window uses this for the file it was started on)."""
        problem = self.adopt(path, opening=True, keep=True)
        self._keeper.replaced(self._session_for(self._path) if self._path else None)
        if problem:
            prompts.warn(self._window, "Opened without its file", problem)

    def open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    # -- Save -----------------------------------------------------------------------------

    def save(self) -> bool:
        if self._path is None:
            return self.save_as()
        return self.save_to(self._path)

    def save_as(self) -> bool:
        current = self._path
        start = folders.start_path(current, current.name if current else "scenario.json")
        path, _ = QFileDialog.getSaveFileName(self._window, "Save scenario as", start,
                                              SCENARIO_FILTER)
        if not path:
            return False
        folders.remember(path)
        p = Path(path)
        if not p.suffix and not os.path.lexists(p):  # a new name; /dev/null stays itself
            p = p.with_suffix(".json")
        return self.save_to(p)

    def save_to(self, path: str | Path, *, overwrite_changes: bool = False,
                replace_read_only: bool = False) -> bool:
        """Save atomically; the first time this window overwrites a file, keep NAME.bak.

        A file changed on disk since this window opened or saved it is not overwritten
        without asking (overwrite, save as a copy, or reload); nor is a read-only file.
        """
        target = Path(path).absolute()
        same_file = self._path is not None and target == self._path
        try:
            expected = stamp(target) if overwrite_changes or not same_file else self._stamp
            result = save_scenario(target, self.document.scenario,
                                   backup=target not in self._backed_up, expected=expected,
                                   replace_read_only=replace_read_only)
        except FileChanged:
            return self._resolve_changed_file(target)
        except ReadOnlyFile as exc:
            answer = prompts.ask_yes_no(self._window, "Read-only file",
                                        f"{exc.message}\n\nReplace it anyway?")
            if answer == B.Yes:
                return self.save_to(target, overwrite_changes=overwrite_changes,
                                    replace_read_only=True)
            return False
        except ScenarioError as exc:
            text = exc.message
            if exc.file and Path(exc.file) != target and target.is_symlink():
                text = f"{shown_path(target.name)} is a link to {text}"  # say which name
            prompts.error(self._window, "Could not save", text)
            return False
        self._backed_up.add(target)
        self._controller.mark_saved()
        self.adopt(target, saved=result.stamp, keep=True)
        note = ""
        if result.backup is not None and result.backup.name != target.name + ".bak":
            note = f" (the previous version is kept as {shown_path(result.backup.name)})"
        self._status(f"Saved {shown_path(target)}{note}", 6000)
        try:
            self._keeper.saved()
        except ScenarioError as exc:  # the file is saved: the library is a convenience
            self._status(f"Saved {shown_path(target)}; the session library could not be "
                         f"updated: {exc.message}", 10000)
        return True

    def _resolve_changed_file(self, target: Path) -> bool:
        answer = prompts.ask_buttons(
            self._window, "File changed on disk",
            f"“{shown_path(target.name)}” was changed by another program or window since you "
            "opened or last saved it. Overwrite it with this window's scenario, save this "
            "scenario as a copy, or reload the file (this window's unsaved changes are lost)?",
            {B.Yes: "Overwrite", B.No: "Save as a copy…", B.Reset: "Reload from disk",
             B.Cancel: "Cancel"}, B.Cancel)
        if answer == B.Yes:
            return self.save_to(target, overwrite_changes=True)
        if answer == B.No:
            return self.save_as()
        if answer == B.Reset:
            self.open_path(target)
        return False

    # -- sessions and recovery ------------------------------------------------------------

    def _session_for(self, path: Path) -> str | None:
        for meta in self._keeper.library.list():
            if meta.source_path and Path(meta.source_path) == path:
                return meta.id
        return None

    def restore(self, entry: RecoveryEntry) -> bool:
        """Bring back unsaved work found by the recovery store (modified, not saved)."""
        try:
            self._controller.replace_scenario(entry.scenario)
        except ScenarioError as exc:
            try:
                moved = (f"It was moved to "
                         f"{shown_path(self._keeper.recovery.set_aside(entry, exc.message))}.")
            except ScenarioError as why:
                moved = f"It could not be moved aside: {why.message}"
            prompts.warn(self._window, "Cannot restore", f"{exc.message}\n\n{moved}")
            return False
        problem = self.adopt(Path(entry.path) if entry.path else None)
        self._keeper.replaced(entry.session_id)
        self._controller.undo_stack.resetClean()  # restored work is not saved anywhere yet
        self._keeper.autosave()
        self._status("Restored unsaved work", 5000)
        if problem:
            prompts.warn(self._window, "Restored without its file", problem)
        return True

    def open_session(self, session_id: str) -> bool:
        if not self.maybe_save():
            return False
        library = self._keeper.library
        try:
            meta = library.meta(session_id)
            scenario = library.load(session_id)
        except ScenarioError as exc:
            prompts.warn(self._window, "Cannot open session", exc.message)
            return False
        source = Path(meta.source_path) if meta.source_path else None
        self._controller.replace_scenario(scenario)
        problem = self.adopt(source if source is not None and source.exists() else None)
        self._keeper.replaced(session_id)
        self.sessionOpened.emit(session_id)
        self._status(f"Opened session “{meta.name}”", 4000)
        if problem:
            prompts.warn(self._window, "Session opened without its file", problem)
        return True
