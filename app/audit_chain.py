"""One hash chain for the laptop's and the server's audit logs (issue 11 item 5): each entry's hash covers the
entry and the hash of the one before, so that changing an entry breaks its own link and removing one breaks the
next's. ``verify`` walks a log in order and says where it first breaks.

What a chain alone cannot show is the newest entries cut off the end: everything left still links. The laptop's
check therefore also compares the log with the count and last hash it remembered (app/audit_log.py), and the
server's with the rows' own numbering (server/services/audit.py); neither stops someone who rewrites the whole
file with a new chain, which is what a copy held elsewhere is for.

Pure (hashlib only), shared with the server (tests/server/test_server_imports.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

GENESIS = "0" * 64


def entry_hash(prev: str, *, at: datetime, user_id: str | None, username: str, action: str, detail: str) -> str:
    # JSON of a fixed list: no field can bleed into the next (a detail ending in a separator), and the time has a
    # fixed form whatever the database gives back.
    body = json.dumps([prev, f"{at:%Y-%m-%dT%H:%M:%S.%f}", user_id, username, action, detail],
                      ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class Entry:
    id: int
    at: datetime
    user_id: str | None
    username: str
    action: str
    detail: str
    chain_hash: str | None


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    head: str  # the last entry's hash, GENESIS for an empty log
    broken_at: int | None = None  # id of the first entry whose link does not hold
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(entries: Iterable[Entry]) -> ChainCheck:
    prev, count = GENESIS, 0
    for entry in entries:
        count += 1
        expected = entry_hash(prev, at=entry.at, user_id=entry.user_id, username=entry.username,
                              action=entry.action, detail=entry.detail)
        if entry.chain_hash != expected:
            reason = "changed, or an entry before it removed" if entry.chain_hash else "entry without a hash"
            return ChainCheck(count, prev, entry.id, reason)
        prev = entry.chain_hash
    return ChainCheck(count, prev)
