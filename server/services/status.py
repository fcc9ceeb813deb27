"""Service status set by central staff (KTP printed, akta issued, surgery booked), sent down through the feed."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.status import ACCEPTED, DONE, RETURNED
from server.models import Registration, RegistrationHistory
from server.services import feed
from server.services.push import content_hash_of
from sync.payload import is_uuid

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
        rid = (record.get("registration_id") or "").strip().lower()
        status = (record.get("status") or "").strip().lower()
        note = (record.get("note") or "").strip()
        if not rid and not status:
            continue
        rows.append(StatusRow(line, rid, status, note))
    return rows


def set_status(*, session: Session, now: datetime, registration_id: str, status: str, note: str) -> str:
    """Applies one status; returns what was done, or raises StatusError saying why not."""
    if not is_uuid(registration_id):
        raise StatusError(f"not a registration id: {registration_id!r}")
    if status not in CENTRAL_STATUSES:
        raise StatusError(f"status must be one of {', '.join(CENTRAL_STATUSES)}, not {status!r}")
    reg = session.get(Registration, registration_id, with_for_update=True)
    if reg is None:
        raise StatusError(f"no registration {registration_id} on the server")
    if reg.status == status and (reg.status_note or "") == note:
        return f"already {status}"
    changes = {"status": [reg.status, status], "status_note": [reg.status_note, note]}
    reg.status = status
    reg.status_note = note
    if status == RETURNED:
        reg.review_comment = note
    reg.version += 1
    reg.content_hash = content_hash_of(reg)
    reg.server_updated_at = now
    session.add(RegistrationHistory(registration_id=reg.id, version=reg.version, at=now, user_id=None,
                                    device_id=None, action="status", changes=changes))
    if status == RETURNED:
        payload = {"registration_id": reg.id, "comment": note, "server_version": reg.version}
    else:
        payload = {"registration_id": reg.id, "status": status, "server_version": reg.version, "note": note}
    feed.add(session=session, now=now, type="returned" if status == RETURNED else "status", user_id=reg.owner_id,
             payload=payload, registration_id=reg.id)
    return f"{status} (version {reg.version})"
