"""The officer's side: what has not been handed over, written to a batch file on the stick (sync/BATCH.md).

The payload is the HTTP push's body (``{batch_id, records}``, records built by ``sync.records.build`` and signed by
this laptop), of any size; the attachments are the records' files from the attachment store. The file is
encrypted to the laptops of the officer's supervisor and to the central server's batch key, so the stick can go to
either. Each record version written is marked "diserahkan lewat berkas N" until a receipt (or the server) confirms
it; writing the same records again (a lost stick) is a new file with a new number.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import auth, status
from app.attachments import AttachmentStore
from app.auth import Actor
from app.workspace import Workspace
from db.models import HandedOver, HandoverFile, Meta, Registration, User
from sync import device_keys, records as local
from sync.batch import BatchError, BatchHeader, RecordEntry, volumes, write_batch
import sync.handover.ledger as ledger
import sync.handover.trust as trust
from sync.handover.errors import BatchRefused
from sync.payload import dumps, to_dict


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    records: int
    files: int
    bytes: int  # the file(s) on the stick
    file_id: str
    recipients: tuple[str, ...]  # key ids: supervisor devices, and ``trust.SERVER_KEY_ID``
    to_supervisor: bool  # False: no supervisor laptop in the key list, only the central office can open it
    supervisor_name: str | None


def export_batch(ws: Workspace, actor: Actor, folder: Path, *, ids: list[str] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 store: AttachmentStore | None = None) -> ExportResult:
    """Writes the actor's records not yet handed over (or ``ids``) to ``folder``. Raises BatchRefused."""
    store = store or AttachmentStore.beside(ws.db_path)
    folder = Path(folder)
    try:
        return _export(ws, actor, folder, ids, progress, store)
    except BatchError as exc:
        refused = BatchRefused.of(exc)
    except BatchRefused as exc:
        refused = exc
    trust.log_refusal(ws, actor, folder, refused, what="batch_export")
    raise refused


def _export(ws, actor, folder, ids, progress, store) -> ExportResult:
    with ws.reading() as session:
        me = trust.identity(session)
        chosen = _chosen(session, actor, ids)
        if not chosen:
            raise BatchRefused("nothing_to_export")
        remote = {rid: {note["sha256"] for note in files or ()} for rid, files in session.execute(
            select(Registration.id, Registration.remote_files).where(Registration.id.in_(chosen)))}
        # Built, signed and turned into JSON some hundred at a time, the ORM objects let go of after each: a
        # file of 10,000 records would otherwise hold every record three times over.
        written, entries, shas = [], [], set()
        for start in range(0, len(chosen), local.BATCH_SIZE):
            part = chosen[start:start + local.BATCH_SIZE]
            for record in device_keys.sign_records(session, local.build(session, part)):
                if record.signature is None:
                    raise BatchRefused("no_keys")
                written.append(to_dict(record))
                entries.append(RecordEntry(record.id, record.version, record.content_hash()))
                shas.update(sha for sha in record.attachments if sha not in remote.get(record.id, set()))
            session.expunge_all()
        shas = sorted(shas)
        recipients, supervisor = _recipients(session, actor)
        sequence = ledger.next_sequence(session, ledger.BATCH)
    file_id = str(uuid.uuid4())
    payload = dumps({"batch_id": str(uuid.uuid4()), "records": written})
    del written
    header = BatchHeader(file_type="batch", file_id=file_id, sender_device=me.device_id, sender_user=actor.user_id,
                         sequence=sequence, created=ws.now())
    stem = f"berkas-{_safe(actor.username)}-{sequence:04d}"
    path = write_batch(folder, stem, header, payload, [(sha, store.path(sha)) for sha in shas], me.signing,
                       recipients, records=entries, progress=progress)
    size = sum(p.stat().st_size for p in volumes(path))
    now = ws.now()
    with ws.transaction() as session:
        ledger.take_sequence(session, ledger.BATCH, sequence)
        session.add(HandoverFile(file_id=file_id, direction=ledger.OUT, file_type=ledger.BATCH,
                                 sender_device=me.device_id, sender_user=actor.user_id, sequence=sequence,
                                 created_at=header.created, handled_at=now, user_id=actor.user_id,
                                 records=len(entries), attachments=len(shas), bytes=size, name=path.name,
                                 contents={"recipients": [k for k, _ in recipients], "to": supervisor}))
        session.add_all(HandedOver(registration_id=e.id, file_id=file_id, version=e.version, sequence=sequence,
                                   handed_at=now) for e in entries)
        auth.audit(session, now=now, action="batch_exported", user=session.get(User, actor.user_id),
                   detail=f"berkas {sequence} ({path.name}): {len(entries)} data, {len(shas)} file, {size} byte; "
                          f"untuk {', '.join(k for k, _ in recipients)}")
    return ExportResult(path, sequence, len(entries), len(shas), size, file_id, tuple(k for k, _ in recipients),
                        supervisor is not None, supervisor)


def _chosen(session: Session, actor: Actor, ids: list[str] | None) -> list[str]:
    if ids is None:
        return _not_handed_over(session, actor)
    rows = {rid: st for rid, st in session.execute(
        select(Registration.id, Registration.status).where(Registration.id.in_(ids),
                                                           Registration.owner_id == actor.user_id))}
    if len(rows) != len(set(ids)) or any(s == status.DRAFT for s in rows.values()):
        raise BatchRefused("not_exportable")
    return [rid for rid in dict.fromkeys(ids)]


def not_handed_over(session: Session, actor: Actor) -> list[str]:
    """The actor's records waiting to be sent that no file holds at their current version."""
    return _not_handed_over(session, actor)


def _not_handed_over(session: Session, actor: Actor) -> list[str]:
    written = set(session.scalars(
        select(HandedOver.registration_id).join(Registration, Registration.id == HandedOver.registration_id)
        .where(Registration.owner_id == actor.user_id, HandedOver.version == Registration.version)))
    return [rid for rid, _v in local.pending(session, owners=[actor.user_id]) if rid not in written]


def _recipients(session: Session, actor: Actor) -> tuple[list, str | None]:
    """The supervisor's laptops (from the key list) and the central server's batch key."""
    recipients, supervisor = [], None
    for user in session.scalars(select(User).where(User.role == "supervisor", User.active.is_(True))):
        team = session.get(Meta, f"team:{user.id}")
        if team is None or actor.user_id not in (team.value or "").split(","):
            continue
        devices = device_keys.device_keys_of_user(session, user.id)
        if devices:
            recipients += devices
            supervisor = user.full_name or user.username
    server = device_keys.server_batch_key(session)
    if server is None:
        raise BatchRefused("no_keys")
    return recipients + [(trust.SERVER_KEY_ID, server)], supervisor


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40] or "petugas"
