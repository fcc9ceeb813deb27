"""What this laptop remembers of hand-over files: those it wrote and imported (``HandoverFile``), the record
versions it wrote into batch files (``HandedOver``), its own sequence numbers, and the gaps in each sender's.

Functions over a session the caller owns, like sync/records.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import record_changes
from db.models import HandedOver, HandoverFile, KnownDevice, Meta, Registration, User

OUT, IN = "out", "in"
BATCH, RECEIPT = "batch", "receipt"
SEQUENCE_KEY = {BATCH: "handover_sequence", RECEIPT: "receipt_sequence"}  # app_meta: the last number written


@dataclass(frozen=True)
class Gap:
    """Batch files of one sender that have not arrived here: "berkas 7 dari Siti belum diterima"."""

    sender_device: str
    sender_user: str
    sender_name: str
    missing: tuple[int, ...]


@dataclass(frozen=True)
class HandoverFileInfo:
    file_id: str
    direction: str  # out | in
    file_type: str  # batch | receipt
    sequence: int
    sender_device: str
    sender_user: str
    sender_name: str
    created_at: datetime
    handled_at: datetime
    records: int
    attachments: int
    bytes: int
    name: str
    confirmed_at: datetime | None
    # Who is on the other side: the sender of a file imported here; the supervisor a batch was written for (None:
    # only the central office can open it); the officer a receipt written here is for.
    counterpart_name: str | None = None


def next_sequence(session: Session, file_type: str) -> int:
    row = session.get(Meta, SEQUENCE_KEY[file_type])
    written = session.scalar(select(func.max(HandoverFile.sequence)).where(HandoverFile.direction == OUT,
                                                                            HandoverFile.file_type == file_type))
    return max(int(row.value) if row else 0, written or 0) + 1


def take_sequence(session: Session, file_type: str, sequence: int) -> None:
    session.merge(Meta(key=SEQUENCE_KEY[file_type], value=str(sequence)))


def imported(session: Session, file_id: str) -> HandoverFile | None:
    """The file as imported here before (a file this laptop wrote is never "imported": it is not for it)."""
    return session.scalar(select(HandoverFile).where(HandoverFile.file_id == file_id, HandoverFile.direction == IN))


def user_name(session: Session, user_id: str) -> str:
    user = session.get(User, user_id)
    return (user.full_name or user.username) if user else ""


def device_user_name(session: Session, device_id: str, user_id: str) -> str:
    """The sender as a person would name them: the account's name, else the laptop's."""
    name = user_name(session, user_id)
    if name:
        return name
    device = session.get(KnownDevice, device_id)
    return device.name if device else device_id[:8]


def missing_sequences(session: Session) -> dict[str, list[int]]:
    """For each sender device with imported batch files: the numbers below its highest that are not here."""
    seen: dict[str, set[int]] = {}
    for device, sequence in session.execute(select(HandoverFile.sender_device, HandoverFile.sequence)
                                            .where(HandoverFile.direction == IN, HandoverFile.file_type == BATCH)):
        seen.setdefault(device, set()).add(sequence)
    return {device: sorted(set(range(1, max(numbers) + 1)) - numbers) for device, numbers in seen.items()}


def gaps(session: Session) -> list[Gap]:
    """``missing_sequences`` with the senders' names, only the senders with something missing."""
    out = []
    for device, missing in sorted(missing_sequences(session).items()):
        if not missing:
            continue
        user = session.scalar(select(HandoverFile.sender_user).where(HandoverFile.sender_device == device,
                                                                     HandoverFile.direction == IN)
                              .order_by(HandoverFile.sequence.desc()).limit(1))
        out.append(Gap(device, user, device_user_name(session, device, user), tuple(missing)))
    return out


def handed_over_in(session: Session, ids: list[str]) -> dict[str, int]:
    """Record id -> N, for the records still waiting to be sent whose current version was written to batch file
    N ("diserahkan lewat berkas N") and not yet confirmed by a receipt."""
    if not ids:
        return {}
    rows = session.execute(
        select(HandedOver.registration_id, func.max(HandedOver.sequence))
        .join(Registration, Registration.id == HandedOver.registration_id)
        .where(HandedOver.registration_id.in_(ids), HandedOver.version == Registration.version,
               HandedOver.confirmed_at.is_(None), record_changes.waiting())
        .group_by(HandedOver.registration_id))
    return {rid: sequence for rid, sequence in rows}


def records_of_file(session: Session, file_id: str) -> list[str]:
    """The records an outgoing batch file held: to write them again when the stick was lost."""
    return list(session.scalars(select(HandedOver.registration_id).where(HandedOver.file_id == file_id)
                                .order_by(HandedOver.registration_id)))


def files(session: Session, direction: str) -> list[HandoverFileInfo]:
    """The files this laptop wrote (``OUT``) or imported (``IN``), newest first."""
    rows = session.scalars(select(HandoverFile).where(HandoverFile.direction == direction)
                           .order_by(HandoverFile.handled_at.desc(), HandoverFile.id.desc()))
    return [HandoverFileInfo(r.file_id, r.direction, r.file_type, r.sequence, r.sender_device, r.sender_user,
                             device_user_name(session, r.sender_device, r.sender_user), r.created_at, r.handled_at,
                             r.records, r.attachments, r.bytes, r.name, r.confirmed_at, _counterpart(session, r))
            for r in rows]


def _counterpart(session: Session, row: HandoverFile) -> str | None:
    contents = row.contents if isinstance(row.contents, dict) else {}
    if row.direction == IN:
        return device_user_name(session, row.sender_device, row.sender_user)
    if row.file_type == BATCH:
        return contents.get("to")
    answered = session.scalar(select(HandoverFile).where(HandoverFile.file_id.in_(contents.get("answers") or []),
                                                         HandoverFile.direction == IN).limit(1))
    return device_user_name(session, answered.sender_device, answered.sender_user) if answered else None
