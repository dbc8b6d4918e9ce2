"""A place in a tab's arrangement that holds one part and lets another feature wrap it.

The room shows its "Where the room disagrees" page beside a tab's fit charts: it asks the
tab's ``fit_slot`` to show the charts inside its page switcher (``wrap``), instead of finding
the charts' parent splitter and swapping widgets in it. The arrangement around the slot (the
splitter sizes, the stretch) is untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget


class Hideable(Protocol):
    """A part presenting can hide: a widget, or a tab's pages (ecology's LowerPages)."""

    def setVisible(self, on: bool, /) -> None: ...  # noqa: N802 - Qt's name

    def isVisible(self) -> bool: ...  # noqa: N802


class PartSlot(QWidget):
    """Holds ``part``; ``wrap`` puts it inside another widget, shown in its place."""

    def __init__(self, part: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        self.wrapper: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(part)
        self.setSizePolicy(part.sizePolicy())

    def wrap(self, wrapper: QWidget, take: Callable[[QWidget], None]) -> None:
        """Show ``wrapper`` here, with the part inside it: ``take(part)`` puts it there (for
        example ``wrapper.addTab``). Once only: a slot holds one wrapper."""
        if self.wrapper is not None:
            raise RuntimeError("this part is already wrapped")
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.removeWidget(self.part)
        take(self.part)
        self.part.show()
        layout.addWidget(wrapper)
        self.wrapper = wrapper
