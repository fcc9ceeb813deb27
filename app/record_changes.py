"""The only writer of a registration's version, history and sync state: every service that moves a record, on
this laptop or from the server's answers, does it through the few operations here.

- ``created`` / ``new_version``: the record's contents or status changed here, so it is a new version with a
  history entry (autosave edits by one person within ``COALESCE_EDITS`` are one entry).
- ``status_moved``: only its place in the life cycle moved, not a new version (the server has exactly this record).
- ``acknowledged`` / ``conflicted`` / ``rejected``: the server's answer to a push of ``sent_version``; an edit
  made since that push stays waiting, whatever the answer.
- ``handed_on``: another laptop took a version over by a batch file and confirmed it with a receipt.
- ``server_has``: the server's version seen in a pull, and whether the local copy is now the server's content.
- ``resolved``: a person chose between the two copies of a conflict.

The server's answers never concern a record in an open conflict (it is not pushed, and the pull only updates the
conflict's server copy), so those operations know the conflict part of the sync state without asking.

Each returns a ``Changed`` (which records, and whether their content, status or sync state moved), and notes it in
the session, so that an operation made of several services can say what it changed as a whole (``changed_in``),
as Anki's operations return their ``OpChanges``.

Sync state. "Waiting to be sent" has one definition, ``waiting()`` (past draft, ``version`` != ``synced_version``,
not held by an open conflict), used by the sync's queue and the sync screen alike. ``Registration.sync_state`` is
kept as a column but only ever written by ``_settle``, which derives it from those same fields (``state_of``), so
it cannot disagree with them. It is kept rather than dropped because it is what a person reading the database
file (support staff with sqlite3, the retention query, fixture databases of every revision) sees of a record's
sync, and dropping it would cost a migration for no change in behaviour; deriving it in one place is what removes
the ten writers that could each get it wrong. Before, a few of them left it stale, and it now reads what the
queue already did with those records: an edit of a returned record kept "synced" and an edit of a rejected one
kept "rejected" (now "pending"); a decision on a record in an open conflict wrote "pending" (now "conflict"); a
returned record reopened as a draft kept "pending" (now "local"). Nothing read the column in those states (the
retention query also asks for ``synced_version == version``), so no behaviour changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, exists, select, update
from sqlalchemy.orm import Session

from app import status
from db.models import Registration, RegistrationChange, SyncConflict

# Edits by the same person within this window are one history entry, so that autosave does not flood the history.
COALESCE_EDITS = timedelta(minutes=10)

LOCAL, PENDING, SYNCED, CONFLICT, REJECTED = "local", "pending", "synced", "conflict", "rejected"
_SESSION_KEY = "record_changes"


@dataclass(frozen=True)
class Changed:
    """What a write changed, for the views to refresh only that."""

    ids: frozenset[str] = frozenset()
    content: bool = False  # the form's data or what the record says beside it (comments, notes)
    status: bool = False  # its place in the life cycle
    sync: bool = False  # what the sync screen shows of it: waiting, acknowledged, in conflict, rejected

    def __or__(self, other: Changed) -> Changed:
        return Changed(self.ids | other.ids, self.content or other.content, self.status or other.status,
                       self.sync or other.sync)

    def __bool__(self) -> bool:
        return bool(self.ids)

    @property
    def changed_ids(self) -> list[str]:
        """The ids in a stable order, as the UI's operations announce them (``ui/common/operations.py``)."""
        return sorted(self.ids)


NOTHING = Changed()


def mark(session: Session) -> int:
    """Where ``session``'s changes stand now, for ``changed_in(session, since=...)``."""
    return len(session.info.get(_SESSION_KEY, ()))


def changed_in(session: Session, *, since: int = 0) -> Changed:
    """What this module changed through ``session`` (a transaction is one session), from ``mark`` on."""
    notes = session.info.get(_SESSION_KEY, ())[since:]
    if not notes:
        return NOTHING
    # In one pass: or-ing them one by one copies the growing set each time (a batch file notes 10,000 records).
    return Changed(frozenset().union(*(one.ids for one in notes)), any(one.content for one in notes),
                   any(one.status for one in notes), any(one.sync for one in notes))


def state_of(*, status_: str, version: int, synced_version: int, sync_error: str | None, in_conflict: bool) -> str:
    """The record's sync state from the fields that decide it."""
    if in_conflict:
        return CONFLICT  # whatever else holds, a person has to choose first
    if status_ == status.DRAFT:
        return LOCAL  # a draft is never sent
    if version != synced_version:
        return PENDING
    return REJECTED if sync_error is not None else SYNCED


def is_waiting(status_: str, version: int, synced_version: int) -> bool:
    """In Python, for a row already read: past draft with a version the server has not acknowledged."""
    return status_ != status.DRAFT and version != synced_version


def open_conflicts():
    return select(SyncConflict.registration_id).where(SyncConflict.resolved_at.is_(None))


def waiting():
    """The SQL condition of "waiting to be sent"; records in an open conflict wait for a person instead."""
    return and_(Registration.status != status.DRAFT, Registration.version != Registration.synced_version,
                Registration.id.not_in(open_conflicts()))


def created(session: Session, reg: Registration, *, user_id: str, now: datetime, changes: dict) -> Changed:
    """A new record, added to the session here: version 1, never acknowledged, a "create" entry."""
    before = _sync_fields(reg)
    reg.version, reg.synced_version, reg.server_version = 1, 0, 0
    session.add(reg)
    # Through the relationship, so that the unit of work inserts the record before its first history entry.
    session.add(RegistrationChange(registration=reg, version=1, user_id=user_id, at=now, action="create",
                                   changes=changes))
    _settle(session, reg, in_conflict=False)
    return _note(session, Changed(frozenset({reg.id}), content=bool(changes), status=True,
                                  sync=before != _sync_fields(reg)))


def new_version(session: Session, reg: Registration, *, user_id: str, now: datetime, action: str, changes: dict,
                at: datetime | None = None, in_conflict: bool | None = None) -> Changed:
    """``changes`` ({key: [old, new]}, already applied to ``reg`` by the caller) as a new version. ``at`` is when
    it happened when that is not ``now`` (a decision the server reports); ``in_conflict`` saves a query when the
    caller knows."""
    before = _sync_fields(reg)
    reg.version += 1
    reg.updated_at = now
    _history(session, reg, user_id=user_id, at=at or now, action=action, changes=changes)
    _settle(session, reg, in_conflict=in_conflict)
    return _note(session, Changed(frozenset({reg.id}), content=any(k != "status" for k in changes),
                                  status="status" in changes, sync=before != _sync_fields(reg)))


def status_moved(session: Session, reg: Registration, new_status: str, *, user_id: str, now: datetime,
                 **more: list) -> Changed:
    """Only the record's place in the life cycle moved (and ``more``, {key: [old, new]}, already applied): not a
    new version, because the server has exactly this record."""
    session.add(RegistrationChange(registration_id=reg.id, version=reg.version, user_id=user_id, at=now,
                                   action="status", changes={"status": [reg.status, new_status], **more}))
    before = _sync_fields(reg)
    reg.status = new_status
    _settle(session, reg)
    return _note(session, Changed(frozenset({reg.id}), content=bool(more), status=True,
                                  sync=before != _sync_fields(reg)))


def acknowledged(session: Session, reg: Registration, *, sent_version: int, server_version: int) -> Changed:
    """The server holds ``sent_version`` as its ``server_version``."""
    before = _sync_fields(reg)
    reg.synced_version = sent_version
    reg.server_version = server_version
    reg.sync_error = None
    _settle(session, reg, in_conflict=False)
    return _sync_changed(session, reg, before)


def acknowledged_many(session: Session, answers: dict[str, tuple[int, int]]) -> Changed:
    """``acknowledged`` for many records at once, {id: (sent_version, server_version)}, at the SQLAlchemy Core
    level: one read of the fields that decide the sync state and one executemany, instead of loading and flushing
    hundreds of ORM objects (most of a push's answer on the laptop, bench/profile_push.py). Records not in the
    database are skipped. Like ``acknowledged``, never about a record in an open conflict."""
    if not answers:
        return NOTHING
    table = Registration.__table__
    c = table.c
    rows, moved, found = [], set(), []
    ids = list(answers)
    for i in range(0, len(ids), 500):
        for rid, status_, version, state, synced, server, error_ in session.execute(
                select(c.id, c.status, c.version, c.sync_state, c.synced_version, c.server_version, c.sync_error)
                .where(c.id.in_(ids[i:i + 500]))):
            found.append(rid)
            sent_version, server_version = answers[rid]
            new_state = state_of(status_=status_, version=version, synced_version=sent_version, sync_error=None,
                                 in_conflict=False)
            if (state, synced, server, error_) != (new_state, sent_version, server_version, None):
                moved.add(rid)
                rows.append({"b_id": rid, "b_synced": sent_version, "b_server": server_version, "b_state": new_state})
    if rows:
        session.execute(update(table).where(c.id == bindparam("b_id")).values(
            synced_version=bindparam("b_synced"), server_version=bindparam("b_server"), sync_error=None,
            sync_state=bindparam("b_state")), rows)
    if not found:
        return NOTHING
    # Two notes, not one a record: changed_in answers the same, without 500 objects an answer.
    if moved:
        _note(session, Changed(frozenset(moved), sync=True))
    if len(moved) < len(found):
        _note(session, Changed(frozenset(found) - moved))
    return Changed(frozenset(found), sync=bool(moved))


def conflicted(session: Session, reg: Registration, *, sent_version: int, server_version: int, server_copy: dict,
               device_copy: dict, now: datetime) -> Changed:
    """The server's copy moved on since this one was built: both are kept for a person to choose."""
    before = _sync_fields(reg)
    reg.synced_version = sent_version
    session.add(SyncConflict(registration_id=reg.id, server_version=server_version, server_copy=server_copy,
                             device_copy=device_copy, detected_at=now))
    _settle(session, reg, in_conflict=True)
    return _sync_changed(session, reg, before)


def rejected(session: Session, reg: Registration, *, sent_version: int, reason: str) -> Changed:
    """The server refused ``sent_version``: kept with the reason and not resent until it is edited."""
    before = _sync_fields(reg)
    reg.synced_version = sent_version
    reg.sync_error = reason
    _settle(session, reg, in_conflict=False)
    return _sync_changed(session, reg, before)


def received(session: Session, reg: Registration, *, server_version: int, user_id: str, now: datetime,
             changes: dict, new: bool) -> Changed:
    """Another laptop's record as the server holds it (``changes`` already applied to ``reg``): a team member's
    record come for the supervisor's review. Nothing to send back: this copy is the server's."""
    before = _sync_fields(reg)
    if new:
        reg.version = 1
        session.add(reg)
        session.add(RegistrationChange(registration=reg, version=1, user_id=user_id, at=now, action="received",
                                       changes=changes))
    else:
        reg.version += 1
        _history(session, reg, user_id=user_id, at=now, action="received", changes=changes)
    reg.synced_version = reg.version
    reg.server_version = server_version
    _settle(session, reg, in_conflict=False)
    return _note(session, Changed(frozenset({reg.id}), content=True, status=True, sync=before != _sync_fields(reg)))


def handed_on(session: Session, reg: Registration, *, sent_version: int) -> Changed:
    """Another laptop confirmed (a receipt) that it holds ``sent_version`` and will push it as its maker signed
    it: nothing left to send from here; an edit made since stays waiting. The server's version is unchanged."""
    before = _sync_fields(reg)
    if sent_version > reg.synced_version:
        reg.synced_version = min(sent_version, reg.version)
    _settle(session, reg, in_conflict=False)
    return _sync_changed(session, reg, before)


def server_has(session: Session, reg: Registration, *, server_version: int, this_version: bool) -> Changed:
    """The server is at least at ``server_version``; with ``this_version`` the local copy is the server's content
    as it is now, so there is nothing to send."""
    before = _sync_fields(reg)
    reg.server_version = max(reg.server_version, server_version)
    if this_version:
        reg.synced_version = reg.version
    _settle(session, reg, in_conflict=False)
    return _sync_changed(session, reg, before)


def resolved(session: Session, reg: Registration, conflict: SyncConflict, *, user_id: str, now: datetime,
             changes: dict, resolution: str, server_version: int, took_server: bool) -> Changed:
    """A person chose (``changes`` already applied to ``reg``): a new version on top of ``server_version``; with
    ``took_server`` it is the server's content, else it is sent again."""
    conflict.resolved_at = now
    conflict.resolved_by = user_id
    conflict.resolution = resolution
    before = _sync_fields(reg)
    reg.sync_error = None
    reg.server_version = server_version
    reg.version += 1
    reg.updated_at = now
    if took_server:
        reg.synced_version = reg.version
    _history(session, reg, user_id=user_id, at=now, action="resolve", changes=changes)
    _settle(session, reg, in_conflict=False)
    return _note(session, Changed(frozenset({reg.id}), content=True, status="status" in changes,
                                  sync=before != _sync_fields(reg)))


def _history(session: Session, reg: Registration, *, user_id: str, at: datetime, action: str, changes: dict
             ) -> None:
    last = session.scalar(
        select(RegistrationChange).where(RegistrationChange.registration_id == reg.id)
        .order_by(RegistrationChange.id.desc()).limit(1))
    if (action == "edit" and last is not None and last.action == "edit" and last.user_id == user_id
            and at - last.at < COALESCE_EDITS):
        merged = dict(last.changes)
        for key, (old, new) in changes.items():
            first_old = merged[key][0] if key in merged else old
            if first_old == new:
                merged.pop(key, None)  # typed and then undone: no change left to show
            else:
                merged[key] = [first_old, new]
        last.changes = merged
        last.version = reg.version
        last.at = at
        return
    session.add(RegistrationChange(registration_id=reg.id, version=reg.version, user_id=user_id, at=at,
                                   action=action, changes=changes))


def _settle(session: Session, reg: Registration, *, in_conflict: bool | None = None) -> None:
    """The one place ``sync_state`` is written."""
    if in_conflict is None:
        in_conflict = bool(session.scalar(select(exists().where(SyncConflict.registration_id == reg.id,
                                                                SyncConflict.resolved_at.is_(None)))))
    reg.sync_state = state_of(status_=reg.status, version=reg.version, synced_version=reg.synced_version,
                              sync_error=reg.sync_error, in_conflict=in_conflict)


def _sync_fields(reg: Registration) -> tuple:
    return reg.sync_state, reg.synced_version, reg.server_version, reg.sync_error


def _sync_changed(session: Session, reg: Registration, before: tuple) -> Changed:
    return _note(session, Changed(frozenset({reg.id}), sync=before != _sync_fields(reg)))


def _note(session: Session, changed: Changed) -> Changed:
    session.info.setdefault(_SESSION_KEY, []).append(changed)
    return changed
