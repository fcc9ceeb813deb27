"""The kinds of registration this app records, each with its title and its validator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class KindSpec:
    key: str
    title: str
    validate: Callable  # (data, *, today, regions, for_submit) -> list[Issue]


def _validate_ektp(data, *, today, regions, for_submit):
    from app.ektp import validate_ektp

    return validate_ektp(data, today=today, regions=regions, for_submit=for_submit)


KINDS = {
    "ektp": KindSpec("ektp", QT_TRANSLATE_NOOP("Kinds", "e-KTP biodata"), _validate_ektp),
}


def kind_spec(kind: str) -> KindSpec:
    return KINDS[kind]
