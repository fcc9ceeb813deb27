"""The province's guardrails (``jemput-server set-limits``, later the web console): limits on what a laptop's user
may hold back before the laptop refuses new registrations. The server stores one row and tells every device with
a ``limits`` change in the feed; the counting and the block are the laptop's (``app/guardrails.py``), since they
must hold offline, where the records are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from server.core.db import lock_feed
from server.models import GuardrailLimits
from server.services import feed
from sync.answers import LimitsChange
from sync.payload import MAX_INT, format_time

ROW_ID = 1


class LimitsError(Exception):
    """Limits that cannot be set; nothing was changed."""


@dataclass(frozen=True)
class Limits:
    max_waiting_review: int = 0
    max_not_handed_over: int = 0
    max_days_since_handover: int = 0

    def check(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_INT:
                raise LimitsError(f"{name.replace('_', '-')} must be a whole number from 0 (no limit) to {MAX_INT}")


def current(*, session: Session) -> Limits:
    row = session.get(GuardrailLimits, ROW_ID)
    if row is None:
        return Limits()
    return Limits(row.max_waiting_review, row.max_not_handed_over, row.max_days_since_handover)


def set_limits(*, session: Session, now: datetime, limits: Limits) -> bool:
    """Stores ``limits`` and announces them to every device; False when they were already so (no feed entry)."""
    limits.check()
    lock_feed(session)  # two administrators at once: one after the other, each with its own feed entry
    row = session.get(GuardrailLimits, ROW_ID)
    if row is not None and current(session=session) == limits:
        return False
    if row is None:
        row = GuardrailLimits(id=ROW_ID)
        session.add(row)
    row.max_waiting_review = limits.max_waiting_review
    row.max_not_handed_over = limits.max_not_handed_over
    row.max_days_since_handover = limits.max_days_since_handover
    row.set_at = now
    session.flush()
    feed.add(session=session, now=now, user_id=None, change=LimitsChange(
        max_waiting_review=limits.max_waiting_review, max_not_handed_over=limits.max_not_handed_over,
        max_days_since_handover=limits.max_days_since_handover, set_at=format_time(now)))
    return True
