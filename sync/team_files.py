"""The photos and scans of a team member's records received for review, downloaded after the pull.

A record arrives whole in the pull but its files are only named there (PROTOCOL.md, Attachments: download): this
laptop fetches each one it lacks from ``GET /attachments/{sha256}?record=ID``, resumably, checks its SHA-256,
puts it in the attachment folder and files it under the record as the officer's. Until then the record page says
the files are on the server. A file the officer's laptop has not finished sending yet stays noted for the next
sync.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select

from app.attachments import AttachmentStore, media_type_of_head
from app.registration_number import registration_number
from db.models import Attachment, Registration
from sync.backoff import check
from sync.client import Refused
from sync.downloads import download_to, sync_folder
from sync.payload import API_PREFIX, FileNote, file_sha256, to_dict
from sync.records import file_under, remote_notes

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
MSG_DAMAGED = ("Berkas {sha} dari catatan {number} rusak saat diunduh (SHA-256 tidak cocok); diunduh ulang pada "
               "sinkronisasi berikutnya.")
MSG_NOT_SAVED = "Berkas {sha} dari catatan {number} tidak dapat disimpan di laptop ({why})."


@dataclass
class Wanted:
    registration_id: str
    number: str  # what the officer sees on the receipt, for messages
    note: FileNote


def wanted(session) -> list[Wanted]:
    rows = session.scalars(select(Registration).where(Registration.remote_files.is_not(None))
                           .order_by(Registration.submitted_at, Registration.id))
    return [Wanted(reg.id, registration_number(reg.id, reg.kind, reg.created_at), note)
            for reg in rows for note in remote_notes(reg)]


def download_team_files(ws, client, store: AttachmentStore, *, cancel, result, report, call) -> None:
    with ws.transaction() as session:
        todo = wanted(session)
    report("files_down", 0, len(todo))
    for done, item in enumerate(todo):
        check(cancel)

        def got(n: int, done=done) -> None:
            result.files_received_bytes += n
            report("files_down", done, len(todo))  # each chunk: the bar moves on a slow link

        if _fetch(client, store, item, cancel=cancel, result=result, call=call, on_bytes=got):
            with ws.transaction() as session:
                _file(session, item, store, now=ws.now())
            result.files_received += 1
        report("files_down", done + 1, len(todo))


def _fetch(client, store: AttachmentStore, item: Wanted, *, cancel, result, call, on_bytes) -> bool:
    """True when the file is in the store, checked. Offline and Cancelled propagate (the .part stays)."""
    sha = item.note.sha256
    target = store.path(sha)
    if store.has(sha):
        return True  # another record of the team shares it
    part = target.with_name(sha + ".part")
    url = f"{API_PREFIX}/attachments/{sha}?record={item.registration_id}"
    try:
        if sha == EMPTY_SHA256:
            store.put(b"")
            return True
        size = _size(client, url, call)
        if size is None:
            return False
        download_to(part, size=size, fetch=lambda start, end: call(client.fetch_range, url, start, end),
                    cancel=cancel, on_bytes=on_bytes)
        if file_sha256(part) != sha:
            part.unlink(missing_ok=True)
            result.problems.append(MSG_DAMAGED.format(sha=sha[:12], number=item.number))
            return False
        store.adopt(part, sha)  # sealed with the data key; the plaintext download is wiped
        sync_folder(target.parent)
    except OSError as exc:
        result.problems.append(MSG_NOT_SAVED.format(sha=sha[:12], number=item.number, why=exc.strerror or exc))
        return False
    return True


def _size(client, url: str, call) -> int | None:
    """The file's size from its first byte's answer; None when the server does not have it (yet)."""
    try:
        _start, total, _data = call(client.fetch_range, url, 0, 0)
    except Refused as exc:
        if exc.status == 404:  # not uploaded by the officer's laptop yet, or no longer this user's to see
            return None
        raise
    return total


def _file(session, item: Wanted, store: AttachmentStore, *, now) -> None:
    reg = session.get(Registration, item.registration_id)
    if reg is None:
        return
    sha = item.note.sha256
    if session.get(Attachment, sha) is None:
        # The store is sealed: its size and first bytes come through it, never from the file on disk.
        session.add(Attachment(sha256=sha, size=store.size(sha),
                               media_type=media_type_of_head(store.read(sha)[:8]), created_at=now, uploaded=True))
    notes = remote_notes(reg)
    for note in notes:
        if note.sha256 == sha:
            file_under(session, reg, note, now=now)
    reg.remote_files = [to_dict(n) for n in notes if n.sha256 != sha] or None
