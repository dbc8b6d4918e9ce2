"""The main window: one tab per framework, File and Edit menus, the scenario's file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTabWidget

from .. import __version__
from ..core.errors import ScenarioError
from ..core.io import default_scenario, load_scenario, save_scenario
from .charts.base import Chart
from .charts.export import DEFAULT_WIDTH, export_png
from . import prompts
from .controller import DocumentController
from .framework_tab import FrameworkTab
from .tabs import tab_class

SCENARIO_FILTER = "Scenario files (*.json);;All files (*)"
EXPORT_WIDTHS = (1280, 1920, 2560, 3840)
ALL_CHARTS = "All charts of this tab"


class MainWindow(QMainWindow):
    def __init__(self, controller: DocumentController | None = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.controller = controller or DocumentController(parent=self)
        if self.controller.parent() is None:
            self.controller.setParent(self)
        self.path: Path | None = None
        self.export_width = DEFAULT_WIDTH
        self.tabs = QTabWidget()
        self.tabs.setObjectName("framework-tabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.framework_tabs: dict[str, FrameworkTab] = {}
        self._build_tabs()
        self._build_actions()
        self.controller.modifiedChanged.connect(self.setWindowModified)
        self.controller.scenarioReplaced.connect(self._update_title)
        self.resize(1280, 720)
        self.setMinimumSize(960, 600)
        self._update_title()
        self.statusBar().showMessage("Drag a slider: the charts follow.", 5000)

    # -- construction -----------------------------------------------------------------------

    def _build_tabs(self) -> None:
        for fid, fw in self.controller.document.frameworks.items():
            tab = tab_class(fid)(self.controller, fid, self.tabs)
            self.framework_tabs[fid] = tab
            self.tabs.addTab(tab, fw.title)
            self.tabs.setTabToolTip(self.tabs.count() - 1, fw.description)

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action:{name}")
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        Std = QKeySequence.StandardKey
        self.action_new = self._action("new", "&New", self.new_scenario, Std.New,
                                       "Start again from the built-in default scenario")
        self.action_open = self._action("open", "&Open…", self.open_dialog, Std.Open,
                                        "Open a scenario file")
        self.action_save = self._action("save", "&Save", self.save, Std.Save,
                                        "Save the scenario")
        self.action_save_as = self._action("save-as", "Save &As…", self.save_as, Std.SaveAs,
                                           "Save the scenario under a new name")
        self.action_export = self._action("export-png", "&Export chart as PNG…", self.export_dialog,
                                          QKeySequence("Ctrl+E"),
                                          "Save a chart of this tab as a PNG for slides")
        self.action_quit = self._action("quit", "&Quit", self.close, Std.Quit)
        stack = self.controller.undo_stack
        self.action_undo = stack.createUndoAction(self, "&Undo")
        self.action_undo.setObjectName("action:undo")
        self.action_undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
        self.action_redo = stack.createRedoAction(self, "&Redo")
        self.action_redo.setObjectName("action:redo")
        redo_keys = QKeySequence.keyBindings(Std.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.action_redo.setShortcuts(redo_keys)
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)

        menu = self.menuBar().addMenu("&File")
        for a in (self.action_new, self.action_open, self.action_save, self.action_save_as):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.action_export)
        widths = menu.addMenu("Export &width")
        group = QActionGroup(self)
        for w in EXPORT_WIDTHS:
            a = QAction(f"{w} px", self, checkable=True)
            a.setObjectName(f"action:export-width-{w}")
            a.setChecked(w == self.export_width)
            a.triggered.connect(lambda _=False, w=w: setattr(self, "export_width", w))
            group.addAction(a)
            widths.addAction(a)
        menu.addSeparator()
        menu.addAction(self.action_quit)
        edit = self.menuBar().addMenu("&Edit")
        edit.addAction(self.action_undo)
        edit.addAction(self.action_redo)
        help_menu = self.menuBar().addMenu("&Help")
        about = self._action("about", "&About mcexplorer", self.about)
        help_menu.addAction(about)

    # -- title and state --------------------------------------------------------------------

    @property
    def document(self):
        return self.controller.document

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — mcexplorer")
        self.setWindowModified(self.controller.modified)

    # -- file operations ------------------------------------------------------------------

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
        return answer == QMessageBox.StandardButton.Discard

    def keep_unsaved_work(self) -> None:
        """Hook for autosave: write unsaved work where the next start can restore it."""

    def new_scenario(self) -> None:
        if not self.maybe_save():
            return
        self.path = None
        self.controller.replace_scenario(default_scenario())
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
        self.path = Path(path).resolve()
        self.controller.replace_scenario(scenario)
        self._update_title()
        note = f" (migrated: {'; '.join(report.migrations)})" if report.migrations else ""
        self.statusBar().showMessage(f"Opened {self.path}{note}", 5000)
        return True

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
        try:
            save_scenario(path, self.document.scenario)
        except ScenarioError as exc:
            prompts.error(self, "Could not save", exc.message)
            return False
        self.path = Path(path).resolve()
        self.controller.mark_saved()
        self._update_title()
        self.statusBar().showMessage(f"Saved {self.path}", 4000)
        return True

    # -- export -----------------------------------------------------------------------------

    def current_tab(self) -> FrameworkTab:
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def export_dialog(self) -> None:
        """Pick the chart through the save dialog's file type, so one static dialog does it."""
        tab = self.current_tab()
        filters = [f"{chart.title} (*.png)" for chart in tab.charts.values()]
        filters.append(f"{ALL_CHARTS} (*.png)")
        start = (self.path.parent if self.path else Path.cwd()) / f"{tab.framework_id}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self, f"Export chart as PNG ({self.export_width} px wide)", str(start),
            ";;".join(filters), filters[0])
        if not path:
            return
        p = Path(path)
        if p.suffix.lower() != ".png":
            p = p.with_suffix(".png")
        if chosen.startswith(ALL_CHARTS):
            targets = [(chart, p.with_name(f"{p.stem}-{kind}.png"))
                       for kind, chart in tab.charts.items()]
        else:
            chart = next((c for c in tab.charts.values() if chosen.startswith(c.title)),
                         next(iter(tab.charts.values())))
            targets = [(chart, p)]
        for chart, target in targets:
            if not self.export_chart(chart, target):
                return

    def export_chart(self, chart: Chart, path: str | Path | None = None) -> bool:
        if path is None:
            start = (self.path.parent if self.path else Path.cwd()) / f"{chart.objectName().replace(':', '-')}.png"
            chosen, _ = QFileDialog.getSaveFileName(self, "Export chart as PNG", str(start),
                                                    "PNG images (*.png)")
            if not chosen:
                return False
            path = chosen
        try:
            written = export_png(chart, path, self.export_width)
        except ScenarioError as exc:
            prompts.error(self, "Could not export", exc.message)
            return False
        self.statusBar().showMessage(f"Exported {written} ({self.export_width} px)", 5000)
        return True

    # -- misc -------------------------------------------------------------------------------

    def about(self) -> None:
        QMessageBox.about(
            self, "About mcexplorer",
            f"<b>mcexplorer {__version__}</b><p>A scenario explorer for micro-credential "
            "strategy. Frameworks from Brown, McGreal &amp; Peters (2023), <i>A Strategic "
            "Institutional Response to Micro-Credentials</i>, JIME 2023(1):7 (CC-BY 4.0); "
            "business-model ratings from its Table 2 (adapted from Presant 2020).</p>")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()
