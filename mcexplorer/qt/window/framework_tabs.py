"""Keeping one tab per framework when frameworks change: a framework's options or criteria
edited, the planner's own framework added or removed, another scenario opened; and the
frameworks in the user's folder, which every scenario the window shows carries.

A mixin of MainWindow. The controller says ``structureChanged(framework_id)`` before any view
redraws; the window then compares each tab with the framework it was built from and replaces
the tabs whose framework changed (a tab is cheap to build; rebuilding beats teaching every
widget to grow and shrink).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from ...core.frameworks.user_folder import (
    carry_frameworks,
    load_user_frameworks,
    user_frameworks_dir,
)
from ...core.models import Framework, Scenario
from ..plain import guarded, visible
from ..signals import signals_blocked

log = logging.getLogger(__name__)
PROBLEM_MESSAGE_MS = 15000


class FrameworkTabs:
    """Tabs that follow the scenario's frameworks; the user's frameworks folder."""

    def _init_frameworks(self) -> None:
        """Before the first tab is built: read the user's frameworks folder (a broken file is
        reported once the window is up, and skipped), let every scenario carry them, and
        follow structure changes from now on."""
        self.user_frameworks, self.framework_problems = load_user_frameworks()
        self._tab_sources: dict[str, Framework] = {}
        controller = self.controller
        controller.prepare = self._with_user_frameworks
        if self.user_frameworks:
            scenario = self._with_user_frameworks(controller.document.scenario)
            if scenario is not controller.document.scenario:
                controller.document.reset(scenario)
        self._tab_sources = dict(controller.document.frameworks)
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
        if not shiboken6.isValid(self) or not self.framework_problems:
            return
        for line in self.framework_problems:
            log.warning("user framework skipped: %s", line)
        first = self.framework_problems[0]
        more = len(self.framework_problems) - 1
        tail = f" (and {more} more; see the log)" if more else ""
        self.statusBar().showMessage(f"Skipped a framework in {user_frameworks_dir()}: "
                                     f"{first}{tail}", PROBLEM_MESSAGE_MS)

    # -- one tab per framework ------------------------------------------------------------------

    def sync_tabs(self, _framework_id: str = "") -> None:
        """Add, replace or remove tabs so that each framework has one, built from its current
        definition, in the frameworks' order."""
        if not shiboken6.isValid(self):
            return
        frameworks = self.document.frameworks
        for fid in [f for f in (*self.framework_tabs, *self._pending_tabs) if f not in frameworks]:
            self._drop_tab(fid)
        previous: QWidget | None = None
        for fid, fw in frameworks.items():
            page = self.framework_tabs.get(fid) or self._pending_tabs.get(fid)
            if page is None:
                page = self._put_tab(fid, fw, self._index_after(previous))
            elif fid in self.framework_tabs and self._tab_sources.get(fid) != fw:
                page = self._put_tab(fid, fw, self.tabs.indexOf(page), replacing=page)
            else:
                self._tab_sources[fid] = fw
                self.tabs.setTabText(self.tabs.indexOf(page), visible(fw.title))
            previous = page
        self.framework_tabs = {fid: self.framework_tabs[fid] for fid in frameworks
                               if fid in self.framework_tabs}

    def _index_after(self, page: QWidget | None) -> int:
        return 0 if page is None else self.tabs.indexOf(page) + 1

    def _put_tab(self, fid: str, fw: Framework, index: int, replacing: QWidget | None = None):
        current = self.tabs.currentWidget()
        tab = self.tab_host.build(fid, self.tabs)  # the room and presenting attach there
        self.framework_tabs[fid] = tab
        self._tab_sources[fid] = fw
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
        page = self.framework_tabs.pop(fid, None) or self._pending_tabs.pop(fid, None)
        self._tab_sources.pop(fid, None)
        self.tab_host.forget(fid)
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
        if getattr(self, "_retired_pages", None) is None:
            self._retired_pages = QWidget()
            self._retired_pages.setObjectName("retired-pages")
        page.setParent(self._retired_pages)
        page.deleteLater()
