"""The signatures of a pushed batch, checked on worker threads while the request's thread validates the records.

Checking the records' Ed25519 signatures was about a third of the server's CPU on a push (py-spy of the server
during bench/sync.py; some 83 µs a signature here). OpenSSL runs without Python's lock, so the checks go to
threads in chunks and use another core while the request's thread validates; that thread waits for a record's
chunk only when it reaches that record.

The threads get bytes and key objects only, never the session or its rows: a row read from another thread could
load from the session behind the request's back.
"""

from __future__ import annotations

import functools
import os
from concurrent.futures import Future, ThreadPoolExecutor

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from server import i18n
from server.models import Device
from sync import signing
from sync.payload import Record

CHUNK = 64  # big enough that a thread's hand-over costs little per record, small enough to start early
_POOL = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1), thread_name_prefix="signatures")

# What a worker checks: the key, the signature's bytes and the signed message.
_Check = tuple[Ed25519PublicKey, bytes, bytes]


class BatchSignatures:
    """Each record's signature refusal (None when it is signed by its certified device, or unsigned), in order."""

    def __init__(self, records: list[Record], content_hashes: list[str], origins: dict[str, Device]):
        self._refusals: list[str | None] = []
        checks: list[tuple[int, _Check]] = []
        for index, (record, content_hash) in enumerate(zip(records, content_hashes)):
            refusal, check = _prepare(record, content_hash, origins)
            self._refusals.append(refusal)
            if check is not None:
                checks.append((index, check))
        # Which chunk holds each record's check: a record is waited for only when the loop reaches it.
        self._chunk_of: dict[int, tuple[Future, int]] = {}
        for start in range(0, len(checks), CHUNK):
            part = checks[start:start + CHUNK]
            future = _POOL.submit(_verify_all, [check for _index, check in part])
            for offset, (index, _check) in enumerate(part):
                self._chunk_of[index] = (future, offset)

    def refusal(self, index: int) -> str | None:
        waiting = self._chunk_of.pop(index, None)
        if waiting is not None:
            future, offset = waiting
            if not future.result()[offset]:
                self._refusals[index] = i18n.tr(i18n.MSG_BAD_SIGNATURE)
        return self._refusals[index]


def _prepare(record: Record, content_hash: str, origins: dict[str, Device]) -> tuple[str | None, _Check | None]:
    """A signed record must be signed by the certified key of the device it names; an unsigned one (a laptop
    without keys) is taken as before."""
    if record.signature is None:
        return None, None
    origin = origins.get(record.origin_device)
    if origin is None or origin.signing_key is None:
        return i18n.tr(i18n.MSG_UNKNOWN_SIGNER), None
    if origin.revoked_at is not None:
        return i18n.tr(i18n.MSG_REVOKED_SIGNER), None
    parts = signing.record_signature_parts(record, content_hash)
    if parts is None:
        return i18n.tr(i18n.MSG_BAD_SIGNATURE), None
    return None, (_public_key(origin.signing_key), *parts)


def _verify_all(checks: list[_Check]) -> list[bool]:
    results = []
    for key, raw, message in checks:
        try:
            key.verify(raw, message)
            results.append(True)
        except InvalidSignature:
            results.append(False)
    return results


# The key object of a device's signing key, made once rather than for each of the hundreds of records it signed.
_public_key = functools.lru_cache(maxsize=4096)(signing.signing_public)
