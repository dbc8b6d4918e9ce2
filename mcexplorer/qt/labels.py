"""Labels that never cut their text, and a row that stacks when narrow.

Layouts in splitters do not ask a word-wrapped QLabel for its height at its width, so a
narrow column squeezes it and the last lines vanish; ``WrapLabel`` sets its own minimum height
whenever its width changes. ``AdaptiveRow`` puts a note beside its button on a wide tab and
above it in a narrow column.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QWidget

MIN_LAID_OUT = 120
"""A label narrower than this has not been laid out yet (or sits in a collapsed column)."""


class WrapLabel(QLabel):
    """A word-wrapped label whose minimum height follows its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 rich: bool = False) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_height()

    def _fit_height(self) -> None:
        # Before the first layout a label may be a few pixels wide: the height it would need
        # then is meaningless, and a splitter would keep the room it grabbed.
        width = self.width() if self.width() >= MIN_LAID_OUT else self.sizeHint().width()
        need = self.heightForWidth(width)
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Narrow is fine (the text wraps): a word's width, not the whole text's.
        hint = super().minimumSizeHint()
        words = self.text().split() or [""]
        widest = max(self.fontMetrics().horizontalAdvance(w) for w in words[:200])
        return QSize(min(hint.width(), widest + 8), hint.height())


class AdaptiveRow(QWidget):
    """Widgets side by side when the row is at least ``threshold`` wide, stacked otherwise
    (a note beside its button on a wide tab, above it in a narrow column)."""

    def __init__(self, threshold: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        self.box.addWidget(widget, stretch)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = event.size().width() >= self.threshold
        direction = QBoxLayout.Direction.LeftToRight if wide else \
            QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            for i in range(self.box.count()):
                item = self.box.itemAt(i)
                assert item is not None  # i < count()
                widget = item.widget()
                if widget is not None and not wide:
                    self.box.setAlignment(widget, Qt.AlignmentFlag.AlignRight
                                          if isinstance(widget, QWidget)
                                          and not isinstance(widget, QLabel)
                                          else Qt.AlignmentFlag(0))
                elif widget is not None:
                    self.box.setAlignment(widget, Qt.AlignmentFlag(0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Stacked, the row is as narrow as its widest widget.
        items = [self.box.itemAt(i) for i in range(self.box.count())]
        widths = [item.minimumSize().width() for item in items if item is not None]
        hint = super().minimumSizeHint()
        return QSize(max(widths, default=0), hint.height())
