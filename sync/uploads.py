"""Attachment uploads: ask which files the server lacks, send the small ones several to a request
(sync/file_batches.py), then the rest as raw 256 KB chunks from the server's offset.

After a cut the chunk in flight is sent again from the same offset; if the server had in fact stored it, it
answers 409 with its offset and we move on. So a cut costs at most one chunk (or one small file), and never a whole
photo.
"""

from __future__ import annotations

from sqlalchemy import select

from app import status
from app.attachments import AttachmentProblem
from db.models import Attachment, Registration, RegistrationAttachment
from sync.backoff import check
from sync.client import Refused
from sync.file_batches import is_small, send_small_files
from sync.payload import CHUNK_SIZE, MAX_HASHES


def waiting(session, owners: list[str] | None) -> list[tuple[str, int]]:
    """(sha256, size) of files not known to be on the server, linked to records that have been sent."""
    query = (select(Attachment.sha256, Attachment.size).distinct()
             .join(RegistrationAttachment, RegistrationAttachment.sha256 == Attachment.sha256)
             .join(Registration, Registration.id == RegistrationAttachment.registration_id)
             .where(Attachment.uploaded.is_(False), Registration.status != status.DRAFT,
                    Registration.synced_version > 0)
             .order_by(Attachment.sha256))
    if owners is not None:
        query = query.where(Registration.owner_id.in_(owners))
    return list(session.execute(query))


def upload_files(ws, client, store, *, owners, cancel, result, report, call) -> None:
    requests_before = client.requests
    try:
        _upload_all(ws, client, store, owners=owners, cancel=cancel, result=result, report=report, call=call)
    finally:
        result.file_requests += client.requests - requests_before


def _upload_all(ws, client, store, *, owners, cancel, result, report, call) -> None:
    with ws.transaction() as session:
        files = waiting(session, owners)
    total = len(files)
    report("files", 0, total)
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        report("files", done, total)

    for start in range(0, total, MAX_HASHES):
        group = files[start:start + MAX_HASHES]
        missing = {m.sha256: m.offset for m in call(client.attachment_status, [sha for sha, _ in group])}
        present = [sha for sha, _ in group if sha not in missing]
        _mark_uploaded(ws, present)
        done += len(present)
        small = [(sha, size) for sha, size in group if sha in missing and is_small(size, missing[sha])]
        leftover = send_small_files(client, store, small, cancel=cancel, result=result, call=call,
                                    mark_uploaded=lambda hashes: _mark_uploaded(ws, hashes), progress=progress)
        chunked = [(sha, size, missing[sha]) for sha, size in group
                   if sha in missing and not is_small(size, missing[sha])] + leftover
        for sha, _size, offset in chunked:
            check(cancel)
            if _upload_one(client, store, sha, offset, result, call):
                _mark_uploaded(ws, [sha])
                result.files_sent += 1
            done += 1
            report("files", done, total)


def _upload_one(client, store, sha: str, offset: int, result, call) -> bool:
    try:
        data = store.read(sha)
    except AttachmentProblem as exc:
        result.problems.append(exc.text("en"))
        return False
    total = len(data)
    result.file_bytes += total - offset
    while offset < total:
        chunk = data[offset:offset + CHUNK_SIZE]
        before = client.body_bytes_up
        try:
            answer = call(client.put_chunk, sha, offset, total, chunk)
        except Refused as exc:
            if exc.code in ("wrong_offset", "size_mismatch") and isinstance(exc.detail.get("offset"), int):
                offset = exc.detail["offset"]  # the server holds more (or less) than we thought: go from there
                continue
            result.problems.append(f"{sha[:12]}: {exc.code}")
            return False
        finally:
            result.chunk_bytes_sent += client.body_bytes_up - before
        if answer.complete:
            return True
        if answer.offset <= offset:
            # The server neither took the chunk nor refused it: asking again would loop for ever.
            result.problems.append(f"{sha[:12]}: the server holds {answer.offset} bytes after a chunk at {offset}")
            return False
        offset = answer.offset
    return True


def _mark_uploaded(ws, hashes: list[str]) -> None:
    if not hashes:
        return
    with ws.transaction() as session:
        for row in session.scalars(select(Attachment).where(Attachment.sha256.in_(hashes))):
            row.uploaded = True
