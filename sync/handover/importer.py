"""Importing a batch file from an officer's stick (supervisor, or any enrolled laptop), all or nothing.

Checks, in order, before anything is written: the header (a batch, not one imported already), this laptop among
the recipients, the sender's device in the key list, not revoked, used by the user the header names (``open_batch``
then checks the signature, the decryption, the manifest and every hash, staging the attachments), each record as
strictly as the server reads a push, each record signed by the device that made it, and each record's owner this
laptop's user or one of their team. Then every record is applied in ONE transaction as the officer's (it enters the
review queue like a record the pull brought), queued to be relayed to the server exactly as signed
(sync/handover/relay.py), and the staged attachments are moved into the store only after that transaction commits.
Any refusal leaves the laptop as it was and is written to the sync log and the audit trail.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app import auth, files_after_commit, persons, record_changes, status
from app.attachments import AttachmentStore, media_type_of
from app.auth import Actor
from app.workspace import Workspace
from db.models import (Attachment, HandoverFile, Meta, Registration, RegistrationAttachment, RelayQueue, User)
from sync import device_keys, signing
from sync.batch import BatchError, BatchHeader, open_batch, read_header
import sync.handover.content as content
import sync.handover.ledger as ledger
import sync.handover.trust as trust
from sync.handover.errors import RECEIPT_NOT_WRITTEN, BatchRefused
from sync.payload import Record
from sync.records import store_received, to_record

# Statuses someone other than the officer set: an officer's copy that has not seen them does not replace them.
DECIDED = (status.APPROVED, status.RETURNED, status.ACCEPTED, status.DONE)
CHUNK = 500  # records applied, flushed and let go of at a time, inside the one transaction


@dataclass(frozen=True)
class BatchPreview:
    """What a file on the stick says about itself (not proven until imported)."""

    file_type: str  # batch | receipt
    file_id: str
    sequence: int
    created: datetime
    records: int
    attachments: int
    bytes: int
    sender_device: str
    sender_user: str
    sender_name: str | None  # None without a workspace, or when this laptop does not know the account
    already_imported: bool


@dataclass(frozen=True)
class ImportResult:
    file_id: str
    sender_device: str
    sender_user: str
    sender_name: str
    sequence: int
    records_new: int
    records_updated: int
    records_unchanged: int  # this laptop had exactly that content already
    records_kept: int  # this laptop's copy has a decision the officer's copy had not seen: kept, still relayed
    files: int  # attachments moved into this laptop's store
    already_imported: bool
    gaps: list[int]  # this sender's batch numbers below this one that have not arrived
    receipt_path: Path | None
    receipt_problem: str | None  # Indonesian, when the receipt could not be written (the import stands)
    changed_ids: list[str]


def read_batch_header(path: Path, ws: Workspace | None = None) -> BatchPreview:
    """A cheap look at a file (no key, no decryption). Raises BatchRefused for a file that is not ours."""
    try:
        header = read_header(Path(path))
    except BatchError as exc:
        raise BatchRefused.of(exc) from None
    name, known = None, False
    if ws is not None:
        with ws.reading() as session:
            name = ledger.device_user_name(session, header.sender_device, header.sender_user) or None
            known = ledger.imported(session, header.file_id) is not None
    return BatchPreview(header.file_type, header.file_id, header.sequence, header.created, header.records,
                        header.attachments, header.bytes, header.sender_device, header.sender_user, name, known)


def import_batch(ws: Workspace, actor: Actor, path: Path, *, progress: Callable[[int, int], None] | None = None,
                 store: AttachmentStore | None = None, write_receipt: bool = True) -> ImportResult:
    """Imports the batch file at ``path``; raises BatchRefused (nothing changed, the refusal logged)."""
    path = Path(path)
    store = store or AttachmentStore.beside(ws.db_path)
    try:
        result = _import(ws, actor, path, progress, store)
    except BatchError as exc:
        refused = BatchRefused.of(exc)
    except BatchRefused as exc:
        refused = exc
    else:
        if write_receipt and not result.already_imported:
            result = _with_receipt(ws, actor, path, result)
        return result
    trust.log_refusal(ws, actor, path, refused, what="batch_import")
    raise refused


def finish_interrupted_moves(ws: Workspace, store: AttachmentStore) -> int:
    """Staged files whose import committed but which a crash kept from their place: moved in now. Anything else
    left in the staging folder is a killed import's and ``open_batch`` removes it."""
    staging = trust.staging_folder(ws)
    if not staging.is_dir():
        return 0
    staged = {p.name: p for p in staging.iterdir() if p.is_file() and len(p.name) == 64}
    if not staged:
        return 0
    with ws.reading() as session:
        known = set(session.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(list(staged)))))
    moved = 0
    for sha in known:
        if not store.path(sha).exists():
            store.adopt(staged[sha], sha)  # sealed with the laptop's data key; the staged plaintext is wiped
            moved += 1
    return moved


def _import(ws: Workspace, actor: Actor, path: Path, progress, store: AttachmentStore) -> ImportResult:
    header = read_header(path)
    if header.file_type != "batch":
        raise BatchRefused("wrong_type_batch", name=path.name)
    finish_interrupted_moves(ws, store)
    with ws.reading() as session:
        if ledger.imported(session, header.file_id) is not None:
            return _already(session, header)
        me = trust.identity(session)
    staging = trust.staging_folder(ws)
    with ws.reading() as session:
        opened = open_batch(path, me.device_id, me.encryption, trust.sender_key(session), staging, progress)
    try:
        parsed = content.batch_payload(opened.payload, opened.manifest, path.name)
        opened = replace(opened, payload=b"")  # parsed: the bytes are not needed any more (tens of MB)
        with ws.transaction() as session:
            if ledger.imported(session, header.file_id) is not None:  # imported meanwhile by another window
                return _already(session, header)
            _check_records(session, actor, parsed.records, parsed.hashes, path.name)
            result = _apply(session, actor, header, parsed, opened.attachments, store, path, ws.now())
        return result
    finally:
        # What was not moved into place (a refusal, a file already in the store): gone, the folder left empty.
        for staged in opened.attachments.values():
            staged.unlink(missing_ok=True)


def _already(session: Session, header: BatchHeader) -> ImportResult:
    row = ledger.imported(session, header.file_id)
    return ImportResult(header.file_id, header.sender_device, header.sender_user,
                        ledger.device_user_name(session, header.sender_device, header.sender_user), header.sequence,
                        0, 0, 0, 0, 0, True, _gaps_before(session, row.sender_device, row.sequence), None, None, [])


def _gaps_before(session: Session, device: str, sequence: int) -> list[int]:
    return [n for n in ledger.missing_sequences(session).get(device, []) if n < sequence]


def _check_records(session: Session, actor: Actor, records: list[Record], hashes: list[str], name: str) -> None:
    """Each record signed by the device that made it, and owned by this laptop's user or their team."""
    team = session.get(Meta, f"team:{actor.user_id}")
    allowed = {actor.user_id, *((team.value or "").split(",") if team else ())}
    keys: dict[str | None, object] = {None: None}
    owners: dict[str, User | None] = {}
    for record, content_hash in zip(records, hashes):
        if record.origin_device not in keys:
            keys[record.origin_device] = device_keys.signing_key_of(session, record.origin_device)
        key = keys[record.origin_device]
        if key is None or record.signature is None or not signing.verify(
                key, signing.RECORD_LABEL, signing.record_message(record.id, content_hash, record.origin_device),
                record.signature):
            raise BatchRefused("bad_record_signature", name=name)
        if record.owner_id not in owners:
            owners[record.owner_id] = session.get(User, record.owner_id)
        owner = owners[record.owner_id]
        if record.owner_id not in allowed:
            # A laptop holds only its own people's accounts (issue 11): someone outside the team is named by the
            # laptop the record was made on when their account is not here.
            who = (owner.full_name or owner.username) if owner is not None else ledger.device_user_name(
                session, record.origin_device or "", record.owner_id)
            raise BatchRefused("outside_team", name=name, owner=who)
        if owner is None:
            raise BatchRefused("unknown_owner", name=name)


def _apply(session: Session, actor: Actor, header: BatchHeader, parsed: content.Payload, staged: dict[str, Path],
           store: AttachmentStore, path: Path, now: datetime) -> ImportResult:
    records, hashes, raw = parsed.records, parsed.hashes, parsed.raw
    mark = record_changes.mark(session)
    present = set(session.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(list(staged)))))
    moves = []
    for sha, staged_path in staged.items():
        if sha not in present:
            session.add(Attachment(sha256=sha, size=staged_path.stat().st_size, media_type=media_type_of(staged_path),
                                   created_at=now))
        if not store.path(sha).exists():
            moves.append((staged_path, sha))
    session.flush()
    counts = {"new": 0, "updated": 0, "unchanged": 0, "kept": 0}
    for start in range(0, len(records), CHUNK):
        chunk = list(zip(records[start:start + CHUNK], hashes[start:start + CHUNK]))
        _apply_chunk(session, chunk, raw, counts, file_id=header.file_id, now=now)
    sender_name = ledger.device_user_name(session, header.sender_device, header.sender_user)
    session.add(HandoverFile(file_id=header.file_id, direction=ledger.IN, file_type=ledger.BATCH,
                             sender_device=header.sender_device, sender_user=header.sender_user,
                             sequence=header.sequence, created_at=header.created, handled_at=now,
                             user_id=actor.user_id, records=len(records), attachments=len(staged),
                             bytes=header.bytes, name=path.name[:255],
                             contents=[[r.id, r.version, h] for r, h in zip(records, hashes)]))
    auth.audit(session, now=now, action="batch_imported", user=session.get(User, actor.user_id),
               detail=f"berkas {header.sequence} dari {sender_name} ({path.name}): {len(records)} data "
                      f"({counts['new']} baru, {counts['updated']} diperbarui), {len(moves)} file"[:2000])
    session.flush()
    files_after_commit.adopt_after_commit(session, store, moves)
    changed = record_changes.changed_in(session, since=mark)
    return ImportResult(header.file_id, header.sender_device, header.sender_user, sender_name, header.sequence,
                        counts["new"], counts["updated"], counts["unchanged"], counts["kept"], len(moves), False,
                        _gaps_before(session, header.sender_device, header.sequence), None, None,
                        changed.changed_ids)


def _apply_chunk(session: Session, chunk: list[tuple[Record, str]], raw: dict[str, dict], counts: dict[str, int],
                 *, file_id: str, now: datetime) -> None:
    """Some hundred records: read in bulk, applied without a flush per record (the identity map and
    ``app.persons.prefetch_people`` answer the look-ups), flushed, and let go of, so that a file of 10,000
    records costs neither a query per look-up nor the memory of every object at once."""
    ids = [record.id for record, _hash in chunk]
    regs = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(ids)))}
    linked: dict[str, set[str]] = {}
    for rid, sha in session.execute(select(RegistrationAttachment.registration_id, RegistrationAttachment.sha256)
                                    .where(RegistrationAttachment.registration_id.in_(ids))):
        linked.setdefault(rid, set()).add(sha)
    queued = {r.registration_id: r for r in session.scalars(select(RelayQueue)
                                                            .where(RelayQueue.registration_id.in_(ids)))}
    persons.prefetch_people(session, [record for record, _hash in chunk])
    new_relays = []
    with session.no_autoflush:
        for record, content_hash in chunk:
            # Its files, when on this laptop now, are filed under it with their purposes (``store_received``).
            outcome, base, local_version = _receive(session, regs.get(record.id), record, content_hash,
                                                    linked.get(record.id, set()), now)
            counts[outcome] += 1
            # Let go of as it is queued: a file of 10,000 records holds each form twice until then.
            relay = {"registration_id": record.id, "record": raw.pop(record.id), "base_version": base,
                     "file_id": file_id, "queued_at": now, "local_version": local_version}
            row = queued.get(record.id)
            if row is None:
                new_relays.append(relay)
            elif row.record.get("version", 0) <= record.version:  # else a newer copy is already waiting
                for name, value in relay.items():
                    setattr(row, name, value)
    session.flush()
    if new_relays:
        # One multi-row insert after the records it names (the relay row is as the officer's laptop wrote it).
        session.execute(insert(RelayQueue), new_relays)
    session.expunge_all()
    persons.forget_prefetched(session)


def _receive(session: Session, reg: Registration | None, record: Record, content_hash: str, linked: set[str],
             now: datetime) -> tuple[str, int, int]:
    """(outcome, the base_version to relay with, the local version that holds the relayed content or -1)."""
    if reg is None:
        reg = store_received(session, record, reg=None, user_id=record.owner_id, server_version=record.base_version,
                             now=now)
        return "new", record.base_version, reg.version
    remote = {note["sha256"] for note in reg.remote_files or ()}
    if to_record(reg, sorted(linked | remote), []).content_hash() == content_hash:
        return "unchanged", record.base_version, reg.version
    saw = _saw(record, reg)
    unsent = reg.version != reg.synced_version
    if not saw and (unsent or (reg.status in DECIDED and reg.status != record.status)):
        # A decision here (or central's) that the officer's copy was made without: kept for a person to see, and
        # the officer's copy still goes to the server, where the two meet as any conflict does.
        return "kept", record.base_version, -1
    # The officer's copy answers what this laptop knew (a correction after a return it saw): it builds on the
    # server version known here.
    base = max(record.base_version, reg.server_version) if saw else record.base_version
    reg = store_received(session, record, reg=reg, user_id=record.owner_id,
                         server_version=max(reg.server_version, record.base_version), now=now)
    return "updated", base, reg.version


def _saw(record: Record, reg: Registration) -> bool:
    """The officer's copy has a history entry moving it to this laptop's status: it was made after seeing it."""
    return reg.status != record.status and any(
        h.action == "status" and (h.changes.get("status") or [None, None])[-1] == reg.status for h in record.history)


def _with_receipt(ws: Workspace, actor: Actor, path: Path, result: ImportResult) -> ImportResult:
    from app.i18n import translate
    from sync.handover.receipts import write_receipt

    try:
        receipt = write_receipt(ws, actor, path.parent, for_file_id=result.file_id)
    except BatchRefused as exc:
        return replace(result, receipt_problem=translate("Handover", RECEIPT_NOT_WRITTEN).format(reason=exc.text()))
    return replace(result, receipt_path=receipt)
