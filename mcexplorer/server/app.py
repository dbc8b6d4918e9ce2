"""RoomServer: the aiohttp application phones talk to.

Routes, all under the room's token (at least 128 bits; anything else is 404 and changes
nothing):

    GET  /j/TOKEN/           the page (the phone's last values when it sent some)
    POST /j/TOKEN/           a submission (application/x-www-form-urlencoded only)
    GET  /j/TOKEN/page.css   the page's stylesheet
    GET  /j/TOKEN/page.js    the page's small script (slider values as they move)
    GET  /j/TOKEN/ping       "ok": the laptop's self-test

Every response carries a Content-Security-Policy that allows nothing from elsewhere, and
no-store. Bodies above 16 KB, forms with more fields than the room has criteria, names above
80 characters, numbers that are not finite or lie outside 0-100 and unknown criterion ids are
refused (4xx, a message on the page, nothing changed); each client address has a rate limit.
A submission is handed to ``apply`` (the window's GUI thread, or the scenario file of
``room serve``), which answers with a concurrent Future of an Outcome; the phone waits for it
at most ``apply_timeout`` seconds. No endpoint returns anyone's name or weights but the
phone's own. No Qt here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hmac
import logging
import secrets
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from urllib.parse import parse_qsl

from aiohttp import web

from ..core.errors import ScenarioError
from ..core.room.models import MAX_PARTICIPANTS
from ..core.room.phones import (
    Outcome,
    RoomSpec,
    Submission,
    is_phone_token,
    parse_submission,
    participant_id_for,
)
from . import page
from .limits import RateLimiter

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024
"""Largest request body accepted (bytes)."""
COOKIE = "mcx_phone"
COOKIE_AGE = 24 * 3600
TOKEN_BYTES = 20
"""160 bits of room token (32 base-32 characters)."""
READ_TIMEOUT = 10.0
CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
ASSETS = {"page.css": "text/css", "page.js": "text/javascript"}
NOT_FOUND = ("Not found. If you scanned a room's code, it may have changed or the room may be "
             "closed: scan the code on the screen again.")

Apply = Callable[[Submission], "Future[Outcome]"]


def new_token() -> str:
    """An unguessable room code: 160 random bits, lower-case base 32 (easy to read aloud)."""
    import base64

    return base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode("ascii").lower()


class RoomServer:
    """One open room: its spec, its token, whether it is locked, and the aiohttp app."""

    def __init__(self, spec: RoomSpec, apply: Apply, *, token: str | None = None,
                 limiter: RateLimiter | None = None, apply_timeout: float = 10.0) -> None:
        self.spec = spec
        self.apply = apply
        self.token = token or new_token()
        self.locked = False
        """No new phones while True (phones already in the room may still update)."""
        self.limiter = limiter or RateLimiter()
        self.apply_timeout = apply_timeout
        self.page_views = 0
        """How many times a phone opened the page (the self-test's evidence)."""
        self.submissions = 0
        self._last: OrderedDict[str, tuple[str, dict[str, float]]] = OrderedDict()
        """Participant id -> the name and values that phone last sent (to show it again)."""

    @property
    def path(self) -> str:
        return f"/j/{self.token}/"

    def regenerate(self) -> str:
        """A new code: the old address (and QR) gets 404 from now on."""
        self.token = new_token()
        return self.token

    # -- the application ----------------------------------------------------------------------

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, client_max_fields=64,
                              middlewares=[self._guard])
        app.router.add_get("/j/{token}/", self._page)
        app.router.add_post("/j/{token}/", self._submit)
        app.router.add_get("/j/{token}/ping", self._ping)
        app.router.add_get("/j/{token}/{asset}", self._asset)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        """Rate limit, the room's token, headers on every answer, no traceback to anyone."""
        if not self.limiter.allow(request.remote or "?"):
            response: web.StreamResponse = web.Response(
                status=429, text="Too many requests: wait a moment and send again.",
                headers={"Retry-After": "5"})
        elif not self._token_ok(request.match_info.get("token", "")):
            response = web.Response(status=404, text=NOT_FOUND)
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                response = web.Response(status=exc.status, text=exc.reason or "Refused")
            except Exception as exc:  # noqa: BLE001 - a phone never sees a traceback
                log.warning("room server: %s: %s", type(exc).__name__, exc)
                response = web.Response(status=500, text="Something went wrong; send again.")
        response.headers.update(HEADERS)
        return response

    def _token_ok(self, token: str) -> bool:
        return hmac.compare_digest(token.encode("ascii", "replace"),
                                   self.token.encode("ascii"))

    # -- handlers -----------------------------------------------------------------------------

    async def _ping(self, request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.match_info["asset"]
        if name not in ASSETS:
            return web.Response(status=404, text=NOT_FOUND)
        return web.Response(text=page.asset(name), content_type=ASSETS[name])

    async def _page(self, request: web.Request) -> web.Response:
        self.page_views += 1
        phone = request.cookies.get(COOKIE, "")
        if not is_phone_token(phone):
            phone = secrets.token_urlsafe(24)
        name, values = self._last.get(participant_id_for(phone), ("", {}))
        return self._html(request, phone, name=name, values=values)

    async def _submit(self, request: web.Request) -> web.Response:
        if request.content_type != "application/x-www-form-urlencoded":
            return web.Response(status=415, text="Send the form as the page does.")
        if (request.content_length or 0) > MAX_BODY:
            return web.Response(status=413, text="Too much data.")
        body = await asyncio.wait_for(request.read(), READ_TIMEOUT)
        try:
            text = body.decode("utf-8")
            fields = parse_qsl(text, keep_blank_values=True, max_num_fields=self._max_fields())
        except (UnicodeDecodeError, ValueError):
            return web.Response(status=400, text="The form could not be read.")
        sent = dict(fields)
        phone = sent.get("phone") or request.cookies.get(COOKIE, "")
        values = {k: v for k, v in sent.items() if k not in ("phone", "name")}
        try:
            sub = parse_submission(self.spec, phone, fields, allow_new=not self.locked)
        except ScenarioError as exc:
            if not is_phone_token(phone):
                return web.Response(status=400, text="Open the room's address again.")
            return self._html(request, phone, name=sent.get("name", "")[:200],
                              values=_numbers(values), message=f"Not sent: {exc.message}",
                              ok=False, status=400)
        last = self._last.get(sub.participant_id)
        if last is not None:
            sub = dataclasses.replace(sub, sent_before=last[0])
        outcome = await self._apply(sub)
        shown = {f"{fid}:{cid}": v for fid, vs in sub.weights.items() for cid, v in vs.items()}
        if outcome.accepted:
            self.submissions += 1
            self._remember(sub.participant_id, sub.name, shown)
        return self._html(request, phone, name=sub.name, values=shown,
                          message=outcome.message, ok=outcome.accepted,
                          status=200 if outcome.accepted else 403)

    async def _apply(self, sub: Submission) -> Outcome:
        try:
            future = self.apply(sub)
            return await asyncio.wait_for(asyncio.wrap_future(future), self.apply_timeout)
        except TimeoutError:
            return Outcome("refused", "The laptop did not answer in time; send again.")
        except ScenarioError as exc:
            return Outcome("refused", exc.message)

    # -- helpers ------------------------------------------------------------------------------

    def _max_fields(self) -> int:
        return sum(len(fw.criteria) for fw in self.spec.frameworks) + 2

    def _remember(self, participant_id: str, name: str, values: dict[str, float]) -> None:
        self._last.pop(participant_id, None)
        self._last[participant_id] = (name, values)
        while len(self._last) > MAX_PARTICIPANTS:
            self._last.popitem(last=False)

    def _html(self, request: web.Request, phone: str, *, name: str = "",
              values: dict[str, float] | None = None, message: str = "", ok: bool = True,
              status: int = 200) -> web.Response:
        text = page.render(self.spec, phone=phone, name=name, values=values, message=message,
                           ok=ok, dir=page.direction(request.headers.get("Accept-Language")))
        response = web.Response(text=text, content_type="text/html", status=status)
        response.set_cookie(COOKIE, phone, max_age=COOKIE_AGE, path="/j/", httponly=True,
                            samesite="Strict")
        return response


def _numbers(values: dict[str, str]) -> dict[str, float]:
    """The slider values a refused form sent, where they are numbers 0-100 (to show again)."""
    out = {}
    for key, value in values.items():
        try:
            number = float(value)
        except ValueError:
            continue
        if 0.0 <= number <= 100.0:
            out[key] = number
    return out
