"""The kinds of registration this app records, each with its title and its validator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.i18n import QT_TRANSLATE_NOOP


def _no_follow_up(data, today):
    return None


@dataclass(frozen=True)
class KindSpec:
    key: str
    title: str
    validate: Callable  # (data, *, today, regions, for_submit) -> list[Issue]
    # role -> prefix of that person's keys in the form data, e.g. {"mother": "mother_"}
    person_roles: dict = field(default_factory=lambda: {"subject": ""})
    # whose name and NIK the records list shows
    subject_role: str = "subject"
    # (data, today) -> (date, action) of the next visit the record needs, or None
    follow_up: Callable = _no_follow_up


def _validate_ektp(data, *, today, regions, for_submit):
    from app.ektp import validate_ektp

    return validate_ektp(data, today=today, regions=regions, for_submit=for_submit)


KINDS = {
    "ektp": KindSpec("ektp", QT_TRANSLATE_NOOP("Kinds", "e-KTP biodata"), _validate_ektp),
}


def kind_spec(kind: str) -> KindSpec:
    return KINDS[kind]
