"""The options table gives the option names their full width whenever it can.

The name column stretches over whatever the Fit and rating columns leave, but never below
the longest name: where the table is too narrow for that, it scrolls sideways instead of
cutting the names. The Fit column is as wide as its longest text for this many options.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

NAME_PADDING = 14
"""Cell margins around the check box, the swatch and the name."""


class NameColumnFit(QObject):
    """Keeps column 0 (the names) at least as wide as its longest name; installed on the
    table, it follows the table's width."""

    def __init__(self, table: QTableView, names, fit_column: int = 1) -> None:
        super().__init__(table)
        self.table = table
        self.names = names
        """A callable returning the option names."""
        self.fit_column = fit_column
        table.viewport().installEventFilter(self)

    def name_width(self) -> int:
        bold = QFont(self.table.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        widest = max((fm.horizontalAdvance(n) for n in self.names()), default=40)
        style = self.table.style()
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        icon = self.table.iconSize().width() if self.table.iconSize().width() > 0 else \
            style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        return widest + check + icon + NAME_PADDING + 8

    def fit_width(self) -> int:
        n = len(self.names())
        fm = self.table.fontMetrics()
        return fm.horizontalAdvance(f"100.0%  (={n})") + 16

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        if header.count() == 0:
            return
        header.setSectionResizeMode(self.fit_column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(self.fit_column, self.fit_width())
        need = self.name_width()
        others = sum(header.sectionSize(c) for c in range(1, header.count()))
        if need + others <= self.table.viewport().width():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(0, need)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
