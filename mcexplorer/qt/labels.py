"""Labels that never cut their text: one that wraps and claims the height it needs, one that
elides to its width and shows the whole text on hover.

Layouts in splitters do not ask a word-wrapped QLabel for its height at its width, so a
narrow column squeezes it and the last lines vanish; ``WrapLabel`` sets its own minimum height
whenever its width changes. ``ElidedLabel`` is for one-line texts that may be longer than any
column (file names, sources): plain text, shortened with an ellipsis, the full text as tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


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
        width = self.width() if self.width() > 1 else self.sizeHint().width()
        need = self.heightForWidth(width)
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Narrow is fine (the text wraps): a word's width, not the whole text's.
        hint = super().minimumSizeHint()
        words = self.text().split() or [""]
        widest = max(self.fontMetrics().horizontalAdvance(w) for w in words[:200])
        return QSize(min(hint.width(), widest + 8), hint.height())


class ElidedLabel(QLabel):
    """One line of plain text, elided to the label's width; the full text as tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self._mode = mode
        self._tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name: it elides, so narrow is fine
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4,
                     super().sizeHint().height())

    def set_full_text(self, text: str, tooltip: str = "") -> None:
        self._full = text
        self._tip = tooltip
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(self.width(), 20))
        if shown != self.text():
            QLabel.setText(self, shown)
        tip = self._tip or (self._full if shown != self._full else "")
        if tip != self.toolTip():
            self.setToolTip(tip)
