"""Running a RoomServer: on a background thread (the window) or until a signal (the CLI).

Either way it listens on exactly one address, the one given (never a wildcard), and after
``stop`` (or the signal) nothing listens: the listening socket and every open connection are
closed. A failure to listen (port taken, address not this computer's) is one line in a
ScenarioError. No Qt here.
"""

from __future__ import annotations

import asyncio
import ipaddress
import signal
import threading
from collections.abc import Callable

from aiohttp import web

from ..core.errors import ScenarioError
from .app import RoomServer

START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0
KEEPALIVE = 15.0


def check_host(host: str) -> str:
    """One address of this computer, never a wildcard (0.0.0.0, ::, "")."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ScenarioError(f"{host!r} is not an IP address of this computer",
                            field="--host") from None
    if address.is_unspecified:
        raise ScenarioError("give one address of this computer, not a wildcard: the room "
                            "listens on the network you choose only", field="--host")
    return str(address)


def check_port(port: int) -> int:
    if not 0 <= int(port) <= 65535:
        raise ScenarioError(f"{port} is not a port (0-65535; 0 picks a free one)",
                            field="--port")
    return int(port)


async def _start(server: RoomServer, host: str, port: int) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(server.make_app(), access_log=None, handle_signals=False,
                           shutdown_timeout=1.0, keepalive_timeout=KEEPALIVE)
    await runner.setup()
    site = web.TCPSite(runner, host, port, backlog=64)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise ScenarioError(f"cannot listen on {host} port {port}: "
                            f"{exc.strerror or exc}", field="--port") from None
    bound = runner.addresses[0][1]
    return runner, int(bound)


class ServerThread:
    """A RoomServer on its own thread with its own asyncio loop."""

    def __init__(self, server: RoomServer, host: str, port: int = 0) -> None:
        self.server = server
        self.host = check_host(host)
        self.port = check_port(port)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def url(self) -> str:
        return join_url(self.host, self.port, self.server.token)

    def start(self) -> int:
        """Listen; the port bound (the one asked, or a free one for 0). ScenarioError when
        the address or port cannot be used."""
        self._ready.clear()
        self._error = None
        self._thread = threading.Thread(target=self._run, name="room-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise ScenarioError("the room's server did not start in time", field="server")
        if self._error is not None:
            self._thread.join(STOP_TIMEOUT)
            self._thread = None
            raise self._error
        return self.port

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._error = exc if isinstance(exc, ScenarioError) else ScenarioError(
                f"the room's server stopped: {exc}", field="server")
            self._ready.set()
        finally:
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        runner, self.port = await _start(self.server, self.host, self.port)
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()

    def stop(self) -> None:
        """Stop listening and close every connection; waits for the thread (bounded)."""
        thread, loop, stop = self._thread, self._loop, self._stop
        if thread is None:
            return
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:
                pass  # the loop has just closed
        thread.join(STOP_TIMEOUT)
        self._thread = None


def join_url(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/j/{token}/"


def serve_until_signal(server: RoomServer, host: str, port: int,
                       on_ready: Callable[[str], None]) -> int:
    """The CLI's loop: listen, call ``on_ready(url)``, stop cleanly on SIGINT or SIGTERM
    (exit code 0)."""
    host, port = check_host(host), check_port(port)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # pragma: no cover - Windows
                signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
        runner, bound = await _start(server, host, port)
        try:
            on_ready(join_url(host, bound, server.token))
            await stop.wait()
        finally:
            await runner.cleanup()

    asyncio.run(main())
    return 0
