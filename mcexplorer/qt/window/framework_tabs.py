"""Keeping one tab per framework when frameworks change: a framework's options or criteria edited,
the planner's own framework added or removed, another scenario opened; and the frameworks in
the user's folder, which every scenario the window shows carries.

A part the window owns (``window.tab_set``): it keeps the window's QTabWidget (``tabs``) and
the tabs in it (``tabs_by_id``), built through the tab host (qt.tab_host). The controller says
``structureChanged(framework_id)`` before any view redraws; the tab set then compares each tab
with the framework it was built from and replaces the tabs whose framework changed (a tab is
cheap to build; rebuilding beats teaching every widget to grow and shrink).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from ...core.frameworks.user_folder import (
    carry_frameworks,
    load_user_frameworks,
    user_frameworks_dir,
)
from ...core.models import Framework, Scenario
from ..controller import DocumentController
from ..framework.tab import FrameworkTab
from ..plain import guarded, visible
from ..signals import signals_blocked
from ..tab_host import TabHost

log = logging.getLogger(__name__)
PROBLEM_MESSAGE_MS = 15000
PENDING_TAB_DELAY_MS = 60


class FrameworkTabs(QObject):
    """One tab per framework, in the frameworks' order, following the scenario; the user's
    frameworks folder. With ``lazy`` only the first tab is built now; the others wait for
    ``build_pending()`` (after the window's first frame) or for being shown."""

    def __init__(self, window: QMainWindow, controller: DocumentController, host: TabHost,
                 tabs: QTabWidget, *, lazy: bool = False) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._host = host
        self.tabs = tabs
        """The window's QTabWidget (``framework-tabs``)."""
        self.tabs_by_id: dict[str, FrameworkTab] = {}
        """Framework id -> its tab, built (a lazy tab not built yet is not here)."""
        self._pending: dict[str, QWidget] = {}
        self._sources: dict[str, Framework] = {}
        self._retired_pages: QWidget | None = None
        self._init_frameworks()
        self._build_tabs(lazy)

    def _init_frameworks(self) -> None:
        """Before the first tab is built: read the user's frameworks folder (a broken file is
        reported once the window is up, and skipped), let every scenario carry them, and
        follow structure changes from now on."""
        self.user_frameworks, self.framework_problems = load_user_frameworks()
        controller = self._controller
        controller.prepare = self._with_user_frameworks
        if self.user_frameworks:
            scenario = self._with_user_frameworks(controller.document.scenario)
            if scenario is not controller.document.scenario:
                controller.document.reset(scenario)
        self._sources = dict(controller.document.frameworks)
        controller.structureChanged.connect(self.sync_tabs)
        if self.framework_problems:
            QTimer.singleShot(0, self._report_framework_problems)

    def _with_user_frameworks(self, scenario: Scenario) -> Scenario:
        if not self.user_frameworks:
            return scenario
        scenario, problems = carry_frameworks(scenario, self.user_frameworks)
        for line in problems:
            if line not in self.framework_problems:
                self.framework_problems.append(line)
                log.warning("user framework: %s", line)
        return scenario

    def _report_framework_problems(self) -> None:
        """Broken files in the user's folder: the status bar and the log, never a dialog."""
        if not shiboken6.isValid(self._window) or not self.framework_problems:
            return
        for line in self.framework_problems:
            log.warning("user framework skipped: %s", line)
        first = self.framework_problems[0]
        more = len(self.framework_problems) - 1
        tail = f" (and {more} more; see the log)" if more else ""
        self._window.statusBar().showMessage(f"Skipped a framework in {user_frameworks_dir()}: "
                                             f"{first}{tail}", PROBLEM_MESSAGE_MS)

    # -- building, now or after the first frame ---------------------------------------------------

    def _build_tabs(self, lazy: bool) -> None:
        for i, (fid, fw) in enumerate(self._controller.document.frameworks.items()):
            page: QWidget
            if lazy and i > 0:
                page = QWidget()  # stands in until the tab is built, right after first paint
                page.setObjectName(f"tab-pending:{fid}")
                self._pending[fid] = page
            else:
                page = self.tabs_by_id[fid] = self._host.build(fid, self.tabs)
            self.tabs.addTab(page, visible(fw.title))
            self.tabs.setTabToolTip(self.tabs.count() - 1, guarded(fw.description))
        if self._pending:
            self.tabs.currentChanged.connect(self._build_if_pending)

    def pending(self) -> list[str]:
        """The frameworks whose tab is not built yet."""
        return list(self._pending)

    def _build_if_pending(self, index: int) -> None:
        for fid, page in list(self._pending.items()):
            if self.tabs.indexOf(page) == index:
                self.build_tab(fid)

    def build_tab(self, framework_id: str) -> FrameworkTab:
        """Build a tab that was left for later (no-op when it exists)."""
        page = self._pending.pop(framework_id, None)
        if page is None:
            return self.tabs_by_id[framework_id]
        index = self.tabs.indexOf(page)
        current = self.tabs.currentIndex()
        tab = self._host.build(framework_id, self.tabs)
        self.tabs_by_id[framework_id] = tab
        self._keep_order()
        with signals_blocked(self.tabs):
            title, tip = self.tabs.tabText(index), self.tabs.tabToolTip(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, title)
            self.tabs.setTabToolTip(index, tip)
            self.tabs.setCurrentIndex(current)
        page.deleteLater()
        return tab

    def build_pending(self) -> None:
        """Build the tabs left for later, one per event-loop turn (the first frame is on
        screen by now: this is not the pass that paints it)."""
        if not shiboken6.isValid(self._window) or not self._pending:
            return
        self.build_tab(next(iter(self._pending)))
        if self._pending:
            QTimer.singleShot(PENDING_TAB_DELAY_MS, self.build_pending)

    def current_tab(self) -> FrameworkTab:
        """The tab on show (built now if it was left for later)."""
        self._build_if_pending(self.tabs.currentIndex())
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def all_tabs(self) -> dict[str, FrameworkTab]:
        """Every tab, built now if left for later."""
        for fid in list(self._pending):
            self.build_tab(fid)
        return dict(self.tabs_by_id)

    def restyle(self) -> None:
        for tab in self.tabs_by_id.values():
            tab.restyle()

    def _keep_order(self) -> None:
        self.tabs_by_id = {fid: self.tabs_by_id[fid]
                           for fid in self._controller.document.frameworks
                           if fid in self.tabs_by_id}

    # -- one tab per framework ------------------------------------------------------------------

    def sync_tabs(self, _framework_id: str = "") -> None:
        """Add, replace or remove tabs so that each framework has one, built from its current
        definition, in the frameworks' order."""
        if not shiboken6.isValid(self._window):
            return
        frameworks = self._controller.document.frameworks
        for fid in [f for f in (*self.tabs_by_id, *self._pending) if f not in frameworks]:
            self._drop_tab(fid)
        previous: QWidget | None = None
        for fid, fw in frameworks.items():
            page = self.tabs_by_id.get(fid) or self._pending.get(fid)
            if page is None:
                page = self._put_tab(fid, fw, self._index_after(previous))
            elif fid in self.tabs_by_id and self._sources.get(fid) != fw:
                page = self._put_tab(fid, fw, self.tabs.indexOf(page), replacing=page)
            else:
                self._sources[fid] = fw
                self.tabs.setTabText(self.tabs.indexOf(page), visible(fw.title))
            previous = page
        self._keep_order()

    def _index_after(self, page: QWidget | None) -> int:
        return 0 if page is None else self.tabs.indexOf(page) + 1

    def _put_tab(self, fid: str, fw: Framework, index: int,
                 replacing: QWidget | None = None) -> FrameworkTab:
        current = self.tabs.currentWidget()
        tab = self._host.build(fid, self.tabs)  # the room and presenting attach there
        self.tabs_by_id[fid] = tab
        self._sources[fid] = fw
        with signals_blocked(self.tabs):
            if replacing is not None:
                self._detach(replacing)
                self.tabs.removeTab(index)
                self._dispose(replacing)
            self.tabs.insertTab(index, tab, visible(fw.title))
            tip = fw.description or ("Your own framework" if fw.provenance == "user" else "")
            self.tabs.setTabToolTip(index, guarded(tip))
            if current is not None:
                self.tabs.setCurrentWidget(tab if current is replacing else current)
        return tab

    def _drop_tab(self, fid: str) -> None:
        page: QWidget | None = self.tabs_by_id.pop(fid, None) or self._pending.pop(fid, None)
        self._sources.pop(fid, None)
        self._host.forget(fid)
        if page is None:
            return
        self._detach(page)
        self.tabs.removeTab(self.tabs.indexOf(page))
        self._dispose(page)

    @staticmethod
    def _detach(page: QWidget) -> None:
        """Before the page is hidden: it stops following the document and its table empties
        (hiding it lays the table out, which must not ask about removed criteria)."""
        detach = getattr(page, "detach", None)
        if detach is not None:
            detach()

    def _dispose(self, page: QWidget) -> None:
        """Delete the page once control is back in the event loop (the edit that replaced it
        may have come from one of its own widgets). Meanwhile it waits outside the window, so
        findChild sees only the new tab, under a parent of our own (a page owned by Python
        alone would be deleted at once)."""
        page.hide()
        if self._retired_pages is None:
            self._retired_pages = QWidget()
            self._retired_pages.setObjectName("retired-pages")
        page.setParent(self._retired_pages)
        page.deleteLater()
