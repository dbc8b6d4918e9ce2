"""Text labels reused from one redraw to the next instead of deleted and made again.

Creating a pyqtgraph TextItem, adding it to a plot and removing it again costs about a
millisecond each; a chart that re-places a dozen names on a redraw (the Three Horizons chart
when the top structure changes) spent tens of milliseconds on it. A pool keeps its items in
the plot: a redraw takes them in order (``begin``, ``take``..., ``end``), only what changed is
set again, and the items left over are hidden.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from .base import text_item
from .style import font

DEFAULT_Z = 7.0


class LabelPool:
    def __init__(self, plot, z: float = DEFAULT_Z) -> None:
        self._plot = plot
        self._z = z
        self._items: list[pg.TextItem] = []
        self._keys: list[tuple] = []
        self._next = 0

    def begin(self) -> list[pg.TextItem]:
        """Start a redraw; returns an empty list for the caller's labels shown by it."""
        self._next = 0
        return []

    def take(self, text: str, colour, scale: float = 1.0, anchor=(0.5, 0.5),
             bold: bool = False) -> pg.TextItem:
        """A visible label showing ``text``, in ``colour`` at ``scale``, with no box around it
        and the pool's z value (callers set a fill, border or z value after taking it)."""
        colour_name = QColor(colour).name(QColor.NameFormat.HexArgb)
        # The type size in the style being drawn: presenting's larger type renews the font.
        key = (text, colour_name, scale, bold, font(scale, bold).pointSizeF())
        i = self._next
        self._next += 1
        if i == len(self._items):
            item = text_item(text, colour, scale, anchor=anchor, bold=bold)
            item.setZValue(self._z)
            self._plot.addItem(item)
            self._items.append(item)
            self._keys.append(key)
            return item
        item, old = self._items[i], self._keys[i]
        if old != key:
            if old[0] != text:
                item.setText(text)
            if old[1] != colour_name:
                item.setColor(colour)
            if old[2:] != key[2:]:
                item.setFont(font(scale, bold))
            self._keys[i] = key
        item.setAnchor(anchor)
        if item.fill.style() != pg.QtCore.Qt.BrushStyle.NoBrush \
                or item.border.style() != pg.QtCore.Qt.PenStyle.NoPen:
            item.fill = pg.mkBrush(None)
            item.border = pg.mkPen(None)
            item.update()
        if item.zValue() != self._z:
            item.setZValue(self._z)
        item.overlap_ok = False
        item.setVisible(True)
        return item

    def end(self) -> None:
        """Hide the labels this redraw did not take."""
        for item in self._items[self._next:]:
            if item.isVisible():
                item.setVisible(False)

    def shown(self) -> list[pg.TextItem]:
        """The labels taken by the last redraw, in the order taken."""
        return self._items[:self._next]

    def clear(self) -> None:
        """Remove every label from the plot (restyling builds them again)."""
        for item in self._items:
            self._plot.removeItem(item)
        self._items, self._keys, self._next = [], [], 0
