"""Twins, triplets: one form stored as one application per child, linked by a group id, and sent all or none.

A twin sent without the other would split the family's akta over two reviews, so the group is saved and submitted
as one (``save_multiple_birth``, what the birth page calls instead of ``form_service.save_form``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from app import guardrails, record_changes, registrations
from app.auth import Actor
from app.form_service import FormSaved
from app.kinds.birth.checks import validate_birth
from app.kinds.birth.twins import CHILD_OWN_KEYS, split_multiple_birth
from app.validation.issues import Issue
from db.ids import new_id
from db.models import Registration


def create_multiple_birth(session: Session, *, actor: Actor, shared: dict, children: list[dict], now: datetime
                          ) -> list[Registration]:
    """The shared parts typed once, one application per child, linked by a group id. Refused, like any new
    registration, while a guardrail of the province is reached (``app.guardrails``)."""
    guardrails.check_new_registration(session, actor=actor, now=now)
    group = new_id()
    created = []
    for data in split_multiple_birth(shared, children):
        reg = registrations.create_draft(session, actor=actor, kind="birth", now=now, data=data)
        reg.group_id = group
        created.append(reg)
    return created


def save_multiple_birth(session: Session, *, actor: Actor, group_ids: tuple[str, ...] | list[str], shared: dict,
                        children: list[dict], submit: bool, now: datetime, today: date, regions) -> FormSaved:
    """Twins, triplets: ``shared`` (the form) and each child's own values (``children``, the first child's
    first) stored as one application per child, created together on the first save (``group_ids`` empty).

    Sent all or none: a twin sent without the other would split the family's akta over two reviews. When one
    application has errors none is sent, and the issues are that child's, its own fields named ``twin<n>_<key>``
    for a second or later child (shown on that child's row of the form)."""
    start = record_changes.mark(session)
    group = list(group_ids)
    if not group:
        created = create_multiple_birth(session, actor=actor, shared=shared, children=children,
                                                      now=now)
        session.flush()
        group = [reg.id for reg in created]
    applications = split_multiple_birth(shared, children)
    linked = ""
    for rid, child in zip(group, applications):
        result = registrations.save_draft(session, actor=actor, registration_id=rid, data=child, now=now)
        linked = linked or next(iter(result.linked_niks), "")
    issues: list[Issue] = []
    if submit:
        blocking = _first_blocking(applications, today=today, regions=regions)
        if blocking is not None:
            issues = blocking
        else:
            for rid in group:
                issues = registrations.submit(session, actor=actor, registration_id=rid, now=now, today=today,
                                              regions=regions)
    first = registrations.get(session, group[0])
    return FormSaved(first.id, first.version, first.status, linked, tuple(issues), tuple(group),
                     record_changes.changed_in(session, since=start))


def _first_blocking(applications: list[dict], *, today: date, regions) -> list[Issue] | None:
    """The issues of the first application that may not be sent, or None when all may."""
    for n, child in enumerate(applications, start=1):
        issues = validate_birth(child, today=today, regions=regions, for_submit=True)
        if any(i.is_error for i in issues):
            if n == 1:
                return issues
            return [replace(i, field=f"twin{n}_{i.field}") if i.field in CHILD_OWN_KEYS else i for i in issues]
    return None
