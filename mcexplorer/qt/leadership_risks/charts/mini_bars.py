"""Small bar charts for the strategy page: a few labelled horizontal bars painted directly
(no plot machinery), each with its value written beside it, or a message when there is no data.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_HEIGHT = 20
GAP = 4
LABEL_SHARE = 0.42


@dataclass(frozen=True)
class MiniBar:
    label: str
    value: float
    maximum: float
    text: str
    """Written right of the bar ("72%", "12 of 25")."""
    colour: str


@dataclass(frozen=True)
class MiniBarsData:
    bars: tuple[MiniBar, ...] = ()
    message: str = ""
    """Shown instead of bars when there are none."""


class MiniBars(QWidget):
    """A view only: ``show_data`` draws the bars; it never edits anything."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.data = MiniBarsData()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(200)

    def show_data(self, data: MiniBarsData) -> None:
        if data == self.data:
            return
        self.data = data
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in data.bars)
                                      or data.message)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = max(len(self.data.bars), 1)
        return QSize(260, rows * (self._row_height() + GAP) + GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.sizeHint().height())

    def _row_height(self) -> int:
        return max(ROW_HEIGHT, self.fontMetrics().height() + 4)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        track = palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        metrics = self.fontMetrics()
        w = self.width()
        if not self.data.bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(0, 0, w, self.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextWordWrap, self.data.message)
            painter.end()
            return
        label_w = int(w * LABEL_SHARE)  # the same on every card, so the bars line up
        value_w = max(metrics.horizontalAdvance(b.text) for b in self.data.bars) + 8
        bar_w = max(w - label_w - value_w, 20)
        h = self._row_height()
        for i, bar in enumerate(self.data.bars):
            y = GAP + i * (h + GAP)
            painter.setPen(text)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 6)
            painter.drawText(QRectF(0, y, label_w - 6, h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(label_w, y + 3, bar_w, h - 6), 3, 3)
            share = 0.0 if bar.maximum <= 0 else max(0.0, min(1.0, bar.value / bar.maximum))
            if share > 0:
                painter.setBrush(QColor(bar.colour))
                painter.drawRoundedRect(QRectF(label_w, y + 3, max(bar_w * share, 3), h - 6),
                                        3, 3)
            painter.setPen(text)
            painter.drawText(QRectF(label_w + bar_w + 6, y, value_w, h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             bar.text)
        painter.end()
