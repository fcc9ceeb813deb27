"""The signatures of a pushed batch, checked on worker threads while the request's thread validates the records.

Checking the records' Ed25519 signatures was about a third of the server's CPU on a push (py-spy of the server
during bench/sync.py; some 83 µs a signature here). OpenSSL runs without Python's lock, so the checks go to
threads in chunks and use another core while the request's thread validates; that thread waits for a record's
chunk only when it reaches that record.

The threads get bytes and key objects only, never the session or its rows: a row read from another thread could
load from the session behind the request's back.

A laptop's own records come under one seal per batch instead (``check_seal``): one check on the request's thread,
where a relayed record keeps its maker's signature and is checked here as before.
"""

from __future__ import annotations

import functools
import os
from concurrent.futures import Future, ThreadPoolExecutor

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from server import i18n
from server.models import Device, PushBatch, Registration
from sync import signing
from sync.payload import SIGNATURE_BYTES, PayloadError, PushRequest, Record, decode_b64

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


def check_seal(request: PushRequest, device: Device, content_hashes: list[str]) -> tuple[str | None, str | None]:
    """(the refusal of every record the batch's seal covers, None when the seal holds; the signed message to keep
    with the batch). The seal must be the key of the device whose token sent the batch: a seal naming another
    device vouches for nothing. (None, None) for a batch without a seal."""
    seal = request.seal
    if seal is None:
        return None, None
    if device.signing_key is None:
        return i18n.tr(i18n.MSG_UNKNOWN_SIGNER), None
    if device.revoked_at is not None:
        return i18n.tr(i18n.MSG_REVOKED_SIGNER), None
    covered = [(record.id, content_hash) for record, content_hash in zip(request.records, content_hashes)
               if signing.under_seal(record)]
    message = signing.seal_message(request.batch_id, device.id, covered)
    try:
        if seal.device != device.id:
            raise InvalidSignature
        raw = decode_b64(seal.signature, "seal.signature", size=SIGNATURE_BYTES)
        _public_key(device.signing_key).verify(raw, signing.signed_bytes(signing.SEAL_LABEL, message))
    except (InvalidSignature, PayloadError):
        return i18n.tr(i18n.MSG_BAD_SIGNATURE), None
    return None, message.decode()


def vouching_device(session, reg: Registration) -> str | None:
    """The device whose signature, or whose batch's seal, proves the stored record's current content; None when
    nothing does (a laptop without keys, central's own change, or a proof that does not hold)."""
    if reg.signature is not None and reg.origin_device is not None:
        signer, signature = reg.origin_device, reg.signature
        message = signing.signed_bytes(signing.RECORD_LABEL,
                                       signing.record_message(reg.id, reg.content_hash, reg.origin_device))
    elif reg.seal_batch_id is not None:
        batch = session.get(PushBatch, (reg.last_device_id, reg.seal_batch_id))
        if batch is None or batch.seal_message is None:
            return None
        lines = batch.seal_message.split("\n")
        if lines[:2] != [reg.seal_batch_id, reg.last_device_id] or f"{reg.id} {reg.content_hash}" not in lines[2:]:
            return None
        signer, signature = reg.last_device_id, batch.seal_signature
        message = signing.signed_bytes(signing.SEAL_LABEL, batch.seal_message.encode())
    else:
        return None
    device = session.get(Device, signer)
    if device is None or not device.signing_key:
        return None
    try:
        _public_key(device.signing_key).verify(decode_b64(signature, "signature", size=SIGNATURE_BYTES), message)
    except (InvalidSignature, PayloadError):
        return None
    return signer


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
