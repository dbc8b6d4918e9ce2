"""A first-run hint beside the first tab: the first step, and where the workshop guide is.

Shown in the tab bar's corner (it takes no height from the sliders or the charts) until the
planner dismisses it ("Got it"), which is remembered in the settings; *Workshop guide* opens
Help at "Running a workshop".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTabWidget

from . import settings
from .help import WORKSHOP_PAGE, Help

SEEN = "hints/first_run_seen"
TEXT = "New here? Drag a weight on the left."
TIP = ("Drag a weight on the left: the ranking and the radar follow. The mouse wheel scrolls; "
       "click a control to change it. Ctrl+Z undoes. The workshop guide has a 60-minute plan.")


class FirstRunHint(QFrame):
    def __init__(self, tabs: QTabWidget, help_part: Help) -> None:
        super().__init__()
        self._tabs = tabs
        self._help = help_part
        self.setObjectName("first-run-hint")
        self.setToolTip(TIP)
        self.setStyleSheet("#first-run-hint { background: #fff4cc; border: 1px solid #8a6d00; }"
                           " #first-run-hint QLabel { color: #1a1a1a; }")
        text = QLabel(TEXT)
        text.setObjectName("first-run-text")
        text.setTextFormat(Qt.TextFormat.PlainText)
        guide = QPushButton("Workshop guide")
        guide.setObjectName("first-run-guide")
        guide.setToolTip("Open Help at \u201cRunning a workshop\u201d (F1 opens Help)")
        guide.clicked.connect(self.open_guide)
        done = QPushButton("Got it")
        done.setObjectName("first-run-done")
        done.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.setSpacing(4)
        layout.addWidget(text)
        layout.addWidget(guide)
        layout.addWidget(done)

    def open_guide(self) -> None:
        self._help.show_guide_page(WORKSHOP_PAGE)

    def dismiss(self) -> None:
        settings.set_value(SEEN, True)
        self._tabs.setCornerWidget(None, Qt.Corner.TopRightCorner)  # type: ignore[arg-type]
        self.hide()
        self.deleteLater()


def add_first_run_hint(tabs: QTabWidget, help_part: Help) -> FirstRunHint | None:
    """The hint beside the tabs, unless it was dismissed before."""
    if str(settings.store().value(SEEN, "false")).lower() == "true":
        return None
    hint = FirstRunHint(tabs, help_part)
    tabs.setCornerWidget(hint, Qt.Corner.TopRightCorner)
    hint.show()
    return hint
