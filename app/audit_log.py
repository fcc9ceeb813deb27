"""The laptop's audit log, append-only and hash-chained (app/audit_chain.py): log-ins good and bad, lock-outs,
accounts, exports, imports, reviews, status changes, purges, device enrolment and revocation, a person's data
export and corrections. ``append`` is its only writer (tests/test_audit_log.py checks that nothing else adds an
AuditEvent); ``check`` is what ``jemput --verify-audit`` and the self-test run.

No personal data in an entry: ids, usernames, counts and codes only. The log outlives the records (retention
purges the records, never the log), so a NIK or a name written here would outlive the citizen's right to erasure.

Besides the chain, the laptop keeps the number of entries and the last hash in app_meta, written with each entry:
a log whose newest entries were cut off still links, but no longer reaches the remembered head.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit_chain
from db.models import AuditEvent, Meta

HEAD_KEY = "audit_head"  # app_meta: "<entries> <hash of the last>"
TAIL = "audit_tail"  # session.info: (transaction, hash, entries, head row) after this transaction's last entry


def append(session: Session, *, now: datetime, action: str, user_id: str | None = None, username: str = "",
           detail: str = "") -> AuditEvent:
    # No autoflush: a caller may be half-way through building another row (an account being made) when it logs.
    # The entries this transaction added are not in the database yet, so the tail is carried along in
    # session.info, keyed by the transaction, for a second entry in the same transaction to link to the first.
    with session.no_autoflush:
        session.connection()  # the transaction has begun: get_transaction() is the one this entry belongs to
        transaction = session.get_transaction()
        tail = session.info.get(TAIL)
        if tail is None or tail[0] is not transaction:
            prev = session.scalar(select(AuditEvent.chain_hash).order_by(AuditEvent.id.desc()).limit(1))
            count = session.scalar(select(func.count()).select_from(AuditEvent))
            head = session.get(Meta, HEAD_KEY)
            if head is None:
                head = Meta(key=HEAD_KEY, value="")
                session.add(head)
            tail = (transaction, prev or audit_chain.GENESIS, count, head)
        chain_hash = audit_chain.entry_hash(tail[1], at=now, user_id=user_id, username=username, action=action,
                                            detail=detail)
        event = AuditEvent(at=now, user_id=user_id, username=username, action=action, detail=detail,
                           chain_hash=chain_hash)
        session.add(event)
        tail[3].value = f"{tail[2] + 1} {chain_hash}"
        session.info[TAIL] = (transaction, chain_hash, tail[2] + 1, tail[3])
    return event


def check(session: Session) -> audit_chain.ChainCheck:
    rows = session.execute(select(AuditEvent.id, AuditEvent.at, AuditEvent.user_id, AuditEvent.username,
                                  AuditEvent.action, AuditEvent.detail, AuditEvent.chain_hash)
                           .order_by(AuditEvent.id)).yield_per(2000)
    result = audit_chain.verify(audit_chain.Entry(*row) for row in rows)
    if not result.intact:
        return result
    head = session.get(Meta, HEAD_KEY)
    if head is not None:
        count, _, last = head.value.partition(" ")
        if int(count) != result.entries or last != result.head:
            return audit_chain.ChainCheck(result.entries, result.head, broken_at=int(count),
                                          reason=f"the newest entries are missing ({result.entries} of {count})")
    return result


def check_in(workspace) -> audit_chain.ChainCheck:
    """``check`` in a transaction of its own (``jemput --verify-audit``: the UI layer opens none itself)."""
    with workspace.transaction() as session:
        return check(session)
