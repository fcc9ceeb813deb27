"""Which photos, scans and signatures each service asks for, and which of them a record already has.

The paper process decides it: the e-KTP biodata carries the citizen's photo, the cataract programme wants a photo
of the patient's eyes before referral, and a birth application needs a scan of every document in its checklist
(``app.birth.documents``), with the reporter's signature or thumbprint on an SPTJM that stands in for a missing
document. A missing file is shown to the officer as still to do; it does not block sending, because a scan can be
brought to the office later while the registration itself must not wait.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.attachments import PURPOSES
from app.birth import required_documents
from app.i18n import QT_TRANSLATE_NOOP

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


OFFERS = {
    "ektp": Offer("photo", ("kk", "document")),
    "birth": Offer(None, ("birth_letter", "sptjm_birth", "marriage_proof", "sptjm_marriage", "kk", "document")),
    "cataract": Offer("eye_photo", ("kk", "document")),
}
DEFAULT_OFFER = Offer("photo", ("kk", "birth_letter", "marriage_proof", "sptjm", "document"))

SPTJM_SIGNATURE = Need("sptjm_signature", QT_TRANSLATE_NOOP(
    "Attachments", "Signature or thumbprint of the reporter on the SPTJM"), ("signature", "thumbprint"))
# Checkbox of the birth checklist -> the files that show it
BIRTH_DOCUMENT_PURPOSES = {
    "doc_birth_letter": ("birth_letter",),
    "doc_sptjm_birth": ("sptjm_birth", "sptjm"),
    "doc_marriage_proof": ("marriage_proof",),
    "doc_sptjm_marriage": ("sptjm_marriage", "sptjm"),
    "doc_kk": ("kk",),
}


def offer_for(kind: str) -> Offer:
    return OFFERS.get(kind, DEFAULT_OFFER)


def _single(purpose: str) -> Need:
    return Need(purpose, PURPOSES[purpose], (purpose,))


def needed_attachments(kind: str, data: dict[str, Any]) -> list[Need]:
    """The files this registration asks for as it is filled in now, in the order the form lists them."""
    if kind == "ektp":
        return [_single("photo")]
    if kind == "cataract":
        return [_single("eye_photo")]
    if kind == "birth":
        needs = []
        for doc in required_documents(data):
            purposes = BIRTH_DOCUMENT_PURPOSES[doc.key]
            needs.append(Need(doc.key, PURPOSES[purposes[0]], purposes))
        if any(doc.instead_of for doc in required_documents(data)):
            needs.append(SPTJM_SIGNATURE)
        return needs
    return []


def checklist(needs: list[Need], present: Iterable[str]) -> list[tuple[Need, bool]]:
    """Each need with whether a file of the record (by its purpose) satisfies it."""
    have = set(present)
    return [(need, bool(have & set(need.purposes))) for need in needs]
