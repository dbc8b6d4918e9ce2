"""Shared fixtures for the window tests."""

from __future__ import annotations

import pytest

from mcexplorer.app import create_window

SCREENS_KEPT = pytest.StashKey[set]()
"""Where the screen tests saved their screenshots this run (named in the summary)."""


@pytest.fixture
def screens_kept(request) -> set:
    """Folders of screenshots to name at the end of the run (tests/qt/test_screens.py)."""
    return request.config.stash.setdefault(SCREENS_KEPT, set())


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    for folder in sorted(config.stash.get(SCREENS_KEPT, set())):
        terminalreporter.write_line(f"Screenshots kept in {folder}")


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
