"""Reference lists published to every device: today the Kemendagri regions.

An administrator publishes a file (``jemput-server publish-regions FILE``); it is checked whole, stored under its
SHA-256 in settings.reference_dir, given the next version number, and announced with one ``reference`` change in
the feed for every device. Devices download it with ranged GETs (api/routes/reference.py). The server validates
pushed records against the newest published list too, so that a village a laptop already knows is not rejected.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.reference.regions import DATA_FILE, Regions, RegionsFileError, check_regions_file
from server.core.db import lock_feed
from server.models import ReferenceFile
from server.services import feed
from sync.answers import ReferenceChange
from sync.payload import file_sha256

REGIONS = "regions"
MAX_FILE_BYTES = 256 * 1024 * 1024


class ReferenceError(Exception):
    """A file that cannot be published; nothing was changed."""


def url_for(name: str, version: int) -> str:
    return f"/api/v1/reference/{name}/{version}"


def path_for(folder: Path, sha256: str) -> Path:
    return folder / sha256


def _check_regions(path: Path, shown: Path) -> dict[str, int]:
    try:
        return check_regions_file(path)
    except RegionsFileError as exc:
        raise ReferenceError(f"{shown} is not a regions database: {exc}") from exc


def store_regions(*, folder: Path, source: Path) -> tuple[str, int, dict[str, int]]:
    """Copies ``source`` into the content-addressed folder and returns (sha256, size, rows per level); raises
    ReferenceError and leaves nothing behind when it is not a region list like the shipped one. The copy is what
    gets checked and hashed (the source could change meanwhile), and it gets its hash name atomically, before any
    database row names it, so a version is never announced without its bytes."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise ReferenceError(f"cannot read {source}: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise ReferenceError(f"{source} has {size} bytes, more than {MAX_FILE_BYTES}")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".publish-", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as dst:
            try:
                with open(source, "rb") as src:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
            except OSError as exc:
                raise ReferenceError(f"cannot read {source}: {exc.strerror or exc}") from exc
            dst.flush()
            os.fsync(dst.fileno())
        counts = _check_regions(tmp, source)
        sha, size = file_sha256(tmp), tmp.stat().st_size
        os.replace(tmp, path_for(folder, sha))
        return sha, size, counts
    finally:
        tmp.unlink(missing_ok=True)


def latest(*, session: Session, name: str) -> ReferenceFile | None:
    return session.scalar(select(ReferenceFile).where(ReferenceFile.name == name)
                          .order_by(ReferenceFile.version.desc()).limit(1))


def publish(*, session: Session, now: datetime, name: str, sha256: str, size: int) -> ReferenceFile | None:
    """The next version of ``name`` with its feed change; None when the newest version has these bytes already
    (publishing an older file again is allowed: that is how a bad list is rolled back)."""
    lock_feed(session)  # two publishes at once would otherwise both pick the same next version
    newest = latest(session=session, name=name)
    if newest is not None and newest.sha256 == sha256:
        return None
    row = ReferenceFile(name=name, version=(newest.version if newest else 0) + 1, sha256=sha256, size=size,
                        published_at=now)
    session.add(row)
    session.flush()
    feed.add(session=session, now=now, user_id=None, change=ReferenceChange(
        name=name, version=row.version, sha256=sha256, size=size, url=url_for(name, row.version)))
    return row


def find(*, session: Session, name: str, version: int) -> ReferenceFile | None:
    return session.get(ReferenceFile, (name, version))


class CurrentRegions:
    """The regions the server validates pushes against: the newest published list, else the shipped one. A publish
    from the CLI (another process) is seen at the next push, at the cost of one primary-key read."""

    def __init__(self, folder: Path):
        self._folder = folder
        self._lock = threading.Lock()
        self._version = 0
        self._regions = Regions(DATA_FILE)

    def get(self, session: Session) -> Regions:
        newest = latest(session=session, name=REGIONS)
        if newest is not None and newest.version != self._version:
            path = path_for(self._folder, newest.sha256)
            if path.is_file():
                with self._lock:
                    if newest.version != self._version:
                        self._regions, self._version = Regions(path), newest.version
        return self._regions
