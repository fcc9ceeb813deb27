"""Applying a pushed batch: one transaction, one answer per record, and the answer stored under the batch id.

Order of checks for each record: may this user send it (owner), is it the same record (owner and kind never
change), is it valid by the app's own rules, then duplicate / conflict / accepted. A record that fails is
answered ``rejected`` with a reason in Bahasa Indonesia; the others in the batch go on.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kinds import KINDS
from app.status import DRAFT, STATUSES
from server import i18n
from server.core.bulk import insert_rows
from server.errors import ApiError
from server.models import Conflict, Device, PushBatch, Registration, RegistrationHistory, User
from server.services import accounts, audit, authority, feed
from server.services.record_signatures import BatchSignatures, check_seal
from sync import signing
from sync.answers import PushResponse, PushResult
from sync.payload import (FileNote, PushRequest, Record, expanded_history, format_time, parse_time,
                          record_from_dict, to_dict, wire_dict)

log = logging.getLogger(__name__)
MOVED = "audit_moved"  # session.info: (id, old, new) of the statuses this batch's updates moved, for the audit
MAX_REASONS = 5  # enough to fix the form; a reason longer than a screen helps no one


def apply_batch(*, session: Session, now: datetime, today: date, regions, device: Device, user: User,
                request: PushRequest) -> dict:
    stored = session.get(PushBatch, (device.id, request.batch_id))
    if stored is not None:
        if stored.user_id != user.id:
            raise ApiError(409, "batch_reused", "This batch id was used by another user on this device.")
        return stored.response
    # One query for every record the batch touches, and one flush at the end: per-record look-ups with autoflush
    # made a 500-record push several times slower (bench/sync.py). New rows are inserted in dependency order.
    ids = [record.id for record in request.records]
    existing = {reg.id: reg for reg in session.scalars(
        select(Registration).where(Registration.id.in_(ids)).with_for_update())}
    created: list[dict] = []
    # Feed entries wait to the end (feed.add_all): writing them takes the feed lock until the commit.
    pending: list[feed.Pending] = []
    origins = _origin_keys(session, request.records)
    owners = _owners(session, request.records, user)
    content_hashes = [record.content_hash() for record in request.records]
    signatures = BatchSignatures(request.records, content_hashes, origins)  # checked while the loop validates
    seal_refusal, seal_message = check_seal(request, device, content_hashes)
    # The batch whose seal vouches for each record it covers, kept on the row as a record's own signature is.
    seal_batch_id = request.batch_id if seal_message is not None else None
    with session.no_autoflush:
        results = [_apply(session=session, now=now, today=today, regions=regions, device=device, user=user,
                          record=record, existing=existing.get(record.id), created=created, origins=origins,
                          owners=owners, pending=pending, content_hash=content_hash,
                          signature_refusal=signatures.refusal(index) or (
                              seal_refusal if signing.under_seal(record) else None),
                          seal_batch_id=seal_batch_id if signing.under_seal(record) else None)
                   for index, (record, content_hash) in enumerate(zip(request.records, content_hashes))]
    _insert_created(session=session, now=now, device=device, user=user, rows=created, pending=pending)
    # The pushed copy is the server's now, at version 1.
    new_ids = {row["id"] for row in created}
    for record in request.records:
        if record.id in new_ids and record.owner_id == user.id:
            _tell_supervisor(pending, user=user, record=record, version=1)
    response = to_dict(PushResponse(batch_id=request.batch_id, results=results))
    session.add(PushBatch(device_id=device.id, batch_id=request.batch_id, user_id=user.id, response=response,
                          created_at=now, seal_message=seal_message,
                          seal_signature=request.seal.signature if seal_message is not None else None))
    session.flush()
    # Last, the two things every writer waits for until this commits: the feed (its lock) and the audit chain (its
    # head row), in that order, as everywhere else (a push that took the chain first and the feed second could
    # deadlock with a login that publishes a key list). Taken earlier, they made 200 laptops push one at a time.
    feed.add_all(session=session, now=now, entries=pending)
    # One entry per batch with the counts, and one per status a pushed update moved (a supervisor's approval or
    # return, an officer's correction): the records' history has the details, the audit log who and when.
    outcome: dict[str, int] = {}
    for result in results:
        outcome[result.result] = outcome.get(result.result, 0) + 1
    audit.record(session, now=now, action="push", user_id=user.id, username=user.username,
                 detail=f"device={device.id} batch={request.batch_id} new={len(created)} "
                        + " ".join(f"{k}={v}" for k, v in sorted(outcome.items())))
    for reg_id, old, new in session.info.pop(MOVED, []):
        audit.record(session, now=now, action="status_pushed", user_id=user.id, username=user.username,
                     detail=f"{reg_id} {old}->{new} device={device.id}")
    return response


def _apply(*, session, now, today, regions, device, user, record: Record, existing: Registration | None,
           created: list[dict], origins: dict[str, Device], owners: dict[str, User | None],
           pending: list[feed.Pending], content_hash: str, signature_refusal: str | None,
           seal_batch_id: str | None) -> PushResult:
    if existing is not None and not accounts.may_act_for(session=session, actor=user, owner_id=existing.owner_id):
        # Someone else's record: the same answer as for any record not theirs, with nothing of the server's copy
        # (not even its version).
        return PushResult(record.id, "rejected", 0, reason=i18n.tr(i18n.MSG_NOT_YOURS))
    version = existing.version if existing else 0
    reason = signature_refusal or _refusal(
        session=session, user=user, record=record, existing=existing, today=today, regions=regions, owners=owners)
    if reason:
        return PushResult(record.id, "rejected", version, reason=reason)
    owner = owners.get(record.owner_id)
    if existing is None:
        reason = authority.move_refusal(actor=user, owner=owner, existing=None, record=record)
        if reason:
            return PushResult(record.id, "rejected", 0, reason=reason)
        created.append(_new_row(record=record, device=device, content_hash=content_hash, now=now,
                                origins=origins, seal_batch_id=seal_batch_id))
        return PushResult(record.id, "accepted", 1)
    if existing.content_hash == content_hash:
        return PushResult(record.id, "duplicate", existing.version)
    if existing.version != record.base_version:
        # Not applied, so no move is made: a person chooses later, and what they choose is pushed and judged then.
        server_copy = record_dict(existing)
        session.add(Conflict(registration_id=existing.id, server_version=existing.version,
                             base_version=record.base_version, incoming=_record_dict_in(record),
                             server_copy=server_copy, device_id=device.id, user_id=user.id, created_at=now))
        return PushResult(record.id, "conflict", existing.version, server_record=server_copy)
    reason = authority.move_refusal(actor=user, owner=owner, existing=existing, record=record)
    if reason:
        return PushResult(record.id, "rejected", existing.version, reason=reason)
    _update(session=session, now=now, device=device, user=user, record=record, reg=existing,
            content_hash=content_hash, pending=pending, seal_batch_id=seal_batch_id)
    return PushResult(record.id, "accepted", existing.version)


def _owners(session: Session, records: list[Record], user: User) -> dict[str, User | None]:
    """The owners a batch names, in one query: a batch is one officer's records, or a supervisor's team's. A
    per-record look-up was a tenth of a push (bench/profile_push.py)."""
    ids = {r.owner_id for r in records}
    found = {u.id: u for u in session.scalars(select(User).where(User.id.in_(ids)))} if ids - {user.id} else {}
    return {owner_id: user if owner_id == user.id else found.get(owner_id) for owner_id in ids}


def _origin_keys(session: Session, records: list[Record]) -> dict[str, Device]:
    """The devices that signed records of this batch, in one query (a batch is mostly from one laptop)."""
    ids = {r.origin_device for r in records if r.origin_device is not None}
    return {d.id: d for d in session.scalars(select(Device).where(Device.id.in_(ids)))} if ids else {}


def _refusal(*, session, user, record: Record, existing, today, regions, owners: dict[str, User | None]) -> str | None:
    if not accounts.may_act_for(session=session, actor=user, owner_id=record.owner_id):
        return i18n.tr(i18n.MSG_NOT_YOURS)
    if existing is not None:
        if existing.owner_id != record.owner_id:
            return i18n.tr(i18n.MSG_OWNER_CHANGED)
        if existing.kind != record.kind:
            return i18n.tr(i18n.MSG_KIND_CHANGED)
    elif owners.get(record.owner_id) is None:
        return i18n.tr(i18n.MSG_UNKNOWN_OWNER)
    if record.kind not in KINDS:
        return i18n.tr(i18n.MSG_UNKNOWN_KIND, kind=record.kind)
    if record.status not in STATUSES:
        return i18n.tr(i18n.MSG_UNKNOWN_STATUS, status=record.status)
    if record.status == DRAFT:
        return i18n.tr(i18n.MSG_NOT_SUBMITTED)
    shape = authority.data_refusal(record.kind, record.data)
    if shape:
        return shape
    spec = KINDS[record.kind]
    try:
        # A computed value (the WHO category) is the app's rule applied to the others, never the laptop's word:
        # one that differs is a laptop on other rules or a changed file, and the record is not taken.
        expected = spec.computed_values(record.data)  # not a copy of the whole data: only these are compared
        wrong = sorted(key for key in expected if (record.data.get(key) or "") != expected[key])
        issues = spec.validate(record.data, today=today, regions=regions, for_submit=True)
    except Exception:  # noqa: BLE001 - a value of an unexpected type must reject this record, not the batch
        log.info("validator failed on record %s", record.id, exc_info=True)
        return i18n.tr(i18n.MSG_UNREADABLE)
    if wrong:
        return i18n.tr(i18n.MSG_COMPUTED_WRONG, keys=", ".join(wrong))
    errors = [issue for issue in issues if issue.is_error]
    if errors:
        return " ".join(issue.text("id") for issue in errors[:MAX_REASONS])
    return None


def _new_row(*, record: Record, device: Device, content_hash: str, now: datetime,
             origins: dict[str, Device], seal_batch_id: str | None) -> dict:
    # The device that made the record is one the server can vouch for, never the body's word: the maker whose
    # signature was just checked (a copy relayed by another laptop), else the laptop whose token sent it.
    maker = record.origin_device if record.signature is not None and record.origin_device in origins else device.id
    return {"id": record.id, "kind": record.kind, "version": 1, "owner_id": record.owner_id,
            "device_id": maker, "received_at": now, **_content(record, device, content_hash, now, seal_batch_id)}


def _insert_created(*, session, now, device, user, rows: list[dict], pending: list[feed.Pending]) -> None:
    """New records of a batch in one multi-row insert each for the records and their history: most of a push
    is new records, and building ORM objects for them cost more than validating them (bench/sync.py)."""
    if not rows:
        return
    # Straight to the driver on the session's connection: the ORM's bulk path turned each row into an object state
    # first, a fifth of a push's CPU (bench/fleet.py, profiled), and Core's per-row parameters a quarter of the
    # insert (server/core/bulk.py). Nothing here needs the rows as objects.
    connection = session.connection()
    insert_rows(connection, Registration.__table__, rows)
    insert_rows(connection, RegistrationHistory.__table__, [
        {"registration_id": row["id"], "version": 1, "at": now, "user_id": user.id, "device_id": device.id,
         "action": "create", "changes": {}} for row in rows])
    for row in rows:
        if row["owner_id"] != user.id:  # a supervisor sent a team member's record: the officer hears of it
            _tell_owner(pending, now=now, user=user, reg=session.get(Registration, row["id"]))


def _update(*, session, now, device, user, record: Record, reg: Registration, content_hash: str,
            pending: list[feed.Pending], seal_batch_id: str | None) -> None:
    changes = _diff(reg, record)
    if "status" in changes:
        session.info.setdefault(MOVED, []).append((reg.id, *changes["status"]))
    reg.version += 1
    _fill(reg, record, device, content_hash, now, seal_batch_id)
    _history(session, reg, now, user, device, "update", changes)
    _tell_owner(pending, now=now, user=user, reg=reg)
    if user.id == reg.owner_id:
        _tell_supervisor(pending, user=user, record=record, version=reg.version)


def _content(record: Record, device: Device, content_hash: str, now: datetime, seal_batch_id: str | None) -> dict:
    """The columns a device's copy sets, on a new record and on an update alike. The device's history is kept
    as it came, a create entry's ``"=data"`` too: it stands for the data set here with it (the only place that
    sets a record's data), and ``record_dict`` writes it out whenever the record is handed on."""
    return {"status": record.status, "data": record.data, "attachments": sorted(record.attachments),
            "device_history": [wire_dict(h) for h in record.history], "review_comment": record.review_comment,
            "review_details": record.review_details,
            "files": None if record.files is None else [to_dict(note) for note in record.files],
            "origin_device": record.origin_device, "signature": record.signature, "seal_batch_id": seal_batch_id,
            "content_hash": content_hash, "device_version": record.version, "last_device_id": device.id,
            "created_at": parse_time(record.created_at), "updated_at": parse_time(record.updated_at),
            "server_updated_at": now}


def _fill(reg: Registration, record: Record, device: Device, content_hash: str, now: datetime,
          seal_batch_id: str | None) -> None:
    for column, value in _content(record, device, content_hash, now, seal_batch_id).items():
        setattr(reg, column, value)


def _diff(reg: Registration, record: Record) -> dict:
    changes = {f"data.{key}": [reg.data.get(key), record.data.get(key)]
               for key in sorted(set(reg.data) | set(record.data)) if reg.data.get(key) != record.data.get(key)}
    for key in ("status", "review_comment", "review_details"):
        if getattr(reg, key) != getattr(record, key):
            changes[key] = [getattr(reg, key), getattr(record, key)]
    return changes


def _history(session, reg, now, user, device, action: str, changes: dict) -> None:
    session.add(RegistrationHistory(registration_id=reg.id, version=reg.version, at=now, user_id=user.id,
                                    device_id=device.id, action=action, changes=changes))


def _tell_supervisor(pending: list[feed.Pending], *, user: User, record: Record, version: int) -> None:
    """A record its officer sent (again) for review goes whole to the officer's supervisor's laptops, for review
    there offline: the pushed copy, at the server's version (what ``record_dict`` would rebuild from the row)."""
    if user.supervisor_id is None:
        return  # nobody reviews this officer's work: no copy of the record to make
    entry = feed.review(record=replace(record, version=version, base_version=version),
                        supervisor_id=user.supervisor_id)
    if entry is not None:
        pending.append(entry)


def _tell_owner(pending: list[feed.Pending], *, now, user: User, reg: Registration) -> None:
    """A supervisor's decision reaches the officer's laptop through the feed."""
    if user.id != reg.owner_id:
        pending.append(feed.moved(now=now, reg=reg, by=user))


def record_dict(reg: Registration) -> dict:
    """The server's copy in the protocol's Record shape; base_version is the server version it is."""
    return to_dict(Record(
        id=reg.id, kind=reg.kind, status=reg.status, version=reg.version, base_version=reg.version,
        owner_id=reg.owner_id, device_id=reg.device_id, created_at=format_time(reg.created_at),
        updated_at=format_time(reg.updated_at), data=reg.data, attachments=list(reg.attachments),
        history=[], review_comment=reg.review_comment, review_details=reg.review_details,
        files=None if reg.files is None else [FileNote(**note) for note in reg.files],
        origin_device=reg.origin_device, signature=reg.signature)) | {
        "history": expanded_history(reg.device_history, reg.data)}


def _record_dict_in(record: Record) -> dict:
    """The pushed copy as a person comparing it in a conflict reads it: the whole history."""
    incoming = to_dict(record)
    return incoming | {"history": expanded_history(incoming["history"], incoming["data"])}


def content_hash_of(reg: Registration) -> str:
    """The same hash a device's copy has when it holds exactly the server's content (after a central change)."""
    return record_from_dict(record_dict(reg)).content_hash()
