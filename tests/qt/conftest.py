"""Shared fixtures for the window tests."""

from __future__ import annotations

import pytest

from mcexplorer.app import create_window


@pytest.fixture
def open_window(qtbot):
    """Open the main window at 1280x720 (a projector), optionally on a framework's tab.

    The undo stack is marked clean at the end, so closing the window asks nothing.
    """
    opened = []

    def open_(framework_id: str | None = None, path=None):
        w = create_window(path)
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        qtbot.waitExposed(w)
        if framework_id is not None:
            w.tabs.setCurrentWidget(w.framework_tabs[framework_id])
        opened.append(w)
        return w

    yield open_
    for w in opened:
        w.controller.undo_stack.setClean()
