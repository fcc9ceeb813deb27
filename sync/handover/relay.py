"""Relaying records imported from batch files: the importing laptop's next sync pushes each EXACTLY as its maker
signed it (the original Record JSON, its ``origin_device`` and ``signature``), before this laptop's own changes,
so that the server checks the officer's device signed it and files it as the officer's.

Exactly once as in the engine's own push: a relay batch's id and contents are stored (app_meta) before it is
sent, so a cut resends the same batch id and the server answers from its store. After the answer, the local copy's
server version follows (``record_changes.server_has``), so a decision this laptop took offline is pushed on top of
the relayed copy with the right base version; a conflict or a refusal is named in the sync log, the local copy is
left as it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import record_changes
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.workspace import Workspace
from db.ids import new_id
from db.models import Meta, Registration, RelayQueue
from sync.backoff import check
from sync.client import Refused
from sync.payload import MAX_PUSH_BYTES, MAX_RECORDS, PayloadError, Record, dumps, record_from_dict, to_dict

PENDING = "relay_batch"  # app_meta: the relay batch sent but not yet answered
MSG_NOT_RELAYED = QT_TRANSLATE_NOOP(
    "Handover", "A record from a batch file was not accepted by the server ({result}): {reason}")


def waiting(session: Session) -> int:
    return session.query(RelayQueue).count()


def push_relayed(ws: Workspace, *, push: Callable[[str, list[Record]], object], owners: list[str] | None,
                 cancel=None, result=None, report: Callable[[int, int], None] | None = None) -> int:
    """Pushes the relay queue's records of ``owners`` (``sync.records.pushable_owners`` of the user syncing: an
    officer who syncs on the supervisor's laptop does not send the team's, which the server would refuse);
    returns how many were sent. ``push(batch_id, records)`` is the client's push (with the engine's re-login);
    ``result`` a SyncResult whose counters and problems it adds to."""
    sent_total = 0
    while True:
        check(cancel)
        with ws.transaction() as session:
            batch_id, records = _next_batch(session, owners)
        if not records:
            return sent_total
        try:
            answer = push(batch_id, list(records.values()))
        except Refused as exc:
            if exc.status not in (400, 413, 422):
                raise
            # Refused as a batch (its shape): these copies cannot be relayed as they are; the sync goes on.
            with ws.transaction() as session:
                _forget(session, list(records), problem=exc.message or exc.code, result=result)
            continue
        with ws.transaction() as session:
            _apply(session, records, answer.results, result)
        sent_total += len(records)
        if report:
            report(sent_total, 0)


def _next_batch(session: Session, owners: list[str] | None) -> tuple[str, dict[str, Record]]:
    stored = session.get(Meta, PENDING)
    if stored is not None:
        pending = json.loads(stored.value)
        rows = {r.registration_id: r for r in session.scalars(
            select(RelayQueue).where(RelayQueue.registration_id.in_(pending["ids"])))}
        records = _records(session, [rows[i] for i in pending["ids"] if i in rows])
        if records:
            return pending["batch_id"], records
        session.delete(stored)
    query = select(RelayQueue).order_by(RelayQueue.queued_at, RelayQueue.registration_id).limit(MAX_RECORDS)
    if owners is not None:
        query = query.join(Registration, Registration.id == RelayQueue.registration_id).where(
            Registration.owner_id.in_(owners))
    rows = list(session.scalars(query))
    records, size = {}, 0
    for rid, record in _records(session, rows).items():
        size += len(dumps(to_dict(record)))
        if records and size > MAX_PUSH_BYTES:
            break
        records[rid] = record
    if not records:
        return "", {}
    batch_id = new_id()
    # Stored and committed before a byte goes out (sync/engine.py's rule).
    session.merge(Meta(key=PENDING, value=json.dumps({"batch_id": batch_id, "ids": list(records)})))
    return batch_id, records


def _records(session: Session, rows: list[RelayQueue]) -> dict[str, Record]:
    out = {}
    for row in rows:
        try:
            out[row.registration_id] = replace(record_from_dict(row.record), base_version=row.base_version)
        except PayloadError:
            session.delete(row)  # not a copy this app wrote; nothing to relay
    return out


def _apply(session: Session, records: dict[str, Record], results, result) -> None:
    rows = {r.registration_id: r for r in session.scalars(
        select(RelayQueue).where(RelayQueue.registration_id.in_(list(records))))}
    for answer in results:
        row = rows.get(answer.id)
        if row is None:
            continue
        reg = session.get(Registration, answer.id)
        if answer.result in ("accepted", "duplicate"):
            if result is not None:
                result.accepted += answer.result == "accepted"
                result.duplicates += answer.result == "duplicate"
            if reg is not None:
                # The local copy is the server's content only when it is still what the import made of it.
                record_changes.server_has(session, reg, server_version=answer.server_version,
                                          this_version=reg.version == row.local_version)
        elif result is not None:
            result.conflicts += answer.result == "conflict"
            result.rejected += answer.result == "rejected"
            result.problems.append(translate("Handover", MSG_NOT_RELAYED).format(
                result=answer.result, reason=answer.reason or answer.result))
        session.delete(row)
    if result is not None:
        result.sent += len(records)
    stored = session.get(Meta, PENDING)
    if stored is not None:
        session.delete(stored)


def _forget(session: Session, ids: list[str], *, problem: str, result) -> None:
    for row in session.scalars(select(RelayQueue).where(RelayQueue.registration_id.in_(ids))):
        session.delete(row)
    stored = session.get(Meta, PENDING)
    if stored is not None:
        session.delete(stored)
    if result is not None:
        result.problems.append(translate("Handover", MSG_NOT_RELAYED).format(result="rejected", reason=problem))
