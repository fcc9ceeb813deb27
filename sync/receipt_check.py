"""Is this receipt genuine? The answer for a pasted or photographed QR code, from the province's key list as this
laptop holds it (sync/device_keys.py), with no network: valid, invalid, from a revoked laptop, from a laptop the
list does not name, or not answerable here (no key list yet; an unsigned receipt).

Used by the records page's "Periksa tanda terima" dialog (ui/records/receipt_check_dialog.py) and ``jemput
verify`` (ui/launcher.py). A read: it changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app import receipt_seal
from app.i18n import QT_TRANSLATE_NOOP
from app.registration_number import parse_qr_payload
from db.models import KnownDevice
from sync import device_keys, signing

VALID, INVALID, REVOKED, UNKNOWN_LAPTOP, NO_KEY_LIST, UNSIGNED = (
    "valid", "invalid", "revoked", "unknown_laptop", "no_key_list", "unsigned")
VERDICTS = {
    VALID: QT_TRANSLATE_NOOP("ReceiptCheck", "Valid: signed by a laptop the province certified."),
    INVALID: QT_TRANSLATE_NOOP("ReceiptCheck", "Invalid: the code is damaged or was changed, or it is not a "
                                               "Jemput Bola receipt."),
    REVOKED: QT_TRANSLATE_NOOP("ReceiptCheck", "Signed by a laptop the province has revoked (lost or stolen): do "
                                               "not trust this receipt without asking the office."),
    UNKNOWN_LAPTOP: QT_TRANSLATE_NOOP("ReceiptCheck", "Not confirmed: the code names a laptop this laptop's key "
                                                      "list does not know (enrolled after the last sync, or a "
                                                      "forged code). Sync, then check again."),
    NO_KEY_LIST: QT_TRANSLATE_NOOP("ReceiptCheck", "This laptop has no key list from the province yet: enrol and "
                                                   "sync it, then check again."),
    UNSIGNED: QT_TRANSLATE_NOOP("ReceiptCheck", "Not signed: printed by a laptop that had no key from the province "
                                                "yet. It gives the number only and proves nothing."),
}


@dataclass(frozen=True)
class ReceiptCheck:
    verdict: str
    statement: receipt_seal.Statement | None = None  # what the code says; shown only when it is VALID or REVOKED
    device_id: str = ""
    device_name: str = ""
    revoked_at: datetime | None = None
    registration_id: str = ""  # an unsigned code's record

    @property
    def valid(self) -> bool:
        return self.verdict == VALID


def check(session: Session, text: str) -> ReceiptCheck:
    text = (text or "").strip()
    if not receipt_seal.is_sealed(text):
        parsed = parse_qr_payload(text)
        return ReceiptCheck(UNSIGNED, registration_id=parsed[0]) if parsed else ReceiptCheck(INVALID)
    try:
        sealed = receipt_seal.unseal(text)
    except receipt_seal.SealError:
        return ReceiptCheck(INVALID)
    if device_keys.key_list_version(session) == 0:
        return ReceiptCheck(NO_KEY_LIST)
    row = session.get(KnownDevice, sealed.device_id)
    if row is None:
        return ReceiptCheck(UNKNOWN_LAPTOP, device_id=sealed.device_id)
    if not sealed.signature_by(signing.signing_public(row.signing_key)):
        return ReceiptCheck(INVALID)
    verdict = REVOKED if row.revoked_at is not None else VALID
    return ReceiptCheck(verdict, sealed.statement, sealed.device_id, row.name, row.revoked_at)


def check_all(workspace, texts: list[str]) -> list[ReceiptCheck]:
    """``check`` for each text, in one transaction of its own (``jemput verify``)."""
    with workspace.transaction() as session:
        return [check(session, text) for text in texts]
