"""A tab's framework made the planner's: reset all ratings, notes on ratings, options and
criteria added or removed, the built-in definition restored, the framework saved as a file.

Every change is built by core.frameworks.editing and pushed as one undo step. A change of
options or criteria is carried in the scenario's definitions; the window then replaces the
tab (the controller's ``structureChanged``), so nothing here touches the tab afterwards.
Removing asks first; a refusal (an extension that needs the id, the last option) is a
message, never a crash.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
)

from ...core.errors import ScenarioError
from ...core.frameworks import editing as fw_editing
from ...core.frameworks.files import framework_payload
from ...core.io import atomic_write
from .. import prompts
from ..plain import guarded, visible
from .dialogs import AddCriterionDialog, AddOptionDialog

FRAMEWORK_FILTER = "Framework files (*.json);;All files (*)"


class FrameworkEditor(QObject):
    """The framework tools of one tab, under its weights: a *Reset all ratings* button and an
    *Options and criteria* menu; cell and header menus add per-option and per-criterion
    actions."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        fid = tab.framework_id
        self.tools = QGroupBox("This framework")
        self.tools.setObjectName(f"framework-tools:{fid}")
        row = QVBoxLayout(self.tools)
        reset = QPushButton("Reset all ratings")
        reset.setObjectName(f"reset-ratings:{fid}")
        reset.setToolTip("Reset all ratings of this framework: every edited rating and every "
                         "note back to the default")
        reset.clicked.connect(self.reset_all)
        self.reset_button = reset
        button = QToolButton()
        button.setText("Options and criteria")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setObjectName(f"framework-menu:{fid}")
        button.setToolTip("Add or remove options and criteria, or save this framework as a file")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(button)
        self.menu.aboutToShow.connect(self._fill_menu)
        button.setMenu(self.menu)
        row.addWidget(reset)
        row.addWidget(button)
        self._fill_menu()
        header = tab.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    # -- reading ------------------------------------------------------------------------------

    @property
    def document(self):
        return self.tab.controller.document

    @property
    def framework_id(self) -> str:
        return self.tab.framework_id

    @property
    def framework(self):
        return self.document.framework(self.framework_id)

    # -- menus --------------------------------------------------------------------------------

    def _action(self, menu: QMenu, name: str, text: str, slot, enabled: bool = True) -> QAction:
        action = QAction(text, menu)
        action.setObjectName(f"{name}:{self.framework_id}")
        action.setEnabled(enabled)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        fw = self.framework
        self._action(menu, "add-option", "Add option…", self.add_option)
        self._action(menu, "add-criterion", "Add criterion…", self.add_criterion)
        menu.addSeparator()
        row = self.tab.table.currentIndex().row()
        current = fw.options[row] if 0 <= row < len(fw.options) else None
        self._action(menu, "remove-option",
                     f"Remove option “{current.label}”…" if current else "Remove option…",
                     lambda: self.remove_option(current.id) if current else None,
                     current is not None and len(fw.options) > 1)
        removals = menu.addMenu("Remove criterion")
        removals.menuAction().setObjectName(f"remove-criterion-menu:{self.framework_id}")
        removals.setEnabled(len(fw.criteria) > 1)
        for c in fw.criteria:
            action = QAction(f"{visible(c.name)}…", removals)
            action.setToolTip(guarded(c.name))
            action.setObjectName(f"remove-criterion:{self.framework_id}:{c.id}")
            action.triggered.connect(lambda _=False, cid=c.id: self.remove_criterion(cid))
            removals.addAction(action)
        menu.addSeparator()
        if fw_editing.is_builtin(self.framework_id):
            self._action(menu, "restore-framework", "Restore the built-in options and criteria…",
                         self.restore, fw_editing.is_redefined(self.document, self.framework_id))
        else:
            self._action(menu, "remove-framework", "Remove this framework…", self.restore)
        self._action(menu, "save-framework", "Save framework as…", self.save_as)

    def add_cell_actions(self, menu: QMenu, opt, crit) -> None:
        """The table's right-click menu: a note on the rating, remove the option or the
        criterion, reset every rating."""
        if crit is not None:
            self._action(menu, "edit-note", f"Note on why {opt.label} / {crit.label}…",
                         lambda: self.edit_note(opt.id, crit.id))
        menu.addSeparator()
        fw = self.framework
        self._action(menu, "remove-option", f"Remove option “{opt.label}”…",
                     lambda: self.remove_option(opt.id), len(fw.options) > 1)
        if crit is not None:
            self._action(menu, "remove-criterion", f"Remove criterion “{crit.label}”…",
                         lambda: self.remove_criterion(crit.id), len(fw.criteria) > 1)
        menu.addSeparator()
        self._action(menu, "reset-all-ratings", "Reset all ratings of this framework",
                     self.reset_all)

    def _header_menu(self, pos) -> None:
        header = self.tab.table.horizontalHeader()
        column = header.logicalIndexAt(pos)
        menu = QMenu(self.tab)
        self._action(menu, "add-criterion", "Add criterion…", self.add_criterion)
        if column >= self.tab.options_model.columnCount() - len(self.framework.criteria):
            crit = self.tab.options_model.criterion_at(column)
            self._action(menu, "remove-criterion", f"Remove criterion “{crit.label}”…",
                         lambda: self.remove_criterion(crit.id), len(self.framework.criteria) > 1)
        menu.exec(header.mapToGlobal(pos))

    # -- changes ------------------------------------------------------------------------------

    def _push(self, build, refused: str, *args) -> bool:
        """Build the edits (a refusal is shown and changes nothing) and push them as one step."""
        try:
            edits = build(self.document, self.framework_id, *args)
        except ScenarioError as exc:
            prompts.warn(self.tab, refused, exc.message)
            return False
        if edits:
            self.tab.controller.push_many(edits, edits[0].text)
        return bool(edits)

    def reset_all(self) -> None:
        self.tab.reset_all_ratings()

    def add_option(self) -> bool:
        dialog = AddOptionDialog(self.framework, self.tab)
        if not prompts.run_dialog(dialog):
            return False
        return self._push(fw_editing.add_option, "Cannot add the option", dialog.name(),
                          dialog.ratings(), dialog.description())

    def add_criterion(self) -> bool:
        dialog = AddCriterionDialog(self.framework, self.tab)
        if not prompts.run_dialog(dialog):
            return False
        try:
            criterion = dialog.criterion()
        except ScenarioError as exc:
            prompts.warn(self.tab, "Cannot add the criterion", exc.message)
            return False
        return self._push(fw_editing.add_criterion, "Cannot add the criterion", criterion,
                          dialog.ratings())

    def _confirmed_removal(self, build, refused: str, question: str, *args) -> bool:
        """Refusals first (nothing to confirm), then ask; only Yes removes."""
        try:
            edits = build(self.document, self.framework_id, *args)
        except ScenarioError as exc:
            prompts.warn(self.tab, refused, exc.message)
            return False
        if not edits:
            return False
        answer = prompts.ask_yes_no(self.tab, edits[0].text, question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.tab.controller.push_many(edits, edits[0].text)
        return True

    def remove_option(self, option_id: str) -> bool:
        opt = self.framework.option(option_id)
        return self._confirmed_removal(
            fw_editing.remove_option, "Cannot remove the option",
            f"Remove the option “{opt.name}” and its ratings from {self.framework.title}? "
            "Undo (Ctrl+Z) brings it back.", option_id)

    def remove_criterion(self, criterion_id: str) -> bool:
        crit = self.framework.criterion(criterion_id)
        return self._confirmed_removal(
            fw_editing.remove_criterion, "Cannot remove the criterion",
            f"Remove the criterion “{crit.name}”, its weight and every option's rating on it "
            f"from {self.framework.title}? Undo (Ctrl+Z) brings it back.", criterion_id)

    def restore(self) -> bool:
        fw = self.framework
        if fw_editing.is_builtin(self.framework_id):
            text = f"Restore built-in {fw.title}"
            question = (f"Restore the built-in options and criteria of {fw.title}? Options and "
                        "criteria you added or removed go back to the built-in ones. Undo "
                        "(Ctrl+Z) brings your changes back.")
        else:
            text = f"Remove framework {fw.title}"
            question = (f"Remove your framework {fw.title} from this scenario? Undo (Ctrl+Z) "
                        "brings it back.")
        return self._confirmed_removal(
            lambda doc, fid: fw_editing.redefine(doc, fid, None, text),
            "Cannot change the framework", question)

    def edit_note(self, option_id: str, criterion_id: str) -> bool:
        fw = self.framework
        opt, crit = fw.option(option_id), fw.criterion(criterion_id)
        value = self.document.rating(self.framework_id, option_id, criterion_id)
        current = fw_editing.rating_note(self.document, self.framework_id, option_id,
                                         criterion_id)
        text, ok = prompts.get_multiline_text(
            self.tab, "Note on a rating",
            f"Why is {opt.name} rated {crit.label_of(value)} on {crit.name}? Your note is kept "
            "in the scenario (empty removes it).", current)
        if not ok:
            return False
        try:
            edit = fw_editing.set_rating_note(self.document, self.framework_id, option_id,
                                              criterion_id, text)
        except ScenarioError as exc:
            prompts.warn(self.tab, "Note refused", exc.message)
            return False
        self.tab.controller.push(edit)
        return True

    def save_as(self) -> bool:
        """Write the framework as the planner sees it (edits applied) to a framework file."""
        fw = fw_editing.saved_framework(self.document, self.framework_id)
        path, _ = QFileDialog.getSaveFileName(self.tab, "Save framework as", f"{fw.id}.json",
                                              FRAMEWORK_FILTER)
        if not path:
            return False
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".json")
        try:
            atomic_write(target, framework_payload(fw, str(target)))
        except ScenarioError as exc:
            prompts.error(self.tab, "Could not save the framework", exc.message)
            return False
        status = getattr(self.tab.window(), "statusBar", None)
        if status is not None:
            status().showMessage(f"Saved framework {fw.title} to {target}", 5000)
        return True
