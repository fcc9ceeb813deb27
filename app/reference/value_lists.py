"""SIAK value lists for the population forms, with SIAK's own numbering as the stored code.

Labels are English source strings; the Indonesian translation in ``app/translations/core_id.ts`` is the exact
SIAK label an officer sees on the Kartu Keluarga. Every English label is unique across all lists because the
translation catalogue is keyed by (context, source text) with no disambiguation.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, translate
from app.reference.occupations import OCCUPATION_LABELS


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    label: str


def _numbered(*labels: str) -> tuple[Choice, ...]:
    return tuple(Choice(str(number), text) for number, text in enumerate(labels, start=1))


SEX = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Male"),
    QT_TRANSLATE_NOOP("ValueList", "Female"),
)

BLOOD_TYPE = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "A"),
    QT_TRANSLATE_NOOP("ValueList", "B"),
    QT_TRANSLATE_NOOP("ValueList", "AB"),
    QT_TRANSLATE_NOOP("ValueList", "O"),
    QT_TRANSLATE_NOOP("ValueList", "A+"),
    QT_TRANSLATE_NOOP("ValueList", "A-"),
    QT_TRANSLATE_NOOP("ValueList", "B+"),
    QT_TRANSLATE_NOOP("ValueList", "B-"),
    QT_TRANSLATE_NOOP("ValueList", "AB+"),
    QT_TRANSLATE_NOOP("ValueList", "AB-"),
    QT_TRANSLATE_NOOP("ValueList", "O+"),
    QT_TRANSLATE_NOOP("ValueList", "O-"),
    QT_TRANSLATE_NOOP("ValueList", "Unknown blood type"),
)

RELIGION = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Islam"),
    QT_TRANSLATE_NOOP("ValueList", "Protestant Christianity"),
    QT_TRANSLATE_NOOP("ValueList", "Catholicism"),
    QT_TRANSLATE_NOOP("ValueList", "Hinduism"),
    QT_TRANSLATE_NOOP("ValueList", "Buddhism"),
    QT_TRANSLATE_NOOP("ValueList", "Confucianism"),
    QT_TRANSLATE_NOOP("ValueList", "Belief in One Almighty God (Kepercayaan)"),
)

MARITAL_STATUS = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Not married"),
    QT_TRANSLATE_NOOP("ValueList", "Married, registered"),
    QT_TRANSLATE_NOOP("ValueList", "Married, not registered"),
    QT_TRANSLATE_NOOP("ValueList", "Divorced, registered"),
    QT_TRANSLATE_NOOP("ValueList", "Divorced, not registered"),
    QT_TRANSLATE_NOOP("ValueList", "Widowed"),
)
NEVER_MARRIED = "1"
MARRIED = frozenset({"2", "3"})

RELATIONSHIP = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Head of family"),
    QT_TRANSLATE_NOOP("ValueList", "Husband"),
    QT_TRANSLATE_NOOP("ValueList", "Wife"),
    QT_TRANSLATE_NOOP("ValueList", "Child"),
    QT_TRANSLATE_NOOP("ValueList", "Child-in-law"),
    QT_TRANSLATE_NOOP("ValueList", "Grandchild"),
    QT_TRANSLATE_NOOP("ValueList", "Parent"),
    QT_TRANSLATE_NOOP("ValueList", "Parent-in-law"),
    QT_TRANSLATE_NOOP("ValueList", "Other relative"),
    QT_TRANSLATE_NOOP("ValueList", "Household helper"),
    QT_TRANSLATE_NOOP("ValueList", "Other relationship"),
)

EDUCATION = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "No schooling / not yet in school"),
    QT_TRANSLATE_NOOP("ValueList", "Primary school not finished"),
    QT_TRANSLATE_NOOP("ValueList", "Primary school or equivalent"),
    QT_TRANSLATE_NOOP("ValueList", "Junior secondary school or equivalent"),
    QT_TRANSLATE_NOOP("ValueList", "Senior secondary school or equivalent"),
    QT_TRANSLATE_NOOP("ValueList", "Diploma I/II"),
    QT_TRANSLATE_NOOP("ValueList", "Academy / Diploma III / Associate degree"),
    QT_TRANSLATE_NOOP("ValueList", "Diploma IV / Bachelor's degree"),
    QT_TRANSLATE_NOOP("ValueList", "Master's degree"),
    QT_TRANSLATE_NOOP("ValueList", "Doctorate"),
)

DISABILITY = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Physical disability"),
    QT_TRANSLATE_NOOP("ValueList", "Visual impairment / blind"),
    QT_TRANSLATE_NOOP("ValueList", "Hearing / speech impairment"),
    QT_TRANSLATE_NOOP("ValueList", "Mental / psychosocial disability"),
    QT_TRANSLATE_NOOP("ValueList", "Physical and mental disability"),
    QT_TRANSLATE_NOOP("ValueList", "Other disability"),
)

CITIZENSHIP = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Indonesian citizen (WNI)"),
    QT_TRANSLATE_NOOP("ValueList", "Foreign citizen (WNA)"),
)

OCCUPATION = _numbered(*OCCUPATION_LABELS)


def label(choices: tuple[Choice, ...], code: str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """The label of ``code`` in ``language``; an unknown code is shown as it is so that no stored value vanishes."""
    if not code:
        return ""
    for choice in choices:
        if choice.code == code:
            return translate("ValueList", choice.label, language)
    return code


def codes(choices: tuple[Choice, ...]) -> frozenset[str]:
    return frozenset(choice.code for choice in choices)
