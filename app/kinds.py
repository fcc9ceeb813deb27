"""The kinds of registration this app records, each with its title, its form and its validator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app import birth, cataract
from app.ektp import EKTP_FIELDS
from app.i18n import QT_TRANSLATE_NOOP


def _no_follow_up(data: dict, today: date) -> tuple[date, str] | None:
    return None


@dataclass(frozen=True)
class KindSpec:
    key: str
    title: str
    validate: Callable  # (data, *, today, regions, for_submit) -> list[Issue]
    fields: tuple = ()  # the form as a tuple of app.ektp.Field, in display order
    # role -> key prefix of that person's values in the form's data, e.g. "mother" -> "mother_"
    person_roles: dict[str, str] = field(default_factory=lambda: {"subject": ""})
    subject_role: str = "subject"  # whose name and NIK the records list shows
    # Besides the subject, whose name or NIK finds the record in the records list, and whose NIK it shows when
    # the subject has none (a newborn): a birth is looked up by the mother, whose NIK the officer has at hand.
    searched_roles: tuple[str, ...] = ()
    shown_nik_role: str | None = None
    # For a kind whose form has no village: the people whose village (as known on this laptop) is the record's.
    village_roles: tuple[str, ...] = ()
    # (data, today) -> (due date, action key) of the next visit the officer must make, or None
    follow_up: Callable[[dict, date], tuple[date, str] | None] = _no_follow_up
    section_labels: dict[str, str] = field(default_factory=dict)  # Field.section -> title (context "Section")
    short_title: str = ""  # for a list column (context "Kinds"); the title when empty
    follow_up_labels: dict[str, str] = field(default_factory=dict)  # action key -> label (context "FollowUp")
    # key -> (data) -> value or None: the values worked out from the others (the "computed" fields), never typed
    computed: dict[str, Callable[[dict], str | None]] = field(default_factory=dict)

    def with_computed(self, data: dict) -> dict:
        """``data`` with its computed values worked out afresh ("" where one cannot be yet). Every write goes
        through this (``app.registrations``), so that a value is the same whoever saves: a form, a follow-up
        visit or another caller; a form page shows it as the officer types."""
        return {**data, **{key: compute(data) or "" for key, compute in self.computed.items()}}


def _validate_ektp(data, *, today, regions, for_submit):
    from app.ektp import validate_ektp

    return validate_ektp(data, today=today, regions=regions, for_submit=for_submit)


def _validate_birth(data, *, today, regions, for_submit):
    from app.birth import validate_birth

    return validate_birth(data, today=today, regions=regions, for_submit=for_submit)


def _validate_cataract(data, *, today, regions, for_submit):
    from app.cataract import validate_cataract

    return validate_cataract(data, today=today, regions=regions, for_submit=for_submit)


KINDS = {
    "ektp": KindSpec("ektp", QT_TRANSLATE_NOOP("Kinds", "e-KTP biodata"), _validate_ektp, fields=EKTP_FIELDS,
                     short_title=QT_TRANSLATE_NOOP("Kinds", "e-KTP"),
                     section_labels={"household": QT_TRANSLATE_NOOP("Section", "Household"),
                                     "person": QT_TRANSLATE_NOOP("Section", "Person")}),
    "birth": KindSpec("birth", QT_TRANSLATE_NOOP("Kinds", "Birth certificate application"), _validate_birth,
                      fields=birth.BIRTH_FIELDS, person_roles=birth.PERSON_ROLES, subject_role="child",
                      searched_roles=("mother", "father"), shown_nik_role="mother",
                      village_roles=("mother", "father", "reporter"), section_labels=birth.SECTION_LABELS,
                      short_title=QT_TRANSLATE_NOOP("Kinds", "Birth certificate")),
    "cataract": KindSpec("cataract", QT_TRANSLATE_NOOP("Kinds", "Cataract screening"), _validate_cataract,
                         fields=cataract.CATARACT_FIELDS, person_roles=cataract.PERSON_ROLES, subject_role="patient",
                         follow_up=cataract.follow_up, section_labels=cataract.SECTION_LABELS,
                         follow_up_labels=cataract.FOLLOW_UP_LABELS, computed=cataract.COMPUTED),
}


def kind_spec(kind: str) -> KindSpec:
    return KINDS[kind]
