"""What a part of the window starts from: the window it shows in and the document's controller."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from ...core.document import Document
from ..controller import DocumentController


class WindowPart:
    """A part the window owns (chart export, office export): it reads the document through
    the controller and says what it did in the window's status bar."""

    def __init__(self, window: QMainWindow, controller: DocumentController) -> None:
        self._window = window
        self._controller = controller

    @property
    def document(self) -> Document:
        return self._controller.document

    def _status(self, text: str, ms: int) -> None:
        self._window.statusBar().showMessage(text, ms)
