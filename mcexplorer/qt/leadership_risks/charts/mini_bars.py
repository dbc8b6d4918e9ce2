"""Small bar charts for the strategy page: a few labelled horizontal bars painted directly
(no plot machinery), each with its value written beside it, or a message when there is no data.
A label wraps onto up to ``LABEL_LINES`` lines (its row grows), so it is read whole at 1024 px.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...charts.fit import wrap

ROW_HEIGHT = 20
GAP = 4
LABEL_SHARE = 0.42
LABEL_LINES = 3
"""A label longer than this many lines is cut with an ellipsis (a risk's whole sentence is in
the register and the accessible description)."""


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
        self._rows_key: tuple | None = None
        self._rows: list[tuple[list[str], int]] = []

    def show_data(self, data: MiniBarsData) -> None:
        if data == self.data:
            return
        self.data = data
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in data.bars)
                                      or data.message)
        self.updateGeometry()
        self.update()

    def label_lines(self, width: int | None = None) -> list[tuple[list[str], int]]:
        """Each bar's label as painted at ``width`` (the current one): its lines, and the
        height of its row."""
        w = self.width() if width is None else width
        key = (self.data, w, self.font().key())
        if key != self._rows_key:
            room = max(int(w * LABEL_SHARE) - 6, 1)
            h, step = self._row_height(), self.fontMetrics().lineSpacing()
            self._rows = []
            for bar in self.data.bars:
                lines = wrap(bar.label, self.font(), room, LABEL_LINES)
                self._rows.append((lines, max(h, len(lines) * step + 4)))
            self._rows_key = key
        return self._rows

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if not self.data.bars:
            return QSize(260, self._row_height() + 2 * GAP)
        return QSize(260, sum(h + GAP for _lines, h in self.label_lines()) + GAP)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.data.bars \
                and self.sizeHint().height() != self.height():
            self.updateGeometry()  # the labels wrap onto more (or fewer) lines

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
        row_top = GAP
        for bar, (lines, row_h) in zip(self.data.bars, self.label_lines()):
            painter.setPen(text)
            painter.drawText(QRectF(0, row_top, label_w - 6, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             "\n".join(lines))
            y = row_top + (row_h - h) / 2  # the bar and its value level with the label
            row_top += row_h + GAP
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
