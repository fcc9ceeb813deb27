"""The changes feed that devices pull: status set centrally, records returned by a supervisor, accounts, reference
lists. Every entry is one of sync/answers.py's change types, stored as its fields and read back with the same
parser the laptops use."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from app.status import RETURNED, SUBMITTED
from server.core.db import lock_feed
from server.models import Change, Registration, User
from sync.answers import (FeedEntry, PullPage, RecordChange, ReturnedChange, StatusChange, UnknownChange,
                          change_from_dict, pull_page_to_dict)
from sync.payload import Account, PayloadError, Record, format_time, to_dict

log = logging.getLogger(__name__)


def add(*, session: Session, now: datetime, change, user_id: str | None,
        registration_id: str | None = None) -> Change:
    """Appends ``change`` (a change type of sync/answers.py) for ``user_id``'s laptops, or for every device."""
    lock_feed(session)
    row = Change(user_id=user_id, registration_id=registration_id, type=change.TYPE, payload=to_dict(change),
                 created_at=now)
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class Pending:
    """A feed entry made now and written later with others by ``add_all``: its content is fixed when it is made."""
    change: object
    user_id: str | None
    registration_id: str | None


def add_all(*, session: Session, now: datetime, entries: list[Pending]) -> None:
    """Appends entries in one statement, in their order. Call it last before the commit: the feed lock is held
    from here to the commit, and every writer of the feed waits for it (a push that took it before applying its
    records made 200 laptops queue behind one another, bench/fleet.py)."""
    if not entries:
        return
    rows = [{"user_id": e.user_id, "registration_id": e.registration_id, "type": e.change.TYPE,
             "payload": to_dict(e.change), "created_at": now} for e in entries]
    lock_feed(session)
    session.connection().execute(insert(Change.__table__), rows)  # Core: see push._insert_created


def moved(*, now: datetime, reg: Registration, by: User | None) -> Pending:
    """The entry telling the record's owner that someone else moved it: a supervisor's decision (``by``) or central
    staff (``by`` None). Who and when travel with it, so that the officer's history credits the right person."""
    common = {"registration_id": reg.id, "server_version": reg.version, "at": format_time(now),
              "by": by.id if by else None}
    if reg.status == RETURNED:
        change = ReturnedChange(**common, comment=reg.review_comment or "", details=reg.review_details)
    else:
        change = StatusChange(**common, status=reg.status, note=reg.status_note, stage=reg.stage)
    return Pending(change, reg.owner_id, reg.id)


def record_moved(*, session: Session, now: datetime, reg: Registration, by: User | None) -> Change:
    entry = moved(now=now, reg=reg, by=by)
    return add(session=session, now=now, change=entry.change, user_id=entry.user_id,
               registration_id=entry.registration_id)


def review(*, record: Record, supervisor_id: str | None) -> Pending | None:
    """The entry sending the whole record (as the server now holds it) to the supervisor's laptops when it waits
    for their review."""
    if record.status != SUBMITTED or supervisor_id is None:
        return None
    return Pending(RecordChange(record=record), supervisor_id, record.id)


def pull(*, session: Session, user_ids: list[str] | None, cursor: int, limit: int,
         account_ids: set[str] | None = None) -> dict:
    """Changes after ``cursor`` for these users and for everyone, oldest first; one more is read to know if
    there are more. Account changes go only for ``account_ids`` (the laptop's people: laptop_accounts); None
    sends them all (callers that are not a laptop)."""
    query = select(Change).where(Change.seq > cursor).order_by(Change.seq).limit(limit + 1)
    if user_ids is not None:
        query = query.where(or_(Change.user_id.is_(None), Change.user_id.in_(user_ids)))
    rows = list(session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    entries = [entry for entry in (_entry(row) for row in rows) if entry is not None
               and (account_ids is None or entry.change.TYPE != Account.TYPE or entry.change.id in account_ids)]
    return pull_page_to_dict(PullPage(cursor=rows[-1].seq if rows else cursor, more=more, changes=entries))


def _entry(row: Change) -> FeedEntry | None:
    try:
        change = change_from_dict({"type": row.type, **row.payload}, f"change {row.seq}")
    except PayloadError:
        change = UnknownChange(type=row.type, problem="unreadable")
    if isinstance(change, UnknownChange):
        # Written by these same types, so this is a damaged row: one entry lost beats every laptop's feed stuck.
        log.error("feed entry %s (%s) cannot be read; it is left out of the pull", row.seq, row.type)
        return None
    return FeedEntry(seq=row.seq, change=change)
