"""Saving a registration form, and sending it for review: what a form page asks for on every autosave and on
"Send", as one call over a session the caller owns (``Workspace.transaction``).

A new form becomes a record on its first save; every later save names the version it started from, so that an
edit made elsewhere meanwhile (a sync, another window) is refused rather than overwritten. A multiple birth is
one form stored as one application per child (``app.kinds.birth.group``), and those are sent all or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app import guardrails, record_changes, record_views, registrations, status
from app.auth import Actor
from app.record_changes import NOTHING, Changed
from app.validation.issues import Issue


@dataclass(frozen=True)
class FormSaved:
    """What a save stored, handed back across the thread hop to the page that asked."""

    id: str  # the record; of a multiple birth, the first child's application
    version: int  # to send as ``expected_version`` with the next save
    status: str
    # The NIK of a person already on this laptop whom the record was linked to, or "".
    linked_nik: str = ""
    # On a submit: what stands in the way (status still a draft) or the warnings it went with; else empty.
    issues: tuple[Issue, ...] = ()
    group_ids: tuple[str, ...] = ()  # the applications of a multiple birth, in birth order
    changed: Changed = NOTHING  # what the save moved: nothing when the form was as stored

    @property
    def changed_ids(self) -> tuple[str, ...]:
        """The records this save is about, for the views to refresh (``changed`` says whether anything moved)."""
        return self.group_ids or (self.id,)


@dataclass(frozen=True)
class FormOpened:
    """A stored record as its form page opens it."""

    data: dict
    version: int
    status: str
    review_note: record_views.Note | None  # what to correct, on a returned record
    review_details: dict | None = None  # its coded reasons and field comments (app.review), on a returned record

    @property
    def editable(self) -> bool:
        return self.status in status.EDITABLE


def open_form(session: Session, *, registration_id: str, language: str = "id") -> FormOpened:
    reg = registrations.get(session, registration_id)
    return FormOpened(dict(reg.data or {}), reg.version, reg.status,
                      record_views.review_note(session, registration_id, language),
                      reg.review_details if reg.status == status.RETURNED else None)


def save_form(session: Session, *, actor: Actor, kind: str, registration_id: str | None,
              expected_version: int | None, data: dict, submit: bool, now: datetime, today: date, regions
              ) -> FormSaved:
    """Stores ``data`` as the record's new contents (creating the record when ``registration_id`` is None) and,
    with ``submit``, sends it for review when it has no errors. ``kind`` is that of a record to create.
    Raises ``errors.StaleRecord`` when the record is no longer at ``expected_version``, and
    ``errors.NewRegistrationsBlocked`` for a new record while a guardrail of the province is reached (an existing
    draft or a returned record saves as always)."""
    start = record_changes.mark(session)
    if registration_id is None:
        guardrails.check_new_registration(session, actor=actor, now=now)
        reg = registrations.create_draft(session, actor=actor, kind=kind, now=now)
        session.flush()
        registration_id, expected_version = reg.id, reg.version
    result = registrations.save_draft(session, actor=actor, registration_id=registration_id, data=data, now=now,
                                      expected_version=expected_version)
    issues = ()
    if submit:
        issues = tuple(registrations.submit(session, actor=actor, registration_id=registration_id, now=now,
                                            today=today, regions=regions))
    reg = result.registration
    return FormSaved(reg.id, reg.version, reg.status, next(iter(result.linked_niks), ""), issues,
                     changed=record_changes.changed_in(session, since=start))
