"""The data key sealed to the province's recovery key, so that a forgotten password loses no data.

Sealing is X25519 with a one-time key, HKDF-SHA256 and AES-256-GCM (the shape of HPKE's base mode), bound to the
laptop's device id: an envelope copied to another laptop's key ring does not open as that laptop's. Only the
public half of the recovery key is ever on a laptop or the online server; the private half stays with the
province (an offline machine), and ``jemput-server recover-key`` opens an envelope with it, audited.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

INFO = b"jemput data key recovery v1"


class RecoveryError(Exception):
    pass


def raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public: X25519PublicKey) -> str:
    return hashlib.sha256(raw_public(public)).hexdigest()[:16]


def public_from_text(text: str) -> X25519PublicKey:
    """A PEM public key, or its 32 raw bytes in base64 (as the enrolment answer carries it)."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode())
        else:
            key = X25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, TypeError) as exc:
        raise RecoveryError(f"not an X25519 public key: {exc}") from exc
    if not isinstance(key, X25519PublicKey):
        raise RecoveryError("not an X25519 public key")
    return key


def public_text(key: X25519PublicKey) -> str:
    return base64.b64encode(raw_public(key)).decode()


def _aead(shared: bytes, ephemeral: bytes, recipient: bytes) -> AESGCM:
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=INFO).derive(shared))


def seal(data_key: bytes, recipient: X25519PublicKey, *, device_id: str) -> dict:
    one_time = X25519PrivateKey.generate()
    ephemeral = raw_public(one_time.public_key())
    sealed = _aead(one_time.exchange(recipient), ephemeral, raw_public(recipient)).encrypt(
        b"\x00" * 12, data_key, device_id.encode())
    b64 = base64.b64encode
    return {"key_id": key_id(recipient), "device_id": device_id, "ephemeral": b64(ephemeral).decode(),
            "sealed": b64(sealed).decode()}


def open_envelope(envelope: dict, private: X25519PrivateKey) -> bytes:
    try:
        ephemeral = base64.b64decode(envelope["ephemeral"])
        sealed = base64.b64decode(envelope["sealed"])
        device_id = str(envelope["device_id"])
        peer = X25519PublicKey.from_public_bytes(ephemeral)
    except (KeyError, ValueError, TypeError) as exc:
        raise RecoveryError(f"not a recovery envelope: {exc}") from exc
    if envelope.get("key_id") != key_id(private.public_key()):
        raise RecoveryError("sealed to another recovery key")
    try:
        return _aead(private.exchange(peer), ephemeral, raw_public(private.public_key())).decrypt(
            b"\x00" * 12, sealed, device_id.encode())
    except InvalidTag:
        raise RecoveryError("the envelope does not open with this key") from None
