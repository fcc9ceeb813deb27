"""Service status set by central staff (KTP printed, akta issued, surgery booked), sent down through the feed."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kinds import KINDS
from app.status import ACCEPTED, DONE, RETURNED
from server.models import Registration, RegistrationHistory
from server.services import audit, feed
from server.services.push import content_hash_of
from app.registration_number import matches, number_conditions, parse_number, registration_id_in

CENTRAL_STATUSES = (ACCEPTED, DONE, RETURNED)
COLUMNS = ("registration_id", "status", "note")


class StatusError(ValueError):
    pass


@dataclass(frozen=True)
class StatusRow:
    line: int
    registration_id: str
    status: str
    note: str


def read_csv(text: str) -> list[StatusRow]:
    """The rows to apply, checked one by one later; a header row naming the columns is required."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS[:2] if c not in (reader.fieldnames or [])]
    if missing:
        raise StatusError(f"the CSV needs the columns {', '.join(COLUMNS)} (missing: {', '.join(missing)})")
    rows = []
    for record in reader:
        line = reader.line_num
        rid = (record.get("registration_id") or "").strip()
        status = (record.get("status") or "").strip().lower()
        note = (record.get("note") or "").strip()
        if not rid and not status:
            continue
        rows.append(StatusRow(line, rid, status, note))
    return rows


def find(*, session: Session, text: str) -> Registration:
    """The registration that ``text`` names: its id, the number printed on the citizen's receipt
    (KTP-261201-ABCDEF) or the content of the receipt's QR code. Locked for the update that follows."""
    rid = registration_id_in(text)
    if rid is not None:
        reg = session.get(Registration, rid, with_for_update=True)
        if reg is None:
            raise StatusError(f"no registration {rid} on the server")
        return reg
    parts = parse_number(text)
    if parts is None:
        raise StatusError(f"not a registration id or receipt number: {text!r}")
    candidates = [reg for reg in session.scalars(
        select(Registration).where(*number_conditions(parts, id_column=Registration.id, kind_column=Registration.kind,
                                                      created_column=Registration.created_at)).with_for_update())
        if matches(parts, reg.id, reg.kind, reg.created_at)]
    if not candidates:
        raise StatusError(f"no registration with receipt number {parts.number} on the server")
    if len(candidates) > 1:
        raise StatusError(f"receipt number {parts.number} fits {len(candidates)} registrations; use the id: "
                          + ", ".join(reg.id for reg in candidates))
    return candidates[0]


def set_status(*, session: Session, now: datetime, registration_id: str, status: str, note: str) -> str:
    """Applies one status, or one step of the record's service (``KindSpec.stages``: a complaint "forwarded",
    under the status the step belongs to); returns what was done, or raises StatusError saying why not."""
    reg = find(session=session, text=registration_id)
    stages = KINDS[reg.kind].stages if reg.kind in KINDS else {}
    stage = status if status in stages else None
    if stage is not None:
        status = stages[stage].status
    elif status not in CENTRAL_STATUSES:
        raise StatusError(f"status must be one of {', '.join((*CENTRAL_STATUSES, *stages))}, not {status!r}")
    note = note or None  # no note is no note, however it was typed: "" would show as a change to nothing
    if reg.status == status and reg.status_note == note and reg.stage == stage:
        return f"already {stage or status}"
    changes = {key: [old, new] for key, old, new in (("status", reg.status, status),
                                                      ("status_note", reg.status_note, note),
                                                      ("stage", reg.stage, stage)) if old != new}
    reg.status = status
    reg.status_note = note
    reg.stage = stage
    if status == RETURNED:
        reg.review_comment = note
        reg.review_details = None  # central's return is its note; no supervisor's field comments stand
    reg.version += 1
    # Central's content now, made by no device: a device's signature or seal over the old content would not match it.
    reg.origin_device = reg.signature = reg.seal_batch_id = None
    reg.content_hash = content_hash_of(reg)
    reg.server_updated_at = now
    session.add(RegistrationHistory(registration_id=reg.id, version=reg.version, at=now, user_id=None,
                                    device_id=None, action="status", changes=changes))
    feed.record_moved(session=session, now=now, reg=reg, by=None)
    # The note stays out of the log: "KTP sudah dicetak" is harmless, but a note can name the citizen.
    audit.record(session, now=now, action="status_set", username="@central",
                 detail=f"{reg.id} {changes.get('status', [reg.status])[0]}->{status}" + (f" {stage}" if stage else ""))
    return f"{stage or status} (version {reg.version})"
