"""A follow-up visit saved as an operation: what ``app.follow_up.record_follow_up`` found, and what it changed
(nothing when an issue stopped the save), for the views to refresh."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app import record_changes
from app.auth import Actor
from app.follow_up import record_follow_up
from app.record_changes import NOTHING, Changed
from app.validation.issues import Issue


@dataclass(frozen=True)
class VisitSaved:
    registration_id: str
    issues: tuple[Issue, ...]
    changed: Changed = NOTHING

    @property
    def stored(self) -> bool:
        return not any(i.is_error for i in self.issues)

    @property
    def changed_ids(self) -> list[str]:
        return self.changed.changed_ids


def save_visit(session: Session, *, actor: Actor, registration_id: str, updates: dict, now: datetime, today: date,
               regions) -> VisitSaved:
    start = record_changes.mark(session)
    issues = record_follow_up(session, actor=actor, registration_id=registration_id, updates=updates, now=now,
                              today=today, regions=regions)
    return VisitSaved(registration_id, tuple(issues), record_changes.changed_in(session, since=start))
