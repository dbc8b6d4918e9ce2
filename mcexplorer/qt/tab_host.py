"""The one place that builds and rebuilds framework tabs, and what attaches to every tab.

The window owns one TabHost. A tab built at start, built later (a lazy tab), or rebuilt
because its framework changed (an option added) is built here, and every attachment the
window registered (the room: its participant picker and weighting, the room's page, and
presenting) is attached to it at once, through ``TabAttachment.attach``. So a rebuilt tab
keeps the room's picker and shows the weighting in view, as the tab it replaces did. Every
tab gets the host as its ``chart_menu`` (qt.chart_menu): the host passes a chart's context
menu on to the ``chart_menu`` the window set (its chart export).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from .chart_menu import ChartMenu
from .charts.base import Chart
from .controller import DocumentController
from .framework.tab import FrameworkTab
from .tabs import tab_class


class TabAttachment(Protocol):
    """Something every framework tab gets: ``attach`` is called once per tab built (a
    rebuilt tab is a new tab) and must accept any tab the registry builds."""

    def attach(self, tab: QWidget) -> None: ...


class TabHost(QObject):
    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.attachments: list[TabAttachment] = []
        self.tabs: dict[str, FrameworkTab] = {}
        """Framework id -> the tab built last for it (the one the window shows)."""
        self.chart_menu: ChartMenu | None = None
        """What every tab's chart menu offers (set by the window: its chart export)."""

    def add(self, attachment: TabAttachment) -> None:
        """Attach to every tab built so far and every tab built from now on."""
        self.attachments.append(attachment)
        for tab in list(self.tabs.values()):
            attachment.attach(tab)

    def build(self, framework_id: str, parent: QWidget | None = None) -> FrameworkTab:
        """A new tab for the framework as it is now, with every attachment attached."""
        framework = self.controller.document.framework(framework_id)
        tab = tab_class(framework)(self.controller, framework_id, parent)
        tab.chart_menu = self
        self.tabs[framework_id] = tab
        for attachment in self.attachments:
            attachment.attach(tab)
        return tab

    def forget(self, framework_id: str) -> None:
        self.tabs.pop(framework_id, None)

    def fill_chart_menu(self, menu: QMenu, chart: Chart) -> None:
        """A tab's chart menu (qt.chart_menu.ChartMenu): what the window's ``chart_menu``
        offers, nothing before it is set."""
        if self.chart_menu is not None:
            self.chart_menu.fill_chart_menu(menu, chart)
