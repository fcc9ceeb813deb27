"""The body of ``POST /attachments/files``: several whole files in one request, each framed by its hash and length.

    <sha256, 64 lowercase hex> SP <length, decimal> LF <length raw bytes>     ... repeated, nothing else

Raw bytes as in a chunk (never base64, never gzip: photos do not compress). The laptop writes it with
``frame_files``; the server reads it as it arrives with ``FrameReader``, so that each file can be checked and
stored as soon as its last byte is in: a cut then costs the file in flight, never the files before it.
Stdlib only, like the rest of the protocol module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CONTENT_TYPE = "application/x-jemput-files"
MAX_HEADER = 64 + 1 + 15 + 1  # hash, space, up to 15 digits, newline
_HEADER = re.compile(rb"([0-9a-f]{64}) ([0-9]{1,15})")


class FrameError(Exception):
    """The body is not a sequence of frames (``too_large``: a frame names more bytes than allowed)."""

    def __init__(self, message: str, *, too_large: bool = False):
        super().__init__(message)
        self.too_large = too_large


def frame_header(sha256: str, size: int) -> bytes:
    return f"{sha256} {size}\n".encode("ascii")


def frame_files(files: list[tuple[str, bytes]]) -> bytes:
    return b"".join(frame_header(sha, len(data)) + data for sha, data in files)


def payload_bytes_within(files: list[tuple[str, int]], sent: int) -> int:
    """How many of the files' own bytes lie in the first ``sent`` bytes of their framed body (frames not counted):
    what a cut request really put on the wire of the files."""
    out, position = 0, 0
    for sha, size in files:
        position += len(frame_header(sha, size))
        if sent <= position:
            break
        out += min(size, sent - position)
        position += size
    return out


class FrameReader:
    """Fed the body block by block; yields each whole file as (sha256 as claimed, bytes). Checking the hash is the
    caller's: a mismatch refuses one file, not the body."""

    def __init__(self, *, max_file: int, max_files: int):
        self.max_file, self.max_files = max_file, max_files
        self._buffer = bytearray()
        self._current: tuple[str, int] | None = None  # the frame whose bytes are being read
        self.files = 0

    def feed(self, block: bytes) -> Iterator[tuple[str, bytes]]:
        self._buffer += block
        pos = 0  # what is read of the buffer; dropped once at the end, not per file (a body may come whole)
        try:
            while True:
                if self._current is None:
                    end = self._buffer.find(b"\n", pos, pos + MAX_HEADER)
                    if end < 0:
                        if len(self._buffer) - pos >= MAX_HEADER:
                            raise FrameError("a frame must begin with '<sha256> <length>' and a newline")
                        return
                    match = _HEADER.fullmatch(bytes(self._buffer[pos:end]))
                    if match is None:
                        raise FrameError("a frame must begin with '<sha256> <length>' and a newline")
                    size = int(match.group(2))
                    if size > self.max_file:
                        raise FrameError(f"a file sent this way may have at most {self.max_file} bytes",
                                         too_large=True)
                    self.files += 1
                    if self.files > self.max_files:
                        raise FrameError(f"at most {self.max_files} files per request", too_large=True)
                    pos = end + 1
                    self._current = (match.group(1).decode("ascii"), size)
                sha, size = self._current
                if len(self._buffer) - pos < size:
                    return
                data = bytes(self._buffer[pos:pos + size])
                pos += size
                self._current = None
                yield sha, data
        finally:
            del self._buffer[:pos]

    def finish(self) -> None:
        """The body ended: it must end between frames, and hold at least one (an empty request is no upload; the
        fuzzer found the server answering it 200)."""
        if self._current is not None or self._buffer:
            raise FrameError("the body ends inside a frame")
        if self.files == 0:
            raise FrameError("the body holds no file")
