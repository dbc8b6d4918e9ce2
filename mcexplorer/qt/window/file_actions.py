"""File actions of the main window: New, Open, Save, Save As, sessions and recovery.

A mixin of MainWindow: it reads ``self.controller``, ``self.keeper``, ``self.path`` and the
status bar, and asks through the prompts module (replaceable in tests).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.errors import FileChanged, ReadOnlyFile, ScenarioError, shown_path
from ...core.file_guard import FileClaim, stamp
from ...core.io import save_scenario
from ...core.resources import default_scenario
from ...core.upkeep import clean_stale_temp
from ...core.validation import load_scenario
from .. import prompts
from . import folders

log = logging.getLogger(__name__)
SCENARIO_FILTER = "Scenario files (*.json);;All files (*)"


B = QMessageBox.StandardButton


class FileActions:
    """New, Open, Save, Save As, open a session, restore unsaved work.

    The window remembers what its file held when it was opened or last saved (a FileStamp):
    if another program or window changed it since, Save asks before overwriting. A claim
    marks the file as open here, so a second window opening it is told.
    """

    _stamp = None
    _claim: FileClaim | None = None

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes. True means go on."""
        if not self.controller.modified:
            return True
        answer = prompts.ask_save_discard_cancel(
            self, "Unsaved changes",
            f"“{self.display_name()}” has changes that are not saved. Save them first?")
        if answer is None:
            # Nobody can answer (headless): keep the work where recovery finds it, go on.
            self.keep_unsaved_work()
            return True
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.keeper.discarded()
            return True
        return False

    def keep_unsaved_work(self) -> None:
        """Nobody could be asked (headless): keep the unsaved work as a session in the library."""
        try:
            self.keeper.sync_session()
        except (ScenarioError, OSError) as exc:
            log.warning("could not keep unsaved work: %s", exc)

    def new_scenario(self) -> None:
        if not self.maybe_save():
            return
        self.forget_file()
        self.controller.replace_scenario(default_scenario())
        self.keeper.replaced()
        self._update_title()
        self.statusBar().showMessage("New scenario from the built-in defaults", 4000)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(folders.last_folder(self.path))
        path, _ = QFileDialog.getOpenFileName(self, "Open scenario", start, SCENARIO_FILTER)
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
            prompts.warn(self, "Cannot open scenario", exc.message)
            return False
        self.controller.replace_scenario(scenario)
        self.adopt_file(path)
        note = f" (migrated: {'; '.join(report.migrations)})" if report.migrations else ""
        self.statusBar().showMessage(f"Opened {shown_path(self.path)}{note}", 5000)
        return True

    def adopt_file(self, path: str | Path) -> None:
        """The scenario now shown came from ``path``: title, session and recent files follow."""
        self.path = Path(path).absolute()
        self._stamp = stamp(self.path)
        self._hold(self.path, opening=True)
        self.keeper.replaced(self._session_for(self.path))
        self.add_recent(self.path)
        self._update_title()

    def _hold(self, path: Path | None, *, opening: bool = False) -> None:
        """Mark ``path`` as open in this window (releasing the previous one); on opening a
        file that another live window holds, say so."""
        if self._claim is None:
            self._claim = FileClaim()
        self._claim.release()
        if path is None:
            return
        clean_stale_temp(path.parent)
        if not self._claim.claim(path) and opening and self._claim.problem is None:
            prompts.warn(self, "Open in another window",
                         f"“{shown_path(path.name)}” is open in another mcexplorer window. "
                         "If both save, the second save will ask before overwriting.")

    def forget_file(self) -> None:
        """No file behind the window any more (New, or it is closing)."""
        self.path = None
        self._stamp = None
        self._hold(None)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = folders.start_path(self.path, self.path.name if self.path else "scenario.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save scenario as", start, SCENARIO_FILTER)
        if not path:
            return False
        folders.remember(path)
        p = Path(path)
        if not p.suffix and not os.path.lexists(p):  # a new name; /dev/null stays itself
            p = p.with_suffix(".json")
        return self.save_to(p)

    def save_to(self, path: Path, *, overwrite_changes: bool = False,
                replace_read_only: bool = False) -> bool:
        """Save atomically; the first time this window overwrites a file, keep NAME.bak.

        A file changed on disk since this window opened or saved it is not overwritten
        without asking (overwrite, save as a copy, or reload); nor is a read-only file.
        """
        target = Path(path).absolute()
        same_file = self.path is not None and target == self.path
        try:
            expected = stamp(target) if overwrite_changes or not same_file else self._stamp
            result = save_scenario(target, self.document.scenario,
                                   backup=target not in self._backed_up, expected=expected,
                                   replace_read_only=replace_read_only)
        except FileChanged:
            return self._resolve_changed_file(target)
        except ReadOnlyFile as exc:
            answer = prompts.ask_yes_no(self, "Read-only file",
                                        f"{exc.message}\n\nReplace it anyway?")
            if answer == B.Yes:
                return self.save_to(target, overwrite_changes=overwrite_changes,
                                    replace_read_only=True)
            return False
        except ScenarioError as exc:
            text = exc.message
            if exc.file and Path(exc.file) != target and target.is_symlink():
                text = f"{shown_path(target.name)} is a link to {text}"  # say which name
            prompts.error(self, "Could not save", text)
            return False
        self._backed_up.add(target)
        if not same_file:
            self._hold(target)
        self.path = target
        self._stamp = result.stamp
        self.controller.mark_saved()
        self.add_recent(self.path)
        self._update_title()
        note = ""
        if result.backup is not None and result.backup.name != target.name + ".bak":
            note = f" (the previous version is kept as {shown_path(result.backup.name)})"
        self.statusBar().showMessage(f"Saved {shown_path(self.path)}{note}", 6000)
        try:
            self.keeper.saved()
        except ScenarioError as exc:  # the file is saved: the library is a convenience
            self.statusBar().showMessage(
                f"Saved {shown_path(self.path)}; the session library could not be updated: "
                f"{exc.message}", 10000)
        return True

    def _resolve_changed_file(self, target: Path) -> bool:
        answer = prompts.ask_buttons(
            self, "File changed on disk",
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

    def summary(self) -> str:
        """One line for the session library: the best option of each framework."""
        parts = []
        for fid, fw in self.document.frameworks.items():
            ranking = self.document.ranking(fid)
            if ranking.results and ranking.has_weight:
                best = ranking.results[0]
                fit = "" if best.fit is None else f" ({best.fit:.0f}%)"
                parts.append(f"{fw.title}: {best.name}{fit}")
        return "; ".join(parts)

    def _session_for(self, path: Path) -> str | None:
        for meta in self.keeper.library.list():
            if meta.source_path and Path(meta.source_path) == path:
                return meta.id
        return None

    def restore(self, entry) -> bool:
        """Bring back unsaved work found by the recovery store (modified, not saved)."""
        try:
            self.controller.replace_scenario(entry.scenario)
        except ScenarioError as exc:
            try:
                moved = (f"It was moved to "
                         f"{shown_path(self.keeper.recovery.set_aside(entry, exc.message))}.")
            except ScenarioError as why:
                moved = f"It could not be moved aside: {why.message}"
            prompts.warn(self, "Cannot restore", f"{exc.message}\n\n{moved}")
            return False
        problem = self._follow_file(Path(entry.path) if entry.path else None)
        self.keeper.replaced(entry.session_id)
        self.controller.undo_stack.resetClean()  # restored work is not saved anywhere yet
        self._update_title()
        self.keeper.autosave()
        self.statusBar().showMessage("Restored unsaved work", 5000)
        if problem:
            prompts.warn(self, "Restored without its file", problem)
        return True

    def _follow_file(self, path: Path | None) -> str | None:
        """Show ``path`` as this window's file when it is still one; otherwise (it became a
        folder, a FIFO, a link loop...) the scenario stays untitled and the reason is
        returned for the planner (the work itself is kept: Save As writes it elsewhere)."""
        self.path, self._stamp = path, None
        if path is None:
            return None
        try:
            self._stamp = stamp(path)
        except ScenarioError as exc:
            self.path = None
            return (f"{exc.message}. The work is kept as an untitled scenario: use Save As "
                    "to write it to a file.")
        return None

    def open_session(self, session_id: str) -> bool:
        if not self.maybe_save():
            return False
        library = self.keeper.library
        try:
            meta = library.meta(session_id)
            scenario = library.load(session_id)
        except ScenarioError as exc:
            prompts.warn(self, "Cannot open session", exc.message)
            return False
        source = Path(meta.source_path) if meta.source_path else None
        problem = self._follow_file(source if source is not None and source.exists()
                                    else None)
        self._hold(self.path)
        self.controller.replace_scenario(scenario)
        self.keeper.replaced(session_id)
        self._update_title()
        self.sessions_panel.refresh()
        self.statusBar().showMessage(f"Opened session “{meta.name}”", 4000)
        if problem:
            prompts.warn(self, "Session opened without its file", problem)
        return True
