"""Keeping personal data no longer than needed (UU 27/2022): removing from the laptop what the server has confirmed.

A registration leaves the laptop once the server holds exactly this copy and nothing more can happen to it here:
its status is ``done``, it is fully synced (``sync_state`` "synced" and ``synced_version == version``), it has no
open conflict, every file it links is on the server, and nothing has changed it for ``retention_days``. With it go
its history, its person links, its attachment links and resolved conflicts; then the people and files that only it
named.

The caller owns the transaction, as with every service. The files are deleted only once that transaction has
committed (``app.files_after_commit``): a crash between the commit and the deletion leaves orphan files in the
attachments folder, which are harmless and unreachable, whereas deleting first could leave rows pointing at files
that are gone. A rollback deletes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import audit_log, status
from app.attachments import AttachmentStore
from app.auth import Actor
from app.files_after_commit import delete_after_commit
from db.models import (Attachment, Person, Registration, RegistrationAttachment, RegistrationChange,
                       RegistrationPerson, SyncConflict)

if TYPE_CHECKING:
    from app.workspace import Workspace

# Only "done". An "accepted" record is still in process at the office and may yet come back as "returned" for
# correction; the pull applies that only to a record this laptop still holds, so purging it would silently lose
# the officer's chance to fix it.
PURGED_STATUSES = (status.DONE,)
# Below SQLite's limit on bound parameters in one statement, whatever version the laptop has.
CHUNK = 500


@dataclass(frozen=True)
class PurgeReport:
    registrations: int = 0
    persons: int = 0
    files: int = 0
    bytes: int = 0
    # The removed registrations, for the views to refresh; not part of what the report says.
    ids: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.registrations)


def purgeable(session: Session, *, now: datetime, retention_days: int) -> list[str]:
    """Ids of the registrations ``purge`` would remove now, oldest first; none when retention is off (0)."""
    if retention_days <= 0:
        return []
    cutoff = now - timedelta(days=retention_days)
    open_conflict = select(SyncConflict.registration_id).where(SyncConflict.resolved_at.is_(None))
    # updated_at alone is not enough: a status the server moves on without a new version only adds history.
    recent_change = select(RegistrationChange.registration_id).where(RegistrationChange.at >= cutoff)
    # A record is pushed before its files: until they are uploaded, the laptop holds the only copy.
    file_not_uploaded = (select(RegistrationAttachment.registration_id)
                         .join(Attachment, Attachment.sha256 == RegistrationAttachment.sha256)
                         .where(Attachment.uploaded.is_(False)))
    query = (select(Registration.id)
             .where(Registration.status.in_(PURGED_STATUSES), Registration.sync_state == "synced",
                    Registration.synced_version == Registration.version, Registration.updated_at < cutoff,
                    Registration.id.not_in(open_conflict), Registration.id.not_in(recent_change),
                    Registration.id.not_in(file_not_uploaded))
             .order_by(Registration.updated_at, Registration.id))
    return list(session.scalars(query))


def purge(session: Session, *, store: AttachmentStore, actor_or_none: Actor | None, now: datetime,
          retention_days: int) -> PurgeReport:
    """Removes what ``purgeable`` names, in the caller's transaction; files go once that commits."""
    ids = purgeable(session, now=now, retention_days=retention_days)
    if not ids:
        return PurgeReport()  # nothing audited either: it runs at every login and would fill the log with zeros
    person_ids: set[str] = set()
    hashes: set[str] = set()
    for chunk in _chunks(ids):
        person_ids.update(session.scalars(select(RegistrationPerson.person_id)
                                          .where(RegistrationPerson.registration_id.in_(chunk))))
        person_ids.update(session.scalars(select(Registration.person_id)
                                          .where(Registration.id.in_(chunk), Registration.person_id.is_not(None))))
        hashes.update(session.scalars(select(RegistrationAttachment.sha256)
                                      .where(RegistrationAttachment.registration_id.in_(chunk))))
        # Explicit rather than left to ON DELETE CASCADE, which SQLite honours only with foreign_keys switched on.
        for model in (RegistrationChange, RegistrationPerson, RegistrationAttachment, SyncConflict):
            session.execute(delete(model).where(model.registration_id.in_(chunk)),
                            execution_options={"synchronize_session": False})
        session.execute(delete(Registration).where(Registration.id.in_(chunk)),
                        execution_options={"synchronize_session": False})
    # Only people and files the purged records named: anything else unlinked was left so on purpose by someone.
    persons = _remove_unlinked_persons(session, person_ids)
    files, size = _remove_unreferenced_attachments(session, hashes)
    report = PurgeReport(registrations=len(ids), persons=persons, files=len(files), bytes=size, ids=tuple(ids))
    # Counts only: the audit log outlives the data, so it must not keep the names or NIKs being removed.
    audit_log.append(session, now=now, user_id=actor_or_none.user_id if actor_or_none else None,
                     username=actor_or_none.username if actor_or_none else "", action="purge",
                     detail=(f"registrations={report.registrations} persons={report.persons} "
                             f"files={report.files} bytes={report.bytes} retention_days={retention_days}"))
    session.flush()
    _delete_files_after_commit(session, store, files)
    session.expire_all()  # the bulk deletes bypassed the identity map
    return report


def count_in(workspace: Workspace, *, retention_days: int) -> int:
    """How many records ``purge_in`` would remove now: the number a confirmation shows."""
    with workspace.reading() as session:
        return len(purgeable(session, now=workspace.now(), retention_days=retention_days))


def purge_in(workspace: Workspace, *, actor_or_none: Actor | None, retention_days: int) -> PurgeReport:
    """The purge in its own transaction on the workspace's database and attachments folder."""
    store = AttachmentStore.beside(workspace.db_path)
    with workspace.transaction() as session:
        return purge(session, store=store, actor_or_none=actor_or_none, now=workspace.now(),
                     retention_days=retention_days)


def _remove_unlinked_persons(session: Session, candidates: set[str]) -> int:
    linked = set(session.scalars(select(RegistrationPerson.person_id).distinct()))
    # is_not(None): a NULL in a NOT IN list would make the test unknown for every row.
    linked.update(session.scalars(select(Registration.person_id).distinct()
                                  .where(Registration.person_id.is_not(None))))
    orphans = sorted(candidates - linked)
    for chunk in _chunks(orphans):
        session.execute(delete(Person).where(Person.id.in_(chunk)), execution_options={"synchronize_session": False})
    return len(orphans)


def _remove_unreferenced_attachments(session: Session, candidates: set[str]) -> tuple[list[str], int]:
    still_used: set[str] = set()
    for chunk in _chunks(sorted(candidates)):
        still_used.update(session.scalars(select(RegistrationAttachment.sha256).distinct()
                                          .where(RegistrationAttachment.sha256.in_(chunk))))
    orphans = sorted(candidates - still_used)
    size = 0
    for chunk in _chunks(orphans):
        size += session.scalar(select(func.coalesce(func.sum(Attachment.size), 0))
                               .where(Attachment.sha256.in_(chunk))) or 0
        session.execute(delete(Attachment).where(Attachment.sha256.in_(chunk)),
                        execution_options={"synchronize_session": False})
    return orphans, int(size)


def _delete_files_after_commit(session: Session, store: AttachmentStore, hashes: list[str]) -> None:
    delete_after_commit(session, (store.path(sha) for sha in hashes))


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
