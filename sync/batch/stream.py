"""The encrypted body: the STREAM construction over ChaCha20-Poly1305, as in the age format (sync/BATCH.md, "Body").

The plaintext is cut into chunks of ``CHUNK_SIZE`` bytes (the last one shorter, and never empty unless the whole
body is). Chunk ``i`` is sealed with the file's content key, the nonce ``i`` (11 bytes, big-endian) followed by a
flag byte that is 1 only for the last chunk, and the header hash as associated data. So a chunk moved, dropped,
repeated, taken from another file or cut off at a chunk boundary fails to open.
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
SEALED_SIZE = CHUNK_SIZE + TAG_SIZE
KEY_SIZE = 32


class ChunkTampered(Exception):
    pass


def nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def chunk_sizes(total: int) -> list[int]:
    """The plaintext size of each chunk of a body of ``total`` bytes."""
    count = max(1, -(-total // CHUNK_SIZE))
    return [CHUNK_SIZE] * (count - 1) + [total - (count - 1) * CHUNK_SIZE]


def sealed_size(total: int) -> int:
    """How many bytes a body of ``total`` plaintext bytes takes in the file."""
    sizes = chunk_sizes(total)
    return total + TAG_SIZE * len(sizes)


class Sealer:
    """Takes plaintext in pieces of any size and hands sealed chunks to ``out`` as soon as each is full."""

    def __init__(self, key: bytes, header_hash: bytes, out: Callable[[bytes], None],
                 progress: Callable[[int], None]):
        self._aead = ChaCha20Poly1305(key)
        self._aad = header_hash
        self._out = out
        self._progress = progress
        self._buffer = bytearray()
        self._counter = 0
        self._done = 0

    def write(self, data: bytes | memoryview) -> None:
        self._buffer += data
        # Strictly more than a chunk: the last chunk must stay behind until close() knows it is the last.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]

    def close(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        self._out(self._aead.encrypt(nonce(self._counter, last), chunk, self._aad))
        self._counter += 1
        self._done += len(chunk)
        self._progress(self._done)


class Opener:
    """Opens the sealed chunks of one body, in order."""

    def __init__(self, key: bytes, header_hash: bytes, total: int):
        self._aead = ChaCha20Poly1305(key)
        self._aad = header_hash
        self.sizes = chunk_sizes(total)

    def open(self, counter: int, sealed: bytes) -> bytes:
        try:
            return self._aead.decrypt(nonce(counter, counter == len(self.sizes) - 1), sealed, self._aad)
        except InvalidTag as exc:
            raise ChunkTampered(counter) from exc
