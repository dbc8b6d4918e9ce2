"""The laptop's addresses and the self-test.

``laptop_addresses(source)`` lists the IPv4 addresses phones could reach, from ``source``: a
function returning (interface name, address) pairs. The window and the CLI pass
``system_interfaces`` (the real list); tests pass a made-up one, so nothing here ever has to
touch a real network to be tested. The self-test asks the room's own server, through the
address the facilitator chose, for ``ping``: it shows the server answers on that network (a
firewall on the laptop would stop it); whether phones get through (Wi-Fi that isolates
clients) only a phone can show, so the dialog also counts the phones that opened the page.
No Qt here.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

InterfaceSource = Callable[[], Iterable[tuple[str, str]]]
SELF_TEST_TIMEOUT = 3.0


@dataclass(frozen=True)
class Address:
    interface: str
    ip: str

    @property
    def kind(self) -> str:
        """``network`` (a private LAN or hotspot), ``public``, ``link-local`` or ``loopback``
        (this laptop only: no phone can use it)."""
        a = ipaddress.ip_address(self.ip)
        if a.is_loopback:
            return "loopback"
        if a.is_link_local:
            return "link-local"
        return "network" if a.is_private else "public"

    def label(self) -> str:
        words = {"loopback": "this laptop only", "link-local": "link-local",
                 "network": "local network", "public": "public address"}
        return f"{self.ip} ({self.interface}, {words[self.kind]})"


_ORDER = {"network": 0, "public": 1, "link-local": 2, "loopback": 3}


def laptop_addresses(source: InterfaceSource) -> list[Address]:
    """IPv4 addresses from ``source``, the local networks first, this-laptop-only last;
    malformed entries and duplicates dropped."""
    seen: dict[str, Address] = {}
    for name, ip in source():
        try:
            a = ipaddress.ip_address(str(ip))
        except ValueError:
            continue
        if a.version != 4 or a.is_unspecified or a.is_multicast or str(a) in seen:
            continue
        seen[str(a)] = Address(str(name) or "?", str(a))
    return sorted(seen.values(), key=lambda x: (_ORDER[x.kind], x.interface, x.ip))


def system_interfaces() -> list[tuple[str, str]]:
    """This computer's (interface, IPv4 address) pairs. Read from the system only: no
    packet is sent. Linux asks each interface; elsewhere the host name's addresses."""
    pairs: list[tuple[str, str]] = []
    if sys.platform.startswith("linux"):
        import fcntl
        import struct

        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            for _, name in socket.if_nameindex():
                try:
                    packed = fcntl.ioctl(s.fileno(), 0x8915,  # SIOCGIFADDR
                                         struct.pack("256s", name.encode()[:15]))
                except OSError:
                    continue
                pairs.append((name, socket.inet_ntoa(packed[20:24])))
        return pairs
    try:  # pragma: no cover - macOS, Windows
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    pairs = [("network", info[4][0]) for info in infos]  # pragma: no cover
    return pairs + [("loopback", "127.0.0.1")]  # pragma: no cover


@dataclass(frozen=True)
class SelfTest:
    ok: bool
    message: str


ADVICE = ("If no phone gets through: the Wi-Fi may keep its devices apart (common on campus "
          "networks). Turn on the laptop's hotspot, or a phone's, have everyone join it, and "
          "pick that network here. Otherwise, type people's weights in the window "
          "(Room > Add participant).")


def self_test(url: str, timeout: float = SELF_TEST_TIMEOUT) -> SelfTest:
    """Ask the room's server for ``ping`` at ``url`` (the join URL): one request, bounded
    in time."""
    ping = url.rstrip("/") + "/ping"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(ping, timeout=timeout) as response:
            body = response.read(16)
    except (OSError, urllib.error.URLError) as exc:
        reason = getattr(exc, "reason", exc)
        return SelfTest(False, f"The laptop cannot reach its own room at this address "
                               f"({reason}). A firewall may block the port: allow it, or "
                               f"pick another network. {ADVICE}")
    if body != b"ok":
        return SelfTest(False, f"Something else answers at this address. {ADVICE}")
    return SelfTest(True, "The room answers at this address. Phones on the same network "
                          f"should get through. {ADVICE}")
