"""The laptop's addresses and the self-test, from a made-up list of interfaces: nothing here
reads the real network, and the only address ever used is 127.0.0.1."""

from __future__ import annotations

from room_client import HOST

from mcexplorer.server.network import ADVICE, laptop_addresses, self_test
from mcexplorer.server.running import join_url


def fake_interfaces():
    return [("lo", "127.0.0.1"), ("wlan0", "192.168.1.23"), ("eth0", "10.0.0.5"),
            ("docker0", "not an address"), ("wlan0", "192.168.1.23"), ("v6", "fe80::1"),
            ("usb0", "169.254.3.4"), ("any", "0.0.0.0")]


def test_addresses_list_local_networks_first_and_this_laptop_only_last():
    found = laptop_addresses(fake_interfaces)
    assert [a.ip for a in found] == ["10.0.0.5", "192.168.1.23", "169.254.3.4", "127.0.0.1"]
    assert found[1].label() == "192.168.1.23 (wlan0, local network)"
    assert found[-1].label() == "127.0.0.1 (lo, this laptop only)"
    assert laptop_addresses(lambda: []) == []


def test_the_self_test_passes_when_the_room_answers(room):
    result = self_test(room.thread.url())
    assert result.ok and "answers" in result.message


def test_the_self_test_advises_a_hotspot_when_nothing_answers(room):
    url = room.thread.url()
    room.thread.stop()
    result = self_test(url, timeout=3)
    assert not result.ok
    assert "hotspot" in result.message and ADVICE in result.message
    assert "Add participant" in ADVICE


def test_a_wrong_code_fails_the_self_test(room):
    port = room.port
    result = self_test(join_url(HOST, port, "b" * 32), timeout=3)
    assert not result.ok
