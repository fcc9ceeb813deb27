"""A citizen's rights over their data (UU 27/2022 on personal data protection, arts. 6–8): to get everything this
laptop holds about them, and to have it corrected, from the person page (ui/records/person_page.py).

``gather`` collects it: the person's own row, every registration they appear in (as whom, its full form data, its
status and history) and the files attached to those registrations, and the corrections made before. The export
writes it as JSON here (``write_json``) and as a PDF in ui/ (ui/records/subject_export.py); each export is in the
audit log, with the person's id and what was written, never the data itself.

``correct`` changes the person's data with a reason and keeps the old values beside the new in
``person_corrections``. It does not rewrite the registrations' forms, which are what the officer recorded and
the citizen signed: a form still being worked on is corrected in the form itself, a sent one by a return from
the supervisor. The person page shows both, so that nobody reads the old value without seeing the correction.

Who may do it is who may see the records: an officer only for people in their own registrations.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit_log, persons
from app.auth import Actor
from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP
from app.visibility import owner_filter
from db.models import (Person, PersonCorrection, Registration, RegistrationAttachment, RegistrationChange,
                       RegistrationPerson, User)

FORMAT = "jemput-subject-export/1"
CORRECTABLE = ("nik", "name", "sex", "birth_place", "birth_date", "kk_number")
FIELD_LABELS = {
    "nik": QT_TRANSLATE_NOOP("SubjectAccess", "NIK"),
    "name": QT_TRANSLATE_NOOP("SubjectAccess", "Name"),
    "sex": QT_TRANSLATE_NOOP("SubjectAccess", "Sex"),
    "birth_place": QT_TRANSLATE_NOOP("SubjectAccess", "Place of birth"),
    "birth_date": QT_TRANSLATE_NOOP("SubjectAccess", "Date of birth"),
    "kk_number": QT_TRANSLATE_NOOP("SubjectAccess", "Family card (KK)"),
}
MSG_NOT_YOURS = QT_TRANSLATE_NOOP("SubjectAccess", "This person is not in any of your records on this laptop.")
MSG_NO_REASON = QT_TRANSLATE_NOOP("SubjectAccess", "Write why the data is corrected (for example: \"as on the "
                                                   "KTP shown by the citizen\").")
MSG_NOTHING = QT_TRANSLATE_NOOP("SubjectAccess", "Nothing was changed.")
MSG_BAD_NIK = QT_TRANSLATE_NOOP("SubjectAccess", "A NIK has 16 digits.")
MSG_NIK_TAKEN = QT_TRANSLATE_NOOP("SubjectAccess", "Another person on this laptop has this NIK. Check both KTPs.")
MSG_BAD_DATE = QT_TRANSLATE_NOOP("SubjectAccess", "The date of birth is written as YYYY-MM-DD.")


class SubjectAccessError(UserFacingError):
    context = "SubjectAccess"


@dataclass(frozen=True)
class HeldRegistration:
    id: str
    role: str
    kind: str
    status: str
    owner: str
    created_at: str
    updated_at: str
    data: dict
    history: list[dict]
    files: list[dict]


@dataclass(frozen=True)
class SubjectData:
    person: dict
    registrations: list[HeldRegistration]
    corrections: list[dict]
    exported_at: str
    exported_by: str
    device_id: str

    def as_json(self) -> dict:
        return {"format": FORMAT, **asdict(self)}


def _may_see(session: Session, actor: Actor, person_id: str) -> list[tuple[str, Registration]]:
    owner = owner_filter(actor)
    query = (select(RegistrationPerson.role, Registration)
             .join(Registration, Registration.id == RegistrationPerson.registration_id)
             .where(RegistrationPerson.person_id == person_id).order_by(Registration.created_at))
    if owner is not None:
        query = query.where(Registration.owner_id == owner)
    return [(role, reg) for role, reg in session.execute(query).all()]


def _person_or_refuse(session: Session, actor: Actor, person_id: str) -> tuple[Person, list]:
    person = session.get(Person, person_id)
    seen = _may_see(session, actor, person_id) if person is not None else []
    if person is None or (owner_filter(actor) is not None and not seen):
        raise SubjectAccessError(MSG_NOT_YOURS)
    return person, seen


def _time(value: datetime | None) -> str:
    return f"{value:%Y-%m-%dT%H:%M:%SZ}" if value else ""


def gather(session: Session, *, actor: Actor, person_id: str, now: datetime) -> SubjectData:
    person, seen = _person_or_refuse(session, actor, person_id)
    names = dict(session.execute(select(User.id, User.full_name)).all())
    held = []
    for role, reg in seen:
        history = [{"at": _time(c.at), "by": names.get(c.user_id, c.user_id), "action": c.action,
                    "changes": c.changes} for c in session.scalars(
                        select(RegistrationChange).where(RegistrationChange.registration_id == reg.id)
                        .order_by(RegistrationChange.id))]
        files = [{"purpose": a.purpose, "label": a.label, "sha256": a.sha256, "media_type": a.attachment.media_type,
                  "size": a.attachment.size, "added_at": _time(a.added_at)} for a in session.scalars(
                      select(RegistrationAttachment).where(RegistrationAttachment.registration_id == reg.id)
                      .order_by(RegistrationAttachment.id))]
        held.append(HeldRegistration(reg.id, role, reg.kind, reg.status, names.get(reg.owner_id, reg.owner_id),
                                     _time(reg.created_at), _time(reg.updated_at), dict(reg.data or {}), history,
                                     files))
    return SubjectData(
        person={"id": person.id, "nik": person.nik, "name": person.name, "sex": person.sex,
                "birth_place": person.birth_place, "birth_date": person.birth_date, "kk_number": person.kk_number,
                "village_code": person.village_code, "created_at": _time(person.created_at),
                "updated_at": _time(person.updated_at)},
        registrations=held, corrections=corrections_of(session, person_id, names), exported_at=_time(now),
        exported_by=actor.full_name or actor.username, device_id=actor.device_id)


def corrections_of(session: Session, person_id: str, names: dict | None = None) -> list[dict]:
    names = names if names is not None else dict(session.execute(select(User.id, User.full_name)).all())
    return [{"at": _time(c.at), "by": names.get(c.user_id, c.user_id), "changes": c.changes, "reason": c.reason}
            for c in session.scalars(select(PersonCorrection).where(PersonCorrection.person_id == person_id)
                                     .order_by(PersonCorrection.id))]


def record_export(session: Session, *, actor: Actor, person_id: str, fmt: str, registrations: int,
                  now: datetime) -> None:
    """The audit entry of an export, written in the transaction that gathered it once the file is written."""
    audit_log.append(session, now=now, action="subject_export", user_id=actor.user_id, username=actor.username,
                     detail=f"person={person_id} format={fmt} registrations={registrations}")


def write_json(data: SubjectData, path: Path) -> None:
    """Whole or not at all: written aside and moved in, so that a full stick leaves no half file."""
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "w", encoding="utf-8") as out:
            json.dump(data.as_json(), out, ensure_ascii=False, indent=2)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def export_json(session: Session, *, actor: Actor, person_id: str, path: Path, now: datetime) -> SubjectData:
    data = gather(session, actor=actor, person_id=person_id, now=now)
    write_json(data, path)
    record_export(session, actor=actor, person_id=person_id, fmt="json", registrations=len(data.registrations),
                  now=now)
    return data


@dataclass(frozen=True)
class Corrected:
    person_id: str
    changes: dict
    changed_ids: tuple[str, ...]  # the registrations whose person page view changed (ui.common.operations)


def correct(session: Session, *, actor: Actor, person_id: str, values: dict, reason: str, now: datetime) -> Corrected:
    person, seen = _person_or_refuse(session, actor, person_id)
    reason = (reason or "").strip()
    if not reason:
        raise SubjectAccessError(MSG_NO_REASON)
    changes = {}
    for key in CORRECTABLE:
        if key not in values:
            continue
        new = " ".join((values[key] or "").split()) or None  # as typed, spaces tidied; the case is the officer's
        if new != getattr(person, key):
            changes[key] = [getattr(person, key), new]
    if not changes:
        raise SubjectAccessError(MSG_NOTHING)
    if "nik" in changes and changes["nik"][1] is not None:
        nik = changes["nik"][1]
        if persons.valid_nik(nik) is None:
            raise SubjectAccessError(MSG_BAD_NIK)
        other = persons.find_by_nik(session, nik)
        if other is not None and other.id != person.id:
            raise SubjectAccessError(MSG_NIK_TAKEN)
    if "birth_date" in changes and changes["birth_date"][1] is not None:
        try:
            datetime.strptime(changes["birth_date"][1], "%Y-%m-%d")
        except ValueError:
            raise SubjectAccessError(MSG_BAD_DATE) from None
    for key, (_old, new) in changes.items():
        setattr(person, key, new)
    person.name_key = persons.name_key(person.name or "")
    person.updated_at = now
    person.version += 1
    session.add(PersonCorrection(person_id=person.id, at=now, user_id=actor.user_id, changes=changes, reason=reason))
    # Which fields, not their values: the log outlives the data.
    audit_log.append(session, now=now, action="subject_correction", user_id=actor.user_id, username=actor.username,
                     detail=f"person={person.id} fields={','.join(sorted(changes))}")
    return Corrected(person.id, changes, tuple(reg.id for _role, reg in seen))
