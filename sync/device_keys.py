"""This laptop's keys and the province's key list as this laptop holds it (PROTOCOL.md, "Keys and signatures").

Own keys: an Ed25519 pair to sign what the laptop hands over (the records it pushes, later batch files and
receipts) and an X25519 pair to open batch files sent to it, made at enrolment (or at the first sync of a laptop
enrolled before keys) and stored raw in ``device_keys``. Not yet encrypted at rest: the database's data key will
wrap them too (ARCHITECTURE.md, "Trust and keys").

The key list: the root key's public half is pinned at enrolment (app_meta ``province_root_key``); a key list from
the pull is stored only when that key signed it and it is newer than the one held, whole, in the same
transaction, so a forged or damaged list changes nothing. Queries answer from the stored list, offline.

Functions over a session the caller owns, like sync/records.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit_log
from app.receipts import ReceiptSigner
from db.models import DeviceKeyPair, KeyListCopy, KnownDevice, Meta
from sync import key_list as keylist, signing
from sync.answers import KeyListChange
from sync.payload import PayloadError, PublicKeys, Record, Seal, format_time, parse_time

ROOT_KEY = "province_root_key"  # app_meta: the pinned root key, as it travels
SERVER_DEVICE_ID = "server_device_id"  # app_meta, written by sync/enrol.py: this laptop's id on the server
ROW_ID = 1
MSG_REFUSED = "Daftar kunci dari server ditolak dan tidak disimpan: {why}"
MSG_NO_ROOT = "kunci provinsi belum tersimpan di laptop ini (daftarkan ulang laptop)"
MSG_BAD_SIGNATURE = "tanda tangan bukan dari kunci provinsi"
MSG_UNREADABLE = "isinya tidak dapat dibaca"


class KeyListRefused(Exception):
    """A pulled key list that was not stored; the message (Bahasa Indonesia) is for the sync log."""


@dataclass(frozen=True)
class OwnKeys:
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey
    registered: bool  # the server holds the public halves: records signed with them verify there

    def public(self) -> PublicKeys:
        return PublicKeys(signing_key=signing.public_text(self.signing),
                          encryption_key=signing.public_text(self.encryption))


# --- own keys ----------------------------------------------------------------------------------------------------

def generate() -> OwnKeys:
    return OwnKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), registered=False)


def store_own(session: Session, keys: OwnKeys, *, now: datetime) -> None:
    """Keeps ``keys`` as this laptop's, replacing any before (a new enrolment is a new identity)."""
    session.merge(DeviceKeyPair(id=ROW_ID, signing_private=signing.private_raw(keys.signing),
                                encryption_private=signing.private_raw(keys.encryption), created_at=now,
                                registered_at=now if keys.registered else None))


def own_keys(session: Session) -> OwnKeys | None:
    row = session.get(DeviceKeyPair, ROW_ID)
    if row is None:
        return None
    return OwnKeys(Ed25519PrivateKey.from_private_bytes(row.signing_private),
                   X25519PrivateKey.from_private_bytes(row.encryption_private),
                   registered=row.registered_at is not None)


def mark_registered(session: Session, *, now: datetime) -> None:
    session.get(DeviceKeyPair, ROW_ID).registered_at = now


def server_device_id(session: Session) -> str | None:
    row = session.get(Meta, SERVER_DEVICE_ID)
    return row.value if row else None


def receipt_signer(session: Session) -> ReceiptSigner | None:
    """What signs this laptop's receipts: its key once the province certified it (the server holds it and the key
    list names the laptop), else None and the receipt says it cannot be checked yet."""
    keys, device_id = own_keys(session), server_device_id(session)
    if keys is None or not keys.registered or device_id is None:
        return None
    return ReceiptSigner(device_id=device_id, key=keys.signing)


def sign_records(session: Session, records: list[Record]) -> list[Record]:
    """The records this laptop pushes, signed by it once the server holds its keys. A record that already carries
    a signature (relayed for the device that made it) keeps that one."""
    keys, device_id = own_keys(session), server_device_id(session)
    if keys is None or not keys.registered or device_id is None:
        return records
    return [r if r.signature is not None else signing.sign_record(r, device_id=device_id, key=keys.signing)
            for r in records]


def seal_batch(session: Session, batch_id: str, records: list[Record]) -> Seal | None:
    """The seal of this laptop over a batch it pushes (for a server that reads seals), once the server holds its
    keys; None before, and the records go unsigned as they did."""
    keys, device_id = own_keys(session), server_device_id(session)
    if keys is None or not keys.registered or device_id is None:
        return None
    return signing.seal_batch(batch_id, records, device_id=device_id, key=keys.signing)


# --- the province root key and the key list -----------------------------------------------------------------

def pin_root_key(session: Session, root_key: str) -> None:
    """Trusts ``root_key`` from now on (at enrolment). A different root is another province: the list signed by
    the old one is dropped with it."""
    old = session.get(Meta, ROOT_KEY)
    if old is not None and old.value != root_key:
        _forget_key_list(session)
    session.merge(Meta(key=ROOT_KEY, value=root_key))


def root_key(session: Session) -> Ed25519PublicKey | None:
    row = session.get(Meta, ROOT_KEY)
    return signing.signing_public(row.value) if row else None


def store_key_list(session: Session, change: KeyListChange, *, now: datetime) -> bool:
    """Takes a pulled key list after checking it against the pinned root key; False when it is not newer than the
    one held. Raises KeyListRefused (before touching anything) when it cannot be trusted."""
    root = root_key(session)
    if root is None:
        raise KeyListRefused(MSG_REFUSED.format(why=MSG_NO_ROOT))
    if not keylist.signed_by(change, root):
        raise KeyListRefused(MSG_REFUSED.format(why=MSG_BAD_SIGNATURE))
    try:
        listing = keylist.parse(change.document)
    except PayloadError as exc:
        raise KeyListRefused(MSG_REFUSED.format(why=f"{MSG_UNREADABLE} ({exc})")) from exc
    held = session.get(KeyListCopy, ROW_ID)
    if held is not None and held.version >= listing.version:
        return False
    # A revocation this laptop learns of is audited once: the list is replaced whole, so compare before.
    revoked_before = set(session.scalars(select(KnownDevice.device_id).where(KnownDevice.revoked_at.is_not(None))))
    for d in listing.devices:
        if d.revoked_at and d.device_id not in revoked_before:
            audit_log.append(session, now=now, action="device_revoked", detail=f"{d.device_id} {d.revoked_at}")
    _forget_key_list(session)
    session.add(KeyListCopy(id=ROW_ID, version=listing.version, issued_at=parse_time(listing.issued_at),
                            document=change.document, signature=change.signature,
                            server_encryption_key=listing.server_encryption_key, stored_at=now))
    session.add_all(KnownDevice(device_id=d.device_id, name=d.name, signing_key=d.signing_key,
                                encryption_key=d.encryption_key, users=list(d.users),
                                revoked_at=parse_time(d.revoked_at) if d.revoked_at else None)
                    for d in listing.devices)
    return True


def _forget_key_list(session: Session) -> None:
    session.execute(delete(KnownDevice))
    session.execute(delete(KeyListCopy))


def key_list_version(session: Session) -> int:
    """The version held, 0 for none."""
    held = session.get(KeyListCopy, ROW_ID)
    return held.version if held else 0


def signed_key_list(session: Session) -> KeyListChange | None:
    """The held list as signed: what a batch file can carry so that a laptop without signal can check it too."""
    held = session.get(KeyListCopy, ROW_ID)
    return KeyListChange(document=held.document, signature=held.signature) if held else None


def key_list(session: Session) -> list[keylist.KeyEntry]:
    """Every device of the held list, revoked ones included, by device id."""
    return [_entry(row) for row in session.scalars(select(KnownDevice).order_by(KnownDevice.device_id))]


def device_keys_of_user(session: Session, user_id: str) -> list[tuple[str, X25519PublicKey]]:
    """(device id, encryption key) of every non-revoked device ``user_id`` has opened a session on: the
    recipients of a batch file meant for that person (an officer's supervisor)."""
    return [(row.device_id, signing.encryption_public(row.encryption_key))
            for row in session.scalars(select(KnownDevice).where(KnownDevice.revoked_at.is_(None))
                                       .order_by(KnownDevice.device_id))
            if user_id in (row.users or [])]


def signing_key_of(session: Session, device_id: str) -> Ed25519PublicKey | None:
    """The certified signing key of ``device_id``; None when the list does not name it or it is revoked."""
    row = session.get(KnownDevice, device_id)
    if row is None or row.revoked_at is not None:
        return None
    return signing.signing_public(row.signing_key)


def server_batch_key(session: Session) -> X25519PublicKey | None:
    """The central server's batch key from the held list (a batch file for the office), None without a list."""
    held = session.get(KeyListCopy, ROW_ID)
    return signing.encryption_public(held.server_encryption_key) if held else None


def _entry(row: KnownDevice) -> keylist.KeyEntry:
    return keylist.KeyEntry(device_id=row.device_id, name=row.name, signing_key=row.signing_key,
                            encryption_key=row.encryption_key, users=tuple(row.users or ()),
                            revoked_at=format_time(row.revoked_at) if row.revoked_at else None)
