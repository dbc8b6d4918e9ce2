"""What a chart's context menu offers (export it, copy it), as an interface.

A tab's charts open their context menu through the ``ChartMenu`` the tab host gives every tab
(``tab.chart_menu``): the window's chart export fills it. So a tab never looks the window up,
and a tab outside a window (an export, a test) simply has no chart menu.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from .charts.base import Chart


class ChartMenu(Protocol):
    def fill_chart_menu(self, menu: QMenu, chart: Chart) -> None:
        """Add what can be done with ``chart`` to ``menu``."""


def open_chart_menu(chart_menu: ChartMenu | None, chart: Chart, pos: QPoint,
                    menu: QMenu | None = None) -> None:
    """Show ``chart``'s context menu at ``pos`` (in the chart): ``menu``'s own actions (if
    any), then what ``chart_menu`` offers. Nothing when the menu is empty."""
    menu = menu if menu is not None else QMenu(chart)
    if chart_menu is not None:
        if not menu.isEmpty():
            menu.addSeparator()
        chart_menu.fill_chart_menu(menu, chart)
    if not menu.isEmpty():
        menu.exec(chart.mapToGlobal(pos))

