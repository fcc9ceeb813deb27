"""What a receipt says: the citizen's proof that the service was taken, with a QR code to look it up.

Layout and printing are the UI's (Qt's PDF and print support); this module decides the content, so that it is the
same on every paper size and testable without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta, timezone

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, translate
from app.kinds import kind_spec
from app import receipt_seal
from app.registration_number import qr_payload, registration_number
from db.models import Registration

ANONYMOUS = QT_TRANSLATE_NOOP("Receipt", "Anonymous (not named, at the citizen's request)")


@dataclass(frozen=True)
class ReceiptContent:
    title: str
    number: str
    registration_id: str
    citizen_name: str
    citizen_nik: str  # masked: a lost receipt must not give away the whole NIK
    service: str
    issued_on: date
    officer: str
    village: str
    next_steps: str
    come_back_on: date | None
    come_back_where: str
    # True: the QR code is a statement signed by this laptop's certified key (app/receipt_seal.py), checkable
    # offline by anyone with the province's key list. False: the laptop has no certified key yet (before its first
    # sync), so the QR code only names the record and the receipt says so instead of printing a code.
    signed: bool
    qr_payload: str
    # The date is the earliest day to come (a printed KTP) rather than an appointment (a scheduled surgery).
    come_back_from: bool = True
    # Who reported a birth: the child on the receipt has no NIK yet, the person holding it is the reporter.
    reporter: str = ""
    about: str = ""  # what the service is about, where the service says (a complaint's title)
    number_label: str = ""  # what the number is called; empty: the layout's "Registration number"


def mask_nik(nik: str | None) -> str:
    if not nik:
        return "-"
    return f"{nik[:6]}******{nik[-4:]}" if len(nik) == 16 else nik


@dataclass(frozen=True)
class ReceiptSigner:
    """This laptop's certified signing key and its id on the server (sync/device_keys.py ``receipt_signer``)."""
    device_id: str
    key: Ed25519PrivateKey


def build_receipt(session: Session, *, registration: Registration, officer_name: str, village_name: str,
                  language: str = "id", signer: ReceiptSigner | None = None) -> ReceiptContent:
    kind = registration.kind
    spec = kind_spec(kind)
    text = spec.receipt
    data = registration.data or {}
    issued = (registration.submitted_at or registration.updated_at).replace(tzinfo=timezone.utc).astimezone().date()
    come_back = issued + timedelta(days=text.come_back_days) if text.come_back_days else None
    where = ""
    if text.appointment is not None:
        come_back, where = text.appointment(data)
    anonymous = text.anonymous(data)
    number = registration_number(registration.id, kind, registration.created_at)
    nik = mask_nik(None if anonymous else registration.subject_nik)
    if signer is not None:
        payload = receipt_seal.seal(receipt_seal.Statement(registration.id, number, kind, issued, nik),
                                    device_id=signer.device_id, key=signer.key)
    else:
        payload = qr_payload(registration.id, "")
    t = lambda source: translate("Receipt", source, language)  # noqa: E731
    return ReceiptContent(
        title=t(text.title),
        number=number,
        registration_id=registration.id,
        citizen_name=t(ANONYMOUS) if anonymous else registration.subject_name,
        citizen_nik=nik,
        service=translate("Kinds", spec.title, language),
        issued_on=issued,
        officer=officer_name,
        village=village_name,
        next_steps=t(text.next_steps),
        come_back_on=come_back,
        come_back_where=where,
        signed=signer is not None,
        qr_payload=payload,
        come_back_from=text.appointment is None,
        reporter=str(data.get(text.holder_key, "")) if text.holder_key else "",
        about=str(data.get(text.about_key, "")) if text.about_key else "",
        number_label=t(text.number_label),
    )
