"""Content-addressed attachment uploads that resume: bytes are appended at the offset the server holds.

The database row says how many bytes are good; the file may hold more after a crash between the write and the
commit, so every write goes at the row's offset and cuts the file there. Nothing trusts the file's length.

Sealed with the server's data key (app.at_rest.file_cipher): each chunk of an upload in progress on its own, the
finished file whole, so no photo is ever on the server's disk in plaintext.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from app.at_rest import file_cipher
from server.errors import ApiError
from sync.payload import file_sha256
from server.models import Attachment, Device, Registration, User
from server.services import accounts
from sync.answers import ChunkAnswer, MissingFile

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def path_for(folder: Path, sha256: str, *, partial: bool) -> Path:
    # Two levels of fan-out keep folders small on file systems that slow down with many entries.
    return folder / sha256[:2] / (sha256 + (".part" if partial else ""))


def may_know(*, session: Session, user: User, device_id: str, sha256: str) -> bool:
    """Whether this user may learn that the server holds this file: it came from this laptop, or it is one of the
    files of a record the user may see (their own, their team's; an admin's: all)."""
    row = session.get(Attachment, sha256)
    if row is not None and row.device_id == device_id:
        return True
    owners = accounts.visible_user_ids(session=session, user=user)
    # A record's attachments are a JSON list of hex strings; the text match works alike on SQLite and PostgreSQL
    # and the hash is hex, so it cannot match anything but itself.
    query = select(Registration.id).where(cast(Registration.attachments, String).like(f'%"{sha256}"%')).limit(1)
    if owners is not None:
        query = query.where(Registration.owner_id.in_(owners))
    return session.scalar(query) is not None


def missing(*, session: Session, folder: Path, hashes: list[str], user: User, device: Device) -> list[MissingFile]:
    rows = {a.sha256: a for a in session.scalars(select(Attachment).where(Attachment.sha256.in_(hashes)))}
    out = []
    for sha in hashes:
        row = rows.get(sha)
        if sha == EMPTY_SHA256:
            continue
        if row is not None and not may_know(session=session, user=user, device_id=device.id, sha256=sha):
            # Said as if the server had never seen it: the upload then goes to a proof of its own (append).
            out.append(MissingFile(sha256=sha, offset=_proof_offset(folder, device.id, sha)))
            continue
        if row is not None and row.complete:
            continue
        out.append(MissingFile(sha256=sha, offset=row.received if row else 0))
    return out


def append(*, session: Session, now: datetime, folder: Path, device_id: str, sha256: str, start: int, total: int,
           chunk: bytes, max_size: int, user: User, key: bytes) -> ChunkAnswer | None:
    """Where the upload stands after this chunk; None when the complete bytes do not have this SHA-256."""
    if total > max_size:
        raise ApiError(413, "too_large", f"An attachment may have at most {max_size} bytes.")
    row = session.get(Attachment, sha256, with_for_update=True)
    if row is not None and not may_know(session=session, user=user, device_id=device_id, sha256=sha256):
        return _append_proof(row=row, now=now, folder=folder, device_id=device_id, sha256=sha256, start=start,
                             total=total, chunk=chunk, key=key)
    if row is not None and row.complete:
        return ChunkAnswer(sha256=sha256, offset=row.size, complete=True)
    if row is None:
        row = Attachment(sha256=sha256, size=total, received=0, complete=False, created_at=now, device_id=device_id)
        session.add(row)
    elif row.size != total:
        if row.received:
            raise ApiError(409, "size_mismatch", "The total size differs from the upload in progress.",
                           offset=row.received)
        row.size = total
    if start != row.received:
        raise ApiError(409, "wrong_offset", "Continue from the server's offset.", offset=row.received)
    part = path_for(folder, sha256, partial=True)
    part.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        file_cipher.append_part(key, part, start, chunk)
    except file_cipher.SealedFileError:
        # The part lost what the row says it holds (removed by hand, or of an older server): start over.
        part.unlink(missing_ok=True)
        row.received = 0
        return ChunkAnswer(sha256=sha256, offset=0, complete=False)
    row.received = start + len(chunk)
    if row.received == row.size:
        digest = hashlib.sha256()
        for block in file_cipher.iter_part(key, part):
            digest.update(block)
        if digest.hexdigest() != sha256:
            part.unlink(missing_ok=True)
            row.received = 0
            # The reset is committed (the caller commits before raising), so the next try starts clean.
            return None
        file_cipher.write_sealed(key, path_for(folder, sha256, partial=False), file_cipher.iter_part(key, part))
        part.unlink(missing_ok=True)
        row.complete = True
        row.completed_at = now
    return ChunkAnswer(sha256=sha256, offset=row.received, complete=row.complete)


def store_many(*, session: Session, now: datetime, folder: Path, device_id: str, files: list[tuple[str, bytes]],
               max_size: int, user: User, key: bytes) -> list[bool]:
    """``store_whole`` for several files, their flushes to disk done together (in parallel, where the disk merges
    them into one journal commit: some 0.2 ms a file instead of 2-4 ms) before the caller commits the rows."""
    written: list[Path] = []
    # The group's rows in one query (locked, as ``store_whole`` would lock each): a row per file is the same work
    # as one query per file, without its round trips.
    rows = {row.sha256: row for row in session.scalars(
        select(Attachment).where(Attachment.sha256.in_({sha for sha, _ in files})).with_for_update())}
    results = [store_whole(session=session, now=now, folder=folder, device_id=device_id, sha256=sha, data=data,
                           max_size=max_size, user=user, key=key, written=written, rows=rows) for sha, data in files]
    if written:
        with ThreadPoolExecutor(max_workers=min(32, len(written))) as pool:
            list(pool.map(_flush_to_disk, written))
    return results


def _flush_to_disk(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store_whole(*, session: Session, now: datetime, folder: Path, device_id: str, sha256: str, data: bytes,
                max_size: int, user: User, key: bytes, written: list[Path] | None = None,
                rows: dict[str, Attachment] | None = None) -> bool:
    """A whole file at once (a multi-file upload): stored sealed, in one write, when its bytes have this SHA-256;
    False (nothing touched) when they do not. The same rules as ``append``: a complete file is left as it is, and a
    file this user may not know of is answered as if new, its bytes only proving that the user holds it (and
    finishing the server's copy when the other upload was not finished). The sealed file is in place before the
    row says so: a rollback leaves a file no row names, which the next upload writes again."""
    if len(data) > max_size:
        raise ApiError(413, "too_large", f"An attachment may have at most {max_size} bytes.")
    if hashlib.sha256(data).hexdigest() != sha256:
        return False
    if sha256 == EMPTY_SHA256:
        return True  # never missing, never stored
    row = rows.get(sha256) if rows is not None else session.get(Attachment, sha256, with_for_update=True)
    if row is not None and not may_know(session=session, user=user, device_id=device_id, sha256=sha256):
        _proof_path(folder, device_id, sha256).unlink(missing_ok=True)  # a torn proof: the whole bytes are here
    if row is not None and row.complete:
        return True
    final = path_for(folder, sha256, partial=False)
    final.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # ``written``: the caller flushes the file to disk before the commit (store_many); else it is flushed here.
    file_cipher.write_sealed(key, final, [data], durable=written is None)
    if written is not None:
        written.append(final)
    path_for(folder, sha256, partial=True).unlink(missing_ok=True)  # a chunked upload of it that broke off
    if row is None:
        row = Attachment(sha256=sha256, size=len(data), received=len(data), complete=True, created_at=now,
                         completed_at=now, device_id=device_id)
        session.add(row)
        if rows is not None:
            rows[sha256] = row  # the same file twice in one group
    else:
        row.size, row.received, row.complete, row.completed_at = len(data), len(data), True, now
    return True


# Uploads of a file someone else sent first, by a user who may not learn that it exists. They go to a file of the
# uploading device's own and answer exactly as a first upload would; once complete and verified they prove that the
# user holds the bytes (and, when the other upload was not finished, they finish it). The offset is that file's
# length: a proof needs no crash-safe bookkeeping, a torn one is sent again from its start.
_PROOFS = "proofs"


def _proof_path(folder: Path, device_id: str, sha256: str) -> Path:
    return folder / _PROOFS / device_id / (sha256 + ".part")


def _proof_offset(folder: Path, device_id: str, sha256: str) -> int:
    path = _proof_path(folder, device_id, sha256)
    return path.stat().st_size if path.is_file() else 0


def _append_proof(*, row: Attachment, now: datetime, folder: Path, device_id: str, sha256: str, start: int,
                  total: int, chunk: bytes, key: bytes) -> ChunkAnswer | None:
    path = _proof_path(folder, device_id, sha256)
    held = path.stat().st_size if path.is_file() else 0
    if start != held:
        raise ApiError(409, "wrong_offset", "Continue from the server's offset.", offset=held)
    _write_at(path, chunk, start)
    if start + len(chunk) < total:
        return ChunkAnswer(sha256=sha256, offset=start + len(chunk), complete=False)
    if file_sha256(path) != sha256:
        path.unlink(missing_ok=True)
        return None
    if row.complete:
        path.unlink(missing_ok=True)
    else:
        # Stored sealed like every finished file (the proof's own part is plaintext until then: see ENCRYPTION.md).
        file_cipher.seal_file_in_place(key, path)
        os.replace(path, path_for(folder, sha256, partial=False))
        path_for(folder, sha256, partial=True).unlink(missing_ok=True)
        row.size, row.received, row.complete, row.completed_at = total, total, True, now
    return ChunkAnswer(sha256=sha256, offset=total, complete=True)


def _write_at(path: Path, chunk: bytes, start: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.pwrite(fd, chunk, start)
        os.ftruncate(fd, start + len(chunk))
        os.fsync(fd)
    finally:
        os.close(fd)


def readable(*, session: Session, user: User, registration_id: str, sha256: str) -> Attachment:
    """One of a record's files, for a user who may see that record (its officer, their supervisor, an admin).
    Asking by record keeps the check one row: the server never says whether a hash exists anywhere else."""
    reg = session.get(Registration, registration_id)
    if reg is None or not accounts.may_act_for(session=session, actor=user, owner_id=reg.owner_id) \
            or sha256 not in (reg.attachments or ()):
        raise ApiError(404, "not_found", "No such file of a record of yours or your team's.")
    row = session.get(Attachment, sha256)
    if row is None or not row.complete:
        # The record names it but its laptop has not finished sending it: try again after that laptop's sync.
        raise ApiError(404, "not_uploaded", "The file has not reached the server yet.")
    return row
