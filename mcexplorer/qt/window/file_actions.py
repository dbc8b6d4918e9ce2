"""File actions of the main window: New, Open, Save, Save As, sessions and recovery.

A mixin of MainWindow: it reads ``self.controller``, ``self.keeper``, ``self.path`` and the
status bar, and asks through the prompts module (replaceable in tests).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.errors import ScenarioError
from ...core.io import save_scenario
from ...core.resources import default_scenario
from ...core.validation import load_scenario
from .. import prompts

log = logging.getLogger(__name__)
SCENARIO_FILTER = "Scenario files (*.json);;All files (*)"


class FileActions:
    """New, Open, Save, Save As, open a session, restore unsaved work."""

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
        self.path = None
        self.controller.replace_scenario(default_scenario())
        self.keeper.replaced()
        self._update_title()
        self.statusBar().showMessage("New scenario from the built-in defaults", 4000)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open scenario", start, SCENARIO_FILTER)
        if path:
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
        self.statusBar().showMessage(f"Opened {self.path}{note}", 5000)
        return True

    def adopt_file(self, path: str | Path) -> None:
        """The scenario now shown came from ``path``: title, session and recent files follow."""
        self.path = Path(path).resolve()
        self.keeper.replaced(self._session_for(self.path))
        self.add_recent(self.path)
        self._update_title()

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else "scenario.json"
        path, _ = QFileDialog.getSaveFileName(self, "Save scenario as", start, SCENARIO_FILTER)
        if not path:
            return False
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(".json")
        return self.save_to(p)

    def save_to(self, path: Path) -> bool:
        """Save atomically; the first time this window overwrites a file, keep NAME.bak."""
        target = Path(path).resolve()
        try:
            save_scenario(target, self.document.scenario, backup=target not in self._backed_up)
        except ScenarioError as exc:
            prompts.error(self, "Could not save", exc.message)
            return False
        self._backed_up.add(target)
        self.path = target
        self.controller.mark_saved()
        self.keeper.saved()
        self.add_recent(self.path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {self.path}", 4000)
        return True

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
            prompts.warn(self, "Cannot restore", exc.message)
            return False
        self.path = Path(entry.path) if entry.path else None
        self.keeper.replaced(entry.session_id)
        self.controller.undo_stack.resetClean()  # restored work is not saved anywhere yet
        self._update_title()
        self.keeper.autosave()
        self.statusBar().showMessage("Restored unsaved work", 5000)
        return True

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
        self.path = source if source is not None and source.exists() else None
        self.controller.replace_scenario(scenario)
        self.keeper.replaced(session_id)
        self._update_title()
        self.sessions_panel.refresh()
        self.statusBar().showMessage(f"Opened session “{meta.name}”", 4000)
        return True
