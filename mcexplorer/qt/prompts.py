"""Every prompt the window shows, through QMessageBox's static functions.

Tests replace those functions (``monkeypatch.setattr(QMessageBox, "question", ...)``) and see
each call. On a headless platform (offscreen, minimal) nobody can answer a modal box, so when
Qt's own function would block (``qt_own``: nobody put an answer in its place) we do not open
it: the message is logged and the caller gets ``None`` (meaning "no answer"; callers then keep
the user's work safe rather than discard it). This module keeps no state: whether a function is
Qt's own is read from the class each time, not from a copy taken at import.
"""

from __future__ import annotations

import logging
from types import BuiltinFunctionType, MethodDescriptorType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from .plain import guarded

log = logging.getLogger(__name__)

HEADLESS_PLATFORMS = ("offscreen", "minimal")


def qt_own(owner: type, name: str) -> bool:
    """True when ``owner.<name>`` is Qt's own (compiled) function, False when a Python one
    stands in its place (a test's answer: README, "Automation names")."""
    return isinstance(getattr(owner, name), (BuiltinFunctionType, MethodDescriptorType))


def headless() -> bool:
    return QGuiApplication.platformName() in HEADLESS_PLATFORMS


def can_answer(owner: type, name: str) -> bool:
    """A modal ``owner.<name>`` gets an answer: someone sees the screen, or it is not Qt's own."""
    return not headless() or not qt_own(owner, name)


def is_replaced(name: str) -> bool:
    """True when QMessageBox.<name> is not Qt's own (a test put its own answer in)."""
    return not qt_own(QMessageBox, name)


def cannot_show(name: str) -> bool:
    """True when QMessageBox.<name> is Qt's own and nobody could answer it (headless)."""
    return not can_answer(QMessageBox, name)


def _call(name: str, parent: QWidget | None, title: str, text: str, *args):
    if cannot_show(name):
        log.warning("%s (not shown, headless): %s", title, text)
        return None
    # Text from files (names, paths, messages) is shown as typed, never as rich text.
    return getattr(QMessageBox, name)(parent, title, guarded(text), *args)


def ask_buttons(parent: QWidget | None, title: str, text: str,
                choices: dict[QMessageBox.StandardButton, str],
                default: QMessageBox.StandardButton):
    """A question with labelled answers; returns the chosen standard button, or None when
    nobody can answer (headless). A replaced ``QMessageBox.question`` is asked instead."""
    buttons = QMessageBox.StandardButton.NoButton
    for button in choices:
        buttons |= button
    if is_replaced("question") or cannot_show("question"):
        return _call("question", parent, title, text, buttons, default)
    box = QMessageBox(QMessageBox.Icon.Question, title, guarded(text), buttons, parent)
    box.setTextFormat(Qt.TextFormat.AutoText)
    for button, label in choices.items():
        box.button(button).setText(label)
    box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else None


def ask_save_discard_cancel(parent: QWidget | None, title: str, text: str):
    B = QMessageBox.StandardButton
    return _call("question", parent, title, text, B.Save | B.Discard | B.Cancel, B.Save)


def ask_yes_no(parent: QWidget | None, title: str, text: str, details: str = ""):
    """Yes or No (None when nobody can answer). ``details`` (a long list: how a file was
    read) go into the box's scrollable "Show Details…" area, so the box and its buttons fit
    a 1024x768 screen however long the list; a replaced ``QMessageBox.question`` gets them
    after the text."""
    B = QMessageBox.StandardButton
    if not details or is_replaced("question") or (
            qt_own(QMessageBox, "exec") and cannot_show("question")):
        full = f"{text}\n\n{details}" if details else text
        return _call("question", parent, title, full, B.Yes | B.No, B.Yes)
    box = details_box(parent, title, text, details)
    box.exec()  # a test may replace QMessageBox.exec to look at the box and answer
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else None


def details_box(parent: QWidget | None, title: str, text: str, details: str) -> QMessageBox:
    """A Yes/No question whose ``details`` scroll in the box's details area (plain text)."""
    B = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, title, guarded(text), B.Yes | B.No, parent)
    box.setObjectName("question-with-details")
    box.setDetailedText(details)  # shown as plain text, in a scrolling box of its own
    box.setDefaultButton(B.Yes)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _call("warning", parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    _call("critical", parent, title, text)


def _input(name: str, *args, **kwargs):
    """QInputDialog's static function; headless and unreplaced, it answers 'cancelled'."""
    if not can_answer(QInputDialog, name):
        log.warning("%s (not shown, headless)", args[1] if len(args) > 1 else name)
        return ("" if name != "getDouble" else 0.0), False
    return getattr(QInputDialog, name)(*args, **kwargs)


def get_text(*args, **kwargs):
    return _input("getText", *args, **kwargs)


def get_double(*args, **kwargs):
    return _input("getDouble", *args, **kwargs)


def get_multiline_text(*args, **kwargs):
    return _input("getMultiLineText", *args, **kwargs)


def get_item(*args, **kwargs):
    return _input("getItem", *args, **kwargs)


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog of the app's own (add a criterion, a new framework ...) and wait; True
    when it was accepted. Headless, a dialog whose ``exec`` no test replaced is not shown (it
    would block forever): it counts as cancelled."""
    if not can_answer(type(dialog), "exec"):
        log.warning("%s (not shown, headless)", dialog.windowTitle())
        return False
    return dialog.exec() == QDialog.DialogCode.Accepted
