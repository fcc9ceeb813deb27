"""What the sync status bar and the sync page read, as frozen values that cross to the UI thread by name.

Read-only and Qt-free; the services they read are ``app.sync_state``'s. Who sees whose records is
``app.visibility``'s rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app import auth, sync_state
from app.auth import Actor
from app.sync_state import ConflictView, Rejected
from app.visibility import owner_filter

# How far back the status bar looks for the last run that went through.
LAST_OK_LOOKBACK = 20


@dataclass(frozen=True)
class SyncStatus:
    """For the status bar and for deciding whether to sync on its own."""

    actor: Actor  # as the database has them now (enrolment may have given the account the server's id)
    enrolled: bool
    server_url: str | None
    pending: int  # records waiting to be sent that this actor sees
    last_ok: datetime | None  # when the last successful run finished


@dataclass(frozen=True)
class SyncRun:
    """One line of the sync log."""

    started_at: datetime
    username: str
    result: str  # running | ok | cancelled | offline | refused | error
    sent: int
    accepted: int  # duplicates included: the server has them either way
    rejected: int
    conflicts: int
    pulled: int
    bytes_up: int
    bytes_down: int
    message: str


@dataclass(frozen=True)
class SyncLists:
    """The sync page's tabs."""

    rejected: list[Rejected]
    conflicts: list[ConflictView]
    runs: list[SyncRun]


def sync_status(session: Session, *, actor: Actor) -> SyncStatus:
    current = auth.current_actor(session, actor=actor)
    last = next((e for e in sync_state.sync_log(session, limit=LAST_OK_LOOKBACK) if e.result == "ok"), None)
    return SyncStatus(current, sync_state.is_enrolled(session), sync_state.server_url(session),
                      sync_state.pending_count(session, owner_id=owner_filter(current)),
                      last.finished_at if last else None)


def sync_lists(session: Session, *, actor: Actor) -> SyncLists:
    owner = owner_filter(actor)
    runs = [SyncRun(e.started_at, e.username, e.result, e.sent, e.accepted + e.duplicates, e.rejected, e.conflicts,
                    e.changes_pulled, e.bytes_up, e.bytes_down, e.message) for e in sync_state.sync_log(session)]
    return SyncLists(sync_state.rejected(session, owner_id=owner), sync_state.conflicts(session, owner_id=owner),
                     runs)
