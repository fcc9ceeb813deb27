"""The files a birth application asks for: a scan of every document in its checklist (``documents``), and the
reporter's signature or thumbprint on an SPTJM that stands in for a missing document."""

from __future__ import annotations

from typing import Any

from app.attachment_needs import Need, Offer
from app.attachments import PURPOSES
from app.i18n import QT_TRANSLATE_NOOP
from app.kinds.birth.documents import required_documents

# No photo buttons: a newborn's photo is no part of an akta; the menu holds the checklist's documents.
OFFER = Offer(None, ("birth_letter", "sptjm_birth", "marriage_proof", "sptjm_marriage", "kk", "document"))
SPTJM_SIGNATURE = Need("sptjm_signature", QT_TRANSLATE_NOOP(
    "Attachments", "Signature or thumbprint of the reporter on the SPTJM"), ("signature", "thumbprint"))
# Checkbox of the birth checklist -> the files that show it
DOCUMENT_PURPOSES = {
    "doc_birth_letter": ("birth_letter",),
    "doc_sptjm_birth": ("sptjm_birth", "sptjm"),
    "doc_marriage_proof": ("marriage_proof",),
    "doc_sptjm_marriage": ("sptjm_marriage", "sptjm"),
    "doc_kk": ("kk",),
}


def needed_attachments(data: dict[str, Any]) -> list[Need]:
    documents = required_documents(data)
    needs = [Need(doc.key, PURPOSES[DOCUMENT_PURPOSES[doc.key][0]], DOCUMENT_PURPOSES[doc.key]) for doc in documents]
    if any(doc.instead_of for doc in documents):
        needs.append(SPTJM_SIGNATURE)
    return needs
