"""The finding for a value-list field whose value is not one of its options.

Two ways to get there: a stored code this version does not know (newer master data), or words the officer
typed into a searchable list without picking an option ("pasar tanjung" in Occupation or in Desa/kelurahan). The second is kept as
typed, so nothing the officer wrote vanishes, and the message quotes it so the officer sees what to change.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.validation.issues import Issue, Term, error


def is_code(value: str) -> bool:
    """A SIAK code ("2") or a dotted Kemendagri region code ("16.03.07"), as opposed to typed words."""
    return value.isascii() and value.replace(".", "").isdigit()


def unlisted_choice(key: str, label: Term, value: str) -> Issue:
    if is_code(value):
        return error(key, "choice_unknown", QT_TRANSLATE_NOOP(
            "Validation", "{label}: choose one of the options in the list."), label=label)
    return error(key, "choice_unknown", QT_TRANSLATE_NOOP(
        "Validation", "{label}: “{text}” is not in the list. Pick one of its options or clear the field."),
        label=label, text=value)
