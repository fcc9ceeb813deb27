"""Reference lists from the server (PROTOCOL.md, Pull: ``reference``): noted by the pull, downloaded after it.

The pull stores a newer version as pending in app_meta, in the same transaction as the cursor that passes its
change, so that no cut can skip it: whichever run comes next finds it pending and resumes from the bytes already in
``<data>/reference/regions-<N>.sqlite.part``. Bytes come in ranged GETs of one upload chunk each, so a cut costs at
most the chunk in flight. The file is used only once its SHA-256 and size match the change and it passes the same
check as a published file; then it gets its final name atomically and the app switches to it. A bad file is
refused whole: the list in use stays, and the sync log says why.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sqlalchemy.orm import Session

from app.reference.regions import REFERENCE_DIRNAME, RegionsFileError, check_regions_file, installed_regions_file
from db.models import Meta
from sync.backoff import check
from sync.client import Refused
from sync.downloads import download_to, sync_folder
from sync.answers import ReferenceChange
from sync.payload import API_PREFIX, file_sha256

NAMES = ("regions",)  # the lists this app knows how to use; others are ignored
MAX_BYTES = 256 * 1024 * 1024

MSG_HASH = ("Data wilayah versi {version} dari server rusak saat diunduh (SHA-256 tidak cocok). Data wilayah yang "
            "lama tetap dipakai; unduhan diulang pada sinkronisasi berikutnya.")
MSG_INVALID = ("Data wilayah versi {version} dari server ditolak karena bukan data wilayah yang benar ({why}). "
               "Data wilayah yang lama tetap dipakai.")
MSG_MISSING = ("Data wilayah versi {version} tidak ada di server ({why}). Data wilayah yang lama tetap dipakai; "
               "dicoba lagi pada sinkronisasi berikutnya.")
MSG_INSTALL = ("Data wilayah versi {version} tidak dapat disimpan di laptop ({why}). Data wilayah yang lama tetap "
               "dipakai; dicoba lagi pada sinkronisasi berikutnya.")


def _pending_key(name: str) -> str:
    return f"reference_pending:{name}"


def _installed_key(name: str) -> str:
    return f"reference_version:{name}"


def installed_version(session: Session, name: str) -> int:
    """The version of ``name`` installed on this laptop; 0 for the list shipped with the app."""
    row = session.get(Meta, _installed_key(name))
    return int(row.value) if row and row.value.isdigit() else 0


def pending(session: Session, name: str) -> dict | None:
    row = session.get(Meta, _pending_key(name))
    return json.loads(row.value) if row else None


def note(session: Session, change: ReferenceChange) -> bool:
    """Records a ``reference`` change from the feed as pending when it is newer than what the laptop has (or is
    already fetching); False for anything else, including a list this app cannot use or cannot fetch safely."""
    name, version, size, sha, url = change.name, change.version, change.size, change.sha256, change.url
    if name not in NAMES:
        return False
    # The url is a path on the same server, never somewhere else the feed might point.
    if not 0 < size <= MAX_BYTES or version <= 0 or not url.startswith(f"{API_PREFIX}/reference/") or ".." in url:
        return False
    waiting = pending(session, name)
    if version <= installed_version(session, name) or (waiting and waiting["version"] >= version):
        return False
    session.merge(Meta(key=_pending_key(name), value=json.dumps(
        {"name": name, "version": version, "sha256": sha, "size": size, "url": url})))
    return True


def folder_for(ws) -> Path:
    return ws.db_path.parent / REFERENCE_DIRNAME


def download_pending(ws, client, *, cancel, result, report, call) -> None:
    """Fetches and installs every pending list. Transient failures (Offline) and Cancelled propagate: the
    pending entry and the .part file stay for the next run. A refused or bad file is reported in
    ``result.problems``."""
    with ws.transaction() as session:
        todo = [p for p in (pending(session, name) for name in NAMES) if p]
    for item in todo:
        check(cancel)
        _fetch(ws, client, item, cancel=cancel, result=result, report=report, call=call)


def _fetch(ws, client, item: dict, *, cancel, result, report, call) -> None:
    name, version, size, sha = item["name"], item["version"], item["size"], item["sha256"]
    folder = folder_for(ws)
    final = folder / f"{name}-{version}.sqlite"
    part = final.with_name(final.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            download_to(part, size=size, fetch=lambda start, end: call(client.fetch_range, item["url"], start, end),
                        cancel=cancel, on_bytes=lambda n: _got(result, report, n))
        except Refused as exc:
            if exc.status != 404:
                raise
            # Kept pending: a server restored from a backup or missing its shared folder may have it later.
            result.problems.append(MSG_MISSING.format(version=version, why=exc.message or exc.code))
            return
        if file_sha256(part) != sha:
            part.unlink(missing_ok=True)  # the next run downloads it again from 0
            result.problems.append(MSG_HASH.format(version=version))
            return
        try:
            check_regions_file(part)
        except RegionsFileError as exc:
            _give_up(ws, name, result, MSG_INVALID.format(version=version, why=exc), part)
            return
        os.replace(part, final)
        sync_folder(folder)
    except OSError as exc:
        result.problems.append(MSG_INSTALL.format(version=version, why=exc.strerror or exc))
        return
    with ws.transaction() as session:
        session.merge(Meta(key=_installed_key(name), value=str(version)))
        stored = session.get(Meta, _pending_key(name))
        if stored is not None and json.loads(stored.value)["version"] <= version:
            session.delete(stored)
    ws.use_regions_file(final)
    result.references_installed.append(f"{name} {version}")
    _remove_older(folder, name, version)


def _give_up(ws, name: str, result, message: str, part: Path) -> None:
    """This version will never be usable: forget it (a newer publication brings a new change)."""
    part.unlink(missing_ok=True)
    result.problems.append(message)
    with ws.transaction() as session:
        stored = session.get(Meta, _pending_key(name))
        if stored is not None:
            session.delete(stored)


def _got(result, report, n: int) -> None:
    result.reference_bytes += n
    report("pull", result.changes_pulled, 0)


def _remove_older(folder: Path, name: str, version: int) -> None:
    """Older lists and stale partial downloads only take disk space; one still open elsewhere (Windows) stays."""
    for path in folder.iterdir():
        old = installed_regions_file(path.with_suffix("") if path.suffix == ".part" else path)
        if path.name.startswith(f"{name}-") and old is not None and old < version:
            try:
                path.unlink()
            except OSError:
                pass
