"""Resumable downloads into a ``.part`` file: reference lists and the files of a team's records.

The ``.part`` file's length is exactly the bytes known good, so a cut (or a closed laptop) resumes from there with
a ``Range`` request, and a cut costs at most the chunk in flight.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from sync.backoff import check
from sync.client import Refused, SyncError
from sync.payload import CHUNK_SIZE

# (start, end inclusive) -> (where the bytes start, the file's total size or None, the bytes)
Fetch = Callable[[int, int], tuple[int, "int | None", bytes]]


def download_to(part: Path, *, size: int, fetch: Fetch, cancel, on_bytes: Callable[[int], None]) -> None:
    """Brings ``part`` to ``size`` bytes from ``fetch``. Offline, Cancelled and Refused (other than a 416 for
    bytes the server does not have, which starts again from 0) propagate and keep the part for the next run."""
    part.parent.mkdir(parents=True, exist_ok=True)
    offset = part.stat().st_size if part.exists() else 0
    if offset > size:
        offset = 0
    while offset < size:
        check(cancel)
        end = min(offset + CHUNK_SIZE, size) - 1
        try:
            start, total, data = fetch(offset, end)
        except Refused as exc:
            if exc.status != 416:
                raise
            offset = 0
            write_at(part, 0, b"")
            continue
        if total != size or start > offset or not data:
            raise SyncError("bad_download", f"The server sent bytes {start}+{len(data)} of {total}, "
                                            f"not from {offset} of {size}.")
        write_at(part, start, data)
        offset = start + len(data)
        on_bytes(len(data))


def write_at(part: Path, start: int, data: bytes) -> None:
    # Cut at the end of what was written, so the file's length is exactly the bytes known good: the next run
    # resumes from that length. (No os.pwrite: the laptops run Windows.)
    with open(part, "r+b" if part.exists() else "wb") as f:
        f.seek(start)
        f.write(data)
        f.truncate(start + len(data))
        f.flush()
        os.fsync(f.fileno())


def sync_folder(folder: Path) -> None:
    """Makes a rename durable on POSIX; Windows has no directory handles to flush (and needs none)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
