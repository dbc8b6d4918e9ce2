"""The notes box under each tab: the planner's notes on this framework, kept in the scenario
(``frameworks.<id>.notes``) and printed in the workshop report.

Typing is undoable and merges into one undo step per burst: keystrokes less than
BURST_GAP_S apart share a burst; leaving the box ends it. Undo and Open bring the box up to
date without echoing an edit back.
"""

from __future__ import annotations

import itertools
import time

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...core.errors import ScenarioError
from ...core.notes import MAX_NOTES, clean_notes, set_notes
from ..controller import DocumentController
from ..plain import guarded
from ..signals import signals_blocked

BURST_GAP_S = 2.0
_bursts = itertools.count(1)


class NotesBox(QPlainTextEdit):
    def __init__(self, controller: DocumentController, framework_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.framework_id = framework_id
        self.setObjectName(f"notes:{framework_id}")
        title = controller.document.framework(framework_id).title
        self.setAccessibleName(f"Notes on {title}")
        self.setPlaceholderText("Notes for the report: what the room agreed, open questions…")
        self.setToolTip(guarded(f"Your notes on {title}: saved with the scenario and printed "
                                f"in the workshop report (up to {MAX_NOTES} characters)."))
        self.setTabChangesFocus(True)
        self.setMinimumHeight(60)
        self.setMaximumHeight(140)
        self._burst = next(_bursts)
        self._last = 0.0
        self.textChanged.connect(self._on_text)
        controller.changed.connect(self._on_changed)
        self.refresh()

    def sizeHint(self):  # noqa: N802 - Qt's name
        """As wide as the sliders ask, not Qt's 256 px: the weights panel stays narrow and the
        charts keep the width."""
        hint = super().sizeHint()
        hint.setWidth(150)
        return hint

    def refresh(self) -> None:
        """Show the scenario's notes (after undo, redo or Open) without pushing an edit."""
        try:
            value = self.controller.document.settings(self.framework_id).notes
        except ScenarioError:
            return
        if value != self.toPlainText():
            with signals_blocked(self):
                cursor = self.textCursor().position()
                self.setPlainText(value)
                c = self.textCursor()
                c.setPosition(min(cursor, len(value)))
                self.setTextCursor(c)

    def _on_changed(self, framework_id: str) -> None:
        if framework_id in ("", self.framework_id):
            self.refresh()

    def _on_text(self) -> None:
        now = time.monotonic()
        if now - self._last > BURST_GAP_S:
            self._burst = next(_bursts)
        self._last = now
        text = self.toPlainText()
        try:
            clean_notes(text)
        except ScenarioError:
            with signals_blocked(self):  # past the limit: keep what fits
                self.setPlainText(text[:MAX_NOTES])
                self.moveCursor(QTextCursor.MoveOperation.End)
            text = text[:MAX_NOTES]
        doc = self.controller.document
        self.controller.push(set_notes(doc, self.framework_id, text, self._burst))

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._last = 0.0  # the next keystroke starts a new undo step
        super().focusOutEvent(event)
