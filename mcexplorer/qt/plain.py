"""Text from files and users is shown as plain text, everywhere: the one helper.

Qt guesses whether a string is rich text (``Qt.mightBeRichText``) for message boxes, tooltips
and labels, so a scenario title such as ``<a href='http://evil.example/'>CLICK</a>`` would
become a live link. Every place that shows a name, a title, a description or a path from a
file or a user goes through here: labels get Qt.PlainText, and strings that must travel
through rich-text-guessing APIs (QMessageBox's static functions, tooltips, pyqtgraph labels)
are escaped so they read exactly as typed. Control characters are shown as escapes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QLabel

from ..core.errors import shown


def escaped(text: object) -> str:
    """``text`` made safe for a rich-text sink (pyqtgraph labels, QTextBrowser HTML)."""
    return html.escape(shown(str(text)))


def visible(text: object) -> str:
    """``text`` for a plain-text sink (a tab title, a table cell, a combo item, chart text):
    line breaks and tabs kept, every other control character (ESC, CR, ...) shown as an
    escape, so nothing from a file can move the cursor or hide what follows."""
    value = str(text)
    if value.isprintable():
        return value
    return "\n".join("\t".join(shown(part) for part in line.split("\t"))
                     for line in value.split("\n"))


def guarded(text: object) -> str:
    """``text`` for an API that guesses rich text (message boxes, tooltips): control
    characters as escapes (``visible``); unchanged when Qt would then read it as plain text,
    else escaped inside a paragraph that keeps line breaks."""
    value = visible(text)
    if not QtGui_Qt.mightBeRichText(value):
        return value
    return "<p style='white-space:pre-wrap'>" + html.escape(value) + "</p>"


def plain_label(text: object = "", parent=None) -> QLabel:
    """A QLabel that never interprets its text and never opens links."""
    label = QLabel(parent)
    make_plain(label)
    label.setText(str(text))
    return label


def make_plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label
