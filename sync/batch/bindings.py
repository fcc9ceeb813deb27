"""What the key wrapping and the signature are bound to, shared by the writer and the reader.

Each use has its own label, so a signature or a wrapped key made for one purpose (or a later format version)
can never stand in for another.
"""

from __future__ import annotations

import hashlib
import struct

from cryptography.hazmat.primitives import hpke

SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
KEY_LABEL = b"jemput-batch-v1 content key\x00"
SIGNATURE_LABEL = b"jemput-batch-v1 signature\x00"
COMMITMENT_LABEL = b"jemput-batch-v1 key commitment\x00"
SIGNATURE_SIZE = 64
WRAPPED_LENGTH = struct.Struct(">H")
MAX_WRAPPED_BYTES = 1024


def key_info(header_hash: bytes) -> bytes:
    """HPKE ``info`` of every wrapped content key: the key opens only under the header it was written with."""
    return KEY_LABEL + header_hash


def key_commitment(content_key: bytes) -> str:
    """The header's commitment to the content key. ChaCha20-Poly1305 does not commit to its key: a sender could
    wrap a different key for each recipient and craft chunks that open under both, showing the supervisor other
    records than the server. With the commitment in the signed header every recipient opens the same plaintext."""
    return hashlib.sha256(COMMITMENT_LABEL + content_key).hexdigest()


def signed_message(header_hash: bytes, rest_hash: bytes) -> bytes:
    """What the sender's Ed25519 key signs: the header hash and the SHA-256 of everything between the header and
    the signature (the key block and every sealed chunk)."""
    return SIGNATURE_LABEL + header_hash + rest_hash
