"""A phone's browser (headless Chromium on 127.0.0.1) joins the room the window opened: the
participant appears in the window with exactly the weights sent, and sending again from the
same browser updates that entry."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from phone_browser import close_browser, fill_and_send, find_binaries, local, open_browser
from PySide6.QtGui import QAction

BM = "business-models"
pytestmark = pytest.mark.slow


@pytest.fixture
def window(open_window):
    find_binaries()
    w = open_window(BM)
    w.room.invitation.interfaces = lambda: [("lo", "127.0.0.1")]
    w.room.invitation.port = 0
    yield w
    w.room.invitation.phones.close()


def in_background(qtbot, fn, *args):
    """Run the browser off the GUI thread, which meanwhile applies what the phone sends."""
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(fn, *args)
        qtbot.waitUntil(future.done, timeout=90_000)
        return future.result()


def test_a_browser_joins_and_updates_in_the_window(window, qtbot):
    window.findChild(QAction, "action:invite-room").trigger()
    url = local(window.room.invitation.phones.url())
    web = in_background(qtbot, open_browser, 390, 844)
    try:
        def first():
            web.get(url)
            return fill_and_send(web, "Ana", {f"{BM}:risk": 15, f"{BM}:roi": 85})

        assert "You are in the room as Ana." in in_background(qtbot, first)
        [ana] = window.document.scenario.participants
        assert (ana.name, ana.weights[BM]["risk"], ana.weights[BM]["roi"]) == ("Ana", 15, 85)
        assert window.room.invitation.dialog.joined.text() == "1 joined"

        def again():
            return fill_and_send(web, "Ana", {f"{BM}:risk": 60})

        assert "updated" in in_background(qtbot, again)
        [ana] = window.document.scenario.participants
        assert (ana.weights[BM]["risk"], ana.weights[BM]["roi"]) == (60, 85)
    finally:
        in_background(qtbot, close_browser, web)
