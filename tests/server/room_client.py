"""A small HTTP client for the room's server on 127.0.0.1 (never any other address), with a
timeout on every request, and the Room the fixtures start."""

from __future__ import annotations

import http.client
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from mcexplorer.core.validation import load_scenario
from mcexplorer.server.app import RoomServer
from mcexplorer.server.headless import FileRoom
from mcexplorer.server.running import ServerThread

HOST = "127.0.0.1"
TIMEOUT = 10
BM = "business-models"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str
    cookies: dict[str, str] = field(default_factory=dict)


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> Reply:
    """One request to 127.0.0.1:port, bounded by TIMEOUT seconds."""
    conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        text = r.read().decode("utf-8", "replace")
        cookies = {}
        for name, value in r.getheaders():
            if name.lower() == "set-cookie":
                k, _, rest = value.partition("=")
                cookies[k] = rest.split(";")[0]
        return Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, text, cookies)
    finally:
        conn.close()


def form(fields: dict[str, object]) -> bytes:
    return urllib.parse.urlencode({k: str(v) for k, v in fields.items()}).encode()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@dataclass
class Room:
    server: RoomServer
    thread: ServerThread
    file: Path
    room: FileRoom

    @property
    def port(self) -> int:
        return self.thread.port

    @property
    def path(self) -> str:
        return self.server.path

    def post(self, fields: dict[str, object], headers: dict[str, str] | None = None,
             path: str | None = None) -> Reply:
        return request(self.port, "POST", path or self.path, form(fields),
                       {**FORM, **(headers or {})})

    def get(self, path: str | None = None, headers: dict[str, str] | None = None) -> Reply:
        return request(self.port, "GET", path or self.path, None, headers)

    def people(self):
        return load_scenario(self.file)[0].participants


def phone(i: int) -> str:
    return f"phone{i:025d}"
