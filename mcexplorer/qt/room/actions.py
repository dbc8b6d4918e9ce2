"""RoomViews: everything the room adds to the main window, built in one object.

The window makes one (after its tabs, menus and docks), giving it what it reads: the window
(the docks' and dialogs' parent, its menu bar), the controller, the tab host and the window's
QTabWidget, the View menu and where Import people starts; then adds it to the tab host
(qt.tab_host), which calls ``attach(tab)`` for every tab built or rebuilt. RoomViews puts the
participant picker above each tab's sliders and the "Where the room disagrees" page beside its
charts, adds the Snapshots panel, the Room menu (participants, inviting the room's phones, the
room's view, snapshots, compare) and View > Present (F5) and View > Anonymise participants.
Nothing here imports the window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget, QWidget

from ...core.room.compare_data import Choice
from ..controller import DocumentController
from ..docks import fit_dock
from ..framework.tab import FrameworkTab
from ..prompts import HEADLESS_PLATFORMS as HEADLESS
from ..signals import signals_blocked
from . import people
from .compare_view import CompareDialog
from .invitation import Invitation
from .picker import ParticipantPicker
from .presentation import Presentation, table_area
from .room_view import RoomViewSwitch, install
from .snapshots import SnapshotsPanel, take_snapshot
from .state import RoomState


class TabsBuilt(Protocol):
    """The tab host as the room sees it: the tabs built (qt.tab_host.TabHost)."""

    @property
    def tabs(self) -> Mapping[str, QWidget]: ...


class RoomViews(QObject):
    def __init__(self, window: QMainWindow, controller: DocumentController, host: TabsBuilt,
                 tabs: QTabWidget, view_menu: QMenu | None = None,
                 start_folder: Callable[[], str] = str) -> None:
        super().__init__(window)
        self.window = window
        self._controller = controller
        self._host = host
        self._tabs = tabs
        self._view_menu = view_menu
        self._start_folder = start_folder
        self.state = RoomState(controller, self)
        self.presentation = Presentation(window)
        self.pickers: dict[str, ParticipantPicker] = {}
        self.views: dict[str, RoomViewSwitch] = {}
        self.compare_dialog: CompareDialog | None = None
        self._build_docks()
        self.invitation = Invitation(window, self.state)
        """Room > Invite the room...: people join from their phones."""
        self._build_actions()
        self.presentation.changed.connect(self._on_presenting)
        self.state.viewChanged.connect(self._sync_tables)

    # -- tabs ---------------------------------------------------------------------------------

    def attach(self, tab: QWidget) -> None:
        """Give a framework tab (a new one, or one rebuilt after its framework changed) the
        room's weighting, its participant picker and the room's page; present it when
        presenting (qt.tab_host.TabAttachment)."""
        if isinstance(tab, FrameworkTab):
            fid = tab.framework_id
            old = self.pickers.get(fid)
            if old is not None and shiboken6.isValid(old) and old.tab is tab:
                return  # attached already
            tab.weighting = self.state.weighting
            picker = ParticipantPicker(self.state, tab)
            tab.weights_panel.add_top(picker)
            self.pickers[fid] = picker
            switch = install(self.state, tab)
            if switch is not None:
                self.views[fid] = switch
            tab.schedule_refresh()
        self.presentation.apply(tab)
        self._sync_table(tab)

    def _sync_table(self, tab: QWidget) -> None:
        """The options table and details show with the fit charts, out of presenting."""
        area = table_area(tab)
        if area is not None:
            area.setVisible(not (self.presentation.active or self.state.showing_room))

    def _sync_tables(self, *_args) -> None:
        for tab in list(self._host.tabs.values()):
            self._sync_table(tab)

    # -- docks and menus ----------------------------------------------------------------------

    def _build_docks(self) -> None:
        w = self.window
        self.snapshots_panel = SnapshotsPanel(self.state)
        self.snapshots_panel.compareRequested.connect(self._compare_snapshot)
        dock = QDockWidget("Snapshots", w)
        dock.setObjectName("dock-snapshots")
        dock.setWidget(self.snapshots_panel)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        fit_dock(w, dock)  # floats on a narrow window, Esc closes it
        dock.hide()
        history = w.findChild(QDockWidget, "dock-history")
        if history is not None:
            w.tabifyDockWidget(history, dock)
        self.snapshots_dock = dock

    def _action(self, name: str, text: str, slot, shortcut: str | None = None,
                tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action:{name}")
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.action_add = self._action("add-participant", "&Add participant…", self.add_person,
                                       tip="Add a person; the sliders then set their weights")
        self.action_import = self._action(
            "import-participants", "&Import people's scenario files…", self.import_people,
            tip="Take each person's weights from the scenario file they saved")
        self.action_snapshot = self._action(
            "snapshot", "Take &snapshot…", self.take_snapshot,
            tip="Keep the current settings under a name, to compare or go back to")
        self.action_compare = self._action("compare", "&Compare…", self.open_compare,
                                           tip="Compare now, a snapshot or another file")
        self.action_present = self._action("present", "&Present", self.presentation.toggle,
                                           "F5", "Full screen for the projector (Esc leaves)",
                                           checkable=True)
        self.action_anonymise = self._action(
            "anonymise", "&Anonymise participants", self.state.set_anonymous,
            tip="Show P1, P2 ... instead of names", checkable=True)
        room_toggle = self._action("show-room", "&Where the room disagrees",
                                   self.state.show_room_view, "Ctrl+R",
                                   "Every person's weights, the median and the range, on "
                                   "every tab", checkable=True)
        self.state.viewChanged.connect(self._on_view)
        self.action_show_room = room_toggle
        snap_toggle = self.snapshots_dock.toggleViewAction()
        snap_toggle.setObjectName("action:show-snapshots")
        snap_toggle.setText("S&napshots")
        menu = QMenu("&Room", w)
        menu.setObjectName("menu-room")
        for item in (self.action_add, self.action_import, None,
                     *self.invitation.actions(), None, room_toggle, None,
                     self.action_snapshot, snap_toggle, self.action_compare):
            menu.addSeparator() if item is None else menu.addAction(item)
        help_action = next((a for a in w.menuBar().actions()
                            if a.text().replace("&", "") == "Help"), None)
        if help_action is not None:
            w.menuBar().insertMenu(help_action, menu)
        else:
            w.menuBar().addMenu(menu)
        self.room_menu = menu
        view = self._view_menu
        if view is not None:
            view.addSeparator()
            view.addAction(room_toggle)
            view.addAction(self.action_present)
            view.addAction(self.action_anonymise)

    # -- actions ------------------------------------------------------------------------------

    def add_person(self) -> str | None:
        return people.add_person(self.window, self.state)

    def import_people(self) -> int:
        return people.import_people(self.window, self.state, self._start_folder())

    def take_snapshot(self) -> str | None:
        sid = take_snapshot(self.window, self.state)
        if sid is not None:
            self.snapshots_panel.refresh()
            self.snapshots_panel.select(sid)
            self.snapshots_dock.show()
            self.snapshots_dock.raise_()
        return sid

    def open_compare(self, a: Choice | None = None, b: Choice | None = None) -> CompareDialog:
        """Show the Compare view: by default the latest snapshot (or now) against now."""
        doc = self._controller.document
        if a is None or isinstance(a, bool):
            snaps = doc.scenario.snapshots
            a = Choice("snapshot", snaps[-1].id) if snaps else Choice("now")
        b = b or Choice("now")
        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.state, self.window)
            self.presentation.restyle(self.compare_dialog)  # larger if opened presenting
        dialog = self.compare_dialog
        dialog.set_sides(a, b)
        ids = list(doc.frameworks)
        index = self._tabs.currentIndex()
        if 0 <= index < len(ids):
            dialog.show_framework(ids[index])
        was_open = dialog.isVisible()
        dialog.show()
        if was_open and QGuiApplication.platformName() not in HEADLESS:
            dialog.raise_()  # already open behind the window: bring it forward
            dialog.activateWindow()
        return dialog

    def _compare_snapshot(self, snapshot_id: str) -> None:
        self.open_compare(Choice("snapshot", snapshot_id), Choice("now"))

    def _on_view(self, showing_room: bool) -> None:
        with signals_blocked(self.action_show_room):
            self.action_show_room.setChecked(showing_room)

    def _on_presenting(self, on: bool) -> None:
        self._sync_tables()
        with signals_blocked(self.action_present):
            self.action_present.setChecked(on)
