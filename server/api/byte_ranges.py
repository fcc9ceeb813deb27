"""Files sent as raw bytes, resumable with ``Range: bytes=START-[END]``: reference lists and a record's files."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.responses import StreamingResponse

from app.at_rest import file_cipher
from server.errors import ApiError

_RANGE = re.compile(r"^bytes=([0-9]{1,15})-([0-9]{0,15})$")
BLOCK = 64 * 1024
RESPONSES = {200: {"content": {"application/octet-stream": {}}}, 206: {"description": "a byte range"}}


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(start, end inclusive) of a single ``bytes=START-[END]`` range; None for no header. Suffix ranges and
    several ranges are not needed by a client that resumes, so they are refused rather than half supported."""
    if header is None:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        raise ApiError(416, "bad_range", "Send 'Range: bytes=START-' or 'bytes=START-END'.", size=size)
    start = int(match.group(1))
    end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
    if start >= size or end < start:
        raise ApiError(416, "bad_range", f"The file has {size} bytes.", size=size)
    return start, end


def send_file(path: Path, *, sha256: str, size: int, range_header: str | None,
              key: bytes | None = None) -> StreamingResponse:
    """The file (or the asked-for part of it), read in blocks: a 256 MB scan never sits in memory. A file sealed
    with the data key (``key``) is opened chunk by chunk, only the chunks of the range."""
    span = parse_range(range_header, size)
    start, end = span or (0, size - 1)
    headers = {"Accept-Ranges": "bytes", "Content-Length": str(end - start + 1), "ETag": f'"{sha256}"',
               "X-Content-SHA256": sha256}
    if span is not None:
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    sealed = key is not None and file_cipher.is_sealed(path)
    body = _read_sealed(path, key, start, end) if sealed else _read(path, start, end)
    return StreamingResponse(body, status_code=206 if span else 200, headers=headers,
                             media_type="application/octet-stream")


def _read_sealed(path: Path, key: bytes, start: int, end: int):
    first = start // file_cipher.CHUNK
    offset = first * file_cipher.CHUNK
    for chunk in file_cipher.iter_plain(key, path, start_chunk=first):
        lo, hi = max(start - offset, 0), min(end - offset + 1, len(chunk))
        if lo < hi:
            yield chunk[lo:hi]
        offset += len(chunk)
        if offset > end:
            return


def _read(path: Path, start: int, end: int):
    with open(path, "rb") as f:
        f.seek(start)
        left = end - start + 1
        while left > 0:
            block = f.read(min(BLOCK, left))
            if not block:
                return
            left -= len(block)
            yield block
