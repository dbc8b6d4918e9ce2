"""The ecology tab's fixtures."""

from __future__ import annotations

import pytest

FID = "credential-ecology"


@pytest.fixture
def projector(open_window, qtbot):
    """The window at 1024x740 (inside a 1024x768 projector) on the ecology tab: (window, tab)."""
    window = open_window(FID)
    window.resize(1024, 740)
    qtbot.waitUntil(lambda: window.width() == 1024)
    return window, window.framework_tabs[FID]
