"""Reads batch files: ``read_header`` cheaply for a list of what is on a stick, ``open_batch`` with every check.

``open_batch`` reads the file once: it decrypts and stages as it goes, hashes every byte for the signature, and
checks the signature at the end; until then nothing is handed out, and any failure empties the staging folder
(sync/BATCH.md, "Reading: one pass, staged").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

import sync.batch.header as headers
from sync.batch.bindings import (MAX_WRAPPED_BYTES, SIGNATURE_SIZE, SUITE, WRAPPED_LENGTH, key_commitment,
                                 key_info, signed_message)
from sync.batch.body import BodyProblem, BodyReader
from sync.batch.errors import BatchError, disk_error
from sync.batch.header import BatchHeader, HeaderProblem
from sync.batch.manifest import Manifest
from sync.batch.stream import KEY_SIZE, TAG_SIZE, ChunkTampered, Opener
from sync.batch.volumes import PART, VolumeMismatch, VolumeReader

Progress = Callable[[int, int], None]
SenderKey = Callable[[BatchHeader], Ed25519PublicKey]
# What a killed import may have left in a staging folder: staged files and their partial copies, nothing else.
_LEFTOVER = re.compile(r"[0-9a-f]{64}(\.part)?")


@dataclass(frozen=True)
class OpenedBatch:
    """A batch whose every check passed: signed by the sender's key, opened with ours, every hash right.
    ``attachments`` maps each sha256 of the manifest to its file under the staging folder."""

    header: BatchHeader
    manifest: Manifest
    payload: bytes
    attachments: dict[str, Path]


def read_header(path: Path) -> BatchHeader:
    """The header as the file states it, without any key and without reading further: enough to show "berkas 7
    dari Siti" before importing. Not proven until ``open_batch``. Raises BatchError."""
    path = Path(path)
    _refuse_unfinished(path)
    with _reading(path) as source:
        header, _hash = _header(source, path)
    return header


def open_batch(path: Path, key_id: str, private: X25519PrivateKey, sender_key: SenderKey, staging: Path,
               progress: Progress | None = None) -> OpenedBatch:
    """Checks and opens the batch at ``path`` (its first volume) for the recipient ``key_id`` holding ``private``.

    ``sender_key(header)`` returns the sender device's signing key from the key list, or raises
    BatchError("unknown_sender") for a device that is unknown or revoked; it is asked before anything is
    decrypted. Attachments are staged in ``staging`` (created if missing; it must hold nothing but what an earlier,
    interrupted import left there, which is removed). ``progress(done, total)`` gets plaintext bytes after each
    chunk; an exception from it cancels. Raises BatchError; on any failure ``staging`` is left empty.
    """
    path, staging = Path(path), Path(staging)
    _refuse_unfinished(path)
    with _reading(path) as source:
        header, header_hash = _header(source, path)
        source.expect_file_id(header.file_id)
        if key_id not in header.recipients:
            raise BatchError("not_for_us", name=path.name)
        try:
            signing_key = sender_key(header)
        except BatchError as exc:
            raise BatchError(exc.code, name=path.name) from exc
        rest_hash = hashlib.sha256()
        content_key = _content_key(source, path, header, header_hash, key_id, private, rest_hash)
        _clear(staging)
        body = BodyReader(header, staging)
        try:
            _read_body(source, path, header, Opener(content_key, header_hash, header.bytes), body, rest_hash,
                       progress or (lambda _done, _total: None))
            signature = _read(source, path, SIGNATURE_SIZE)
            try:
                signing_key.verify(signature, signed_message(header_hash, rest_hash.digest()))
            except InvalidSignature:
                raise BatchError("bad_signature", name=path.name) from None
            if not source.at_end():
                raise BatchError("tampered", name=path.name)
            if body.problem is not None:
                raise BatchError(body.problem.code, name=path.name)
            return OpenedBatch(header, body.manifest, body.payload(), body.staged())
        except BaseException:
            body.discard()
            raise


def _refuse_unfinished(path: Path) -> None:
    """A ``.part`` name is a write that never finished (the stick pulled before the rename), whatever its bytes."""
    if path.name.endswith(PART):
        raise BatchError("truncated", name=path.name)


def _clear(staging: Path) -> None:
    """An empty staging folder; what a killed import left there is removed, anything else is the caller's bug."""
    try:
        staging.mkdir(parents=True, exist_ok=True)
        entries = list(staging.iterdir())
        strangers = [p.name for p in entries if not (_LEFTOVER.fullmatch(p.name) and p.is_file())]
        if strangers:
            raise ValueError(f"staging folder {staging} holds other files: {strangers[:5]}")
        for entry in entries:
            entry.unlink()
    except OSError as exc:
        raise disk_error(exc, str(staging)) from exc


class _Reading:
    """The volume reader, with the stick's read errors turned into BatchErrors."""

    def __init__(self, volumes: VolumeReader, path: Path):
        self._volumes = volumes
        self._path = path

    def expect_file_id(self, file_id: str) -> None:
        self._volumes.expect_file_id(file_id)

    def read(self, size: int) -> bytes:
        try:
            return self._volumes.read(size)
        except VolumeMismatch:
            raise BatchError("tampered", name=self._path.name) from None
        except OSError as exc:
            raise BatchError("cannot_read", name=self._path.name, reason=exc.strerror or str(exc)) from exc

    def at_end(self) -> bool:
        try:
            return self._volumes.at_end()
        except OSError as exc:
            raise BatchError("cannot_read", name=self._path.name, reason=exc.strerror or str(exc)) from exc


@contextlib.contextmanager
def _reading(path: Path):
    try:
        volumes = VolumeReader(path)
    except OSError as exc:
        raise BatchError("cannot_read", name=path.name, reason=exc.strerror or str(exc)) from exc
    try:
        yield _Reading(volumes, path)
    finally:
        volumes.close()


def _read(source: _Reading, path: Path, size: int) -> bytes:
    data = source.read(size)
    if len(data) < size:
        raise BatchError("truncated", name=path.name)
    return data


def _header(source: _Reading, path: Path) -> tuple[BatchHeader, bytes]:
    prelude = source.read(headers.PRELUDE.size)
    try:
        version, length = headers.read_prelude(prelude)
        text = _read(source, path, length)
        return headers.decode(text, version), headers.digest(prelude + text)
    except HeaderProblem as exc:
        raise BatchError(exc.code, name=path.name) from None


def _content_key(source: _Reading, path: Path, header: BatchHeader, header_hash: bytes, key_id: str,
                 private: X25519PrivateKey, rest_hash) -> bytes:
    """Reads the whole key block (it is signed) and unwraps the content key at our place in it."""
    ours = None
    for place, recipient in enumerate(header.recipients):
        raw_length = _read(source, path, WRAPPED_LENGTH.size)
        (length,) = WRAPPED_LENGTH.unpack(raw_length)
        if not 0 < length <= MAX_WRAPPED_BYTES:
            raise BatchError("tampered", name=path.name)
        blob = _read(source, path, length)
        rest_hash.update(raw_length + blob)
        if recipient == key_id:
            ours = blob
    try:
        key = SUITE.decrypt(ours, private, info=key_info(header_hash))
    except (InvalidTag, ValueError):
        # The header changed (the key is bound to it), the block did, or this is not the key named key_id.
        raise BatchError("tampered", name=path.name) from None
    if len(key) != KEY_SIZE or not hmac.compare_digest(key_commitment(key), header.key_commitment):
        raise BatchError("tampered", name=path.name)
    return key


def _read_body(source: _Reading, path: Path, header: BatchHeader, opener: Opener, body: BodyReader, rest_hash,
               progress: Progress) -> None:
    progress(0, header.bytes)
    done = 0
    for counter, size in enumerate(opener.sizes):
        sealed = _read(source, path, size + TAG_SIZE)
        rest_hash.update(sealed)
        # After a problem with the content only the signature decides which refusal to give: the rest is hashed,
        # not opened.
        if body.problem is None:
            try:
                chunk = opener.open(counter, sealed)
            except ChunkTampered:
                raise BatchError("tampered", name=path.name) from None
            with contextlib.suppress(BodyProblem):  # kept in body.problem
                body.feed(chunk)
        done += size
        progress(done, header.bytes)
    if body.problem is None:
        body.close()
