"""Whom to visit: cataract patients referred but not yet operated, and post-operative checks due.

Each kind computes its next visit when a record is saved (``KindSpec.follow_up``) into indexed columns, so this
list is one index range scan however many screenings the laptop holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Registration


@dataclass(frozen=True)
class FollowUp:
    registration_id: str
    kind: str
    patient_name: str
    patient_nik: str | None
    village_code: str | None
    due_date: date
    action: str

    def overdue(self, today: date) -> bool:
        return self.due_date < today


def follow_ups(session: Session, *, kind: str = "cataract", owner_id: str | None = None, until: date | None = None,
               village_prefix: str | None = None, limit: int = 500) -> list[FollowUp]:
    """Visits due, earliest first (overdue ones lead). ``until`` limits to visits due by that day."""
    query = select(Registration.id, Registration.kind, Registration.subject_name, Registration.subject_nik,
                   Registration.village_code, Registration.due_date, Registration.due_action
                   ).where(Registration.kind == kind, Registration.due_date.is_not(None))
    if until is not None:
        query = query.where(Registration.due_date <= until.isoformat())
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    if village_prefix:
        query = query.where(Registration.village_code.startswith(village_prefix, autoescape=True))
    query = query.order_by(Registration.due_date, Registration.subject_name).limit(limit)
    return [FollowUp(rid, k, name, nik, village, date.fromisoformat(due), action)
            for rid, k, name, nik, village, due, action in session.execute(query)]
