"""When a form saves by itself: a moment after the officer stops typing, and, while they type without pause, no
later than ``MAX_WAIT_FACTOR`` autosave periods after the first change not yet saved. A pure debounce, restarted
by every key, would never save an officer who types on; the deadline is what bounds what a crash can lose.

Free of Qt so that this guarantee is tested with a fake clock (tests/test_autosave_policy.py); the page owns the
single-shot timer and starts it with what ``edited`` answers.
"""

from __future__ import annotations

MAX_WAIT_FACTOR = 1.5


class AutosavePolicy:
    def __init__(self) -> None:
        self._dirty_since: float | None = None

    def edited(self, now: float, period: float) -> float:
        """An edit at ``now`` (monotonic seconds) with autosave every ``period`` seconds: the seconds to wait
        before saving. The period is passed on every edit because the officer may change it in the settings."""
        period = max(0.0, float(period))
        if self._dirty_since is None:
            self._dirty_since = now
        deadline = self._dirty_since + period * MAX_WAIT_FACTOR
        return max(0.0, min(period, deadline - now))

    def saved(self) -> None:
        """Everything edited so far was handed to a save: the next edit starts a new wait."""
        self._dirty_since = None
