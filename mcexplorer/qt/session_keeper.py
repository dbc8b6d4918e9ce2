"""Keeps a window's work safe: idle autosave, the session library mirror, crash recovery.

After every change a single-shot timer restarts; when the planner has been idle for
AUTOSAVE_IDLE_MS, the keeper writes
- the recovery file (only while there are unsaved changes; never the user's own file), and
- the scenario's session in the library (so every scenario worked on is kept by name).
Saving clears the recovery file; closing without saving (Discard) puts the session back to its
last saved state. At start-up, recovery files left by an instance that died are offered back.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..core.document import Document
from ..core.errors import ScenarioError, SessionMissing, shown_path
from ..core.models import Scenario
from ..core.sessions import RecoveryEntry, RecoveryStore, SessionLibrary
from ..core.upkeep import start_storage
from .plain import guarded, plain_label

log = logging.getLogger(__name__)

AUTOSAVE_IDLE_MS = 2000


class SessionKeeper(QObject):
    libraryChanged = Signal()

    def __init__(self, window, library: SessionLibrary | None = None,
                 recovery: RecoveryStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.library = library or SessionLibrary()
        self.recovery = recovery or RecoveryStore()
        self.session_id: str | None = None
        self._session_created_here = False
        self._saved_snapshot: Scenario | None = window.document.scenario.model_copy(deep=True)
        self._dirty_for_session = False
        self._named_by_planner: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_IDLE_MS)
        self.timer.timeout.connect(self.autosave)
        window.controller.changed.connect(self._on_changed)
        window.controller.modifiedChanged.connect(self._on_modified_changed)
        self.problem = start_storage(self.library, self.recovery)
        """Why autosave and sessions are off (None when they work): said once, not retried."""
        if self.problem is not None:
            log.warning("autosave and sessions off: %s", self.problem)
            note = plain_label(f"Autosave and sessions off: {self.problem}")
            note.setObjectName("storage-problem")
            note.setToolTip(guarded("mcexplorer cannot write to its data folder, so unsaved work "
                                    "is not autosaved and the session library is closed. Save "
                                    f"your work to a file.\n\n{self.problem}"))
            window.statusBar().addPermanentWidget(note)

    # -- triggers ---------------------------------------------------------------------------

    def _on_changed(self, _framework: str) -> None:
        if shiboken6.isValid(self) and self.problem is None:
            self._dirty_for_session = True
            self.timer.start()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified and shiboken6.isValid(self) and self.problem is None:
            self.recovery.clear()

    # -- writing ----------------------------------------------------------------------------

    def autosave(self) -> bool:
        """Write the recovery file and the session now (also used before an error dialog).
        True when the unsaved work is safe on disk (or there was none)."""
        self.timer.stop()
        if self.problem is not None:
            return not self.window.controller.modified
        window = self.window
        try:
            if self._dirty_for_session:  # first: the recovery file then names its session
                self.sync_session()
            if window.controller.modified:
                self.recovery.write(window.document.scenario,
                                    str(window.path) if window.path else None, self.session_id)
        except (ScenarioError, OSError) as exc:
            log.warning("autosave failed: %s", exc)
            window.statusBar().showMessage(f"Autosave failed: {getattr(exc, 'message', exc)}",
                                           8000)
            return False
        except Exception:
            log.exception("autosave failed unexpectedly")
            window.statusBar().showMessage("Autosave failed unexpectedly (see the log)", 8000)
            return False
        return True

    def session_name(self) -> str:
        window = self.window
        if window.path is not None:
            return window.path.stem
        title = window.document.scenario.title
        return title if title and title != "Untitled scenario" else "Untitled scenario"

    def sync_session(self) -> None:
        """Mirror the current scenario into its session (creating it on first need)."""
        window = self.window
        scenario = window.document.scenario
        summary = best_options(window.document)
        source = str(window.path) if window.path else None
        if self.session_id is None:
            meta = self.library.create(scenario, self.session_name(), source, summary)
            self.session_id = meta.id
            self._session_created_here = window.path is None
        else:
            try:
                self.library.save(self.session_id, scenario, summary=summary, source_path=source)
            except SessionMissing:  # deleted from the library meanwhile: start a new one
                self.session_id = None
                self.sync_session()
                return
        self._dirty_for_session = False
        png = window.chart_export.preview_png()
        if png:
            self.library.save_preview(self.session_id, png)
        self.libraryChanged.emit()

    # -- lifecycle events from the window ---------------------------------------------------

    def saved(self) -> None:
        """The scenario was saved to a file: the session follows, named after the file
        (unless the planner named it), no recovery needed."""
        if self.problem is not None:
            return
        self._saved_snapshot = self.window.document.scenario.model_copy(deep=True)
        self._session_created_here = False
        self._dirty_for_session = True
        self.sync_session()
        if self.session_id is not None and self.session_id not in self._named_by_planner \
                and self.window.path is not None:
            try:
                self.library.rename(self.session_id, self.window.path.stem)
            except (ScenarioError, OSError) as exc:
                log.warning("could not name the session after its file: %s", exc)
            self.libraryChanged.emit()
        self.recovery.clear()

    def rename_session(self, session_id: str, name: str) -> None:
        """The planner names a session: saving to a file no longer renames it."""
        self.library.rename(session_id, name)
        self._named_by_planner.add(session_id)

    def replaced(self, session_id: str | None = None) -> None:
        """A new scenario was opened or created (New, Open, a session, a recovery)."""
        self.timer.stop()
        self.session_id = session_id
        self._session_created_here = False
        self._saved_snapshot = self.window.document.scenario.model_copy(deep=True)
        self._dirty_for_session = False
        if self.problem is None:
            self.recovery.clear()

    def discarded(self) -> None:
        """The planner chose to throw unsaved changes away: the session goes back too."""
        self.timer.stop()
        if self.problem is not None:
            return
        self.recovery.clear()
        if self.session_id is None:
            return
        try:
            if self._session_created_here:
                self.library.delete(self.session_id)  # to the trash: still restorable
            elif self._saved_snapshot is not None:
                self.library.save(self.session_id, self._saved_snapshot)
        except (ScenarioError, OSError) as exc:
            log.warning("could not revert session: %s", exc)

    def stop(self) -> None:
        self.timer.stop()
        self.recovery.stop()

    # -- recovery at start-up ---------------------------------------------------------------

    def offer_recovery(self, parent: QWidget) -> bool:
        """Offer the newest unsaved work of a window that died; True if it was restored.
        Recovery files that cannot be restored were moved aside: say so once."""
        if self.problem is not None:
            return False
        orphans = self.recovery.orphans()
        for where, why in self.recovery.moved_aside:
            self.window.statusBar().showMessage(
                f"Unsaved work that could not be restored ({why}) was moved to "
                f"{shown_path(where)}", 15000)
        if not orphans:
            return False
        entry = orphans[0]
        when = entry.saved_at.astimezone().strftime("%A %d %B %Y at %H:%M:%S")
        what = shown_path(Path(entry.path).name) if entry.path \
            else (entry.scenario.title or "Untitled")
        more = (f"\n\n{len(orphans) - 1} older unsaved scenario(s) will be kept in the "
                "session library.") \
            if len(orphans) > 1 else ""
        box = QMessageBox(QMessageBox.Icon.Question, "Restore unsaved work?",
                          f"mcexplorer closed unexpectedly with unsaved changes to “{what}”, "
                          f"last autosaved on {when}.\n\nRestore them?{more}",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the title comes from the file
        box.setObjectName("recovery-offer")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText("Restore")
        box.button(QMessageBox.StandardButton.No).setText("Discard")
        answer = _ask(box)
        for older in orphans[1:]:
            self._keep_in_library(older)
        if answer is None:
            # Nobody can answer (headless): the box is not shown; the work is kept as a
            # session, as README promises, and the window starts on its own scenario.
            self._keep_in_library(entry)
            return False
        if not answer:
            self.recovery.discard(entry)
            return False
        restored = self.window.scenario_file.restore(entry)
        if restored:
            self.recovery.discard(entry)
        return restored

    def _keep_in_library(self, entry: RecoveryEntry) -> None:
        try:
            try:  # its own session, where it has one: no second copy of the same work
                if entry.session_id is None:
                    raise SessionMissing("no session")
                self.library.save(entry.session_id, entry.scenario)
            except SessionMissing:
                name = Path(entry.path).stem if entry.path else entry.scenario.title
                self.library.create(entry.scenario, f"{name} (recovered)", entry.path)
        except (ScenarioError, OSError) as exc:
            log.warning("could not keep recovered work: %s", exc)
            return
        self.recovery.discard(entry)


def best_options(document: Document) -> str:
    """One line for the session library: the best option of each framework."""
    parts = []
    for fid, fw in document.frameworks.items():
        ranking = document.ranking(fid)
        if ranking.results and ranking.has_weight:
            best = ranking.results[0]
            fit = "" if best.fit is None else f" ({best.fit:.0f}%)"
            parts.append(f"{fw.title}: {best.name}{fit}")
    return "; ".join(parts)


def _ask(box: QMessageBox) -> bool | None:
    """Run the box; True for an accepting answer (Yes, Ok, or a button with an accept role).

    A replaced ``QMessageBox.question`` (as tests do) is honoured too. On a headless platform
    nobody can answer: the box is not shown (it would block forever) and the answer is None.
    """
    from . import prompts

    if prompts.cannot_show("question"):
        log.warning("%s (not shown, headless): %s", box.windowTitle(), box.text())
        return None
    if prompts.is_replaced("question"):
        answer = QMessageBox.question(box.parentWidget(), box.windowTitle(), box.text(),
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        return _accepting(answer, None, box)
    result = box.exec()
    return _accepting(result, box.clickedButton(), box)


def _accepting(result, clicked, box: QMessageBox) -> bool:
    B = QMessageBox.StandardButton
    R = QMessageBox.ButtonRole
    if clicked is not None and box.buttonRole(clicked) in (R.AcceptRole, R.YesRole):
        return True
    try:
        value = int(result.value) if hasattr(result, "value") else int(result)
    except (TypeError, ValueError):
        return False
    accepting = {B.Yes.value, B.Ok.value, B.Open.value, B.Apply.value, B.YesToAll.value,
                 B.RestoreDefaults.value}
    return value in accepting or (clicked is None and value == QDialog.DialogCode.Accepted.value)
