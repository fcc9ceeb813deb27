"""Keys and signatures of the protocol (PROTOCOL.md, "Keys and signatures"), shared by the laptops and the server.

Public keys travel as base64 of their 32 raw bytes (read strictly by sync/payload.py); signatures are Ed25519,
base64 of 64 bytes. Every signed message starts with a label of what it is, so that a signature made for one
purpose (a record) can never be passed off as another (a key list, later a batch file or a receipt).
Private keys never travel: each side keeps its own (sync/device_keys.py on a laptop, server/core/keys.py).
"""

from __future__ import annotations

import base64
from dataclasses import replace

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from sync.payload import PUBLIC_KEY_BYTES, SIGNATURE_BYTES, PayloadError, Record, Seal, decode_b64

RECORD_LABEL = b"jemput-record/1"
SEAL_LABEL = b"jemput-seal/1"
KEY_LIST_LABEL = b"jemput-key-list/1"

_RAW = dict(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)


def public_text(key: Ed25519PublicKey | X25519PublicKey | Ed25519PrivateKey | X25519PrivateKey) -> str:
    """A public key (or a private key's public half) as it travels."""
    if isinstance(key, Ed25519PrivateKey | X25519PrivateKey):
        key = key.public_key()
    return base64.b64encode(key.public_bytes(**_RAW)).decode()


def signing_public(text: str, where: str = "signing_key") -> Ed25519PublicKey:
    """An Ed25519 public key from its text; raises PayloadError."""
    return Ed25519PublicKey.from_public_bytes(decode_b64(text, where, size=PUBLIC_KEY_BYTES))


def encryption_public(text: str, where: str = "encryption_key") -> X25519PublicKey:
    """An X25519 public key from its text; raises PayloadError for a key no exchange works with (a low-order
    point gives an all-zero secret, which cryptography refuses: better here than in the first batch file)."""
    key = X25519PublicKey.from_public_bytes(decode_b64(text, where, size=PUBLIC_KEY_BYTES))
    try:
        X25519PrivateKey.generate().exchange(key)
    except ValueError as exc:
        raise PayloadError(f"{where}: not a usable X25519 key") from exc
    return key


def check_public_keys(signing_key: str, encryption_key: str) -> None:
    """Raises PayloadError unless both keys are usable (the shape was checked by sync/payload.py already)."""
    signing_public(signing_key)
    encryption_public(encryption_key)


def private_raw(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(encoding=serialization.Encoding.Raw, format=serialization.PrivateFormat.Raw,
                             encryption_algorithm=serialization.NoEncryption())


def signed_bytes(label: bytes, message: bytes) -> bytes:
    """What a signature is made over: the label of its purpose, then the message."""
    return label + b"\n" + message


def sign(key: Ed25519PrivateKey, label: bytes, message: bytes) -> str:
    return base64.b64encode(key.sign(signed_bytes(label, message))).decode()


def verify(key: Ed25519PublicKey, label: bytes, message: bytes, signature: str) -> bool:
    try:
        raw = decode_b64(signature, "signature", size=SIGNATURE_BYTES)
        key.verify(raw, signed_bytes(label, message))
    except (InvalidSignature, PayloadError):
        return False
    return True


def record_message(record_id: str, content_hash: str, origin_device: str) -> bytes:
    """What a record's signature covers: its id, its content (the version-independent content hash, so a copy
    that only moved versions or history keeps its signature) and the device that made that content."""
    return f"{record_id}\n{content_hash}\n{origin_device}".encode()


def sign_record(record: Record, *, device_id: str, key: Ed25519PrivateKey) -> Record:
    """The record signed by ``device_id`` (this laptop's id on the server) with its signing key."""
    message = record_message(record.id, record.content_hash(), device_id)
    return replace(record, origin_device=device_id, signature=sign(key, RECORD_LABEL, message))


def record_signature_parts(record: Record, content_hash: str | None = None) -> tuple[bytes, bytes] | None:
    """(the signature's bytes, the bytes it must have been made over) of a signed record: its id, this very
    content and its origin device (``content_hash``: the record's, when the caller has it already). None for an
    unsigned record or a signature that is not base64 of 64 bytes."""
    if record.origin_device is None or record.signature is None:
        return None
    try:
        raw = decode_b64(record.signature, "signature", size=SIGNATURE_BYTES)
    except PayloadError:
        return None
    message = record_message(record.id, content_hash or record.content_hash(), record.origin_device)
    return raw, signed_bytes(RECORD_LABEL, message)


def record_signature_ok(record: Record, key: Ed25519PublicKey, content_hash: str | None = None) -> bool:
    """True when ``record.signature`` is ``key``'s over this very content, id and origin device."""
    parts = record_signature_parts(record, content_hash)
    if parts is None:
        return False
    try:
        key.verify(*parts)
    except InvalidSignature:
        return False
    return True


# --- the seal of a pushed batch -----------------------------------------------------------------------------------
# Signing every record cost the laptop one Ed25519 signature and the server one check per record, the largest
# single cost of a push after validation (bench/sync.py, profiled). A laptop pushing its own records signs the batch
# once instead: the batch id, its device and each record's id and content hash, in the batch's order.

def under_seal(record: Record) -> bool:
    """Whether a batch's seal vouches for this record of it: one without a signature of its own (a relayed record
    keeps its maker's)."""
    return record.signature is None


def seal_message(batch_id: str, device_id: str, covered: list[tuple[str, str]]) -> bytes:
    """What a seal's signature covers: ``covered`` is (id, content hash) of each sealed record, in order."""
    return "\n".join([batch_id, device_id, *(f"{rid} {content_hash}" for rid, content_hash in covered)]).encode()


def seal_batch(batch_id: str, records: list[Record], *, device_id: str, key: Ed25519PrivateKey) -> Seal | None:
    """The seal of ``device_id`` (this laptop's server id) over the batch; None when every record is signed."""
    covered = [(record.id, record.content_hash()) for record in records if under_seal(record)]
    if not covered:
        return None
    return Seal(device=device_id, signature=sign(key, SEAL_LABEL, seal_message(batch_id, device_id, covered)))
