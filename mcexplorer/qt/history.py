"""The History panel: every undo step by name; click one to go back (or forward) to it.

A stock QUndoView repaints its whole model on every step (about 5 ms here). This list only
appends, trims and moves its highlight, so a drag that merges into one step costs nothing.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from .signals import signals_blocked

START_TEXT = "Opened scenario"


class HistoryList(QListWidget):
    def __init__(self, stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.setAccessibleName("Undo history")
        self.setUniformItemSizes(True)
        self.stack = stack
        self.addItem(QListWidgetItem(START_TEXT))
        self._index = 0
        self._clean_row = -1
        stack.indexChanged.connect(self._sync)
        stack.cleanChanged.connect(self._mark_clean)
        self.itemActivated.connect(self._jump)
        self.itemClicked.connect(self._jump)
        self._sync(stack.index())

    _index = 0
    _clean_row = 0

    def _alive(self) -> bool:
        # QUndoStack emits from its destructor; the list may be half torn down too.
        return shiboken6.isValid(self) and shiboken6.isValid(self.stack)

    def _sync(self, index: int) -> None:
        if not self._alive():
            return
        stack = self.stack
        count = stack.count()
        # Trim steps that no longer exist, refresh texts that changed (merges), append new ones.
        while self.count() - 1 > count:
            self.takeItem(self.count() - 1)
        for row in range(min(self._index, index, count) + 1, count + 1):
            text = stack.text(row - 1)
            if row < self.count():
                if self.item(row).text() != text:
                    self.item(row).setText(text)
            else:
                self.addItem(QListWidgetItem(text))
        # Steps after the current one are undone: shown faded. Only the rows between the old
        # and new position change.
        lo, hi = sorted((self._index, index))
        faded = self.palette().placeholderText().color()
        normal = self.palette().text().color()
        for row in range(lo, min(hi, self.count() - 1) + 1):
            self.item(row).setForeground(faded if row > index else normal)
        self._index = index
        if self.currentRow() != index:
            with signals_blocked(self):
                self.setCurrentRow(index)
            self.scrollToItem(self.item(index))
        self._mark_clean(stack.isClean())

    def _mark_clean(self, _clean: bool) -> None:
        """The saved state is shown in bold."""
        if not self._alive():
            return
        clean_row = self.stack.cleanIndex()
        if clean_row == self._clean_row and 0 <= clean_row < self.count() \
                and self.item(clean_row).font().bold():
            return
        for row in (self._clean_row, clean_row):
            if 0 <= row < self.count():
                item = self.item(row)
                f = item.font()
                f.setBold(row == clean_row)
                item.setFont(f)
                item.setToolTip("The saved state" if row == clean_row else "")
        self._clean_row = clean_row

    def _jump(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if row != self.stack.index():
            self.stack.setIndex(row)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._jump(self.currentItem())
