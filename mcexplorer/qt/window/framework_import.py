"""The planner's own frameworks in the File menu: Import framework (CSV or framework JSON), New
framework (from scratch), Save framework as (the current tab's).

A part the window owns (``window.framework_import``). An import is read by
core.frameworks.read_any_framework, and what the reader assumed (encoding, delimiter, scales,
targets) is shown for the planner to confirm before anything changes; a file that cannot be
read is refused with its one line (file, row and column). The framework then lives in the
scenario's definitions, as one undo step, so a colleague who opens the saved scenario sees the
same tab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from ...core.errors import ScenarioError
from ...core.frameworks import editing as fw_editing
from ...core.frameworks.files import read_any_framework, summary
from ...core.models import Framework
from .. import prompts
from ..controller import DocumentController
from ..framework.new_framework import NewFrameworkDialog
from ..framework.tab import FrameworkTab
from .actions import named_action
from .framework_tabs import FrameworkTabs
from .scenario_file import ScenarioFile

IMPORT_FILTER = ("Frameworks (*.csv *.tsv *.txt *.json);;CSV files (*.csv *.tsv *.txt);;"
                 "Framework files (*.json);;All files (*)")
SHORT_NOTES = 6
"""Notes on how a file was read shown in the question itself; more go into its details."""


class FrameworkImport:
    """File > Import framework…, New framework…, Save framework as…"""

    def __init__(self, window: QMainWindow, controller: DocumentController,
                 scenario_file: ScenarioFile, tab_set: FrameworkTabs) -> None:
        self._window = window
        self._controller = controller
        self._file = scenario_file
        self._tab_set = tab_set

    def _status(self, text: str, ms: int) -> None:
        self._window.statusBar().showMessage(text, ms)

    def build_actions(self, menu: QMenu) -> None:
        w = self._window
        self.action_import_framework = named_action(
            w, "import-framework", "&Import framework…", self.import_framework_dialog,
            tip="Add a framework of your own from a CSV file or a framework file")
        self.action_new_framework = named_action(
            w, "new-framework", "New &framework…", self.new_framework_dialog,
            tip="Build a framework of your own: criteria, options, then rate them")
        self.action_save_framework = named_action(
            w, "save-framework-as", "Save framework as…", self.save_framework_as,
            tip="Write this tab's framework, with your edits, as a file to share")
        menu.addSeparator()
        for action in (self.action_import_framework, self.action_new_framework,
                       self.action_save_framework):
            menu.addAction(action)

    # -- import -----------------------------------------------------------------------------------

    def import_framework_dialog(self) -> bool:
        start = str(self._file.path.parent) if self._file.path else ""
        path, _ = QFileDialog.getOpenFileName(self._window, "Import framework", start,
                                              IMPORT_FILTER)
        return bool(path) and self.import_framework(path)

    def import_framework(self, path: str | Path) -> bool:
        """Read a CSV or framework file, say how it was read, and add it when confirmed."""
        try:
            fw, notes = read_any_framework(path)
        except ScenarioError as exc:
            prompts.warn(self._window, "Cannot import framework", exc.message)
            return False
        original = fw.id
        fw = fw_editing.free_id(self._controller.document, fw)
        lines = [f"{Path(path).name}: {summary(fw)}."]
        if fw.id != original:
            lines.append(f"The id {original!r} is already used here, so it becomes {fw.id!r}.")
        details = ""
        if len(notes) <= SHORT_NOTES:
            lines += ["How it was read:\n" + "\n".join(f"• {n}" for n in notes)] if notes else []
        else:  # a long list scrolls in the box's details, so Yes and No stay on the screen
            lines.append(f"How it was read: {len(notes)} notes (Show Details…).")
            details = "How it was read:\n" + "\n".join(f"• {n}" for n in notes)
        lines.append("Add it to this scenario? It gets a tab of its own, and the scenario file "
                     "carries it.")
        answer = prompts.ask_yes_no(self._window, "Import framework", "\n\n".join(lines), details)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.add_own_framework(fw, f"Imported {fw.title} from {Path(path).name}")

    def add_own_framework(self, fw: Framework, message: str) -> bool:
        """Add ``fw`` to the scenario (one undo step) and show its tab."""
        try:
            edits = fw_editing.add_framework(self._controller.document, fw)
        except ScenarioError as exc:
            prompts.warn(self._window, "Cannot add framework", exc.message)
            return False
        self._controller.push_many(edits, edits[0].text)
        tab = self._tab_set.tabs_by_id.get(fw.id)
        if tab is not None:
            self._tab_set.tabs.setCurrentWidget(tab)
        self._status(message, 6000)
        return True

    # -- from scratch -----------------------------------------------------------------------------

    def new_framework_dialog(self) -> bool:
        dialog = NewFrameworkDialog(list(self._controller.document.frameworks), self._window)
        if not prompts.run_dialog(dialog):
            return False
        try:
            fw = dialog.framework()
        except ScenarioError as exc:
            prompts.warn(self._window, "Cannot create framework", exc.message)
            return False
        return self.add_own_framework(fw, f"Created {fw.title}: rate its options in the table")

    # -- save -------------------------------------------------------------------------------------

    def save_framework_as(self) -> bool:
        """Save the current tab's framework, with the planner's edits, as a framework file."""
        tab = self._tab_set.tabs.currentWidget()
        if not isinstance(tab, FrameworkTab):
            self._status("Choose a framework's tab first", 4000)
            return False
        return tab.editor.save_as()

