"""The main window (the shell): one tab per framework, menus, docks, title and events.

File actions, recent files, chart export and layout settings are mixins in this package, so
each part of the window's behaviour has one small module.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QTabWidget, QWidget

from ... import __version__
from ...core.errors import shown_path
from .. import hands, prompts
from ..controller import DocumentController
from ..docks import fit_dock
from ..framework.tab import FrameworkTab
from ..history import HistoryList
from ..plain import guarded, visible
from ..room.actions import RoomViews
from ..session_keeper import SessionKeeper
from ..signals import signals_blocked
from ..tab_host import TabHost
from .chart_export import ChartExport
from .file_actions import FileActions
from .first_frame import FirstFrame
from .first_run import add_first_run_hint
from .framework_import import FrameworkImport
from .framework_tabs import FrameworkTabs
from .help import HelpActions
from .layout_settings import LayoutSettings
from .recent import RecentFiles
from .screen_fit import ScreenFit
from .sessions_panel import SessionsPanel

log = logging.getLogger(__name__)
WIDE_WINDOW = 1500
DOCK_WIDTH = 250
PENDING_TAB_DELAY_MS = 60
FIRST_FRAME_FALLBACK_MS = 1000
"""Hidden tabs wait for the window's first paint; a window that is never painted (never
exposed) builds them this long after it was shown."""
FRAME_SETTLE_MS = 250
"""A window manager decorates a new window this soon after it is shown."""


class MainWindow(FileActions, RecentFiles, ChartExport, LayoutSettings, ScreenFit,
                 HelpActions, FrameworkTabs, FrameworkImport, QMainWindow):
    def __init__(self, controller: DocumentController | None = None, *,
                 lazy_tabs: bool = False) -> None:
        """``lazy_tabs``: build only the first tab now and the others after the first paint
        (the interactive start path); by default every tab exists on return."""
        super().__init__()
        self.setObjectName("main-window")
        hands.install()  # the wheel changes only a focused control; undo keys reach Undo
        self.controller = controller or DocumentController(parent=self)
        if self.controller.parent() is None:
            self.controller.setParent(self)
        self.path: Path | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("framework-tabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.framework_tabs: dict[str, FrameworkTab] = {}
        self._backed_up: set[Path] = set()
        self._pending_tabs: dict[str, QWidget] = {}
        self.tab_host = TabHost(self.controller, self)
        """Builds and rebuilds every framework tab; the room attaches through it."""
        self._init_frameworks()  # the user's frameworks folder; tabs follow structure changes
        self._build_tabs(lazy_tabs)
        self.keeper = SessionKeeper(self)
        self._build_actions()
        self._build_docks()
        self.room = RoomViews(self)  # participants, snapshots, compare, presenting
        self.tab_host.add(self.room)
        self.controller.modifiedChanged.connect(self.setWindowModified)
        self.controller.scenarioReplaced.connect(self._update_title)
        self.setAcceptDrops(True)
        self.place_fresh()  # inside the screen's available geometry (window.screen_fit)
        self._update_title()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self.restyle)
        self.statusBar().showMessage("Drag a slider: the charts follow.", 5000)
        self.first_run_hint = add_first_run_hint(self)  # until "Got it"

    # -- construction -----------------------------------------------------------------------

    def _build_tabs(self, lazy: bool) -> None:
        for i, (fid, fw) in enumerate(self.controller.document.frameworks.items()):
            if lazy and i > 0:
                page = QWidget()  # stands in until the tab is built, right after first paint
                page.setObjectName(f"tab-pending:{fid}")
                self._pending_tabs[fid] = page
            else:
                page = self.tab_host.build(fid, self.tabs)
                self.framework_tabs[fid] = page
            self.tabs.addTab(page, visible(fw.title))
            self.tabs.setTabToolTip(self.tabs.count() - 1, guarded(fw.description))
        if self._pending_tabs:
            self.tabs.currentChanged.connect(self._build_current_if_pending)

    def _build_current_if_pending(self, index: int) -> None:
        for fid, page in list(self._pending_tabs.items()):
            if self.tabs.indexOf(page) == index:
                self.build_tab(fid)

    def build_tab(self, framework_id: str) -> FrameworkTab:
        """Build a tab that was left for later (no-op when it exists)."""
        page = self._pending_tabs.pop(framework_id, None)
        if page is None:
            return self.framework_tabs[framework_id]
        index = self.tabs.indexOf(page)
        current = self.tabs.currentIndex()
        tab = self.tab_host.build(framework_id, self.tabs)
        self.framework_tabs[framework_id] = tab
        self.framework_tabs = {fid: self.framework_tabs[fid]
                               for fid in self.controller.document.frameworks
                               if fid in self.framework_tabs}
        with signals_blocked(self.tabs):
            title, tip = self.tabs.tabText(index), self.tabs.tabToolTip(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, title)
            self.tabs.setTabToolTip(index, tip)
            self.tabs.setCurrentIndex(current)
        page.deleteLater()
        return tab

    def _build_next_pending_tab(self) -> None:
        if not shiboken6.isValid(self) or not self._pending_tabs:
            return
        self.build_tab(next(iter(self._pending_tabs)))
        if self._pending_tabs:
            # After the first frame is on screen, not in the same event-loop pass.
            QTimer.singleShot(PENDING_TAB_DELAY_MS, self._build_next_pending_tab)

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
        for action in (self.action_undo, self.action_redo):  # whatever has the focus
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.addAction(action)

        menu = self.menuBar().addMenu("&File")
        menu.addAction(self.action_new)
        menu.addAction(self.action_open)
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.menuAction().setObjectName("action:recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        menu.addAction(self.action_save)
        menu.addAction(self.action_save_as)
        menu.addSeparator()
        self.build_export_actions(menu)
        self._add_framework_actions(menu)
        menu.addSeparator()
        menu.addAction(self.action_quit)
        edit = self.menuBar().addMenu("&Edit")
        edit.addAction(self.action_undo)
        edit.addAction(self.action_redo)
        self.view_menu = self.menuBar().addMenu("&View")
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("guide", "&Guide", self.show_guide, QKeySequence("F1"),
                                         "What the numbers mean, offline"))
        help_menu.addAction(self._action("references", "&References", self.show_references,
                                         tip="Every source in full, and how it is cited"))
        about = self._action("about", "&About mcexplorer", self.about)
        help_menu.addAction(about)

    def _build_docks(self) -> None:
        self.history = HistoryList(self.controller.undo_stack)
        self.sessions_panel = SessionsPanel(self)
        docks = []
        for name, title, widget in (("history", "History", self.history),
                                    ("sessions", "Sessions", self.sessions_panel)):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock-{name}")
            dock.setWidget(widget)
            dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                 | Qt.DockWidgetArea.RightDockWidgetArea
                                 | Qt.DockWidgetArea.BottomDockWidgetArea)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"action:show-{name}")
            toggle.setShortcut(QKeySequence("Ctrl+H" if name == "history" else "Ctrl+L"))
            self.view_menu.addAction(toggle)
            fit_dock(self, dock)  # floats on a narrow window, Esc closes it
            docks.append(dock)
        self.tabifyDockWidget(docks[0], docks[1])
        docks[0].raise_()
        self.resizeDocks(docks, [DOCK_WIDTH, DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.history_dock, self.sessions_dock = docks
        self._layout_restored = False

    # -- title and state --------------------------------------------------------------------

    @property
    def document(self):
        return self.controller.document

    def display_name(self) -> str:
        return shown_path(self.path.name) if self.path else "Untitled"

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — mcexplorer")
        self.setWindowModified(self.controller.modified)

    # -- drag and drop ---------------------------------------------------------------------

    @staticmethod
    def _dropped_file(event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if self.maybe_save():
            self.open_path(path)

    # -- events, appearance, errors --------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not hasattr(self, "_first_frame"):
            # After the first frame, for real: a 0 ms timer fires before the window's first
            # paint, so the hidden tabs would be built before anything is on screen.
            self._first_frame = FirstFrame(self, self._after_frame, FIRST_FRAME_FALLBACK_MS)
        if self._placed is not None:
            self.fit_on_show()
            QTimer.singleShot(FRAME_SETTLE_MS, self._fit_after_frame)
        if not self._layout_restored:
            # First start: on a projector-sized window the charts need the width, so the
            # History and Sessions panels start closed (View menu, Ctrl+H / Ctrl+L); on a wide
            # window they start open. After that the planner's choice is remembered.
            self._layout_restored = True
            for dock in (self.history_dock, self.sessions_dock):
                dock.setVisible(self.width() >= WIDE_WINDOW)
            QTimer.singleShot(0, self._size_docks)

    def _fit_after_frame(self) -> None:
        if shiboken6.isValid(self):
            self.fit_on_show(last=True)

    def after_first_frame(self, callback) -> None:
        """Run ``callback`` once the window's first frame is on screen (now if it is)."""
        if getattr(self, "_framed", False):
            callback()
        else:
            self._frame_callbacks = [*getattr(self, "_frame_callbacks", []), callback]

    def _after_frame(self) -> None:
        self._framed = True
        for callback in getattr(self, "_frame_callbacks", []):
            callback()
        self._frame_callbacks = []
        self._build_next_pending_tab()

    def _size_docks(self) -> None:
        if shiboken6.isValid(self):
            self.resizeDocks([self.history_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    def restyle(self, *_args) -> None:
        """Follow the system's light or dark scheme, charts included."""
        for tab in self.framework_tabs.values():
            tab.restyle()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restyle()
        super().changeEvent(event)

    def report_unexpected(self, exc_type, exc, tb) -> None:
        """An unexpected error: autosave first, log it, then say so with the log's path."""
        try:
            safe = self.keeper.autosave()
        except Exception:  # noqa: BLE001 - reporting must not fail
            safe = False
        from ...core.logs import log_file, setup_logging

        setup_logging()
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", text)

        prompts.error(self, "Something went wrong",
                      f"mcexplorer hit an unexpected error: {exc_type.__name__}: {exc}\n\n"
                      + ("Your work was autosaved. " if safe else
                         "Your work could not be autosaved: save it now if you can. ")
                      + f"Details are in the log:\n{log_file()}")

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
            self.save_settings()
            self.keeper.stop()
            self._hold(None)
            event.accept()
        else:
            event.ignore()
