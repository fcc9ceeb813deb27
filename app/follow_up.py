"""Whom to visit: cataract patients referred but not yet operated, and post-operative checks due; and what the
officer records on such a visit.

Each kind computes its next visit when a record is saved (``KindSpec.follow_up``) into indexed columns, so this
list is one index range scan however many screenings the laptop holds.

A screening is sent for review long before the patient is operated, and from then on it is no longer editable.
``record_follow_up`` is the one way past that: it changes only the referral, surgery and post-operative fields,
which the review never judged, so the rest of the record stays as the supervisor approved it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors, registrations, status
from app.auth import Actor
from app.kinds import KINDS, kind_spec
from db.models import Registration

if TYPE_CHECKING:
    from app.validation.issues import Issue

# kind -> the keys of the sections its follow-up visits fill in (``KindSpec.follow_up_sections``), in form order;
# derived so that a field added to such a section is included
FOLLOW_UP_KEYS: dict[str, tuple[str, ...]] = {
    kind: tuple(f.key for f in spec.fields if f.section in spec.follow_up_sections)
    for kind, spec in KINDS.items() if spec.follow_up_sections
}


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


@dataclass(frozen=True)
class VisitRecord:
    """The record a follow-up visit is recorded on, as the visit dialog opens it."""

    kind: str
    data: dict
    patient_name: str | None
    village_code: str | None
    due_date: str | None  # ISO date of the next visit due, None when none is
    due_action: str | None


def visit_record(session: Session, *, registration_id: str) -> VisitRecord:
    reg = registrations.get(session, registration_id)
    return VisitRecord(reg.kind, dict(reg.data or {}), reg.subject_name, reg.village_code, reg.due_date,
                       reg.due_action)


def follow_ups(session: Session, *, kind: str | None = None, owner_id: str | None = None, until: date | None = None,
               village_prefix: str | None = None, limit: int = 500) -> list[FollowUp]:
    """Visits due, earliest first (overdue ones lead), of every service that has them or of ``kind``. ``until``
    limits to visits due by that day."""
    kinds = [kind] if kind else [key for key, spec in KINDS.items() if spec.follow_up_sections]
    query = select(Registration.id, Registration.kind, Registration.subject_name, Registration.subject_nik,
                   Registration.village_code, Registration.due_date, Registration.due_action
                   ).where(Registration.kind.in_(kinds), Registration.due_date.is_not(None))
    if until is not None:
        query = query.where(Registration.due_date <= until.isoformat())
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    if village_prefix:
        query = query.where(Registration.village_code.startswith(village_prefix, autoescape=True))
    query = query.order_by(Registration.due_date, Registration.subject_name).limit(limit)
    return [FollowUp(rid, k, name, nik, village, date.fromisoformat(due), action)
            for rid, k, name, nik, village, due, action in session.execute(query)]


def record_follow_up(session: Session, *, actor: Actor, registration_id: str, updates: dict, now: datetime,
                     today: date, regions) -> list[Issue]:
    """Stores what a follow-up visit found (``updates``: key -> value, None or "" clears) on a record past draft.

    Returns the issues of the follow-up fields. When any is an error nothing is changed, as with ``submit``.
    The record is then sent again at the next sync as an update of the server's copy, its status untouched.
    """
    reg = registrations.get(session, registration_id)
    allowed = FOLLOW_UP_KEYS.get(reg.kind, ())
    if actor.role == "officer" and reg.owner_id != actor.user_id:
        raise errors.NotAllowed(errors.MSG_NOT_ALLOWED)
    if reg.status in status.EDITABLE:
        # The form is open to these records; two ways to change them would record two kinds of history.
        raise errors.NotAllowed(errors.MSG_BAD_TRANSITION, status=reg.status, action="follow_up")
    foreign = sorted(set(updates) - set(allowed))
    if foreign:
        raise errors.NotAllowed(errors.MSG_NOT_ALLOWED)
    merged = {key: value for key, value in {**(reg.data or {}), **updates}.items() if value not in (None, "")}
    issues = [issue for issue in kind_spec(reg.kind).validate(merged, today=today, regions=regions, for_submit=True)
              if issue.field in allowed]
    if any(issue.is_error for issue in issues):
        return issues
    # A new version, so sync.records pushes it with base_version = server_version, as any local change.
    registrations.store_data(session, reg, actor=actor, data=merged, now=now, action="follow_up", today=today)
    return issues
