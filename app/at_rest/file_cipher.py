"""Files sealed with the data key: AES-256-GCM in 64 KiB chunks (the STREAM construction), so a big scan is
written and read chunk by chunk, a byte range is read without the rest, and a cut, swapped or truncated file is
refused rather than shown.

Layout: ``JBF1`` | 16-byte salt | chunks of (ciphertext + 16-byte tag). Each file gets its own key, HKDF of the
data key over the salt, so nonces never repeat across files; a chunk's nonce is its index and a flag for the last
chunk, so reordering, dropping or appending chunks fails the tag. The same format serves the laptop's attachments
and the server's attachment store.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"JBF1"
SALT = 16
TAG = 16
CHUNK = 64 * 1024
HEADER = len(MAGIC) + SALT


class SealedFileError(Exception):
    """The file is not sealed with this key, or was changed."""


def _file_key(data_key: bytes, salt: bytes) -> AESGCM:
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=salt, info=b"jemput sealed file").derive(data_key))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def plain_size(sealed_size: int) -> int:
    body = sealed_size - HEADER
    if body < TAG:
        raise SealedFileError("too short")
    chunks = max(1, -(-body // (CHUNK + TAG)))
    return body - chunks * TAG


def seal_blocks(data_key: bytes, blocks: Iterable[bytes], out: BinaryIO) -> int:
    """Writes ``blocks`` (any sizes) sealed to ``out``; returns the plaintext size."""
    salt = os.urandom(SALT)
    aead = _file_key(data_key, salt)
    out.write(MAGIC + salt)
    header = MAGIC + salt
    pending = bytearray()
    index = total = 0
    for block in blocks:
        pending += block
        total += len(block)
        while len(pending) > CHUNK:  # keep one back: only the last chunk may be flagged last
            out.write(aead.encrypt(_nonce(index, False), bytes(pending[:CHUNK]), header))
            del pending[:CHUNK]
            index += 1
    out.write(aead.encrypt(_nonce(index, True), bytes(pending), header))
    return total


def seal_bytes(data_key: bytes, data: bytes) -> bytes:
    import io

    out = io.BytesIO()
    seal_blocks(data_key, [data], out)
    return out.getvalue()


def write_sealed(data_key: bytes, target: Path, blocks: Iterable[bytes], *, durable: bool = True) -> int:
    """Seals ``blocks`` into ``target`` through a temporary name, flushed and renamed: a power cut never leaves
    half a file under the real name. Made 0600 (the owner's only). ``durable=False`` leaves the flush to disk to
    the caller (several files flushed at once cost little more than one), who must do it before anything says the
    file is there."""
    target = Path(target)
    tmp = target.with_name(target.name + ".sealing")  # not ".part": that is an upload or download in progress
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        size = seal_blocks(data_key, blocks, handle)
        handle.flush()
        if durable:
            os.fsync(handle.fileno())
    os.replace(tmp, target)
    return size


def iter_plain(data_key: bytes, path: Path, *, start_chunk: int = 0) -> Iterator[bytes]:
    """The plaintext chunk by chunk from ``start_chunk``; raises SealedFileError on any change."""
    with open(path, "rb") as f:
        header = f.read(HEADER)
        if len(header) != HEADER or header[:len(MAGIC)] != MAGIC:
            raise SealedFileError("not a sealed file")
        aead = _file_key(data_key, header[len(MAGIC):])
        size = os.fstat(f.fileno()).st_size
        chunks = max(1, -(-(size - HEADER) // (CHUNK + TAG)))
        f.seek(HEADER + start_chunk * (CHUNK + TAG))
        for index in range(start_chunk, chunks):
            sealed = f.read(CHUNK + TAG)
            try:
                yield aead.decrypt(_nonce(index, index == chunks - 1), sealed, header)
            except InvalidTag:
                raise SealedFileError(f"chunk {index} does not open") from None


def read_sealed(data_key: bytes, path: Path) -> bytes:
    return b"".join(iter_plain(data_key, path))


def read_range(data_key: bytes, path: Path, start: int, end: int) -> bytes:
    """Plaintext bytes ``start`` to ``end`` inclusive, decrypting only the chunks they lie in."""
    first = start // CHUNK
    out = bytearray()
    offset = first * CHUNK
    for chunk in iter_plain(data_key, path, start_chunk=first):
        out += chunk
        offset += len(chunk)
        if offset > end:
            break
    skip = start - first * CHUNK
    return bytes(out[skip:skip + end - start + 1])


def seal_file_in_place(data_key: bytes, path: Path) -> None:
    """A plaintext file (from an older version, or a finished download) replaced by its sealed form."""
    def blocks():
        with open(path, "rb") as f:
            while block := f.read(CHUNK):
                yield block

    write_sealed(data_key, path, blocks())


# -- uploads in progress ------------------------------------------------------------------------------------------
# A resumable upload arrives in chunks of any size at the offset the server holds. Each chunk is sealed on its own
# (a length, a random nonce, ciphertext and tag), so the part file is never plaintext and can be cut back at any
# chunk boundary; when complete it is read back, checked and sealed into the layout above.
PART_MAGIC = b"JBP1"
_LEN = 4
_NONCE = 12


def _part_key(data_key: bytes, salt: bytes) -> AESGCM:
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=salt, info=b"jemput sealed upload").derive(data_key))


def append_part(data_key: bytes, part: Path, start: int, chunk: bytes) -> None:
    """Writes ``chunk`` as plaintext bytes ``start``… of the upload in ``part``, dropping whatever followed
    ``start`` (a chunk written before a crash but never committed); flushed to disk. Raises SealedFileError when
    the part does not hold ``start`` bytes at a chunk boundary (the caller starts the upload over)."""
    fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+b") as f:
        header = f.read(HEADER)
        if len(header) != HEADER or header[:len(MAGIC)] != PART_MAGIC:
            if start:
                raise SealedFileError("an upload part without its beginning")
            header = PART_MAGIC + os.urandom(SALT)
            f.seek(0)
            f.truncate()
            f.write(header)
        position = _boundary(f, start)
        aead = _part_key(data_key, header[len(MAGIC):])
        nonce = os.urandom(_NONCE)  # random: a chunk re-sent after a cut must never reuse a nonce
        f.seek(position)
        f.truncate()
        f.write(len(chunk).to_bytes(_LEN, "big") + nonce + aead.encrypt(nonce, chunk, header))
        f.flush()
        os.fsync(f.fileno())


def _boundary(f, start: int) -> int:
    """The file position where plaintext offset ``start`` begins (a chunk boundary)."""
    position, offset = HEADER, 0
    while offset < start:
        f.seek(position)
        head = f.read(_LEN)
        if len(head) != _LEN:
            raise SealedFileError(f"the upload part ends before byte {start}")
        length = int.from_bytes(head, "big")
        offset += length
        position += _LEN + _NONCE + length + TAG
    if offset != start:
        raise SealedFileError(f"byte {start} is not where a chunk began")
    return position


def iter_part(data_key: bytes, part: Path) -> Iterator[bytes]:
    with open(part, "rb") as f:
        header = f.read(HEADER)
        if header[:len(MAGIC)] != PART_MAGIC:
            raise SealedFileError("not an upload part")
        aead = _part_key(data_key, header[len(MAGIC):])
        while head := f.read(_LEN):
            length = int.from_bytes(head, "big")
            nonce = f.read(_NONCE)
            try:
                yield aead.decrypt(nonce, f.read(length + TAG), header)
            except InvalidTag:
                raise SealedFileError("an upload chunk does not open") from None
