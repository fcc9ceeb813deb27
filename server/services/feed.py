"""The changes feed that devices pull: status set centrally, records returned by a supervisor, accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.status import RETURNED
from server.core.db import lock_feed
from server.models import Change, Registration, User
from sync.payload import format_time


def add(*, session: Session, now: datetime, type: str, user_id: str | None, payload: dict,
        registration_id: str | None = None) -> Change:
    lock_feed(session)
    change = Change(user_id=user_id, registration_id=registration_id, type=type, payload=payload, created_at=now)
    session.add(change)
    session.flush()
    return change


def record_moved(*, session: Session, now: datetime, reg: Registration, by: User | None) -> Change:
    """Tells the record's owner that someone else moved it: a supervisor's decision (``by``) or central staff
    (``by`` None). Who and when travel with it, so that the officer's history credits the right person."""
    payload = {"registration_id": reg.id, "server_version": reg.version, "at": format_time(now),
               "by": by.id if by else None}
    if reg.status == RETURNED:
        payload["comment"] = reg.review_comment or ""
        kind = "returned"
    else:
        payload |= {"status": reg.status, "note": reg.status_note}
        kind = "status"
    return add(session=session, now=now, type=kind, user_id=reg.owner_id, payload=payload, registration_id=reg.id)


def pull(*, session: Session, user_ids: list[str] | None, cursor: int, limit: int) -> dict:
    """Changes after ``cursor`` for these users and for everyone, oldest first; one more is read to know if
    there are more."""
    query = select(Change).where(Change.seq > cursor).order_by(Change.seq).limit(limit + 1)
    if user_ids is not None:
        query = query.where(or_(Change.user_id.is_(None), Change.user_id.in_(user_ids)))
    rows = list(session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"seq": c.seq, "type": c.type, **c.payload} for c in rows]
    return {"cursor": rows[-1].seq if rows else cursor, "more": more, "changes": changes}
