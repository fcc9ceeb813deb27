"""Which photos, scans and signatures a service asks for, and which of them a record already has.

Each service declares its own (``KindSpec.offer`` and ``KindSpec.needed_attachments``) and the paper process
decides: the e-KTP biodata carries the citizen's photo, the cataract programme wants a photo of the patient's eyes
before referral, a birth application needs a scan of every document in its checklist. A missing file is shown to the officer as still to do; it does not block sending, because a scan can be
brought to the office later while the registration itself must not wait.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.attachments import PURPOSES

CONTEXT = "Attachments"  # translation context of every label here and in ``PURPOSES``


@dataclass(frozen=True, slots=True)
class Need:
    key: str
    label: str  # English source; translate with context ``CONTEXT``
    purposes: tuple[str, ...]  # a file with any of these purposes satisfies the need


@dataclass(frozen=True, slots=True)
class Offer:
    """What a service's form lets the officer add: the purpose a photo gets (None: no photo buttons) and the kinds
    of scanned document in its menu."""

    photo_purpose: str | None
    document_purposes: tuple[str, ...]


DEFAULT_OFFER = Offer("photo", ("kk", "birth_letter", "marriage_proof", "sptjm", "document"))


def one_file(purpose: str) -> Need:
    """The need for one file of ``purpose``, labelled as that purpose is."""
    return Need(purpose, PURPOSES[purpose], (purpose,))


def checklist(needs: list[Need], present: Iterable[str]) -> list[tuple[Need, bool]]:
    """Each need with whether a file of the record (by its purpose) satisfies it."""
    have = set(present)
    return [(need, bool(have & set(need.purposes))) for need in needs]
