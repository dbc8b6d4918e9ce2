"""The Sessions panel's parts: the open scenario's title and notes (edited as undoable steps)
and a readable preview of the selected session.

The title is pushed when its field loses focus or Enter is pressed; the notes a moment after
typing pauses, and when the field loses focus. Each is one undo step. Both follow the
document (a new scenario, an undo) without echoing an edit back. Text is plain throughout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core import scenario_text
from ...core.errors import ScenarioError
from .. import prompts
from ..labels import WrapLabel
from ..signals import signals_blocked

NOTES_SETTLE_MS = 800
PREVIEW_WIDTH = 320
"""The preview image is drawn at most this wide (its natural size)."""


class ScenarioInfo(QWidget):
    """Title and notes of the open scenario."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.title = QLineEdit()
        self.title.setObjectName("scenario-title")
        self.title.setAccessibleName("Title of the open scenario")
        self.title.setMaxLength(200)
        self.title.editingFinished.connect(self.commit_title)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("scenario-notes")
        self.notes.setAccessibleName("Notes on the open scenario")
        self.notes.setPlaceholderText("Notes for the workshop (kept in the scenario file)")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 6 + 12)
        self.notes.textChanged.connect(self._notes_typed)
        self.notes.installEventFilter(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("&Title", self.title)
        form.addRow("N&otes", self.notes)
        controller.changed.connect(self._on_changed)
        controller.scenarioReplaced.connect(self.refresh)
        self.refresh()

    @property
    def document(self):
        return self.controller.document

    def refresh(self) -> None:
        """Show the document's title and notes, unless the planner is typing new ones."""
        scenario = self.document.scenario
        if self.title.text() != scenario.title and not self.title.isModified():
            with signals_blocked(self.title):
                self.title.setText(scenario.title)
        if self.notes.toPlainText().rstrip() != scenario.notes and not self._typing:
            with signals_blocked(self.notes):
                self.notes.setPlainText(scenario.notes)

    def _on_changed(self, framework_id: str) -> None:
        if framework_id == "":
            self.refresh()

    def commit_title(self) -> None:
        text = self.title.text()
        self.title.setModified(False)
        if " ".join(text.split()) == self.document.scenario.title:
            return
        try:
            edit = scenario_text.set_title(self.document, text)
        except ScenarioError as exc:
            prompts.warn(self, "Title refused", exc.message)
            with signals_blocked(self.title):
                self.title.setText(self.document.scenario.title)
            return
        self.controller.push(edit)

    _typing = False
    """Notes typed and not pushed yet (a refresh must not overwrite them)."""

    def _notes_typed(self) -> None:
        self._typing = True
        self.controller.scheduler.settle(("scenario-notes", id(self)), self.commit_notes,
                                         NOTES_SETTLE_MS)

    def commit_notes(self) -> None:
        self.controller.scheduler.cancel(("scenario-notes", id(self)))
        if not self._typing:
            return
        self._typing = False
        text = self.notes.toPlainText()
        if text.rstrip() == self.document.scenario.notes:
            return
        try:
            edit = scenario_text.set_notes(self.document, text)
        except ScenarioError as exc:
            prompts.warn(self, "Notes refused", exc.message)
            return
        self.controller.push(edit)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.commit_notes()
        return super().eventFilter(watched, event)


class SessionPreview(QWidget):
    """The selected session: its name, when it changed, each framework's best option, one
    per line, and the small picture of its ranking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = WrapLabel()
        self.text.setObjectName("session-preview-text")
        self.picture = QLabel()
        self.picture.setObjectName("session-preview")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._pixmap = QPixmap()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.picture)

    def show_session(self, heading: str, summary: str, preview_path=None) -> None:
        lines = [heading] + [part.strip() for part in summary.split(";") if part.strip()]
        self.text.setText("\n".join(lines))
        self._pixmap = QPixmap(str(preview_path)) if preview_path is not None else QPixmap()
        self._scale()

    def clear(self) -> None:
        self.text.setText("")
        self._pixmap = QPixmap()
        self.picture.clear()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if self._pixmap.isNull():
            self.picture.clear()
            return
        width = min(PREVIEW_WIDTH, max(self.width(), 80))
        ratio = self.devicePixelRatioF()
        scaled = self._pixmap.scaledToWidth(round(width * ratio),
                                            Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.picture.setPixmap(scaled)
