"""One way to make the window's named actions (``action:<name>``, README "Automation names").

Every part that puts actions in the window's menus makes them here, as children of the window
(so their shortcuts work wherever the focus is in it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def named_action(window: QWidget, name: str, text: str, slot: Callable[[], object],
                 shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                 tip: str = "") -> QAction:
    """An action named ``action:<name>`` on ``window``, calling ``slot`` with no argument."""
    action = QAction(text, window)
    action.setObjectName(f"action:{name}")
    if shortcut is not None:
        action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action
