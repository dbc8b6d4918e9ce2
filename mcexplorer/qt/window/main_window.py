"""The main window (the shell): menus, docks, events, and the parts it is composed of.

Each part is a plain object the window owns, with a small interface of its own:
``scenario_file`` (the file behind the window: New, Open, Save, sessions, recovery; the title),
``tab_set`` (one tab per framework, through ``tab_host``), ``chart_export`` and
``office_export`` (what leaves the room), ``framework_import``, ``recent`` (Open Recent),
``help``, ``screen_fit`` and ``layout_settings``; the room (``room``) attaches through the tab
host. Parts never read each other's private names: they are given what they need when they
are made, and the window wires their signals.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QTabWidget

from ... import __version__
from ...core.document import Document
from .. import hands, prompts
from ..controller import DocumentController
from ..docks import fit_dock, mark_on_screen
from ..framework.tab import FrameworkTab
from ..history import HistoryList
from ..room.actions import RoomViews
from ..session_keeper import SessionKeeper
from ..tab_host import TabHost
from .actions import named_action
from .chart_export import ChartExport
from .first_frame import FirstFrame
from .first_run import add_first_run_hint
from .framework_import import FrameworkImport
from .framework_tabs import FrameworkTabs
from .help import Help
from .layout_settings import LayoutSettings
from .office_export import OfficeExport
from .recent import RecentFiles
from .scenario_file import ScenarioFile
from .screen_fit import ScreenFit
from .sessions_panel import SessionsPanel

log = logging.getLogger(__name__)
WIDE_WINDOW = 1500
DOCK_WIDTH = 250
FIRST_FRAME_FALLBACK_MS = 1000
"""Hidden tabs wait for the window's first paint; a window that is never painted (never
exposed) builds them this long after it was shown."""
FRAME_SETTLE_MS = 250
"""A window manager decorates a new window this soon after it is shown."""


class MainWindow(QMainWindow):
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
        self.tabs = QTabWidget()
        self.tabs.setObjectName("framework-tabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.tab_host = TabHost(self.controller, self)
        """Builds and rebuilds every framework tab; the room attaches through it."""
        self.tab_set = FrameworkTabs(self, self.controller, self.tab_host, self.tabs,
                                     lazy=lazy_tabs)
        self.keeper = SessionKeeper(self)
        self.scenario_file = ScenarioFile(self, self.controller, self.keeper)
        self.office_export = OfficeExport(self, self.controller, self.scenario_file)
        self.chart_export = ChartExport(self, self.controller, self.scenario_file,
                                        self.tab_set, self.office_export)
        self.tab_host.chart_menu = self.chart_export
        self.framework_import = FrameworkImport(self, self.controller, self.scenario_file,
                                                self.tab_set)
        self.help = Help(self)
        self.screen_fit = ScreenFit(self)
        self.layout_settings = LayoutSettings(self, self.tabs, self.screen_fit)
        self._build_actions()
        self._build_docks()
        self.scenario_file.sessionOpened.connect(self.sessions_panel.refresh)
        self.room = RoomViews(  # participants, snapshots, compare, presenting
            self, self.controller, self.tab_host, self.tabs, self.view_menu,
            lambda: str(self.path.parent) if self.path else "")
        self.tab_host.add(self.room)
        self.chart_export.names = self.room.state.names
        self.setAcceptDrops(True)
        self.screen_fit.place_fresh()  # inside the screen's available geometry
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self.restyle)
        self.statusBar().showMessage("Drag a slider: the charts follow.", 5000)
        self.first_run_hint = add_first_run_hint(self.tabs, self.help)  # until "Got it"
        self._first_frame: FirstFrame | None = None
        self._framed = False
        self._frame_callbacks: list[Callable[[], object]] = []

    # -- the window's small public surface ----------------------------------------------------

    @property
    def document(self) -> Document:
        return self.controller.document

    @property
    def path(self) -> Path | None:
        """The file behind the window (the scenario file part's)."""
        return self.scenario_file.path

    @property
    def framework_tabs(self) -> dict[str, FrameworkTab]:
        """Framework id -> its tab, built (the tab set's)."""
        return self.tab_set.tabs_by_id

    def build_tab(self, framework_id: str) -> FrameworkTab:
        """Build a tab that was left for later (no-op when it exists)."""
        return self.tab_set.build_tab(framework_id)

    # -- construction -----------------------------------------------------------------------

    def _build_actions(self) -> None:
        Std = QKeySequence.StandardKey
        file = self.scenario_file
        self.action_new = named_action(self, "new", "&New", file.new_scenario, Std.New,
                                       "Start again from the built-in default scenario")
        self.action_open = named_action(self, "open", "&Open…", file.open_dialog, Std.Open,
                                        "Open a scenario file")
        self.action_save = named_action(self, "save", "&Save", file.save, Std.Save,
                                        "Save the scenario")
        self.action_save_as = named_action(self, "save-as", "Save &As…", file.save_as,
                                           Std.SaveAs, "Save the scenario under a new name")
        self.action_quit = named_action(self, "quit", "&Quit", self.close, Std.Quit)
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
        self.recent = RecentFiles(menu.addMenu("Open &Recent"), self)
        self.recent.openRequested.connect(file.open_recent)
        file.kept.connect(self.recent.add)
        menu.addAction(self.action_save)
        menu.addAction(self.action_save_as)
        menu.addSeparator()
        self.chart_export.build_actions(menu)
        self.framework_import.build_actions(menu)
        menu.addSeparator()
        menu.addAction(self.action_quit)
        edit = self.menuBar().addMenu("&Edit")
        edit.addAction(self.action_undo)
        edit.addAction(self.action_redo)
        self.view_menu = self.menuBar().addMenu("&View")
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(named_action(self, "guide", "&Guide", self.help.show_guide,
                                         QKeySequence("F1"), "What the numbers mean, offline"))
        help_menu.addAction(named_action(self, "references", "&References",
                                         self.help.show_references,
                                         tip="Every source in full, and how it is cited"))
        help_menu.addAction(named_action(self, "about", "&About mcexplorer", self.about))

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

    # -- drag and drop ---------------------------------------------------------------------

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.scenario_file.open_recent(path)  # asks about unsaved changes first

    # -- events, appearance, errors --------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._first_frame is None:
            # After the first frame, for real: a 0 ms timer fires before the window's first
            # paint, so the hidden tabs would be built before anything is on screen.
            self._first_frame = FirstFrame(self, self._after_frame, FIRST_FRAME_FALLBACK_MS)
            if not self.layout_settings.docks_restored:
                # First start: on a projector-sized window the charts need the width, so the
                # History and Sessions panels start closed (View menu, Ctrl+H / Ctrl+L); on
                # a wide window they start open. After that the planner's choice is kept.
                for dock in (self.history_dock, self.sessions_dock):
                    dock.setVisible(self.width() >= WIDE_WINDOW)
                QTimer.singleShot(0, self._size_docks)
        if self.screen_fit.checking:
            self.screen_fit.fit_on_show()
            QTimer.singleShot(FRAME_SETTLE_MS, self._fit_after_frame)

    def _fit_after_frame(self) -> None:
        if shiboken6.isValid(self):
            self.screen_fit.fit_on_show(last=True)

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the window's first frame is on screen (now if it is)."""
        if self._framed:
            callback()
        else:
            self._frame_callbacks.append(callback)

    def _after_frame(self) -> None:
        self._framed = True
        mark_on_screen(self)  # a panel shown from now on floats on a narrow window
        callbacks, self._frame_callbacks = self._frame_callbacks, []
        for callback in callbacks:
            callback()
        self.tab_set.build_pending()

    def _size_docks(self) -> None:
        if shiboken6.isValid(self):
            self.resizeDocks([self.history_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    def restyle(self, *_args: object) -> None:
        """Follow the system's light or dark scheme, charts included."""
        self.tab_set.restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restyle()
        super().changeEvent(event)

    def report_unexpected(self, exc_type: type[BaseException], exc: BaseException,
                          tb: TracebackType | None) -> None:
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
        if self.scenario_file.maybe_save():
            self.layout_settings.save()
            self.keeper.stop()
            self.scenario_file.release()
            event.accept()
        else:
            event.ignore()
