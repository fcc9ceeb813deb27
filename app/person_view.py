"""What the person page shows of one citizen: their data, every registration they appear in and as whom, and the
people who may be the same citizen (same name and birth date, no NIK to tell them apart).

Copied out of the session into frozen values, so that they outlive it on their way to the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app import persons, subject_access
from app.persons import PersonLink
from db.models import Person


@dataclass(frozen=True)
class PersonView:
    id: str
    nik: str | None
    name: str
    sex: str | None
    birth_place: str | None
    birth_date: str | None
    kk_number: str | None
    village_code: str | None


@dataclass(frozen=True)
class PersonData:
    person: PersonView
    links: list[PersonLink]
    # Only flagged: merging two people is a decision for a person who has seen both KTPs, never for the app.
    duplicates: list[PersonView]
    # Corrections made at the citizen's request (app/subject_access.py), oldest first: at, by, changes, reason.
    corrections: list[dict] = field(default_factory=list)


def load_person(session: Session, *, person_id: str) -> PersonData:
    """Raises KeyError for a person no longer on this laptop (e.g. dropped when their last record was)."""
    person = session.get(Person, person_id)
    if person is None:
        raise KeyError(person_id)
    return PersonData(_view(person), persons.registrations_of(session, person_id),
                      [_view(p) for p in persons.possible_duplicates(session, person)],
                      subject_access.corrections_of(session, person_id))


def _view(p: Person) -> PersonView:
    return PersonView(p.id, p.nik, p.name, p.sex, p.birth_place, p.birth_date, p.kk_number, p.village_code)
