"""What waits for a supervisor's decision, oldest first, and deciding many at once.

The queue is the records sent for review (``submitted``) that this supervisor may decide on this laptop, with how
long each has waited since it was sent: the oldest first, because the citizen behind it has waited longest.
Deciding a set at once asks for the supervisor's password again (as MOSIP's registration client does), so that a
laptop left open in a village hall does not approve anything by itself; each decision is in the record's history
and the set in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import auth, errors, record_changes, registrations, status
from app.auth import Actor
from app.i18n import QT_TRANSLATE_NOOP
from app.record_changes import Changed
from app.visibility import owner_filter
from db.models import Registration, User

MSG_WRONG_PASSWORD = QT_TRANSLATE_NOOP("Errors", "The password is not right: nothing was decided. Type it again.")
PAGE = 200


@dataclass(frozen=True)
class QueueRow:
    id: str
    kind: str
    subject_name: str
    owner_id: str
    owner_name: str
    village_code: str | None
    submitted_at: datetime | None

    def waited_days(self, now: datetime) -> int:
        return max(0, (now - self.submitted_at).days) if self.submitted_at else 0


@dataclass(frozen=True)
class QueueFilter:
    officer_id: str | None = None
    village_prefix: str | None = None
    kind: str | None = None
    sent_from: date | None = None  # sent on or after this day
    sent_until: date | None = None  # sent on or before this day


def waiting(session: Session, *, actor: Actor, where: QueueFilter = QueueFilter(), offset: int = 0,
            limit: int = PAGE) -> list[QueueRow]:
    """The records waiting for ``actor``'s decision, oldest sent first."""
    query = (select(Registration.id, Registration.kind, Registration.subject_name, Registration.owner_id,
                    User.full_name, Registration.village_code, Registration.submitted_at)
             .join(User, User.id == Registration.owner_id)
             .where(Registration.status == status.SUBMITTED))
    if (own := owner_filter(actor)) is not None:
        query = query.where(Registration.owner_id == own)
    if where.officer_id:
        query = query.where(Registration.owner_id == where.officer_id)
    if where.village_prefix:
        query = query.where(Registration.village_code.startswith(where.village_prefix, autoescape=True))
    if where.kind:
        query = query.where(Registration.kind == where.kind)
    if where.sent_from:
        query = query.where(Registration.submitted_at >= datetime.combine(where.sent_from, datetime.min.time()))
    if where.sent_until:
        query = query.where(func.date(Registration.submitted_at) <= where.sent_until.isoformat())
    query = query.order_by(Registration.submitted_at, Registration.id).offset(offset).limit(limit)
    return [QueueRow(*row) for row in session.execute(query)]


def officers_waiting(session: Session, *, actor: Actor) -> list[tuple[str, str]]:
    """(user id, name) of the officers with records in the queue, for its officer filter."""
    query = (select(User.id, User.full_name).join(Registration, Registration.owner_id == User.id)
             .where(Registration.status == status.SUBMITTED).group_by(User.id, User.full_name)
             .order_by(User.full_name))
    if (own := owner_filter(actor)) is not None:
        query = query.where(Registration.owner_id == own)
    return [(uid, name) for uid, name in session.execute(query)]


def approve_many(session: Session, *, actor: Actor, password: str, registration_ids: list[str], now: datetime
                 ) -> Changed:
    """Approves every record of ``registration_ids`` once ``password`` is the actor's own; all or none."""
    user = session.get(User, actor.user_id)
    if user is None or not auth.verify_password(password, user.password_hash):
        raise errors.NotAllowed(MSG_WRONG_PASSWORD)
    start = record_changes.mark(session)
    for rid in registration_ids:
        registrations.transition(session, actor=actor, registration_id=rid, action="approve", now=now)
    changed = record_changes.changed_in(session, since=start)
    auth.audit(session, now=now, action="review_approved", user=user,
               detail=f"{len(registration_ids)} records: " + ", ".join(sorted(registration_ids)))
    return changed
