"""A record's receipt as the receipt dialog shows it: the content ``app.receipts`` builds, with the officer's
and the village's names looked up."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import receipts, record_views, registrations
from app.receipts import ReceiptContent, ReceiptSigner
from app.reference.regions import regions_of


def receipt_for(session: Session, *, registration_id: str, language: str,
                signer: ReceiptSigner | None = None) -> ReceiptContent:
    """``signer``: this laptop's certified key (sync/device_keys.py ``receipt_signer``), None before it has one."""
    reg = registrations.get(session, registration_id)
    return receipts.build_receipt(session, registration=reg, officer_name=reg.owner.full_name,
                                  village_name=record_views.village_name(reg.village_code, regions_of(session)),
                                  language=language, signer=signer)
