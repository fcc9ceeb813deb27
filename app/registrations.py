"""Services over registrations: drafts saved as the officer types, submit for review, history, search.

Keyword-only functions over a session the caller owns (``Workspace.transaction``); none of them commits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from app import auth, errors, record_changes, review, status
from app.auth import CENTRAL_USER_ID, Actor
from app.kinds import KINDS, kind_spec
from app.persons import link_people
from app.record_changes import NOTHING, Changed
from app.registration_number import number_conditions, parse_number, registration_id_in
from db import name_search
from db.ids import new_id
from db.models import Person, Registration, RegistrationChange, RegistrationPerson, User

if TYPE_CHECKING:
    from app.validation.issues import Issue

TRIGRAM = 3  # the shortest text the name index can look up
# Up to this many matches of a name, a page is quicker to find by looking them up than by walking the list's order
# (bench/local_db.py at 100,000 records: about 25 us a match against 10-40 ms for a walk).
FEW_MATCHES = 400


@dataclass(frozen=True)
class RecordRow:
    """One line of the records list."""

    id: str
    kind: str
    status: str
    subject_name: str
    subject_nik: str | None
    village_code: str | None
    owner_name: str
    updated_at: datetime
    version: int
    server_version: int = 0  # 0: the server has never acknowledged it
    synced_version: int = 0
    # The NIK of the person the list shows instead of a subject without one (a newborn's mother), and who that is.
    other_nik: str | None = None
    other_nik_role: str | None = None
    stage: str | None = None  # the service's step central reported (``KindSpec.stages``)

    @property
    def waiting_to_send(self) -> bool:
        return record_changes.is_waiting(self.status, self.version, self.synced_version)

    @property
    def on_server(self) -> bool:
        return self.server_version > 0


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    user_name: str
    action: str
    version: int
    changes: dict
    user_id: str = ""

    @property
    def by_central(self) -> bool:
        return self.user_id == CENTRAL_USER_ID


@dataclass(frozen=True)
class SaveResult:
    registration: Registration
    issues: list[Issue]
    # NIKs typed here that another person on this laptop already has: the record was linked to them.
    linked_niks: tuple[str, ...] = ()
    changed: Changed = NOTHING

    @property
    def linked_existing_person(self) -> bool:
        return bool(self.linked_niks)


def name_key(name: str) -> str:
    """The form names are searched in: case-folded, single spaces."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def create_draft(session: Session, *, actor: Actor, kind: str, now: datetime, data: dict | None = None
                 ) -> Registration:
    spec = kind_spec(kind)  # unknown kinds fail here, before anything is written
    clean = _clean(spec.with_computed(data or {}))
    # Ids are set here rather than at flush, so that a new record and its person need no round trip to link.
    reg = Registration(id=new_id(), kind=kind, status=status.DRAFT, owner_id=actor.user_id,
                       device_id=actor.device_id, created_at=now, updated_at=now)
    _apply(reg, clean)
    record_changes.created(session, reg, user_id=actor.user_id, now=now, changes=_diff({}, clean))
    if clean:
        link_people(session, registration=reg, now=now, new=True)
    return reg


def siblings(session: Session, registration_id: str) -> list[Registration]:
    """The other applications of the same multiple birth, in birth order."""
    reg = get(session, registration_id)
    if not reg.group_id:
        return []
    others = session.scalars(select(Registration).where(Registration.group_id == reg.group_id,
                                                        Registration.id != reg.id)).all()
    return sorted(others, key=lambda r: int((r.data or {}).get("multiple_birth_order", 0) or 0))


def get(session: Session, registration_id: str) -> Registration:
    reg = session.get(Registration, registration_id)
    if reg is None:
        raise KeyError(registration_id)
    return reg


def save_draft(session: Session, *, actor: Actor, registration_id: str, data: dict, now: datetime,
               expected_version: int | None = None, today: date | None = None, regions=None) -> SaveResult:
    """Stores the form as it is now. Returns the issues found so far (nothing is required yet in a draft)."""
    reg = get(session, registration_id)
    _check_may_edit(reg, actor)
    if expected_version is not None and reg.version != expected_version:
        raise errors.StaleRecord(errors.MSG_STALE)
    changes = store_data(session, reg, actor=actor, data=data, now=now, action="edit")
    changed = Changed(frozenset({reg.id}), content=True) if changes else NOTHING
    roles = link_people(session, registration=reg, now=now) if changes else []
    prefixes = kind_spec(reg.kind).person_roles
    linked = tuple(str((reg.data or {}).get(prefixes[role] + "nik") or "") for role in roles)
    issues = []
    if today is not None and regions is not None:
        issues = kind_spec(reg.kind).validate(reg.data or {}, today=today, regions=regions, for_submit=False)
    return SaveResult(reg, issues, tuple(nik for nik in linked if nik), changed)


def store_data(session: Session, reg: Registration, *, actor: Actor, data: dict, now: datetime, action: str,
               today: date | None = None) -> dict:
    """Replaces the record's contents by ``data`` as a new version with a history entry; returns the changes
    (nothing happens when there are none). Callers check first that ``actor`` may do this."""
    clean = _clean(kind_spec(reg.kind).with_computed(data))
    changes = _diff(reg.data or {}, clean)
    if changes:
        _apply(reg, clean, today)
        record_changes.new_version(session, reg, user_id=actor.user_id, now=now, action=action, changes=changes)
    return changes


def submit(session: Session, *, actor: Actor, registration_id: str, now: datetime, today: date, regions
           ) -> list[Issue]:
    """Sends the record for review when it has no errors; otherwise changes nothing and returns the issues."""
    reg = get(session, registration_id)
    issues = kind_spec(reg.kind).validate(reg.data or {}, today=today, regions=regions, for_submit=True)
    if any(i.severity == "error" for i in issues):
        return issues
    transition(session, actor=actor, registration_id=registration_id, action="submit", now=now)
    reg.submitted_at = now
    return issues


def transition(session: Session, *, actor: Actor, registration_id: str, action: str, now: datetime,
               comment: str | None = None, reasons: tuple[str, ...] = (),
               field_comments: dict[str, str] | None = None) -> Changed:
    """Moves the record along the review (``app.status.TRANSITIONS``). A return says why: a comment, coded
    ``reasons`` and comments on particular fields (``app.review``), at least one of them."""
    reg = get(session, registration_id)
    if not status.can(action, reg.status, actor.role) or (actor.role == "officer" and reg.owner_id != actor.user_id):
        raise errors.NotAllowed(errors.MSG_BAD_TRANSITION, status=reg.status, action=action)
    details = review.details(reasons, field_comments) if action == "return" else None
    if action == "return":
        review.require_reason(comment, details)
        comment = (comment or "").strip() or None  # reasons alone: no empty comment standing for "nothing"
    old = reg.status
    reg.status = status.TRANSITIONS[action][1]
    changes: dict = {"status": [old, reg.status]}
    if action == "return" or comment is not None:
        if comment != reg.review_comment:
            changes["review_comment"] = [reg.review_comment, comment]
        reg.review_comment = comment
    if action == "return":
        # Every round stays in the history: the details of this return beside the ones it replaces.
        if details != reg.review_details:
            changes["review_details"] = [reg.review_details, details]
        reg.review_details = details
    # Every move is in the audit trail, with the person and the time, beside the record's history: a review
    # decision as review_approve / review_return, an officer's submit or correction as status_<action>.
    auth.audit(session, now=now, action=f"review_{action}" if action in ("approve", "return") else f"status_{action}",
               user=session.get(User, actor.user_id),
               detail=reg.id if action in ("approve", "return") else f"{reg.id} {old}->{reg.status}")
    # A new version: a decision travels to the server at the next sync.
    return record_changes.new_version(session, reg, user_id=actor.user_id, now=now, action=action, changes=changes)


def history(session: Session, registration_id: str) -> list[HistoryEntry]:
    rows = session.execute(
        select(RegistrationChange, User.full_name)
        .join(User, User.id == RegistrationChange.user_id)
        .where(RegistrationChange.registration_id == registration_id)
        .order_by(RegistrationChange.id)
    ).all()
    return [HistoryEntry(c.at, name, c.action, c.version, c.changes, c.user_id) for c, name in rows]


def search(session: Session, *, text: str = "", kind: str | None = None, state: str | None = None,
           owner_id: str | None = None, village: str | None = None, offset: int = 0, limit: int = 100
           ) -> list[RecordRow]:
    """Newest first. Digits search the NIK from its start; a receipt number (KTP-261201-ABCDEF), a receipt's QR
    content or an id finds that record; anything else any part of the name: the subject's, or that of a person
    the kind's ``searched_roles`` name (a birth's mother and father)."""
    shown_role = _shown_nik_role()
    other_nik = (select(Person.nik).join(RegistrationPerson, RegistrationPerson.person_id == Person.id)
                 .where(RegistrationPerson.registration_id == Registration.id,
                        RegistrationPerson.role == shown_role)
                 .limit(1).scalar_subquery())
    query = (
        select(Registration.id, Registration.kind, Registration.status, Registration.subject_name,
               Registration.subject_nik, Registration.village_code, User.full_name, Registration.updated_at,
               Registration.version, Registration.server_version, Registration.synced_version, other_nik,
               shown_role, Registration.stage)
        .join(User, User.id == Registration.owner_id)
    )
    query = _filtered(query, text=text, kind=kind, state=state, owner_id=owner_id, village=village,
                      listed_from=session)
    query = query.order_by(Registration.updated_at.desc(), Registration.id.desc()).offset(offset).limit(limit)
    return [RecordRow(*row) for row in session.execute(query)]


def count(session: Session, *, text: str = "", kind: str | None = None, state: str | None = None,
          owner_id: str | None = None, village: str | None = None) -> int:
    query = _filtered(select(func.count()).select_from(Registration), text=text, kind=kind, state=state,
                      owner_id=owner_id, village=village)
    return session.scalar(query)


def _filtered(query, *, text: str, kind: str | None, state: str | None, owner_id: str | None,
              village: str | None = None, listed_from: Session | None = None):
    """``query`` narrowed to what was asked. ``listed_from``: the session of a query for a page of the list (in
    its order, with a limit), which lets a name search choose how to find its page (``_name_matches``)."""
    text = text.strip()
    rid, number = registration_id_in(text), parse_number(text)
    if rid:
        # The id, or a receipt's QR code read by a scanner that types it.
        query = query.where(Registration.id == rid)
    elif number is not None:
        # The number on the citizen's receipt: 30 bits of the id on one day are as good as unique.
        query = query.where(*number_conditions(number, id_column=Registration.id, kind_column=Registration.kind,
                                               created_column=Registration.created_at))
    elif text.isdigit():
        # A range instead of LIKE 'x%' so that SQLite uses the NIK indexes.
        query = query.where(or_(
            and_(Registration.subject_nik >= text, Registration.subject_nik < _after(text)),
            _naming(Person.nik >= text, Person.nik < _after(text))))
    elif text:
        query = query.where(_name_matches(name_key(text), listed_from=listed_from))
    if kind:
        query = query.where(Registration.kind == kind)
    if state:
        query = query.where(Registration.status == state)
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    if village:
        # Any region code: a regency or kecamatan code selects every village under it. A range, not LIKE, so
        # that SQLite uses the village index.
        query = query.where(Registration.village_code >= village, Registration.village_code < _after(village))
    return query


def _name_matches(key: str, *, listed_from: Session | None = None):
    """The registrations with ``key`` in a name: the subject's, or that of a person in one of the kinds'
    ``searched_roles``.

    From 3 characters on, the trigram index of those names (db/name_search.py, migration 0015): a phrase of
    trigrams is exactly a substring. Shorter text has no trigram to look up and is matched with LIKE, through the
    tables themselves."""
    if len(key) < TRIGRAM:
        return _name_like(key)
    phrase = name_search.names.c.names.match('"' + key.replace('"', '""') + '"')
    found = select(name_search.ids.c.registration_id).where(
        name_search.ids.c.id.in_(select(name_search.names.c.rowid).where(phrase)))
    if listed_from is not None and not _few(listed_from, phrase):
        # Many records match ("ani"): the page is the first of them in the list's order, so SQLite walks the
        # order's index and stops at the page's end. The unary + keeps it from looking each match up by id
        # instead and sorting thousands of whole rows (each read and decrypted) for the page.
        return UnaryExpression(Registration.id, operator=operators.custom_op("+"),
                               type_=Registration.id.type).in_(found)
    return Registration.id.in_(found)


def _name_like(key: str):
    """The same registrations as ``_name_matches``, found by reading every name (what the index stands in for)."""
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(Registration.subject_name_key.like(f"%{escaped}%", escape="\\"),
               _naming(Person.name_key.like(f"%{escaped}%", escape="\\")))


def _few(session: Session, phrase) -> bool:
    """Whether at most ``FEW_MATCHES`` names match: asked of the index, which stops counting there."""
    probe = select(name_search.names.c.rowid).where(phrase).limit(FEW_MATCHES + 1).subquery()
    return session.scalar(select(func.count()).select_from(probe)) <= FEW_MATCHES


def _naming(*person_matches):
    """The registrations that name a matching person in one of the kinds' ``searched_roles``. Role names belong
    to one kind each ("mother" to a birth), so the role alone says the kind; no join back to registrations, which
    lets SQLite go from the person's NIK index straight to the registration."""
    roles = sorted({role for spec in KINDS.values() for role in spec.searched_roles})
    # The matching people first (an index of persons), then their links by person (an index of the links): never
    # a walk through every link joined to its person, which reads (and, encrypted, decrypts) the whole table.
    return Registration.id.in_(
        select(RegistrationPerson.registration_id)
        .where(RegistrationPerson.role.in_(roles),
               RegistrationPerson.person_id.in_(select(Person.id).where(*person_matches))))


def _shown_nik_role():
    """Per kind, the role whose NIK the list shows when the subject has none (SQL: NULL for other kinds)."""
    roles = {kind: spec.shown_nik_role for kind, spec in KINDS.items() if spec.shown_nik_role}
    return case(roles, value=Registration.kind, else_=None)


def _after(prefix: str) -> str:
    """The smallest string greater than every string that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _clean(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "")}


def _apply(reg: Registration, clean: dict, today: date | None = None) -> None:
    """The form's contents plus the copies the records list searches, filters and sorts on."""
    spec = kind_spec(reg.kind)
    prefix = spec.person_roles[spec.subject_role]
    reg.data = clean
    reg.subject_name = spec.list_name(clean) if spec.list_name else str(clean.get(prefix + "name", ""))
    reg.subject_name_key = name_key(reg.subject_name)
    nik = str(clean.get(prefix + "nik", ""))
    reg.subject_nik = nik if nik.isdigit() else None
    village = clean.get("village_code") or clean.get(prefix + "village_code")
    if village or not spec.village_roles:
        reg.village_code = village
    # else the village of the people it names, set when they are linked (app.persons.link_people)
    due = spec.follow_up(clean, today or date.today())
    reg.due_date, reg.due_action = (due[0].isoformat(), due[1]) if due else (None, None)


def _check_may_edit(reg: Registration, actor: Actor) -> None:
    if reg.status not in status.EDITABLE:
        raise errors.NotAllowed(errors.MSG_BAD_TRANSITION, status=reg.status, action="edit")
    if actor.role == "officer" and reg.owner_id != actor.user_id:
        raise errors.NotAllowed(errors.MSG_NOT_ALLOWED)


def _diff(old: dict, new: dict) -> dict:
    keys = sorted(set(old) | set(new))
    return {k: [old.get(k), new.get(k)] for k in keys if old.get(k) != new.get(k)}
