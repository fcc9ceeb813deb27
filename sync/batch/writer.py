"""Writes a signed, encrypted batch file (sync/BATCH.md), streamed: attachments are read in blocks and sealed chunks
written as they fill, so a batch with a thousand photos never sits in memory."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from app.at_rest import file_cipher, open_keys
from sync import strict
import sync.batch.header as headers
import sync.batch.manifest as manifests
from sync.batch.bindings import SUITE, WRAPPED_LENGTH, key_commitment, key_info, signed_message
from sync.batch.errors import BatchError, disk_error
from sync.batch.header import BatchHeader
from sync.batch.manifest import AttachmentEntry, Manifest, RecordEntry
from sync.batch.stream import KEY_SIZE, Sealer
from sync.batch.volumes import FAT32_LIMIT, VolumeWriter

READ_BLOCK = 1024 * 1024
Progress = Callable[[int, int], None]


class _AttachmentChanged(Exception):
    pass


def write_batch(folder: Path, stem: str, header: BatchHeader, payload: bytes,
                attachments: Iterable[tuple[str, Path]], signer: Ed25519PrivateKey,
                recipients: Sequence[tuple[str, X25519PublicKey]], *, records: Sequence[RecordEntry],
                progress: Progress | None = None, volume_limit: int = FAT32_LIMIT) -> Path:
    """Writes ``folder/<stem>.jbb`` (``.jbr`` for a receipt) and returns its path; a file larger than
    ``volume_limit`` goes on in ``<stem>.002.jbb``... beside it (``volumes.volume_path``).

    ``header`` names the file (type, id, sender, sequence, time); its recipients and counts are filled in here.
    ``payload`` is opaque (the push JSON); ``records`` lists what it holds for the manifest; ``attachments`` are
    (sha256, file) pairs whose bytes are checked against the hash as they are read (a repeated hash is written
    once). The file is readable by each (key id, public key) of ``recipients`` and signed by ``signer``.
    ``progress(done, total)`` gets plaintext bytes after every chunk; an exception from it cancels the write.
    Raises BatchError (``disk_full``, ``file_too_big``, ``cannot_write``, ``attachment_changed``); whatever the
    failure, no file is left behind.
    """
    folder = Path(folder)
    if not stem or stem != Path(stem).name or stem.endswith(".part") or stem.startswith("."):
        raise ValueError(f"not a file name: {stem!r}")
    if not recipients:
        raise ValueError("a batch needs at least one recipient")
    if len(payload) > manifests.MAX_PAYLOAD_BYTES:
        raise ValueError("payload too large for one batch file")
    files = _unique(attachments)
    manifest = Manifest(hashlib.sha256(payload).hexdigest(), len(payload), tuple(records),
                        tuple(AttachmentEntry(sha, _size(path)) for sha, path in files))
    for entry in manifest.records:
        if not (entry.id and strict.is_sha256(entry.content_hash) and 0 <= entry.version <= strict.MAX_INT):
            raise ValueError(f"bad record entry {entry!r}")
    encoded_manifest = manifests.encode(manifest)
    content_key = os.urandom(KEY_SIZE)
    header = replace(header, recipients=tuple(key_id for key_id, _key in recipients), records=len(records),
                     attachments=len(files), bytes=manifest.body_size(len(encoded_manifest) - manifests.LENGTH.size),
                     key_commitment=key_commitment(content_key))
    encoded_header = headers.encode(header)
    header_hash = headers.digest(encoded_header)
    key_block = b"".join(_wrapped(SUITE.encrypt(content_key, public, info=key_info(header_hash)))
                         for _key_id, public in recipients)

    first = folder / f"{stem}{headers.EXTENSIONS[header.file_type]}"
    out = _open(first, header.file_id, volume_limit)
    rest_hash = hashlib.sha256()

    def put(data: bytes) -> None:
        try:
            out.write(data)
        except OSError as exc:  # only the target's errors: a progress callback's own are its caller's
            raise disk_error(exc, str(folder)) from exc

    def emit(data: bytes) -> None:
        rest_hash.update(data)
        put(data)

    report = progress or (lambda _done, _total: None)
    try:
        put(encoded_header)
        emit(key_block)
        report(0, header.bytes)
        sealer = Sealer(content_key, header_hash, emit, lambda done: report(done, header.bytes))
        sealer.write(encoded_manifest)
        sealer.write(payload)
        for (sha, path), entry in zip(files, manifest.attachments):
            _copy_checked(path, sha, entry.size, sealer)
        sealer.close()
        put(signer.sign(signed_message(header_hash, rest_hash.digest())))
        try:
            out.finish()
        except OSError as exc:
            raise disk_error(exc, str(folder)) from exc
    except _AttachmentChanged as exc:
        out.abort()
        raise BatchError("attachment_changed", name=str(exc)) from None
    except BaseException:
        out.abort()
        raise
    return first


def _unique(attachments: Iterable[tuple[str, Path]]) -> list[tuple[str, Path]]:
    seen: dict[str, Path] = {}
    for sha, path in attachments:
        if not strict.is_sha256(sha):
            raise ValueError(f"not a lowercase SHA-256: {sha!r}")
        seen.setdefault(sha, Path(path))
    return list(seen.items())


def _size(path: Path) -> int:
    try:
        size = path.stat().st_size
        # A laptop's photos are sealed with its data key (app/at_rest): the batch carries the plaintext.
        return file_cipher.plain_size(size) if file_cipher.is_sealed(path) else size
    except (OSError, file_cipher.SealedFileError):
        raise BatchError("attachment_changed", name=path.name) from None


def _blocks(path: Path):
    """The file's plaintext in blocks: a sealed photo of the store opened with its workspace's key (the store is
    ``<data folder>/attachments/ab/<sha>``), any other file as it is."""
    if file_cipher.is_sealed(path):
        key = open_keys.key_for(path.parents[2])
        if key is None:
            raise _AttachmentChanged(path.name)
        try:
            yield from file_cipher.iter_plain(key, path)
        except (OSError, file_cipher.SealedFileError):
            raise _AttachmentChanged(path.name) from None
        return
    try:
        source = open(path, "rb")
    except OSError:
        raise _AttachmentChanged(path.name) from None
    with source:
        while True:
            try:
                block = source.read(READ_BLOCK)
            except OSError:  # a read error of the laptop's own disk, not of the target: said apart
                raise _AttachmentChanged(path.name) from None
            if not block:
                return
            yield block


def _copy_checked(path: Path, sha: str, size: int, sealer: Sealer) -> None:
    """Feeds the file to ``sealer`` block by block; the bytes must be the ``size`` bytes whose hash is ``sha``."""
    digest = hashlib.sha256()
    copied = 0
    for block in _blocks(path):
        copied += len(block)
        if copied > size:
            raise _AttachmentChanged(path.name)
        digest.update(block)
        sealer.write(block)
    if copied != size or digest.hexdigest() != sha:
        raise _AttachmentChanged(path.name)


def _open(first: Path, file_id: str, limit: int) -> VolumeWriter:
    try:
        return VolumeWriter(first, file_id, limit)
    except OSError as exc:
        raise disk_error(exc, str(first.parent)) from exc


def _wrapped(blob: bytes) -> bytes:
    return WRAPPED_LENGTH.pack(len(blob)) + blob
