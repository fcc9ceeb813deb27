"""The server's audit log: append-only, hash-chained with the laptops' formula (app/audit_chain.py), checked by
``jemput-server audit verify``. Every entry is also a log line on the ``server.audit`` logger, which
server/core/logs.py sends to the server's log file and standard error, so that an operator's log collector sees
logins as they happen.

``record`` runs inside the caller's transaction: an entry exists exactly when what it describes was committed
(a refused login's count is committed too, see services/devices.py ``LoginRefused``). It locks the head row, so
entries from concurrent requests link one after another; that serialises audited requests for a moment, which
is cheap beside the scrypt check of a login.

No personal data: ids, usernames, counts, statuses, device ids. Never a NIK, a citizen's name or a note.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit_chain
from server.models import AuditEvent, AuditHead

log = logging.getLogger("server.audit")
HEAD_ROW = 1


def record(session: Session, *, now: datetime, action: str, user_id: str | None = None, username: str = "",
           detail: str = "") -> None:
    head = session.scalar(select(AuditHead).where(AuditHead.id == HEAD_ROW).with_for_update())
    if head is None:  # a database made by a test's create_all rather than the migration
        head = AuditHead(id=HEAD_ROW, entries=0, chain_hash=audit_chain.GENESIS)
        session.add(head)
    chain_hash = audit_chain.entry_hash(head.chain_hash, at=now, user_id=user_id, username=username, action=action,
                                        detail=detail)
    session.add(AuditEvent(at=now, user_id=user_id, username=username, action=action, detail=detail,
                           chain_hash=chain_hash))
    head.entries += 1
    head.chain_hash = chain_hash
    log.info("%s user=%s %s", action, username or "-", detail)


def verify(session: Session) -> audit_chain.ChainCheck:
    rows = session.execute(select(AuditEvent.id, AuditEvent.at, AuditEvent.user_id, AuditEvent.username,
                                  AuditEvent.action, AuditEvent.detail, AuditEvent.chain_hash)
                           .order_by(AuditEvent.id)).yield_per(5000)
    result = audit_chain.verify(audit_chain.Entry(*row) for row in rows)
    if not result.intact:
        return result
    head = session.get(AuditHead, HEAD_ROW)
    if head is None and result.entries:
        return audit_chain.ChainCheck(result.entries, result.head, broken_at=result.entries, reason="head removed")
    if head is not None and (head.entries != result.entries or head.chain_hash != result.head):
        return audit_chain.ChainCheck(result.entries, result.head, broken_at=head.entries,
                                      reason=f"the newest entries are missing ({result.entries} of {head.entries})")
    return result
