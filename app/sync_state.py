"""What the sync screen shows and the one decision it asks for: waiting records, rejections, conflicts, the log.

Qt-free and network-free (the sync run itself is ``sync.engine.run_sync``); keyword-only services over a session
the caller owns. Resolving a conflict never drops a side silently: the losing copy's values go into the record's
history as a "resolve" entry, and the server's copy stays in the conflict row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import record_changes
from app import registrations as regs
from app.auth import Actor
from app.record_changes import Changed
from db.models import Meta, Registration, SyncConflict, SyncLog

KEEP_DEVICE, KEEP_SERVER = "device", "server"


@dataclass(frozen=True)
class Rejected:
    registration_id: str
    kind: str
    subject_name: str
    status: str
    reason: str  # from the server, in Bahasa Indonesia
    updated_at: datetime


@dataclass(frozen=True)
class ConflictView:
    id: int
    registration_id: str
    subject_name: str
    detected_at: datetime
    device: dict  # the record as this laptop sent it (protocol shape)
    server: dict  # the server's copy
    differences: dict  # {field: [device value, server value]}; data fields as "data.<name>"


def is_enrolled(session: Session) -> bool:
    return session.get(Meta, "device_token") is not None


def server_url(session: Session) -> str | None:
    row = session.get(Meta, "server_url")
    return row.value if row else None


def pending_count(session: Session, *, owner_id: str | None = None) -> int:
    """Records waiting to be sent (not drafts, not held by an open conflict)."""
    query = select(func.count()).select_from(Registration).where(record_changes.waiting())
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    return session.scalar(query)


def rejected(session: Session, *, owner_id: str | None = None) -> list[Rejected]:
    query = (select(Registration).where(Registration.sync_error.is_not(None))
             .order_by(Registration.updated_at.desc()))
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    return [Rejected(r.id, r.kind, r.subject_name, r.status, r.sync_error, r.updated_at)
            for r in session.scalars(query)]


def conflicts(session: Session, *, owner_id: str | None = None) -> list[ConflictView]:
    query = (select(SyncConflict, Registration).join(Registration, Registration.id == SyncConflict.registration_id)
             .where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.detected_at))
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    return [ConflictView(c.id, r.id, r.subject_name, c.detected_at, c.device_copy, c.server_copy,
                         _differences(c.device_copy, c.server_copy)) for c, r in session.execute(query)]


def resolve_conflict(session: Session, *, actor: Actor, conflict_id: int, keep: str | dict, now: datetime
                     ) -> Changed:
    """``keep`` is "device" (send this laptop's copy again, on top of the server's version), "server" (take the
    server's copy here; nothing to send) or a dict of merged form data (sent like an edit). Returns what changed,
    for the views to refresh."""
    start = record_changes.mark(session)
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.resolved_at is not None:
        raise KeyError(conflict_id)
    reg = regs.get(session, conflict.registration_id)
    server = conflict.server_copy or {}
    # Based on the newest server version seen (a pull may have moved it on since the conflict).
    base = max(conflict.server_version, reg.server_version)
    mine = {"status": reg.status, "review_comment": reg.review_comment, **{f"data.{k}": v for k, v in
                                                                          (reg.data or {}).items()}}
    if keep == KEEP_SERVER:
        regs._apply(reg, dict(server.get("data") or {}))
        reg.status = server.get("status", reg.status)
        reg.review_comment = server.get("review_comment")
        if "status_note" in server:
            reg.status_note = server["status_note"]
        if "stage" in server:
            reg.stage = server["stage"]
        reg.review_details = server.get("review_details")
    elif isinstance(keep, dict):
        regs._apply(reg, {k: v for k, v in keep.items() if v not in (None, "")})
    elif keep != KEEP_DEVICE:
        raise ValueError(keep)
    theirs = {"status": server.get("status"), "review_comment": server.get("review_comment"),
              **{f"data.{k}": v for k, v in (server.get("data") or {}).items()}}
    now_values = {"status": reg.status, "review_comment": reg.review_comment,
                  **{f"data.{k}": v for k, v in (reg.data or {}).items()}}
    # The history keeps what lost: for every field that differed, [the losing value, the value kept]. A merge
    # can lose on both sides: the laptop's values that lost are kept under "device.<field>".
    losing = mine if keep == KEEP_SERVER else theirs
    changes = _lost(losing, now_values)
    if isinstance(keep, dict):
        changes |= {f"device.{k}": v for k, v in _lost(mine, now_values).items()}
    resolution = keep if isinstance(keep, str) else "merged"
    changes["resolution"] = [None, resolution]
    # Taking the server's copy leaves nothing to send; any other choice is sent on top of the server's version.
    record_changes.resolved(session, reg, conflict, user_id=actor.user_id, now=now, changes=changes,
                            resolution=resolution, server_version=base, took_server=keep == KEEP_SERVER)
    return record_changes.changed_in(session, since=start)


def sync_log(session: Session, *, limit: int = 50) -> list[SyncLog]:
    """The newest runs first: when, who, what moved, bytes, result."""
    return list(session.scalars(select(SyncLog).order_by(SyncLog.started_at.desc(), SyncLog.id.desc())
                                .limit(limit)))


def _lost(losing: dict, kept: dict) -> dict:
    return {k: [losing.get(k), kept.get(k)] for k in sorted(set(losing) | set(kept)) if losing.get(k) != kept.get(k)}


def _differences(device: dict, server: dict) -> dict:
    out = {}
    for key in ("status", "review_comment"):
        if device.get(key) != server.get(key):
            out[key] = [device.get(key), server.get(key)]
    d, s = device.get("data") or {}, server.get("data") or {}
    for key in sorted(set(d) | set(s)):
        if d.get(key) != s.get(key):
            out[f"data.{key}"] = [d.get(key), s.get(key)]
    return out
