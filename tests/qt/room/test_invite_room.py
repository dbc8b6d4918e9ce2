"""Room > Invite the room...: the invite screen and phones arriving in the window, driven
through the real widgets and actions. The server listens on 127.0.0.1 only: the list of the
laptop's interfaces is made up, and any other address the dialog tries is refused here
before it is bound."""

from __future__ import annotations

import http.client
import os
import socket
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QPushButton, QWidget

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.room.phones import participant_id_for
from mcexplorer.core.weighting import GROUP, weights
from mcexplorer.qt.room.invitation import MergeDialog
from mcexplorer.server import running

BM = "business-models"
SHOTS = os.environ.get("MCX_SHOTS")


def loopback_only():
    return [("lo", "127.0.0.1")]


@pytest.fixture
def window(open_window):
    w = open_window(BM)
    w.room.invitation.interfaces = loopback_only
    w.room.invitation.port = 0
    yield w
    w.room.invitation.phones.close()


def trigger(window, name: str) -> None:
    window.findChild(QAction, f"action:{name}").trigger()


def invite(window):
    trigger(window, "invite-room")
    dialog = window.room.invitation.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def post(url: str, fields: dict, path: str | None = None) -> tuple[int, str]:
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname == "127.0.0.1"
    conn = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=20)
    try:
        conn.request("POST", path or parts.path, urllib.parse.urlencode(fields),
                     {"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse()
        return r.status, r.read().decode()
    finally:
        conn.close()


def from_phone(qtbot, url: str, fields: dict, path: str | None = None) -> tuple[int, str]:
    """Send a form from another thread while the GUI thread keeps handling events (as a
    phone would: the window applies the submission on its own thread)."""
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(post, url, fields, path)
        qtbot.waitUntil(future.done, timeout=30_000)
        return future.result()


def refuses(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(5)
        return s.connect_ex(("127.0.0.1", port)) != 0


def test_invite_shows_the_qr_code_address_and_joined_count(window):
    menu_texts = [a.text() for a in window.findChild(QWidget, "menu-room").actions()]
    assert "&Invite the room…" in menu_texts and "C&lose the room" in menu_texts
    dialog = invite(window)
    url = window.room.invitation.phones.url()
    assert url.startswith("http://127.0.0.1:") and "/j/" in url
    assert dialog.findChild(QLabel, "room-url").text() == url
    qr = dialog.findChild(QWidget, "room-qr")
    assert qr.text == url and len(qr.matrix) >= 25
    assert dialog.findChild(QLabel, "room-joined").text() == "0 joined"
    assert window.findChild(QAction, "action:close-room").isEnabled()


def test_each_arrival_is_a_participant_and_one_undo_step(window, qtbot):
    invite(window)
    url = window.room.invitation.phones.url()
    stack = window.controller.undo_stack
    before = stack.count()
    status, body = from_phone(qtbot, url, {"phone": "a" * 30, "name": "Ana",
                                           f"{BM}:risk": 10, f"{BM}:costs": 90})
    assert status == 200 and "You are in the room as Ana." in body
    doc = window.document
    [ana] = doc.scenario.participants
    assert (ana.id, ana.name, ana.weights[BM]) == (participant_id_for("a" * 30), "Ana",
                                                   {"risk": 10, "costs": 90})
    assert stack.count() == before + 1 and stack.text(stack.count() - 1) == \
        "Ana joined from a phone"
    assert window.room.invitation.dialog.joined.text() == "1 joined"
    trigger(window, "show-room")
    chart = window.findChild(QWidget, f"chart:{BM}:participants")
    from_phone(qtbot, url, {"phone": "b" * 30, "name": "Ben", f"{BM}:risk": 70})
    assert weights(doc, BM, GROUP)["risk"] == 40  # the group's median follows
    qtbot.waitUntil(lambda: chart.data.rows and chart.data.rows[0].label == "Risk")
    risk = chart.data.rows[0]  # where the room disagrees: the widest spread on top
    assert (risk.low, risk.high, len(risk.dots)) == (10, 70, 2)
    # Same phone again: updated, not a second person; one more undo step.
    status, body = from_phone(qtbot, url, {"phone": "a" * 30, "name": "Ana", f"{BM}:risk": 30})
    assert status == 200 and "updated" in body
    assert [p.name for p in doc.scenario.participants] == ["Ana", "Ben"]
    assert stack.count() == before + 3
    assert window.room.invitation.dialog.joined.text() == "2 joined"
    stack.undo()
    assert doc.scenario.participants[0].weights[BM]["risk"] == 10


def test_names_from_phones_are_plain_text_in_the_window(window, qtbot):
    invite(window)
    url = window.room.invitation.phones.url()
    name = "<b>Eve</b><img src=x onerror=alert(1)>"
    from_phone(qtbot, url, {"phone": "e" * 30, "name": name})
    combo = window.findChild(QComboBox, "participant-picker")
    assert name in [combo.itemText(i) for i in range(combo.count())]
    window.room.state.pick(window.document.scenario.participants[0].id)
    note = window.findChild(QLabel, f"room-note:{BM}")
    assert note.text().startswith(name) and note.textFormat().name == "PlainText"


def test_lock_keeps_new_phones_out_and_new_code_retires_the_old_address(window, qtbot):
    dialog = invite(window)
    url = window.room.invitation.phones.url()
    from_phone(qtbot, url, {"phone": "a" * 30, "name": "Ana"})
    dialog.findChild(QCheckBox, "room-lock").setChecked(True)
    status, body = from_phone(qtbot, url, {"phone": "b" * 30, "name": "Ben"})
    assert status == 403 and "locked" in body
    assert from_phone(qtbot, url, {"phone": "a" * 30, f"{BM}:risk": 5})[0] == 200
    dialog.findChild(QPushButton, "room-regenerate").click()
    new = window.room.invitation.phones.url()
    assert new != url and dialog.findChild(QLabel, "room-url").text() == new
    assert dialog.qr.text == new
    assert from_phone(qtbot, url, {"phone": "a" * 30, f"{BM}:risk": 6})[0] == 404
    assert [p.name for p in window.document.scenario.participants] == ["Ana"]
    assert window.document.scenario.participants[0].weights[BM]["risk"] == 5


def test_close_the_room_stops_the_server(window, qtbot):
    invite(window)
    port = window.room.invitation.phones.port
    assert not refuses(port)
    trigger(window, "close-room")
    assert refuses(port)
    assert window.room.invitation.dialog is None
    assert not window.findChild(QAction, "action:close-room").isEnabled()


def test_closing_the_window_stops_the_server(open_window, qtbot):
    w = open_window(BM)
    w.room.invitation.interfaces = loopback_only
    w.room.invitation.port = 0
    invite(w)
    port = w.room.invitation.phones.port
    w.controller.undo_stack.setClean()
    assert w.close()
    assert refuses(port)


def test_the_network_picker_lists_addresses_and_moves_the_room(window, qtbot, monkeypatch):
    tried = []
    real_start = running.ServerThread.start

    def start(self):
        tried.append(self.host)
        if self.host != "127.0.0.1":  # never bind anything else in a test
            raise ScenarioError("cannot listen on that address here", field="--port")
        return real_start(self)

    monkeypatch.setattr(running.ServerThread, "start", start)
    window.room.invitation.interfaces = lambda: [("lo", "127.0.0.1"),
                                                 ("wlan0", "192.168.1.23")]
    dialog = invite(window)
    network = dialog.findChild(QComboBox, "room-network")
    assert [network.itemText(i) for i in range(network.count())] == [
        "192.168.1.23 (wlan0, local network)", "127.0.0.1 (lo, this laptop only)"]
    assert tried == ["192.168.1.23"]
    assert "could not open" in dialog.status.text()
    assert not window.room.invitation.phones.is_open
    network.setCurrentIndex(1)
    dialog.findChild(QPushButton, "room-listen").click()
    assert tried == ["192.168.1.23", "127.0.0.1"]
    assert window.room.invitation.phones.url().startswith("http://127.0.0.1:")


def test_the_self_test_says_the_room_answers_and_what_to_do_otherwise(window):
    dialog = invite(window)
    assert "hotspot" in dialog.advice.text()
    dialog.findChild(QPushButton, "room-self-test").click()
    assert "The room answers at this address" in dialog.advice.text()


def test_frameworks_chosen_are_what_phones_weigh(window, qtbot):
    dialog = invite(window)
    url = window.room.invitation.phones.url()
    eco = dialog.frameworks_menu.findChild(QAction, "room-framework:credential-ecology")
    eco.setChecked(False)
    status, body = from_phone(qtbot, url, {"phone": "a" * 30,
                                           "credential-ecology:employability": 5})
    assert status == 400 and "unknown criterion" in body


def test_merge_two_entries_of_one_person(window, qtbot, monkeypatch):
    from mcexplorer.core.room import edits as room_edits
    window.controller.push(room_edits.add_participant(window.document, "Ana typed"))
    invite(window)
    from_phone(qtbot, window.room.invitation.phones.url(),
               {"phone": "a" * 30, "name": "Ana", f"{BM}:risk": 80})

    def exec_(dialog):
        dialog.from_combo.setCurrentIndex(0)
        dialog.into_combo.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", exec_)
    trigger(window, "merge-participants")
    [ana] = window.document.scenario.participants
    assert (ana.name, ana.weights[BM]["risk"]) == ("Ana", 80)
    assert window.controller.undo_stack.text(window.controller.undo_stack.count() - 1) == \
        "Merge Ana typed into Ana"


def test_the_invite_screen_at_1024x768(window, qtbot, tmp_path):
    dialog = invite(window)
    dialog.resize(1024, 768)
    qtbot.wait(10)
    image = dialog.grab().toImage()
    assert (image.width(), image.height()) == (1024, 768)
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image.save(str(folder / "invite-1024x768.png"))
    qr = dialog.qr
    side = min(qr.width(), qr.height())
    assert side / (len(qr.matrix) + 8) >= 6  # at least 6 px a module: scannable off a wall
    url = dialog.url
    assert url.heightForWidth(url.width()) <= url.height()  # the address is never cut
    fm = url.fontMetrics()
    assert fm.horizontalAdvance(url.text()) <= url.width() or url.wordWrap()


def test_opening_another_scenario_closes_the_room(window, qtbot):
    from mcexplorer.core.resources import default_scenario
    invite(window)
    port = window.room.invitation.phones.port
    window.controller.replace_scenario(default_scenario())
    assert refuses(port)
    assert not window.room.invitation.phones.is_open
    assert window.room.invitation.dialog is None


def test_a_submission_still_on_its_way_when_the_room_closes_changes_nothing(window, qtbot):
    from concurrent.futures import Future

    from mcexplorer.core.room.phones import Submission
    invite(window)
    phones = window.room.invitation.phones
    future = phones._hand_over(Submission(participant_id_for("a" * 30), "Late", {}))
    trigger(window, "close-room")
    qtbot.waitUntil(future.done, timeout=10_000)
    assert future.result().status == "refused"
    assert window.document.scenario.participants == []
    assert isinstance(future, Future)


def test_the_facilitator_sets_the_port_and_a_taken_one_is_explained(window, qtbot):
    dialog = invite(window)
    code = window.room.invitation.phones.server.token
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        busy = taken.getsockname()[1]
        dialog.port.setValue(busy)
        dialog.findChild(QPushButton, "room-listen").click()
        assert f"cannot listen on 127.0.0.1 port {busy}" in dialog.status.text()
        assert not window.room.invitation.phones.is_open
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    dialog.port.setValue(free)
    dialog.findChild(QPushButton, "room-listen").click()
    url = window.room.invitation.phones.url()
    assert url == f"http://127.0.0.1:{free}/j/{code}/"  # same code on the new port
    assert from_phone(qtbot, url, {"phone": "a" * 30, "name": "Ana"})[0] == 200
