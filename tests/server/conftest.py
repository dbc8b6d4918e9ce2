"""A room's server on 127.0.0.1 (never any other address), over a scenario file."""

from __future__ import annotations

from pathlib import Path

import pytest
from room_client import HOST, Room

from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.room.phones import room_spec
from mcexplorer.server.app import RoomServer
from mcexplorer.server.headless import FileRoom
from mcexplorer.server.limits import RateLimiter
from mcexplorer.server.running import ServerThread


@pytest.fixture
def scenario_file(tmp_path) -> Path:
    path = tmp_path / "room.json"
    save_scenario(path, default_scenario())
    return path


@pytest.fixture
def make_room(scenario_file):
    started: list[ServerThread] = []

    def make(limiter: RateLimiter | None = None, frameworks=None) -> Room:
        room = FileRoom(scenario_file)
        spec = room_spec(room.document.frameworks, frameworks, "Workshop")
        server = RoomServer(spec, room.apply,
                            limiter=limiter or RateLimiter(burst=10_000, per_second=1000))
        thread = ServerThread(server, HOST, 0)
        thread.start()
        started.append(thread)
        return Room(server, thread, scenario_file, room)

    yield make
    for t in started:
        t.stop()


@pytest.fixture
def room(make_room) -> Room:
    return make_room()
