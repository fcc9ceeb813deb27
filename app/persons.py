"""One person per citizen: registrations link to the person they are about, found by NIK when known."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.ids import new_id
from db.models import Person, Registration

# Form keys copied onto the person record.
PERSON_FIELDS = ("name", "sex", "birth_place", "birth_date", "kk_number", "village_code")


def find_by_nik(session: Session, nik: str) -> Person | None:
    # Pending objects of this session are looked at first: the autoflush a query would do costs more than the query.
    for obj in session.new:
        if isinstance(obj, Person) and obj.nik == nik:
            return obj
    with session.no_autoflush:
        return session.scalar(select(Person).where(Person.nik == nik))


def link_subject(session: Session, *, registration: Registration, now: datetime) -> bool:
    """Points the registration at its person, creating or updating them. True when an existing person with the
    typed NIK was found (the UI tells the officer so rather than making a second person)."""
    data = registration.data or {}
    nik = str(data.get("nik", ""))
    nik = nik if len(nik) == 16 and nik.isdigit() else None
    current = None
    if registration.person_id:
        with session.no_autoflush:
            current = session.get(Person, registration.person_id)
    existing = find_by_nik(session, nik) if nik else None
    linked_existing = False
    if existing is not None and existing is not current:
        if current is not None:
            registration.person_id = None
            session.flush()
            _drop_if_orphan(session, current)
        current = existing
        linked_existing = True
    if current is None:
        if not (nik or data.get("name")):
            return False
        current = Person(id=new_id(), created_at=now, updated_at=now, version=1)
        session.add(current)
    if nik and current.nik != nik:
        current.nik = nik
    _copy_fields(current, data, now)
    registration.person_id = current.id
    return linked_existing


def _copy_fields(person: Person, data: dict, now: datetime) -> None:
    changed = False
    for key in PERSON_FIELDS:
        value = data.get(key)
        if key == "name":
            value = value or ""
        if getattr(person, key) != value:
            setattr(person, key, value)
            changed = True
    if changed:
        person.updated_at = now
        person.version += 1


def _drop_if_orphan(session: Session, person: Person) -> None:
    used = session.scalar(select(func.count()).select_from(Registration).where(Registration.person_id == person.id))
    if not used:
        session.delete(person)
        session.flush()
