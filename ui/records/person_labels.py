"""How the person page and the person's data export name things: roles, sex, dates, the correctable fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app import subject_access
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists

ROLE_LABELS = {
    "subject": QT_TRANSLATE_NOOP("PersonRoles", "Applicant"),
    "child": QT_TRANSLATE_NOOP("PersonRoles", "Child"),
    "mother": QT_TRANSLATE_NOOP("PersonRoles", "Mother"),
    "father": QT_TRANSLATE_NOOP("PersonRoles", "Father"),
    "reporter": QT_TRANSLATE_NOOP("PersonRoles", "Reporter"),
    "witness1": QT_TRANSLATE_NOOP("PersonRoles", "Witness I"),
    "witness2": QT_TRANSLATE_NOOP("PersonRoles", "Witness II"),
    "patient": QT_TRANSLATE_NOOP("PersonRoles", "Patient"),
}


def field_label(key: str) -> str:
    return QCoreApplication.translate("SubjectAccess", subject_access.FIELD_LABELS.get(key, key))


def role_label(role: str) -> str:
    return QCoreApplication.translate("PersonRoles", ROLE_LABELS.get(role, role))


def sex_label(code: str | None) -> str:
    for choice in value_lists.SEX:
        if choice.code == code:
            return QCoreApplication.translate("ValueList", choice.label)
    return code or "—"


def day_first(iso: str | None) -> str:
    if not iso or len(iso) != 10:
        return iso or "—"
    return f"{iso[8:10]}-{iso[5:7]}-{iso[0:4]}"
