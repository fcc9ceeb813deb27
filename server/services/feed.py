"""The changes feed that devices pull: status set centrally, records returned by a supervisor, accounts, reference
lists. Every entry is one of sync/answers.py's change types, stored as its fields and read back with the same
parser the laptops use."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import or_, select
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


def record_moved(*, session: Session, now: datetime, reg: Registration, by: User | None) -> Change:
    """Tells the record's owner that someone else moved it: a supervisor's decision (``by``) or central staff
    (``by`` None). Who and when travel with it, so that the officer's history credits the right person."""
    common = {"registration_id": reg.id, "server_version": reg.version, "at": format_time(now),
              "by": by.id if by else None}
    if reg.status == RETURNED:
        change = ReturnedChange(**common, comment=reg.review_comment or "", details=reg.review_details)
    else:
        change = StatusChange(**common, status=reg.status, note=reg.status_note, stage=reg.stage)
    return add(session=session, now=now, change=change, user_id=reg.owner_id, registration_id=reg.id)


def for_review(*, session: Session, now: datetime, record: Record, supervisor_id: str | None) -> Change | None:
    """Sends the whole record (as the server now holds it) to the supervisor's laptops when it waits for their
    review."""
    if record.status != SUBMITTED or supervisor_id is None:
        return None
    return add(session=session, now=now, change=RecordChange(record=record), user_id=supervisor_id,
               registration_id=record.id)


def for_review_many(*, session: Session, now: datetime, records: list[Record], supervisor_id: str | None) -> None:
    """``for_review`` for the new records of one push: the feed locked once and the entries written in one flush,
    rather than a lock and a flush for each of hundreds of records (an officer's push always has a supervisor)."""
    waiting = [record for record in records if record.status == SUBMITTED]
    if supervisor_id is None or not waiting:
        return
    lock_feed(session)
    session.add_all([Change(user_id=supervisor_id, registration_id=record.id, type=RecordChange.TYPE,
                            payload=to_dict(RecordChange(record=record)), created_at=now) for record in waiting])
    session.flush()


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
