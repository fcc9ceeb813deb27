"""Exponential backoff with full jitter, waiting on a cancel event so that a cancel is never stuck behind a sleep.

Full jitter (a random wait between 0 and the exponential cap) spreads the laptops of a whole district that lose
the same tower at once, so they do not all come back in the same second when it returns.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field


class Cancelled(Exception):
    """The user cancelled the sync; nothing half-done is left that the next run cannot finish."""


@dataclass
class Backoff:
    base: float = 0.5  # seconds before the first retry, at most
    cap: float = 60.0  # longest single wait: on a 2G link the tower is often back within a minute
    factor: float = 2.0
    rng: random.Random = field(default_factory=random.Random)
    attempt: int = 0

    def next_delay(self) -> float:
        ceiling = min(self.cap, self.base * self.factor ** self.attempt)
        self.attempt += 1
        return self.rng.uniform(ceiling / 2, ceiling) if self.attempt == 1 else self.rng.uniform(0, ceiling)

    def reset(self) -> None:
        self.attempt = 0


def wait(cancel: threading.Event | None, seconds: float) -> None:
    """Sleeps, or raises Cancelled as soon as the event is set."""
    if cancel is None:
        threading.Event().wait(seconds)
        return
    if cancel.wait(seconds):
        raise Cancelled()


def check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()
