"""A batch file brought on a stick straight to the central office (``jemput-server import-batch``): opened with
the server's batch key, its sender checked against the devices the server certified (the device's signing key,
not revoked, and the user the header names has really used that device), and its payload applied by the push
service as that user from that device, so the same rules and the same exactly-once hold as over HTTP (the same
file twice gets the stored answer; a record that also came over HTTP is a duplicate). Attachments go into the
server's store as complete files. Optionally a receipt for the officer's laptop, signed by the province root key
(which every laptop pinned at enrolment) and encrypted to the sending device.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.api.deps import today, utcnow
from server.core.config import Settings
from server.core.db import transaction
from server.core.keys import load
from server.models import Attachment, Device, Registration, User, UserToken
from server.services import audit, push as push_service
from server.services.attachments import path_for
from server.services.reference import CurrentRegions
from sync import signing
from sync.batch import BatchError, BatchHeader, RecordEntry, open_batch, read_header, write_batch
import sync.handover.content as content
from sync.handover.content import SERVER_KEY_ID, Arrived, BatchRefused, Decision, ReceiptContent
from sync.payload import PushRequest, dumps, format_time

STAGING = "batch-staging"
NOT_IMPORTED = (BatchError, BatchRefused)  # refusals with a message for the person at the office


@dataclass
class Imported:
    header: BatchHeader
    results: list[dict]
    files: int
    receipt: Path | None = None

    def count(self, result: str) -> int:
        return sum(1 for r in self.results if r["result"] == result)


def import_file(*, factory, settings: Settings, path: Path, receipt_folder: Path | None = None) -> Imported:
    """Raises BatchError or sync.handover.BatchRefused, having changed nothing."""
    path = Path(path)
    keys = load(settings)
    header = read_header(path)
    if header.file_type != "batch":
        raise BatchError("not_a_batch", name=path.name)
    staging = settings.data_dir / STAGING
    with transaction(factory) as session:
        opened = open_batch(path, SERVER_KEY_ID, keys.batch, _sender_key(session), staging)
        try:
            parsed = content.batch_payload(opened.payload, opened.manifest, path.name)
            batch_id, records = parsed.batch_id, parsed.records
            files = _store_files(session, settings, opened.attachments, header.sender_device)
            now = utcnow()
            response = push_service.apply_batch(
                session=session, now=now, today=today(), regions=CurrentRegions(settings.reference_dir).get(session),
                device=session.get(Device, header.sender_device), user=session.get(User, header.sender_user),
                request=PushRequest(batch_id=batch_id, records=records))
            decisions = _decisions(session, [r.id for r in records])
            audit.record(session, now=now, action="batch_imported", user_id=header.sender_user,
                         detail=f"file={header.file_id} device={header.sender_device} sequence={header.sequence} "
                                f"records={len(records)} files={files}")
        finally:
            for staged in opened.attachments.values():
                staged.unlink(missing_ok=True)
        device = session.get(Device, header.sender_device)
        recipient = (device.id, signing.encryption_public(device.encryption_key))
    done = Imported(header, response["results"], files)
    if receipt_folder is not None:
        arrived = [Arrived(r.id, r.version, r.content_hash(), header.file_id) for r in records]
        done.receipt = _receipt(keys.root, recipient, header, arrived, decisions, Path(receipt_folder), path)
    return done


def _sender_key(session: Session):
    def check(header: BatchHeader):
        device = session.get(Device, header.sender_device)
        if device is None or device.signing_key is None or device.revoked_at is not None:
            raise BatchError("unknown_sender")
        used = session.scalar(select(UserToken.token_hash).where(UserToken.device_id == device.id,
                                                                 UserToken.user_id == header.sender_user).limit(1))
        user = session.get(User, header.sender_user)
        if used is None or user is None or not user.active:
            raise BatchError("unknown_sender")
        return signing.signing_public(device.signing_key)

    return check


def _store_files(session: Session, settings: Settings, staged: dict[str, Path], device_id: str) -> int:
    """Complete files into the store before the commit: a rollback leaves a file no row names (harmless, and an
    upload over HTTP would write it again), never a row that names a missing file."""
    stored = 0
    now = utcnow()
    for sha, source in staged.items():
        row = session.get(Attachment, sha, with_for_update=True)
        if row is not None and row.complete:
            continue
        target = path_for(settings.attachments_dir, sha, partial=False)
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{sha}.{uuid.uuid4().hex}")
        shutil.copyfile(source, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        size = target.stat().st_size
        if row is None:
            session.add(Attachment(sha256=sha, size=size, received=size, complete=True, created_at=now,
                                   completed_at=now, device_id=device_id))
        else:
            row.size = row.received = size
            row.complete, row.completed_at = True, now
        stored += 1
    return stored


def _decisions(session: Session, ids: list[str]) -> list[Decision]:
    """Where each record of the file stands on the server now: the officer's laptop builds on these versions."""
    return [Decision(reg.id, reg.status, reg.version, reg.review_comment, reg.review_details, reg.stage,
                     reg.status_note, None, format_time(reg.server_updated_at or reg.updated_at))
            for reg in session.scalars(select(Registration).where(Registration.id.in_(ids)).order_by(Registration.id))]


def _receipt(root, recipient, batch: BatchHeader, arrived, decisions, folder: Path, path: Path) -> Path:
    payload = dumps(content.receipt_payload(ReceiptContent((batch.file_id,), tuple(arrived), tuple(decisions))))
    header = BatchHeader(file_type="receipt", file_id=str(uuid.uuid4()), sender_device=SERVER_KEY_ID,
                         sender_user=SERVER_KEY_ID, sequence=batch.sequence, created=utcnow())
    return write_batch(folder, f"tanda-terima-{path.name.split('.')[0]}-pusat", header, payload, [], root,
                       [recipient], records=[RecordEntry(a.id, a.version, a.content_hash) for a in arrived])
