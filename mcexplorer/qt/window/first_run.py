"""A first-run hint on the first tab: the first step, and where the workshop guide is.

Shown at the top of the first tab's weights panel until the planner dismisses it ("Got it"),
which is remembered in the settings; *Open the workshop guide* opens Help at "Running a
workshop".
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout,
)

from . import settings

SEEN = "hints/first_run_seen"
TEXT = ("New here? Drag a weight below: the ranking and the radar follow. Guide: how to run "
        "a workshop. The mouse wheel "
        "scrolls; click a control to change it. Ctrl+Z undoes.")


class FirstRunHint(QFrame):
    def __init__(self, window) -> None:
        super().__init__()
        self.main = window
        self.setObjectName("first-run-hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#first-run-hint { background: #fff4cc; border: 1px solid #8a6d00; }"
                           " #first-run-hint QLabel { color: #1a1a1a; }")
        text = QLabel(TEXT)
        text.setObjectName("first-run-text")
        text.setWordWrap(True)
        text.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        guide = QPushButton("Guide")
        guide.setToolTip("Open Help at \u201cRunning a workshop\u201d")
        guide.setObjectName("first-run-guide")
        guide.clicked.connect(self.open_guide)
        done = QPushButton("Got it")
        done.setObjectName("first-run-done")
        done.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()  # narrow: the weights panel's width is the charts' to keep
        buttons.setSpacing(4)
        buttons.addWidget(guide)
        buttons.addWidget(done)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(text)
        layout.addLayout(buttons)

    def open_guide(self) -> None:
        from .help import WORKSHOP_PAGE

        guide = self.main.show_guide()
        for row, path in enumerate(guide.pages):
            if path.name == WORKSHOP_PAGE:
                guide.list.setCurrentRow(row)

    def dismiss(self) -> None:
        settings.set_value(SEEN, True)
        self.hide()
        self.deleteLater()


def add_first_run_hint(window) -> FirstRunHint | None:
    """The hint on the first tab, unless it was dismissed before."""
    if str(settings.store().value(SEEN, "false")).lower() == "true":
        return None
    panel = getattr(window.tabs.widget(0), "weights_panel", None)
    if panel is None:
        return None
    hint = FirstRunHint(window)
    panel.add_top(hint)
    return hint
