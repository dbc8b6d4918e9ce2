"""Text items of the charts: pyqtgraph's TextItem made to keep a scaled view's transform."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QTransform

from ..plain import visible
from .style import font


class Text(pg.TextItem):
    """pyqtgraph's TextItem, whose first paint keeps the view's own transform.

    pyqtgraph sets the painter to the item's scene transform on its first paint, which is
    right only when the view is not scaled; a chart drawn scaled to fit (charts.fit) then
    drew a label's box away from its text. Here the painter keeps whatever maps the scene to
    the device (the view's scale, an export's pixel ratio).
    """

    _lastScene: Any  # pyqtgraph sets it

    def setText(self, text: str, color=None) -> None:  # noqa: N802 - pyqtgraph's name
        """Plain text as pyqtgraph shows it, with control characters from a file (ESC, CR)
        written as escapes; line breaks kept."""
        super().setText(visible(text), color)

    def paint(self, p, *args) -> None:
        s = self.scene()
        if s is not self._lastScene:
            inverse, ok = self.sceneTransform().inverted()
            to_device = inverse * p.transform() if ok else QTransform()
            if self._lastScene is not None:
                self._lastScene.sigPrepareForPaint.disconnect(self.updateTransform)
            self._lastScene = s
            if s is not None:
                s.sigPrepareForPaint.connect(self.updateTransform)
            self.updateTransform()
            p.setTransform(self.sceneTransform() * to_device)
        if self.border.style() != Qt.PenStyle.NoPen or self.fill.style() != Qt.BrushStyle.NoBrush:
            p.setPen(self.border)
            p.setBrush(self.fill)
            p.setRenderHint(p.RenderHint.Antialiasing, True)
            p.drawPolygon(self.textItem.mapToParent(self.textItem.boundingRect()))


def text_item(text: str, colour, scale: float = 1.0, anchor=(0.5, 0.5), bold=False) -> pg.TextItem:
    item = Text(text, color=colour, anchor=anchor)
    item.setFont(font(scale, bold))
    return item

