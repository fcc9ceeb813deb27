"""The laptop's side of push and pull: which records wait to be sent, their protocol shape, and applying answers.

Keyword-only functions over a session the caller owns, like the app's services. A record waits to be sent while
``version`` differs from ``synced_version`` (the local version the server last acknowledged) and it is not a
draft; this holds for every change whoever made it, so no service has to remember to flag records for sync.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import status
from app.auth import central_user
from db.models import Meta, Registration, RegistrationAttachment, RegistrationChange, SyncConflict, User
from sync.answers import Change, PushResult, ReferenceChange, ReturnedChange, StatusChange
from sync.payload import Account, HistoryEntry, Record, format_time, parse_time, to_dict

BATCH_SIZE = 500  # PROTOCOL.md's limit; also one gzip stream big enough to compress well


@dataclass
class Counts:
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0


def pushable_owners(session: Session, *, user_id: str, role: str) -> list[str] | None:
    """Whose records this user sends: their own, a supervisor's team's too, an admin everyone's (None)."""
    if role == "admin":
        return None
    owners = [user_id]
    if role == "supervisor":
        team = session.get(Meta, f"team:{user_id}")
        owners += [t for t in (team.value.split(",") if team and team.value else [])]
    return owners


def pending(session: Session, *, owners: list[str] | None, exclude: set[str] = frozenset(),
            limit: int | None = None) -> list[tuple[str, int]]:
    """(id, version) of records waiting to be sent, oldest change first; records in an open conflict wait."""
    in_conflict = select(SyncConflict.registration_id).where(SyncConflict.resolved_at.is_(None))
    query = (select(Registration.id, Registration.version)
             .where(Registration.status != status.DRAFT, Registration.version != Registration.synced_version,
                    Registration.id.not_in(in_conflict))
             .order_by(Registration.updated_at, Registration.id))
    if owners is not None:
        query = query.where(Registration.owner_id.in_(owners))
    rows = [(rid, version) for rid, version in session.execute(query) if rid not in exclude]
    return rows[:limit] if limit is not None else rows


def build(session: Session, ids: list[str]) -> list[Record]:
    """The records in the protocol's shape, read with three queries whatever the count."""
    regs = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(ids)))}
    files: dict[str, list[str]] = defaultdict(list)
    for rid, sha in session.execute(select(RegistrationAttachment.registration_id, RegistrationAttachment.sha256)
                                    .where(RegistrationAttachment.registration_id.in_(ids))):
        files[rid].append(sha)
    history: dict[str, list[HistoryEntry]] = defaultdict(list)
    # Plain rows, not ORM objects: a batch carries a few history entries for each of its hundreds of records.
    columns = RegistrationChange.__table__.c
    for rid, at, user_id, action, changes in session.execute(
            select(columns.registration_id, columns.at, columns.user_id, columns.action, columns.changes)
            .where(columns.registration_id.in_(ids)).order_by(columns.id)):
        history[rid].append(HistoryEntry(at=format_time(at), user_id=user_id, action=action, changes=changes or {}))
    return [to_record(regs[rid], sorted(set(files[rid])), history[rid]) for rid in ids if rid in regs]


def to_record(reg: Registration, attachments: list[str], history: list[HistoryEntry]) -> Record:
    """A local registration in the protocol's shape; its base is the server version this copy was built on."""
    return Record(id=reg.id, kind=reg.kind, status=reg.status, version=reg.version, base_version=reg.server_version,
                  owner_id=reg.owner_id, device_id=reg.device_id, created_at=format_time(reg.created_at),
                  updated_at=format_time(reg.updated_at), data=reg.data or {}, attachments=attachments,
                  history=history, review_comment=reg.review_comment)


def apply_results(session: Session, *, sent: dict[str, int], records: dict[str, Record], results: list[PushResult],
                  user_id: str, now: datetime) -> Counts:
    """Applies the server's answer to one batch. ``sent`` is the local version each record had when the batch
    was made: a record edited since stays waiting, whatever the answer."""
    counts = Counts()
    regs = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(list(sent))))}
    for result in results:
        reg = regs.get(result.id)
        if reg is None:
            continue  # not in this batch: nothing of ours to update
        kind = result.result
        reg.synced_version = sent[reg.id]
        unchanged = reg.version == sent[reg.id]
        if kind in ("accepted", "duplicate"):
            counts.accepted += kind == "accepted"
            counts.duplicates += kind == "duplicate"
            reg.server_version = result.server_version
            reg.sync_error = None
            reg.sync_state = "synced" if unchanged else "pending"
        elif kind == "conflict":
            counts.conflicts += 1
            reg.sync_state = "conflict"
            session.add(SyncConflict(registration_id=reg.id, server_version=result.server_version,
                                     server_copy=result.server_record or {},
                                     device_copy=to_dict(records[reg.id]) if reg.id in records else {},
                                     detected_at=now))
        else:
            counts.rejected += 1
            reg.sync_state = "rejected"
            reg.sync_error = result.reason or "Ditolak server."
            _back_to_officer(session, reg, reg.sync_error, now)
    return counts


def _back_to_officer(session: Session, reg: Registration, reason: str, now: datetime) -> None:
    """A rejected record can only be put right by editing it, and a submitted record is not editable: it goes
    back to the officer as returned, with the server's reason as the comment (it never reached the server, so
    nothing there disagrees)."""
    if reg.status in (status.SUBMITTED, status.APPROVED) and reg.version == reg.synced_version:
        reg.review_comment = reason
        # The server refused it: credited to central, like every decision the server makes.
        _set_status(session, reg, status.RETURNED, central_user(session, now=now).id, now,
                    review_comment=[None, reason])


def reject(session: Session, *, sent: dict[str, int], reason: str) -> None:
    """A record the server refused as a batch on its own (shape, size): kept, with the reason, not resent."""
    for reg in session.scalars(select(Registration).where(Registration.id.in_(list(sent)))):
        reg.synced_version = sent[reg.id]
        reg.sync_state = "rejected"
        reg.sync_error = reason


def apply_change(session: Session, change: Change, *, user_id: str, now: datetime) -> bool:
    """One change from the pull feed; False when it is not about anything on this laptop."""
    from sync import reference
    from sync.enrol import store_account

    if isinstance(change, Account):
        store_account(session, change, now)
        return True
    if isinstance(change, ReferenceChange):
        # Only noted as pending here (with the cursor that passes it); the engine downloads it after the pull.
        return reference.note(session, change)
    if not isinstance(change, StatusChange | ReturnedChange):
        return False  # a type newer than this app, or one it could not read (the engine reports that)
    reg = session.get(Registration, change.registration_id)
    if reg is None:
        return False  # made on another laptop
    returned = isinstance(change, ReturnedChange)
    conflict = session.scalar(select(SyncConflict).where(SyncConflict.registration_id == reg.id,
                                                         SyncConflict.resolved_at.is_(None)))
    if conflict is not None:
        # A person is about to choose between the two copies: show them the server's newest, touch neither.
        copy = dict(conflict.server_copy)
        if returned:
            copy.update(status=status.RETURNED, review_comment=change.comment)
        else:
            copy.update(status=change.status, status_note=change.note)
        conflict.server_copy = copy
        conflict.server_version = max(conflict.server_version, change.server_version)
        return True
    clean = reg.version == reg.synced_version
    new_status = status.RETURNED if returned else change.status
    # Only what differs goes into the history: a status note on a record already done is not a status change.
    key, value = ("review_comment", change.comment) if returned else ("status_note", change.note)
    if clean and reg.status == new_status and getattr(reg, key) == value:
        # This laptop made the change itself (a supervisor's decision taken here and pushed): nothing to apply,
        # only the server's version to build on.
        reg.server_version = max(reg.server_version, change.server_version)
        return True
    changes = {name: [old, new] for name, old, new in ((key, getattr(reg, key), value),
                                                       ("status", reg.status, new_status)) if old != new}
    setattr(reg, key, value)
    reg.status = new_status
    reg.server_version = max(reg.server_version, change.server_version)
    reg.version += 1
    reg.updated_at = now
    if clean:
        # The server's content now, so nothing to send back; a local edit in between still waits (and its base
        # is this server version, so it will not conflict with the change it has just seen).
        reg.synced_version = reg.version
        reg.sync_state = "synced"
    session.add(RegistrationChange(registration_id=reg.id, version=reg.version, user_id=_mover(session, change, now),
                                   at=_moved_at(change, now), action="status", changes=changes))
    return True


def _set_status(session: Session, reg: Registration, new: str, user_id: str, now: datetime, **more: list) -> None:
    # Not a new version: the server has exactly this record, only its place in the life cycle moved on.
    session.add(RegistrationChange(registration_id=reg.id, version=reg.version, user_id=user_id, at=now,
                                   action="status", changes={"status": [reg.status, new], **more}))
    reg.status = new


def _mover(session: Session, change: StatusChange | ReturnedChange, now: datetime) -> str:
    """Who moved the record: the supervisor the server names when this laptop knows them, else central staff.
    Never the officer who happened to sync."""
    if change.by is not None and session.get(User, change.by) is not None:
        return change.by
    return central_user(session, now=now).id


def _moved_at(change: StatusChange | ReturnedChange, now: datetime) -> datetime:
    # An older server sends no time: when it arrived is the best there is.
    return parse_time(change.at) if change.at is not None else now
