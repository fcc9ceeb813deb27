"""The province's signed key list (sync/key_list.py): built from the devices with keys, signed by the root key,
stored as the newest and sent to every device through the feed.

A new version is made when a laptop enrols with keys or registers them, when a device is revoked and when a user
opens their first session on a laptop. Only the newest list is worth anything, so publishing one takes the older
``key_list`` entries out of the feed: a laptop that has not pulled them yet gets the newest one instead, and a
newly enrolled laptop does not download every version there ever was.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server.core.db import lock_feed
from server.core.keys import ServerKeys
from server.models import Change, Device, KeyListRow, UserToken
from server.services import feed
from sync import key_list, signing
from sync.answers import KeyListChange
from sync.payload import format_time

ROW_ID = 1


def publish(*, session: Session, now: datetime, keys: ServerKeys) -> KeyListRow:
    """Signs and stores the next version, and puts it in the feed for every device."""
    lock_feed(session)  # versions in order, one feed entry each, even with several server processes
    row = session.get(KeyListRow, ROW_ID)
    listing = key_list.KeyList(version=(row.version if row else 0) + 1, issued_at=format_time(now),
                               server_encryption_key=signing.public_text(keys.batch),
                               devices=tuple(_entries(session)))
    change = key_list.sign(listing, keys.root)
    if row is not None:
        session.execute(delete(Change).where(Change.seq == row.feed_seq))
    seq = feed.add(session=session, now=now, change=change, user_id=None).seq
    if row is None:
        row = KeyListRow(id=ROW_ID)
        session.add(row)
    row.version, row.issued_at, row.document, row.signature = listing.version, now, change.document, change.signature
    row.feed_seq = seq
    return row


def current(*, session: Session) -> KeyListChange | None:
    row = session.get(KeyListRow, ROW_ID)
    return KeyListChange(document=row.document, signature=row.signature) if row else None


def _entries(session: Session) -> list[key_list.KeyEntry]:
    session.flush()
    users: dict[str, set[str]] = {}
    for device_id, user_id in session.execute(select(UserToken.device_id, UserToken.user_id).distinct()):
        users.setdefault(device_id, set()).add(user_id)
    return [key_list.KeyEntry(device_id=d.id, name=d.name, signing_key=d.signing_key,
                              encryption_key=d.encryption_key, users=tuple(sorted(users.get(d.id, ()))),
                              revoked_at=format_time(d.revoked_at) if d.revoked_at else None)
            for d in session.scalars(select(Device).where(Device.signing_key.is_not(None)).order_by(Device.id))]
