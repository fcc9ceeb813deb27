"""One logical batch file on disk as one or more volumes, so that a FAT32 stick (at most 4 GiB - 1 per file) works.

The first volume is ``<stem>.jbb``; when it reaches the size limit the file goes on in ``<stem>.002.jbb``,
``<stem>.003.jbb``... Each later volume starts with ``VOLUME_MAGIC``, the file id (16 bytes) and its number (u16),
so a part of another file or a part out of place is refused; those bytes are outside the signed stream, which
is why both are compared with signed values. Every volume is written as ``<name>.part``, flushed to the disk and
renamed only when the whole file is written, the first volume last: a file named ``.jbb`` is always whole.
"""

from __future__ import annotations

import contextlib
import os
import struct
import uuid
from pathlib import Path

from sync.batch.header import MAX_HEADER_BYTES, PRELUDE, VOLUME_MAGIC

FAT32_LIMIT = 2**32 - 1
VOLUME_PRELUDE = struct.Struct(">8s16sH")
MIN_LIMIT = PRELUDE.size + MAX_HEADER_BYTES + 4096  # the first volume holds the whole header
PART = ".part"


def volume_path(first: Path, number: int) -> Path:
    """Volume ``number`` (1 is the first) of the file whose first volume is ``first``."""
    if number == 1:
        return first
    return first.with_name(f"{first.stem}.{number:03d}{first.suffix}")


def volumes(first: Path) -> list[Path]:
    """The volumes of the file whose first volume is ``first`` that are there, in order (to list or delete them)."""
    found, number = [], 1
    while (path := volume_path(first, number)).exists():
        found.append(path)
        number += 1
    return found


class VolumeWriter:
    """Appends bytes to ``first``'s volumes, each at most ``limit`` bytes, all under ``.part`` names until
    ``finish``. ``abort`` removes every byte written."""

    def __init__(self, first: Path, file_id: str, limit: int = FAT32_LIMIT):
        if limit < MIN_LIMIT:
            raise ValueError(f"volume limit must be at least {MIN_LIMIT} bytes")
        self.first = first
        self._file_id = uuid.UUID(file_id).bytes
        self._limit = limit
        self._parts: list[Path] = []
        self._renamed: list[Path] = []
        self._handle = None
        self._room = 0
        self._open_next()

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            if self._room == 0:
                self._open_next()
            piece = view[:self._room]
            self._handle.write(piece)
            self._room -= len(piece)
            view = view[len(piece):]

    def finish(self) -> list[Path]:
        """Flushes every volume to the disk and gives them their names; returns them, the first first."""
        self._close_current()
        finals = [part.with_name(part.name[:-len(PART)]) for part in self._parts]
        # Later volumes first: once the first volume has its name, the whole file is there.
        for part, final in reversed(list(zip(self._parts, finals))):
            os.replace(part, final)
            self._renamed.append(final)
        _sync_folder(self.first.parent)
        # An older, longer file of the same name may have left later volumes: they are not part of this one.
        number = len(finals) + 1
        while (stale := volume_path(self.first, number)).exists():
            stale.unlink()
            number += 1
        return finals

    def abort(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
        for path in self._parts + self._renamed:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def _open_next(self) -> None:
        self._close_current()
        number = len(self._parts) + 1
        part = volume_path(self.first, number).with_name(volume_path(self.first, number).name + PART)
        self._parts.append(part)
        self._handle = open(part, "wb")
        self._room = self._limit
        if number > 1:
            prelude = VOLUME_PRELUDE.pack(VOLUME_MAGIC, self._file_id, number)
            self._handle.write(prelude)
            self._room -= len(prelude)

    def _close_current(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            handle.close()


def _sync_folder(folder: Path) -> None:
    """The renames on the disk too (POSIX; Windows cannot open a folder and flushes its own metadata)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class VolumeMismatch(Exception):
    """A later volume belongs to another file or stands in the wrong place."""


class VolumeReader:
    """Reads ``first``'s volumes as one stream; ``read`` returns fewer bytes only at the real end."""

    def __init__(self, first: Path):
        self.first = first
        self._number = 1
        self._handle = open(first, "rb")
        self._file_id: bytes | None = None

    def expect_file_id(self, file_id: str) -> None:
        self._file_id = uuid.UUID(file_id).bytes

    def read(self, size: int) -> bytes:
        pieces = []
        while size > 0:
            piece = self._handle.read(size)
            if piece:
                pieces.append(piece)
                size -= len(piece)
            elif not self._next_volume():
                break
        return b"".join(pieces)

    def at_end(self) -> bool:
        """Nothing follows in this volume (a later volume beyond the end is not read)."""
        return self._handle.read(1) == b""

    def close(self) -> None:
        self._handle.close()

    def _next_volume(self) -> bool:
        if self._file_id is None:
            return False  # still in the header: one volume holds it whole
        path = volume_path(self.first, self._number + 1)
        try:
            handle = open(path, "rb")
        except FileNotFoundError:
            return False
        prelude = handle.read(VOLUME_PRELUDE.size)
        if len(prelude) < VOLUME_PRELUDE.size:
            handle.close()
            raise VolumeMismatch(path.name)
        magic, file_id, number = VOLUME_PRELUDE.unpack(prelude)
        if magic != VOLUME_MAGIC or file_id != self._file_id or number != self._number + 1:
            handle.close()
            raise VolumeMismatch(path.name)
        self._handle.close()
        self._handle, self._number = handle, self._number + 1
        return True
