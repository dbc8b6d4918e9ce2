"""Hands that change nothing by accident: the mouse wheel and the undo keys, application-wide.

* A slider (not a scroll bar), spin box or combo box changes by the wheel only when it has
  the keyboard focus (click it, or Tab to it, first). Unfocused, the wheel event is handed
  on to its parents, so the panel under the pointer scrolls instead. Such widgets also take
  the focus only from a click or Tab, never from the wheel (``Qt.StrongFocus``), the usual
  Qt pattern.
* Ctrl+Z / Ctrl+Shift+Z (and the platform's undo and redo keys) reach the window's Undo and
  Redo whatever has the focus: a spin box or combo box's own text editor would otherwise take
  them for its text. Plain text boxes (notes, names) keep their own text undo.

One event filter on the application does both (``install``); it is idempotent.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QWidget,
)

GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox)
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish
_OVERRIDE = QEvent.Type.ShortcutOverride
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _has_focus(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area whose viewport holds ``widget``."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def _scroll_instead(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the panel around ``widget`` (Qt passes a refused wheel event on to
    the parents only when it came from the window system; this works for both)."""
    area = _scroll_area(widget)
    if area is None:
        return
    viewport = area.viewport()
    pos = QPointF(widget.mapTo(viewport, event.position().toPoint()))
    moved = QWheelEvent(pos, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                        event.buttons(), event.modifiers(), event.phase(), event.inverted())
    QApplication.sendEvent(viewport, moved)


def _in_value_box(widget: QObject) -> bool:
    """A spin box's or an editable combo box's own line edit."""
    return isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox,
                                                                          QComboBox))


class HandsFilter(QObject):
    """The application's event filter (see the module's description)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == _WHEEL:
            if isinstance(watched, GUARDED) and not isinstance(watched, QScrollBar) \
                    and not _has_focus(watched):
                assert isinstance(event, QWheelEvent)  # PySide6 hands over the event's own class
                _scroll_instead(watched, event)
                return True
        elif kind == _POLISH:
            if isinstance(watched, GUARDED) and not isinstance(watched, QScrollBar) and \
                    watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == _OVERRIDE and (isinstance(watched, GUARDED) or _in_value_box(watched)) \
                and isinstance(event, QKeyEvent) and any(event.matches(key) for key in _UNDO_KEYS):
            event.ignore()  # not overridden: the window's Undo/Redo shortcut fires
            return True
        return False


def install(app: QApplication | None = None) -> HandsFilter:
    """Install the filter on the application once; returns it."""
    owner = app or QApplication.instance()
    assert owner is not None, "no QApplication to install the filter on"
    existing = owner.findChild(HandsFilter, "hands-filter")
    if existing is not None:
        return existing
    hands = HandsFilter(owner)
    hands.setObjectName("hands-filter")
    owner.installEventFilter(hands)
    return hands
