"""A follow-up visit saved as an operation: what ``app.follow_up.record_follow_up`` found, and which record it
changed (none when an issue stopped the save), for the views to refresh."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.auth import Actor
from app.follow_up import record_follow_up
from app.validation.issues import Issue


@dataclass(frozen=True)
class VisitSaved:
    registration_id: str
    issues: tuple[Issue, ...]

    @property
    def stored(self) -> bool:
        return not any(i.is_error for i in self.issues)

    @property
    def changed_ids(self) -> tuple[str, ...]:
        return (self.registration_id,) if self.stored else ()


def save_visit(session: Session, *, actor: Actor, registration_id: str, updates: dict, now: datetime, today: date,
               regions) -> VisitSaved:
    issues = record_follow_up(session, actor=actor, registration_id=registration_id, updates=updates, now=now,
                              today=today, regions=regions)
    return VisitSaved(registration_id, tuple(issues))
