"""Rate limits per client address: a token bucket each, refilled with time.

A phone submitting a few times a minute never meets the limit; a script hammering the server
gets 429 after its burst. The table of clients is bounded (the oldest entry is dropped), so a
flood of addresses cannot fill memory. No Qt here.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

MAX_CLIENTS = 4096


class RateLimiter:
    def __init__(self, burst: int = 40, per_second: float = 2.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.per_second = per_second
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, client: str) -> bool:
        """Take one request from ``client``'s bucket; False when it is empty."""
        now = self.clock()
        tokens, last = self._buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.per_second)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > MAX_CLIENTS:
            self._buckets.popitem(last=False)
        return allowed
