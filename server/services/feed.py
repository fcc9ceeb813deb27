"""The changes feed that devices pull: status set centrally, records returned by a supervisor, accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.core.db import lock_feed
from server.models import Change


def add(*, session: Session, now: datetime, type: str, user_id: str | None, payload: dict,
        registration_id: str | None = None) -> Change:
    lock_feed(session)
    change = Change(user_id=user_id, registration_id=registration_id, type=type, payload=payload, created_at=now)
    session.add(change)
    session.flush()
    return change


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
