"""Requests per minute per key (an address, a device), as token buckets in this process's memory.

In memory on purpose: the limit only has to slow guessing down (the lock-out and the enrolment code do the rest),
it must cost nothing when the database is busy, and it must never be a row an attacker can make us write. Several
server processes each keep their own buckets: the workers of one ``serve --workers N`` each take ``share`` = 1/N of
the rate, so that together they allow no more than configured; separate ``serve`` commands (other machines) each
allow the whole rate (docs/FLEET.md).
"""

from __future__ import annotations

import threading
import time

MAX_KEYS = 50_000  # beyond this, full buckets are forgotten (they hold nothing), so memory stays bounded


class RateLimiter:
    def __init__(self, clock=time.monotonic, share: float = 1.0):
        self._clock = clock
        self._share = share
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.Lock()

    def wait(self, scope: str, key: str, per_minute: int) -> float:
        """Takes one request from the bucket; returns 0 when allowed, else the seconds until one is free."""
        if per_minute <= 0:
            return 0.0
        # Never below one a minute: a bucket that can never hold a whole token would refuse everyone.
        per_minute = max(1.0, per_minute * self._share)
        now = self._clock()
        rate = per_minute / 60.0
        with self._lock:
            tokens, at = self._buckets.get((scope, key), (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - at) * rate)
            if tokens < 1.0:
                self._buckets[(scope, key)] = (tokens, now)
                return (1.0 - tokens) / rate
            self._buckets[(scope, key)] = (tokens - 1.0, now)
            if len(self._buckets) > MAX_KEYS:
                self._forget_full(now)
            return 0.0

    def _forget_full(self, now: float) -> None:
        for bucket_key, (_tokens, at) in list(self._buckets.items()):
            if now - at > 60.0:  # idle for a minute: refilled, whatever its rate
                del self._buckets[bucket_key]
