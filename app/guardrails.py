"""The province's guardrails on this laptop: how much a user may hold back before new registrations are refused.

The limits come down with the sync (``sync/PROTOCOL.md``, Guardrails) and are kept in ``app_meta``; what they are
measured against is counted here from the local database, for the user logged in, so the block holds offline:

- records waiting for a supervisor's review (status submitted),
- records not handed over (waiting to be sent: ``record_changes.waiting()``),
- days since the last hand-over (the user's last sync that ended well).

At a limit only NEW registrations are refused (``check_new_registration``, called where a record is created).
Drafts, corrections of returned records, receipts and the sync itself go on: they are how the officer gets back
under the limit, and nothing typed may be lost.

"Handed over" is a sync that ended well, or a batch file written for the supervisor (sync/handover/): its records
are handed over at the version written (``HandedOver``), and writing it is a hand-over in ``_last_handover``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from app import record_changes, status
from app.auth import Actor
from app.errors import (MSG_BLOCKED_DAYS, MSG_BLOCKED_NOT_HANDED_OVER, MSG_BLOCKED_WAITING_REVIEW,
                        NewRegistrationsBlocked)
from db.models import HandedOver, HandoverFile, Meta, Registration, SyncLog

LIMITS_KEY = "guardrail_limits"  # app_meta: the newest limits pulled, as JSON
WAITING_REVIEW, NOT_HANDED_OVER, DAYS_SINCE_HANDOVER = "waiting_review", "not_handed_over", "days_since_handover"
WARN_SHARE = 0.2  # amber on Home when this share of the limit or less is left
_MESSAGES = {WAITING_REVIEW: MSG_BLOCKED_WAITING_REVIEW, NOT_HANDED_OVER: MSG_BLOCKED_NOT_HANDED_OVER,
             DAYS_SINCE_HANDOVER: MSG_BLOCKED_DAYS}


@dataclass(frozen=True)
class Limits:
    """0 is no limit."""

    max_waiting_review: int = 0
    max_not_handed_over: int = 0
    max_days_since_handover: int = 0
    set_at: str | None = None  # when the province set them (server time)

    def of(self, key: str) -> int:
        return getattr(self, f"max_{key}")


@dataclass(frozen=True)
class Guardrail:
    key: str  # WAITING_REVIEW, NOT_HANDED_OVER or DAYS_SINCE_HANDOVER
    limit: int
    count: int  # records, or whole days

    @property
    def left(self) -> int:
        """How many more (records, days) before new registrations are blocked."""
        return max(self.limit - self.count, 0)

    @property
    def blocked(self) -> bool:
        return self.left == 0

    @property
    def close(self) -> bool:
        """Near enough to warn: at most WARN_SHARE of the limit left (at least one), and not yet blocked."""
        return not self.blocked and self.left <= max(1, int(self.limit * WARN_SHARE))

    def error(self) -> NewRegistrationsBlocked:
        return NewRegistrationsBlocked(_MESSAGES[self.key], count=self.count, limit=self.limit)


@dataclass(frozen=True)
class GuardrailState:
    guardrails: tuple[Guardrail, ...]  # only the limits that are set, in a fixed order

    @property
    def blocking(self) -> Guardrail | None:
        return next((g for g in self.guardrails if g.blocked), None)

    @property
    def blocked(self) -> bool:
        return self.blocking is not None


def stored_limits(session: Session) -> Limits:
    row = session.get(Meta, LIMITS_KEY)
    if row is None:
        return Limits()
    try:
        values = json.loads(row.value)
        return Limits(**{k: values[k] for k in ("max_waiting_review", "max_not_handed_over",
                                                "max_days_since_handover")}, set_at=values.get("set_at"))
    except (ValueError, KeyError, TypeError):
        return Limits()  # never written so by this module; a damaged row must not block anyone


def store_limits(session: Session, limits: Limits) -> bool:
    """Keeps the limits a sync pulled (the newest replace the old); False when they were already so."""
    if stored_limits(session) == limits:
        return False
    session.merge(Meta(key=LIMITS_KEY, value=json.dumps(vars(limits))))
    return True


def state(session: Session, *, actor: Actor, now: datetime) -> GuardrailState:
    """Each limit that is set, with the user's count against it."""
    limits = stored_limits(session)
    counters = {WAITING_REVIEW: lambda: _waiting_review(session, actor.user_id),
                NOT_HANDED_OVER: lambda: _not_handed_over(session, actor.user_id),
                DAYS_SINCE_HANDOVER: lambda: _days_since_handover(session, actor.user_id, now)}
    return GuardrailState(tuple(Guardrail(key, limits.of(key), count()) for key, count in counters.items()
                                if limits.of(key) > 0))


def check_new_registration(session: Session, *, actor: Actor, now: datetime) -> None:
    """Raises ``NewRegistrationsBlocked`` (its message says what to do) when a limit is reached."""
    blocking = state(session, actor=actor, now=now).blocking
    if blocking is not None:
        raise blocking.error()


def _waiting_review(session: Session, user_id: str) -> int:
    return session.scalar(select(func.count()).select_from(Registration)
                          .where(Registration.owner_id == user_id, Registration.status == status.SUBMITTED))


def _not_handed_over(session: Session, user_id: str) -> int:
    # A record written to a batch file at its current version is handed over, though the server has not seen it.
    in_a_file = exists().where(HandedOver.registration_id == Registration.id,
                               HandedOver.version == Registration.version)
    return session.scalar(select(func.count()).select_from(Registration)
                          .where(Registration.owner_id == user_id, record_changes.waiting(), ~in_a_file))


def _last_handover(session: Session, user_id: str) -> datetime | None:
    synced = session.scalar(select(func.max(SyncLog.finished_at))
                            .where(SyncLog.user_id == user_id, SyncLog.result == "ok"))
    # Writing a batch file for the supervisor is a hand-over as well, with its own time.
    written = session.scalar(select(func.max(HandoverFile.handled_at))
                             .where(HandoverFile.user_id == user_id, HandoverFile.direction == "out",
                                    HandoverFile.file_type == "batch"))
    return max((t for t in (synced, written) if t is not None), default=None)


def _days_since_handover(session: Session, user_id: str, now: datetime) -> int:
    """Whole days since the user's last hand-over; a user who never handed anything over counts from their first
    record on this laptop (before it there was nothing to hand over), and one with no records counts none."""
    since = _last_handover(session, user_id)
    if since is None:
        since = session.scalar(select(func.min(Registration.created_at)).where(Registration.owner_id == user_id))
    if since is None:
        return 0
    return max((now - since).days, 0)
