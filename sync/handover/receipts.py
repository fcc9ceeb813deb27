"""Receipts: the importing laptop tells the officer's laptop, on the same stick, what arrived and where each of
that officer's records stands here (the supervisor's decisions, returns, central's statuses).

A receipt is a batch file of type ``receipt`` (sync/BATCH.md), signed by the importing laptop and encrypted to the
officer's sending device only. Importing it marks the handed-over versions as received (nothing left to send from
the officer's laptop for them: the importing laptop relays them) and applies the decisions as the pull would
(``sync.records.apply_change``), all or nothing; a receipt older than one already applied from the same laptop
confirms what it lists but decides nothing, so a late stick cannot undo a newer decision.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import auth, record_changes, status
from app.auth import Actor
from app.workspace import Workspace
from db.models import HandedOver, HandoverFile, KnownDevice, Meta, Registration, User
from sync import signing
from sync.answers import ReturnedChange, StatusChange
from sync.batch import BatchError, BatchHeader, RecordEntry, open_batch, read_header, write_batch
import sync.handover.content as content
import sync.handover.ledger as ledger
import sync.handover.trust as trust
from sync.handover.content import Arrived, Decision, ReceiptContent
from sync.handover.errors import BatchRefused
from sync.payload import dumps, format_time
from sync.records import apply_change

DECISIONS = (status.APPROVED, status.RETURNED, status.ACCEPTED, status.DONE)
APPLIED_KEY = "receipt_applied:{device}"  # app_meta: the newest receipt sequence applied from that laptop


@dataclass(frozen=True)
class ReceiptResult:
    file_id: str
    answers: list[str]  # the batch file ids it answers
    confirmed: int  # handed-over record versions now known to have arrived
    files_confirmed: int  # this laptop's batch files the receipt answers
    decisions_applied: int
    already_imported: bool
    stale: bool  # older than a receipt already applied from that laptop: confirmations only
    sender_name: str
    changed_ids: list[str]


def write_receipt(ws: Workspace, actor: Actor, folder: Path, *, for_file_id: str | None = None,
                  for_sender_device: str | None = None) -> Path:
    """Writes a receipt for one imported batch file, or for every file imported from one laptop. Raises
    BatchRefused."""
    try:
        return _write(ws, actor, Path(folder), for_file_id, for_sender_device)
    except BatchError as exc:
        raise BatchRefused.of(exc) from None


def _write(ws, actor, folder, for_file_id, for_sender_device) -> Path:
    with ws.reading() as session:
        me = trust.identity(session)
        query = select(HandoverFile).where(HandoverFile.direction == ledger.IN, HandoverFile.file_type == ledger.BATCH)
        if for_file_id is not None:
            query = query.where(HandoverFile.file_id == for_file_id)
        elif for_sender_device is not None:
            query = query.where(HandoverFile.sender_device == for_sender_device)
        else:
            raise ValueError("write_receipt needs for_file_id or for_sender_device")
        batches = list(session.scalars(query.order_by(HandoverFile.sequence)))
        if not batches:
            raise BatchRefused("nothing_received")
        device, officer = batches[-1].sender_device, batches[-1].sender_user
        row = session.get(KnownDevice, device)
        if row is None or row.revoked_at is not None:
            raise BatchRefused("no_recipient")
        recipient = (device, signing.encryption_public(row.encryption_key))
        arrived = [Arrived(rid, version, sha, b.file_id) for b in batches if b.sender_device == device
                   for rid, version, sha in (b.contents or [])]
        answers = tuple(dict.fromkeys(b.file_id for b in batches if b.sender_device == device))
        decisions = _decisions(session, officer, actor)
        sequence = ledger.next_sequence(session, ledger.RECEIPT)
        stem = "tanda-terima-" + (Path(batches[-1].name).stem if for_file_id else
                                  f"{_safe(ledger.user_name(session, officer))}-{sequence:04d}")
    payload = dumps(content.receipt_payload(ReceiptContent(answers, tuple(arrived), tuple(decisions))))
    header = BatchHeader(file_type="receipt", file_id=str(uuid.uuid4()), sender_device=me.device_id,
                         sender_user=actor.user_id, sequence=sequence, created=ws.now())
    path = write_batch(folder, stem, header, payload, [], me.signing, [recipient],
                       records=[RecordEntry(a.id, a.version, a.content_hash) for a in arrived])
    now = ws.now()
    with ws.transaction() as session:
        ledger.take_sequence(session, ledger.RECEIPT, sequence)
        session.add(HandoverFile(file_id=header.file_id, direction=ledger.OUT, file_type=ledger.RECEIPT,
                                 sender_device=me.device_id, sender_user=actor.user_id, sequence=sequence,
                                 created_at=header.created, handled_at=now, user_id=actor.user_id,
                                 records=len(arrived), attachments=0, bytes=path.stat().st_size, name=path.name,
                                 contents={"answers": list(answers)}))
        auth.audit(session, now=now, action="receipt_written", user=session.get(User, actor.user_id),
                   detail=f"tanda terima {sequence} ({path.name}) untuk {len(answers)} berkas, "
                          f"{len(arrived)} data, {len(decisions)} keputusan")
    return path


def _decisions(session: Session, officer: str, actor: Actor) -> list[Decision]:
    rows = session.execute(select(Registration.id, Registration.status, Registration.server_version,
                                  Registration.review_comment, Registration.review_details, Registration.stage,
                                  Registration.status_note, Registration.updated_at)
                           .where(Registration.owner_id == officer, Registration.status.in_(DECISIONS))
                           .order_by(Registration.id))
    return [Decision(rid, st, sv, comment, details, stage, note,
                     actor.user_id if st in (status.APPROVED, status.RETURNED) else None, format_time(at))
            for rid, st, sv, comment, details, stage, note, at in rows]


def import_receipt(ws: Workspace, actor: Actor, path: Path, *,
                   progress: Callable[[int, int], None] | None = None) -> ReceiptResult:
    """Imports a receipt; raises BatchRefused (nothing changed, the refusal logged)."""
    path = Path(path)
    try:
        return _import(ws, actor, path, progress)
    except BatchError as exc:
        refused = BatchRefused.of(exc)
    except BatchRefused as exc:
        refused = exc
    trust.log_refusal(ws, actor, path, refused, what="receipt_import")
    raise refused


def _import(ws: Workspace, actor: Actor, path: Path, progress) -> ReceiptResult:
    header = read_header(path)
    if header.file_type != "receipt":
        raise BatchRefused("wrong_type_receipt", name=path.name)
    with ws.reading() as session:
        if ledger.imported(session, header.file_id) is not None:
            return _already(session, header)
        me = trust.identity(session)
        opened = open_batch(path, me.device_id, me.encryption, trust.sender_key(session), trust.staging_folder(ws),
                            progress)
    receipt = content.read_receipt(opened.payload, path.name)
    with ws.transaction() as session:
        if ledger.imported(session, header.file_id) is not None:
            return _already(session, header)
        return _apply(session, actor, header, receipt, path, ws.now())


def _already(session: Session, header: BatchHeader) -> ReceiptResult:
    row = ledger.imported(session, header.file_id)
    answers = list((row.contents or {}).get("answers", [])) if isinstance(row.contents, dict) else []
    return ReceiptResult(header.file_id, answers, 0, 0, 0, True, False,
                         ledger.device_user_name(session, header.sender_device, header.sender_user), [])


def _apply(session: Session, actor: Actor, header: BatchHeader, receipt: ReceiptContent, path: Path, now
           ) -> ReceiptResult:
    mark = record_changes.mark(session)
    team = session.get(Meta, f"team:{actor.user_id}")
    allowed = {actor.user_id, *((team.value or "").split(",") if team else ())}
    ids = sorted({a.id for a in receipt.arrived} | {d.id for d in receipt.decisions})
    regs = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(ids)))} if ids else {}
    for reg in regs.values():
        if reg.owner_id not in allowed:
            owner = session.get(User, reg.owner_id)
            raise BatchRefused("outside_team", name=path.name,
                               owner=(owner.full_name or owner.username) if owner else reg.owner_id)
    confirmed = 0
    for arrived in receipt.arrived:
        mine = session.get(HandedOver, (arrived.id, arrived.file_id))
        reg = regs.get(arrived.id)
        if mine is None or reg is None or mine.version != arrived.version:
            continue
        if mine.confirmed_at is None:
            mine.confirmed_at = now
            confirmed += 1
        record_changes.handed_on(session, reg, sent_version=arrived.version)
    files_confirmed = 0
    for row in session.scalars(select(HandoverFile).where(HandoverFile.direction == ledger.OUT,
                                                          HandoverFile.file_type == ledger.BATCH,
                                                          HandoverFile.file_id.in_(receipt.answers))):
        if row.confirmed_at is None:
            row.confirmed_at = now
            files_confirmed += 1
    key = APPLIED_KEY.format(device=header.sender_device)[:64]
    applied_before = session.get(Meta, key)
    stale = applied_before is not None and int(applied_before.value) >= header.sequence
    decided = 0
    if not stale:
        for decision in receipt.decisions:
            reg = regs.get(decision.id)
            # A record edited here since (a correction not yet handed over) is newer than any decision about it.
            if reg is None or reg.version != reg.synced_version:
                continue
            # Still waiting for review there: only the server's version is news (a receipt from the office).
            if decision.status not in DECISIONS and not (decision.status == reg.status == status.SUBMITTED):
                continue
            before = (reg.status, reg.review_comment, reg.status_note, reg.stage, reg.review_details)
            apply_change(session, _change(decision), user_id=actor.user_id, now=now)
            decided += before != (reg.status, reg.review_comment, reg.status_note, reg.stage, reg.review_details)
        session.merge(Meta(key=key, value=str(header.sequence)))
    sender_name = ledger.device_user_name(session, header.sender_device, header.sender_user)
    session.add(HandoverFile(file_id=header.file_id, direction=ledger.IN, file_type=ledger.RECEIPT,
                             sender_device=header.sender_device, sender_user=header.sender_user,
                             sequence=header.sequence, created_at=header.created, handled_at=now,
                             user_id=actor.user_id, records=len(receipt.arrived), attachments=0,
                             bytes=header.bytes, name=path.name[:255], contents={"answers": list(receipt.answers)}))
    auth.audit(session, now=now, action="receipt_imported", user=session.get(User, actor.user_id),
               detail=f"tanda terima {header.sequence} dari {sender_name} ({path.name}): {confirmed} data diterima, "
                      f"{decided} keputusan"[:2000])
    changed = record_changes.changed_in(session, since=mark)
    return ReceiptResult(header.file_id, list(receipt.answers), confirmed, files_confirmed, decided, False, stale,
                         sender_name, changed.changed_ids)


def _change(decision: Decision) -> StatusChange | ReturnedChange:
    if decision.status == status.RETURNED:
        return ReturnedChange(registration_id=decision.id, server_version=decision.server_version, at=decision.at,
                              by=decision.by, comment=decision.review_comment or "", details=decision.review_details)
    return StatusChange(registration_id=decision.id, server_version=decision.server_version, at=decision.at,
                        by=decision.by, status=decision.status, note=decision.status_note, stage=decision.stage)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40] or "petugas"
