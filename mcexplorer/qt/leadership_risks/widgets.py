"""Small widget helpers shared by the pages of the leadership-and-risks tab. Every text from a
file or a user is shown plain (qt.plain): labels never read markup, tooltips are guarded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QScrollArea, QWidget

from ..plain import guarded, make_plain, visible
from ..signals import signals_blocked


def plain_label(text: str = "", name: str = "", wrap: bool = True, muted: bool = False,
                scale: float = 1.0, bold: bool = False) -> QLabel:
    """A label that shows its text as plain text (text from files or users is never markup)."""
    label = make_plain(QLabel())
    label.setText(visible(text))
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if muted:
        scale *= 0.92  # notes are smaller, not paler: greyed text is unreadable on a projector
    if scale != 1.0 or bold:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def rich_label(name: str = "") -> QLabel:
    """A label for markup the tab builds itself (every user or file text html-escaped)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if name:
        label.setObjectName(name)
    return label


def set_tip(widget: QWidget, text: str) -> None:
    """A tooltip that reads exactly as written (no markup from files)."""
    widget.setToolTip(guarded(text))


def scrolled(widget: QWidget, name: str = "") -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if name:
        area.setObjectName(name)
    return area


def choice_combo(name: str, items: list[tuple[str, object]], tip: str = "") -> QComboBox:
    """A combo box of (text, value) items; ``value_of``/``set_value`` read and set it."""
    box = QComboBox()
    box.setObjectName(name)
    for text, value in items:
        box.addItem(text, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    if tip:
        box.setToolTip(guarded(tip))
    box.setAccessibleName(tip or name)
    return box


def set_combo(box: QComboBox, value: object) -> None:
    """Show ``value`` without emitting a change (so the refresh does not echo an edit)."""
    index = box.findData(value)
    with signals_blocked(box):
        box.setCurrentIndex(max(index, 0))


def set_line(edit: QLineEdit, text: str) -> None:
    """Show ``text`` unless the planner is typing in this very field."""
    if edit.hasFocus() and edit.isModified():
        return
    if edit.text() != text:
        with signals_blocked(edit):
            edit.setText(text)
            edit.setCursorPosition(0)


def line_edit(name: str, placeholder: str = "", tip: str = "", max_length: int = 200) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(max_length)
    edit.setClearButtonEnabled(True)
    if tip:
        edit.setToolTip(guarded(tip))
    edit.setAccessibleName(tip or name)
    return edit
