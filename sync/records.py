"""The laptop's side of push and pull: which records wait to be sent, their protocol shape, and applying answers.

Keyword-only functions over a session the caller owns, like the app's services. A record waits to be sent while
``version`` differs from ``synced_version`` (the local version the server last acknowledged) and it is not a
draft (``app.record_changes.waiting``); this holds for every change whoever made it, so no service has to remember
to flag records for sync. What an answer does to a record's versions and sync state is ``app.record_changes``'s.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import orjson
from sqlalchemy import Text, delete, select, type_coerce
from sqlalchemy.orm import Session

from app import audit_log, guardrails, record_changes, registrations as regs, status
from app.auth import CENTRAL_USERNAME, central_user
from app.persons import link_people
from app.record_changes import NOTHING, Changed
from db.models import Attachment, Meta, Registration, RegistrationAttachment, RegistrationChange, SyncConflict, User
from sync.answers import (Change, KeyListChange, LimitsChange, PushResult, RecordChange, ReferenceChange,
                          ReturnedChange, StatusChange)
from sync.payload import Account, FileNote, HistoryEntry, Record, format_time, parse_time, to_dict

BATCH_SIZE = 500  # PROTOCOL.md's limit; also one gzip stream big enough to compress well


@dataclass
class Counts:
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    changed: Changed = NOTHING  # the records whose sync state or status the answer moved


def pushable_owners(session: Session, *, user_id: str, role: str) -> list[str] | None:
    """Whose records this user sends: their own, a supervisor's team's too, an admin everyone's (None)."""
    if role == "admin":
        return None
    owners = [user_id]
    if role == "supervisor":
        team = session.get(Meta, f"team:{user_id}")
        owners += [t for t in (team.value.split(",") if team and team.value else [])]
    return owners


def pending(session: Session, *, owners: list[str] | None, limit: int | None = None) -> list[tuple[str, int]]:
    """(id, version) of records waiting to be sent, oldest change first; records in an open conflict wait."""
    # Ordered by an expression no index holds, so that SQLite reads migration 0016's partial index (the waiting
    # rows alone) and sorts them: without statistics it takes a team's several owners for a reason to walk a whole
    # index in order instead, reading every registration. "|| ''" leaves the text, and so the order, as it is.
    query = (select(Registration.id, Registration.version).where(record_changes.waiting())
             .order_by(Registration.updated_at.op("||")(""), Registration.id))
    if owners is not None:
        query = query.where(Registration.owner_id.in_(owners))
    if limit is not None:
        query = query.limit(limit)
    return [(rid, version) for rid, version in session.execute(query)]


def build(session: Session, ids: list[str]) -> list[Record]:
    """The records in the protocol's shape, read with three queries whatever the count; plain rows (Core), not ORM
    objects, as a push reads hundreds of records and changes none of them here."""
    c = Registration.__table__.c
    # The form data and history as the text they are stored as, read by orjson: the standard library's decoder
    # was an eighth of the laptop's share of a push (bench/sync.py).
    regs = {r.id: r for r in session.execute(
        select(c.id, c.kind, c.status, c.version, c.server_version, c.owner_id, c.device_id, c.created_at,
               c.updated_at, type_coerce(c.data, Text).label("data"), c.review_comment, c.review_details,
               c.remote_files).where(c.id.in_(ids)))}
    files: dict[str, list[FileNote]] = defaultdict(list)
    for rid, sha, purpose, label in session.execute(
            select(RegistrationAttachment.registration_id, RegistrationAttachment.sha256,
                   RegistrationAttachment.purpose, RegistrationAttachment.label)
            .where(RegistrationAttachment.registration_id.in_(ids)).order_by(RegistrationAttachment.id)):
        files[rid].append(FileNote(sha256=sha, purpose=purpose, label=label or ""))
    for rid, reg in regs.items():
        # A team member's files not downloaded yet are still the record's: a supervisor's decision sent from here
        # must not drop them from the server's copy.
        files[rid] += remote_notes(reg)
    history: dict[str, list[HistoryEntry]] = defaultdict(list)
    # Plain rows, not ORM objects: a batch carries a few history entries for each of its hundreds of records.
    columns = RegistrationChange.__table__.c
    for rid, at, user_id, action, changes in session.execute(
            select(columns.registration_id, columns.at, columns.user_id, columns.action,
                   type_coerce(columns.changes, Text)).where(columns.registration_id.in_(ids)).order_by(columns.id)):
        history[rid].append(HistoryEntry(at=format_time(at), user_id=user_id, action=action,
                                         changes=_json(changes) or {}))
    return [to_record(regs[rid], files[rid], history[rid], data=_json(regs[rid].data) or {}) for rid in ids
            if rid in regs]


def _json(text: str | None):
    """A JSON column's stored text as its value (SQLAlchemy's JSON type reads SQL NULL and JSON null alike)."""
    return None if text is None else orjson.loads(text)


def to_record(reg: Registration, files: list[FileNote], history: list[HistoryEntry], *, data: dict | None = None
              ) -> Record:
    """A local registration in the protocol's shape; its base is the server version this copy was built on.
    ``data``: the form data when the caller read it already (``reg.data`` otherwise)."""
    return Record(id=reg.id, kind=reg.kind, status=reg.status, version=reg.version, base_version=reg.server_version,
                  owner_id=reg.owner_id, device_id=reg.device_id, created_at=format_time(reg.created_at),
                  updated_at=format_time(reg.updated_at), data=(reg.data if data is None else data) or {},
                  attachments=sorted({f.sha256 for f in files}), history=history,
                  review_comment=reg.review_comment, review_details=reg.review_details, files=files or None)


def remote_notes(reg: Registration) -> list[FileNote]:
    """The files of a record received for review that are on the server and not (yet) on this laptop. Entries
    from before files had notes are bare hashes."""
    return [FileNote(sha256=item, purpose="document") if isinstance(item, str)
            else FileNote(sha256=item["sha256"], purpose=item["purpose"], label=item.get("label", ""))
            for item in reg.remote_files or ()]


def apply_results(session: Session, *, sent: dict[str, int], records: dict[str, Record], results: list[PushResult],
                  user_id: str, now: datetime) -> Counts:
    """Applies the server's answer to one batch. ``sent`` is the local version each record had when the batch
    was made: a record edited since stays waiting, whatever the answer."""
    counts = Counts()
    # Most of an answer acknowledges: those at the Core level in one go, the few others through their objects.
    acks = {r.id: (sent[r.id], r.server_version) for r in results
            if r.result in ("accepted", "duplicate") and r.id in sent}
    counts.changed = record_changes.acknowledged_many(session, acks)
    counts.accepted = sum(r.result == "accepted" for r in results if r.id in counts.changed.ids)
    counts.duplicates = sum(r.result == "duplicate" for r in results if r.id in counts.changed.ids)
    others = [r for r in results if r.id in sent and r.id not in acks]
    regs = {r.id: r for r in session.scalars(select(Registration).where(
        Registration.id.in_([r.id for r in others])))} if others else {}
    for result in others:
        reg = regs.get(result.id)
        if reg is None:
            continue  # not in this batch: nothing of ours to update
        kind = result.result
        if kind == "conflict":
            counts.conflicts += 1
            changed = record_changes.conflicted(
                session, reg, sent_version=sent[reg.id], server_version=result.server_version,
                server_copy=result.server_record or {},
                device_copy=to_dict(records[reg.id]) if reg.id in records else {}, now=now)
        else:
            counts.rejected += 1
            changed = record_changes.rejected(session, reg, sent_version=sent[reg.id],
                                              reason=result.reason or "Ditolak server.")
            changed |= _back_to_officer(session, reg, reg.sync_error, now)
        counts.changed |= changed
    return counts


def _back_to_officer(session: Session, reg: Registration, reason: str, now: datetime) -> Changed:
    """A rejected record can only be put right by editing it, and a submitted record is not editable: it goes
    back to the officer as returned, with the server's reason as the comment (it never reached the server, so
    nothing there disagrees)."""
    if reg.status in (status.SUBMITTED, status.APPROVED) and reg.version == reg.synced_version:
        reg.review_comment = reason
        audit_log.append(session, now=now, action="status_rejected", user_id=central_user(session, now=now).id,
                         username=CENTRAL_USERNAME, detail=f"{reg.id} {reg.status}->{status.RETURNED}")
        # The server refused it: credited to central, like every decision the server makes.
        return record_changes.status_moved(session, reg, status.RETURNED, user_id=central_user(session, now=now).id,
                                           now=now, review_comment=[None, reason])
    return NOTHING


def reject(session: Session, *, sent: dict[str, int], reason: str) -> Changed:
    """A record the server refused as a batch on its own (shape, size): kept, with the reason, not resent."""
    changed = NOTHING
    for reg in session.scalars(select(Registration).where(Registration.id.in_(list(sent)))):
        changed |= record_changes.rejected(session, reg, sent_version=sent[reg.id], reason=reason)
    return changed


def apply_change(session: Session, change: Change, *, user_id: str, now: datetime) -> bool:
    """One change from the pull feed; False when it is not about anything on this laptop. Raises
    sync.device_keys.KeyListRefused for a key list that cannot be trusted, having changed nothing."""
    from sync import device_keys, reference
    from sync.enrol import store_account

    if isinstance(change, Account):
        store_account(session, change, now)
        return True
    if isinstance(change, RecordChange):
        return _receive_for_review(session, change.record, now=now)
    if isinstance(change, ReferenceChange):
        # Only noted as pending here (with the cursor that passes it); the engine downloads it after the pull.
        return reference.note(session, change)
    if isinstance(change, KeyListChange):
        return device_keys.store_key_list(session, change, now=now)
    if isinstance(change, LimitsChange):
        return guardrails.store_limits(session, guardrails.Limits(
            max_waiting_review=change.max_waiting_review, max_not_handed_over=change.max_not_handed_over,
            max_days_since_handover=change.max_days_since_handover, set_at=change.set_at))
    if not isinstance(change, StatusChange | ReturnedChange):
        return False  # a type newer than this app, or one it could not read (the engine reports that)
    reg = session.get(Registration, change.registration_id)
    if reg is None:
        return False  # made on another laptop
    if change.server_version < reg.server_version:
        # Older than the copy this laptop already built on: a return the officer has since answered with a
        # resubmission that the server accepted (pushed before this pull) must not send the record back again.
        return True
    returned = isinstance(change, ReturnedChange)
    conflict = session.scalar(select(SyncConflict).where(SyncConflict.registration_id == reg.id,
                                                         SyncConflict.resolved_at.is_(None)))
    if conflict is not None:
        # A person is about to choose between the two copies: show them the server's newest, touch neither.
        copy = dict(conflict.server_copy)
        if returned:
            copy.update(status=status.RETURNED, review_comment=change.comment, review_details=change.details)
        else:
            copy.update(status=change.status, status_note=change.note, stage=change.stage)
        conflict.server_copy = copy
        conflict.server_version = max(conflict.server_version, change.server_version)
        return True
    clean = reg.version == reg.synced_version
    new_status = status.RETURNED if returned else change.status
    # Only what differs goes into the history: a status note on a record already done is not a status change.
    key, value = ("review_comment", change.comment) if returned else ("status_note", change.note)
    # A return clears the service's step; a status without one (an older server, a service with no steps) has none.
    new_stage = None if returned else change.stage
    new_details = change.details if returned else reg.review_details
    if clean and reg.status == new_status and getattr(reg, key) == value and reg.stage == new_stage \
            and reg.review_details == new_details:
        # This laptop made the change itself (a supervisor's decision taken here and pushed): nothing to apply,
        # only the server's version to build on.
        record_changes.server_has(session, reg, server_version=change.server_version, this_version=False)
        return True
    changes = {name: [old, new] for name, old, new in ((key, getattr(reg, key), value),
                                                       ("status", reg.status, new_status),
                                                       ("stage", reg.stage, new_stage),
                                                       ("review_details", reg.review_details, new_details))
               if old != new}
    if not changes:
        # Nothing the laptop shows moved (a record relayed by the supervisor, reported back while this laptop's
        # own copy still waits): only the server's version to build on, no history entry crediting anyone.
        record_changes.server_has(session, reg, server_version=change.server_version, this_version=False)
        return True
    if "status" in changes or "stage" in changes:
        # Audited like a decision taken here (ids and statuses only: the note may name the citizen).
        old_status, _ = changes.get("status", (reg.status, reg.status))
        audit_log.append(session, now=now, action="status_pulled", user_id=_mover(session, change, now),
                         detail=f"{reg.id} {old_status}->{new_status}" + (f" {new_stage}" if new_stage else ""))
    setattr(reg, key, value)
    reg.status = new_status
    reg.stage = new_stage
    reg.review_details = new_details
    record_changes.new_version(session, reg, user_id=_mover(session, change, now), now=now, action="status",
                               changes=changes, at=_moved_at(change, now), in_conflict=False)
    # When clean, the server's content now, so nothing to send back; a local edit in between still waits (and
    # its base is this server version, so it will not conflict with the change it has just seen).
    record_changes.server_has(session, reg, server_version=change.server_version, this_version=clean)
    return True


def _receive_for_review(session: Session, record: Record, *, now: datetime) -> bool:
    """A team member's record sent to this supervisor for review: stored (or brought up to the server's copy) so
    that it can be reviewed here without signal. A local copy with changes not yet sent is left alone: its push
    meets the server's version and a person chooses, as with any conflict."""
    owner = session.get(User, record.owner_id)
    if owner is None:
        return False  # an account this laptop has not received (yet): nothing to file the record under
    reg = session.get(Registration, record.id)
    if reg is not None and (record.base_version <= reg.server_version or reg.version != reg.synced_version):
        return True
    store_received(session, record, reg=reg, user_id=owner.id, server_version=record.base_version, now=now)
    return True


def store_received(session: Session, record: Record, *, reg: Registration | None, user_id: str,
                   server_version: int, now: datetime) -> Registration:
    """Another laptop's copy of ``record`` stored here whole (a new row when ``reg`` is None), as the server's
    (the pull) or as its maker's to be relayed (a batch file, sync/handover/): nothing to send back from here."""
    new = reg is None
    if new:
        reg = Registration(id=record.id, kind=record.kind, owner_id=record.owner_id, device_id=record.device_id,
                           created_at=parse_time(record.created_at))
    old_status, old_data = (None, {}) if new else (reg.status, dict(reg.data or {}))
    regs._apply(reg, dict(record.data))
    reg.status = record.status
    reg.review_comment = record.review_comment
    reg.review_details = record.review_details
    _note_files(session, reg, record, now=now, new=new)
    reg.updated_at = parse_time(record.updated_at)
    # When it was sent for review, from its own history: what the queue is ordered by.
    reg.submitted_at = max((parse_time(h.at) for h in record.history if h.action == "submit"),
                           default=reg.updated_at)
    # What the officer changed, field by field, so that the supervisor's "changed since the return" holds here too.
    changes = {key: [old_data.get(key), value] for key, value in sorted(record.data.items())
               if old_data.get(key) != value}
    if old_status != record.status:
        changes["status"] = [old_status, record.status]
    record_changes.received(session, reg, server_version=server_version, user_id=user_id, now=now,
                            changes=changes, new=new)
    link_people(session, registration=reg, now=now, new=new)
    return reg


def _note_files(session: Session, reg: Registration, record: Record, *, now: datetime, new: bool = False) -> None:
    """Files the laptop already holds are filed under the record at once; the others are noted as on the server,
    for ``sync.team_files`` to download."""
    notes = {n.sha256: n for n in record.files or ()}
    for sha in record.attachments:  # a file an older laptop sent without a note is still the record's
        notes.setdefault(sha, FileNote(sha256=sha, purpose="document"))
    if not notes and new:
        reg.remote_files = None  # nothing to file, nothing filed yet: no query (a batch file of 10,000 records)
        return
    here = set(session.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(list(notes)))))
    filed = set(session.scalars(select(RegistrationAttachment.sha256)
                                .where(RegistrationAttachment.registration_id == reg.id)))
    for sha in sorted(here - filed):
        file_under(session, reg, notes[sha], now=now)
    if filed - set(notes):  # the officer took a file out before sending the record again
        session.execute(delete(RegistrationAttachment).where(RegistrationAttachment.registration_id == reg.id,
                                                             RegistrationAttachment.sha256.in_(filed - set(notes))))
    remote = [to_dict(notes[sha]) for sha in sorted(set(notes) - here)]
    reg.remote_files = remote or None


def file_under(session: Session, reg: Registration, note: FileNote, *, now: datetime) -> None:
    """A team member's file received for review, filed under their record as theirs (not a change of this
    laptop's: the record's version and sync state stay as the server has them)."""
    session.add(RegistrationAttachment(registration_id=reg.id, sha256=note.sha256, purpose=note.purpose,
                                       label=note.label, added_at=now, added_by=reg.owner_id))


def _mover(session: Session, change: StatusChange | ReturnedChange, now: datetime) -> str:
    """Who moved the record: the supervisor the server names when this laptop knows them, else central staff.
    Never the officer who happened to sync."""
    if change.by is not None and session.get(User, change.by) is not None:
        return change.by
    return central_user(session, now=now).id


def _moved_at(change: StatusChange | ReturnedChange, now: datetime) -> datetime:
    # An older server sends no time: when it arrived is the best there is.
    return parse_time(change.at) if change.at is not None else now
