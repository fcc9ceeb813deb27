"""The signed statement a receipt's QR code carries, so that anyone holding the province's key list can check the
receipt offline: COSE_Sign1 (RFC 9052) with Ed25519, in Base45 behind a short prefix, the shape of the EU's digital
COVID certificates ("HC1:") and MOSIP's QR codes, made smaller by leaving out what a receipt does not need (no
CWT claims, no compression for ~200 bytes).

    JB2:<Base45 of COSE_Sign1 = Tag 18 [protected, unprotected, payload, signature]>
    protected = {1 (alg): -8 (EdDSA), 4 (kid): the issuing laptop's server device id, 16 bytes}
    payload   = {1: registration id (16 bytes), 2: registration number, 3: service (kind), 4: date YYYYMMDD,
                 5: NIK masked as printed}

The key id is in the protected header, so it is signed too: a statement cannot be re-labelled as another
laptop's. The registration id lets a scanner or ``jemput-server set-status`` find the record from the QR code.

A laptop that has no certified key yet (before its first sync) prints ``JB1|<id>|`` instead: a look-up code that
claims nothing, with the receipt saying in words that it cannot be checked yet.

Qt-free and database-free: the signer and the key look-up are the caller's (``sync/receipt_check.py``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app import base45, cbor

PREFIX = "JB2:"
COSE_SIGN1_TAG = 18
ALG, KID, EDDSA = 1, 4, -8
MAX_TEXT = 2000  # a receipt's code is ~300 characters; a paste ten times that long is not one


class SealError(ValueError):
    """Text that is not a receipt's signed statement (or is damaged: one changed character is enough)."""


@dataclass(frozen=True)
class Statement:
    registration_id: str
    number: str
    service: str  # the kind: ektp, birth, cataract, complaint
    issued_on: date
    masked_nik: str


@dataclass(frozen=True)
class Sealed:
    """A statement as read from a QR code, not yet checked: ``signature_by(key)`` does that."""
    statement: Statement
    device_id: str
    signed_bytes: bytes
    signature: bytes

    def signature_by(self, key: Ed25519PublicKey) -> bool:
        try:
            key.verify(self.signature, self.signed_bytes)
        except InvalidSignature:
            return False
        return True


def seal(statement: Statement, *, device_id: str, key: Ed25519PrivateKey) -> str:
    protected = cbor.dumps({ALG: EDDSA, KID: uuid.UUID(device_id).bytes})
    payload = cbor.dumps({1: uuid.UUID(statement.registration_id).bytes, 2: statement.number, 3: statement.service,
                          4: int(statement.issued_on.strftime("%Y%m%d")), 5: statement.masked_nik})
    signature = key.sign(_to_be_signed(protected, payload))
    return PREFIX + base45.encode(cbor.dumps(cbor.Tag(COSE_SIGN1_TAG, [protected, {}, payload, signature])))


def is_sealed(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX)


def unseal(text: str) -> Sealed:
    """The statement and who claims to have signed it; raises SealError for anything that is not one."""
    text = text.strip()
    if len(text) > MAX_TEXT or not text.upper().startswith(PREFIX):
        raise SealError("not a signed receipt code")
    try:
        message = cbor.loads(base45.decode(text[len(PREFIX):]))
        if isinstance(message, cbor.Tag):
            if message.number != COSE_SIGN1_TAG:
                raise SealError("not COSE_Sign1")
            message = message.value
        if not (isinstance(message, list) and len(message) == 4):
            raise SealError("not COSE_Sign1")
        protected, _unprotected, payload, signature = message
        if not all(isinstance(part, bytes) for part in (protected, payload, signature)):
            raise SealError("not COSE_Sign1")
        header, body = cbor.loads(protected), cbor.loads(payload)
        if not isinstance(header, dict) or header.get(ALG) != EDDSA or not isinstance(header.get(KID), bytes):
            raise SealError("not signed with Ed25519")
        if not isinstance(body, dict):
            raise SealError("no statement")
        statement = Statement(registration_id=str(uuid.UUID(bytes=_bytes(body, 1))), number=_text(body, 2),
                              service=_text(body, 3), issued_on=_day(body.get(4)), masked_nik=_text(body, 5))
        device_id = str(uuid.UUID(bytes=header[KID]))
    except (ValueError, TypeError) as exc:  # CborError, Base45Error, a bad UUID or date are ValueErrors
        raise SealError(f"damaged receipt code ({exc})") from exc
    return Sealed(statement, device_id, _to_be_signed(protected, payload), signature)


def registration_id_of(text: str) -> str | None:
    """The registration id a signed code names, unchecked (finding a record is not trusting it); None when it is
    not one."""
    try:
        return unseal(text).statement.registration_id
    except SealError:
        return None


def _to_be_signed(protected: bytes, payload: bytes) -> bytes:
    # Sig_structure of RFC 9052 section 4.4, no external data.
    return cbor.dumps(["Signature1", protected, b"", payload])


def _bytes(body: dict, key: int) -> bytes:
    value = body.get(key)
    if not isinstance(value, bytes):
        raise SealError(f"field {key} missing")
    return value


def _text(body: dict, key: int) -> str:
    value = body.get(key)
    if not isinstance(value, str) or len(value) > 64:
        raise SealError(f"field {key} missing")
    return value


def _day(value: object) -> date:
    if not isinstance(value, int) or not 19000101 <= value <= 99991231:
        raise SealError("no date")
    return date(value // 10000, value // 100 % 100, value % 100)
