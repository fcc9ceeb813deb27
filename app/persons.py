"""One person per citizen. A registration links every person it names (subject, child, mother, father, reporter,
witnesses, patient) in registration_persons; a NIK already on this laptop links to that person instead of making a
second one. People without a NIK are never merged silently: a likely duplicate is only flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.kinds import kind_spec
from db.ids import new_id
from db.models import Person, Registration, RegistrationPerson

# Form keys (after the role's prefix) copied onto the person record.
PERSON_FIELDS = ("name", "sex", "birth_place", "birth_date", "kk_number", "village_code")


@dataclass(frozen=True)
class PersonLink:
    role: str
    registration_id: str
    kind: str
    status: str
    subject_name: str
    updated_at: datetime


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def valid_nik(value: object) -> str | None:
    text = str(value or "")
    return text if len(text) == 16 and text.isdigit() else None


def find_by_nik(session: Session, nik: str) -> Person | None:
    # People given a NIK in this transaction and not yet flushed are remembered in the session (see _set_nik):
    # flushing before every lookup costs more than the lookup, and scanning session.new grows with the batch.
    pending = session.info.get(_PENDING_NIKS, {}).get(nik)
    if pending is not None:
        return pending
    if nik in session.info.get(_ABSENT_NIKS, ()):
        return None
    with session.no_autoflush:
        return session.scalar(select(Person).where(Person.nik == nik))


_PENDING_NIKS = "jemput.pending_niks"
_ABSENT_NIKS = "jemput.absent_niks"  # looked up in bulk and not on this laptop (``prefetch_people``)


def prefetch_people(session: Session, registrations: list) -> None:
    """Looks up at once every NIK the forms of ``registrations`` (anything with a ``kind`` and ``data``) name, so that linking thousands of records (a
    batch file) asks the database once instead of once per person. Valid until the session is flushed and
    cleared: ``forget_prefetched`` then."""
    niks = {nik for reg in registrations for prefix in kind_spec(reg.kind).person_roles.values()
            if (nik := valid_nik((reg.data or {}).get(prefix + "nik")))}
    found: dict[str, Person] = {}
    listed = sorted(niks)
    with session.no_autoflush:
        for start in range(0, len(listed), 500):
            for person in session.scalars(select(Person).where(Person.nik.in_(listed[start:start + 500]))):
                found[person.nik] = person
    pending = session.info.setdefault(_PENDING_NIKS, {})
    for nik, person in found.items():
        pending.setdefault(nik, person)
    session.info.setdefault(_ABSENT_NIKS, set()).update(niks - set(found) - set(pending))


def forget_prefetched(session: Session) -> None:
    """After a flush that is followed by ``expunge_all``: the people are in the database, findable by query."""
    session.info.pop(_PENDING_NIKS, None)
    session.info.pop(_ABSENT_NIKS, None)


def _set_nik(session: Session, person: Person, nik: str) -> None:
    person.nik = nik
    session.info.setdefault(_PENDING_NIKS, {})[nik] = person


def link_people(session: Session, *, registration: Registration, now: datetime, new: bool = False) -> list[str]:
    """Links every person the form names. Returns the roles that were linked to a person already on this laptop
    by NIK, so that the UI can say so. ``new``: the registration was just made and has no links to look up."""
    spec = kind_spec(registration.kind)
    linked_existing: list[str] = []
    people: dict[str, Person | None] = {}
    for role, prefix in spec.person_roles.items():
        person, existed = _link_role(session, registration, role, prefix, now, new)
        people[role] = person
        if existed:
            linked_existing.append(role)
        if role == spec.subject_role:
            registration.person_id = person.id if person else None
    if spec.village_roles and not _own_village(registration, spec):
        # The form has no address (a birth): the family's village is where the mother (or father, or reporter)
        # is known to live, e.g. from her e-KTP recording, so that the list shows it and the village filter finds it.
        villages = (people[role].village_code for role in spec.village_roles if people.get(role) is not None)
        registration.village_code = next((code for code in villages if code), None)
    return linked_existing


def _own_village(registration: Registration, spec) -> str | None:
    data = registration.data or {}
    return data.get("village_code") or data.get(spec.person_roles[spec.subject_role] + "village_code")


def _link_role(session: Session, reg: Registration, role: str, prefix: str, now: datetime, new: bool
               ) -> tuple[Person | None, bool]:
    data = reg.data or {}
    nik = valid_nik(data.get(prefix + "nik"))
    if not (nik or data.get(prefix + "name")) and new:
        return None, False
    values = {key: data.get(prefix + key) for key in PERSON_FIELDS}
    values["birth_place"] = _place_name(session, values["birth_place"])
    link = None
    if not new:
        with session.no_autoflush:
            link = session.get(RegistrationPerson, (reg.id, role))
    current = link.person if link else None
    existing = find_by_nik(session, nik) if nik else None
    existed = False
    if existing is not None and existing is not current:
        target, existed = existing, True
    elif current is not None and nik and current.nik and current.nik != nik:
        # Another person was typed over the one linked before: never rename someone another record points at.
        target = None
    else:
        target = current
    if target is None:
        if not (nik or values["name"]):
            if link is not None:
                session.delete(link)
            return None, False
        target = Person(id=new_id(), nik=None, name="", name_key="", created_at=now, updated_at=now, version=1)
        session.add(target)
    if nik and target.nik != nik:
        _set_nik(session, target, nik)
    _copy_fields(target, values, now)
    if link is None:
        session.add(RegistrationPerson(registration=reg, role=role, person=target))
    elif link.person is not target:
        old = link.person
        link.person = target
        session.flush()
        _drop_if_orphan(session, old)
    return target, existed


def _place_name(session: Session, value: object) -> object:
    """Some forms pick the place of birth as a regency code (the child on F-2.01); a person keeps a place name."""
    text = str(value or "")
    if text and text.replace(".", "").isdigit():
        from app.reference.regions import regions_of

        region = regions_of(session).get(text)
        return region.name if region else value
    return value


def _copy_fields(person: Person, values: dict, now: datetime) -> None:
    """Takes what the form says, but an empty field never erases what another form already recorded."""
    changed = False
    for key, value in values.items():
        if value in (None, "") or getattr(person, key) == value:
            continue
        setattr(person, key, value)
        changed = True
    if changed:
        person.name_key = name_key(person.name or "")
        person.updated_at = now
        person.version += 1


def _drop_if_orphan(session: Session, person: Person) -> None:
    used = session.scalar(select(func.count()).select_from(RegistrationPerson)
                          .where(RegistrationPerson.person_id == person.id))
    if not used:
        if person.nik:
            session.info.get(_PENDING_NIKS, {}).pop(person.nik, None)
        session.execute(Registration.__table__.update().where(Registration.person_id == person.id)
                        .values(person_id=None))
        session.delete(person)
        session.flush()


def possible_duplicates(session: Session, person: Person) -> list[Person]:
    """Other people with the same name and birth date (and village when both have one): maybe the same citizen
    entered twice without a NIK. Shown to the officer; never merged automatically."""
    if not person.name_key or not person.birth_date:
        return []
    query = select(Person).where(Person.name_key == person.name_key, Person.birth_date == person.birth_date,
                                 Person.id != person.id)
    candidates = session.scalars(query).all()
    return [p for p in candidates
            if not (p.village_code and person.village_code and p.village_code != person.village_code)
            and not (p.nik and person.nik)]


def registrations_of(session: Session, person_id: str) -> list[PersonLink]:
    """Every registration a person appears in, and as whom; newest first."""
    rows = session.execute(
        select(RegistrationPerson.role, Registration.id, Registration.kind, Registration.status,
               Registration.subject_name, Registration.updated_at)
        .join(Registration, Registration.id == RegistrationPerson.registration_id)
        .where(RegistrationPerson.person_id == person_id)
        .order_by(Registration.updated_at.desc())
    ).all()
    return [PersonLink(*row) for row in rows]


def search(session: Session, text: str, *, limit: int = 20) -> list[Person]:
    """People by NIK prefix or part of the name: for picking a parent, reporter or witness already on the laptop."""
    text = text.strip()
    if not text:
        return []
    if text.isdigit():
        upper = text[:-1] + chr(ord(text[-1]) + 1)
        query = select(Person).where(Person.nik >= text, Person.nik < upper)
    else:
        escaped = name_key(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = select(Person).where(Person.name_key.like(f"%{escaped}%", escape="\\"))
    return list(session.scalars(query.order_by(Person.name_key).limit(limit)))
