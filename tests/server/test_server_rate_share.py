"""The workers of one ``serve --workers N`` each allow 1/N of a door's rate, so that together they allow what the
settings say; never less than one a minute, or the door would be shut."""

from __future__ import annotations

from server.core.rate_limit import RateLimiter


def _allowed(limiter: RateLimiter, per_minute: int, tries: int = 50) -> int:
    return sum(1 for _ in range(tries) if limiter.wait("session:address", "10.0.0.7", per_minute) == 0)


def test_each_of_four_workers_allows_a_quarter():
    clock = [0.0]
    workers = [RateLimiter(clock=lambda: clock[0], share=1 / 4) for _ in range(4)]
    assert sum(_allowed(w, 20) for w in workers) == 20
    clock[0] += 60  # a minute later each bucket is full again
    assert _allowed(workers[0], 20) == 5


def test_a_share_never_shuts_the_door():
    limiter = RateLimiter(clock=lambda: 0.0, share=1 / 8)
    assert _allowed(limiter, 2) == 1  # 2 x 1/8 would be a quarter of a request a minute: none at all
