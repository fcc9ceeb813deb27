"""The server's tables (its own schema, migrated by server/migrations; not the laptop's db.models).

Times are naive UTC. Ids of users, devices and registrations are UUIDv7 strings, the same as on the laptops, so
that a record keeps its key everywhere. Secrets (device and user tokens, enrolment codes) are stored only as
SHA-256 hex digests: a copy of the database does not let anyone act as a device.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.ids import new_id


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # officer | supervisor | admin
    # A team is the officers whose supervisor_id is the supervisor's id.
    supervisor_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))  # app.auth's scrypt string, sent to laptops
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # Lock-out of POST /session, the same rule as the laptop's (app.auth.lock_delay): consecutive wrong passwords,
    # reset by a correct one.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None]


class EnrolmentCode(Base):
    __tablename__ = "enrolment_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))
    # The officer or supervisor the laptop is for (``enrol-code --for``); None: whoever logs in first through it.
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolment_code_id: Mapped[int | None] = mapped_column(ForeignKey("enrolment_codes.id"))
    enrolled_at: Mapped[datetime]
    last_seen_at: Mapped[datetime | None]
    last_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    revoked_at: Mapped[datetime | None]
    # The laptop's public keys (sync/signing.py), certified by being in the signed key list; None for a laptop
    # enrolled before keys until it registers them (POST /devices/keys), once.
    signing_key: Mapped[str | None] = mapped_column(String(44))
    encryption_key: Mapped[str | None] = mapped_column(String(44))
    keys_at: Mapped[datetime | None]
    # Whose laptop this is: the accounts it may hold for offline login follow from it (server.services.
    # laptop_accounts). Set at enrolment by a code that names the user, else at the first session through it.
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))


class UserToken(Base):
    __tablename__ = "user_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class Registration(Base):
    __tablename__ = "registrations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # made on the device
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)  # the server's version, +1 on every change here
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str] = mapped_column(String(36))  # the device that made it
    last_device_id: Mapped[str] = mapped_column(String(36))  # the device that sent the current content
    data: Mapped[dict] = mapped_column(JSON)
    attachments: Mapped[list] = mapped_column(JSON)
    files: Mapped[list | None] = mapped_column(JSON)  # [{sha256, purpose, label}]: what each attachment is
    device_history: Mapped[list] = mapped_column(JSON)  # the laptop's own history, as last sent
    review_comment: Mapped[str | None] = mapped_column(Text)
    status_note: Mapped[str | None] = mapped_column(Text)  # from central staff, e.g. "KTP sudah dicetak"
    stage: Mapped[str | None] = mapped_column(String(32))  # the service's own step, set with the status
    review_details: Mapped[dict | None] = mapped_column(JSON)  # a return's coded reasons and field comments
    # The device that made the current content and its signature over it, as pushed (None from a laptop without
    # keys): kept so that a relayed copy can be checked against its maker.
    origin_device: Mapped[str | None] = mapped_column(String(36))
    signature: Mapped[str | None] = mapped_column(String(88))
    # Or, for a laptop's own record under its batch's seal: the batch (of last_device_id) whose seal vouches for it.
    seal_batch_id: Mapped[str | None] = mapped_column(String(36))
    # Compared with a pushed copy's, never looked up by: no index (migration 0014 says why).
    content_hash: Mapped[str] = mapped_column(String(64))
    device_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]  # on the device
    updated_at: Mapped[datetime]  # on the device
    received_at: Mapped[datetime]
    server_updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_registrations_owner", "owner_id", "server_updated_at"),)


class RegistrationHistory(Base):
    """Every change the server made to a registration: who, through which device or tool, which fields."""

    __tablename__ = "registration_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(16))  # create | update | status | resolve
    changes: Mapped[dict] = mapped_column(JSON)  # {field: [old, new]}


class Conflict(Base):
    """Both sides of a conflict, kept until a person chooses: nothing is dropped silently."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id"), index=True)
    server_version: Mapped[int] = mapped_column(Integer)
    base_version: Mapped[int] = mapped_column(Integer)
    incoming: Mapped[dict] = mapped_column(JSON)  # the record as the device sent it
    server_copy: Mapped[dict] = mapped_column(JSON)
    device_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class PushBatch(Base):
    """The stored answer to a batch, so that a resent batch gets the same answer and changes nothing."""

    __tablename__ = "push_batches"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    response: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime]
    # The batch's seal as checked (sync/signing.py): the signed message and the device's signature over it, kept so
    # that the records it vouches for can be checked against their maker later, as a record's own signature can.
    seal_message: Mapped[str | None] = mapped_column(Text)
    seal_signature: Mapped[str | None] = mapped_column(String(88))


class Attachment(Base):
    """A file addressed by its SHA-256; the bytes live in settings.attachments_dir, appended chunk by chunk."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))


class Change(Base):
    """The feed that devices pull: seq only grows, and a change is for one user (None: for every device)."""

    __tablename__ = "changes"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    registration_id: Mapped[str | None] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_changes_user_seq", "user_id", "seq"), {"sqlite_autoincrement": True})


class ReferenceFile(Base):
    """A published version of a reference list (``regions``): the bytes live in settings.reference_dir under their
    SHA-256, and a ``reference`` change in the feed tells every device."""

    __tablename__ = "reference_files"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime]


class GuardrailLimits(Base):
    """The province's guardrails, one row (id 1): how many records a laptop's user may have waiting for review or
    not yet handed over, and how many days may pass since the last hand-over, before that laptop refuses new
    registrations. 0 is no limit. Every change goes to every device as a ``limits`` change in the feed."""

    __tablename__ = "guardrail_limits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    max_waiting_review: Mapped[int] = mapped_column(Integer)
    max_not_handed_over: Mapped[int] = mapped_column(Integer)
    max_days_since_handover: Mapped[int] = mapped_column(Integer)
    set_at: Mapped[datetime]


class KeyListRow(Base):
    """The newest signed key list (sync/key_list.py), one row (id 1): its version grows with every enrolment with
    keys, revocation or first session of a user on a laptop; the feed carries it to every device."""

    __tablename__ = "key_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime]
    document: Mapped[str] = mapped_column(Text)  # the exact text signed
    signature: Mapped[str] = mapped_column(String(88))
    feed_seq: Mapped[int] = mapped_column(Integer)  # its entry in the feed, taken out when a newer one comes


class LoginFailure(Base):
    """Wrong passwords in a row for one user on one device (app.auth.lock_delay's count), reset by a right one.
    Per device: three wrong guesses on a stolen laptop lock that account on that laptop, not everywhere."""

    __tablename__ = "login_failures"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    failed_attempts: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None]


class ServerProbe(Base):
    """One row that /health rewrites: a database that answers reads but refuses writes is not healthy."""

    __tablename__ = "server_probe"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    checked_at: Mapped[datetime | None]


class KeyRecovery(Base):
    """Each opening of a laptop's recovery envelope (``jemput-server recover-key``): who, for which laptop and
    account, and why. Append-only by use; the audit log of issue 11 item 5 chains these too once it exists."""

    __tablename__ = "key_recoveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    operator: Mapped[str] = mapped_column(String(100))
    device_id: Mapped[str] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(500))


class AuditEvent(Base):
    """Who did what on the server, append-only and hash-chained (server/services/audit.py, app/audit_chain.py):
    logins good and bad, enrolments, key registrations, revocations, status changes, reviews, exports, accounts.
    Ids, usernames, counts and codes only: no NIK, no name, no note (a note may name the citizen)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    user_id: Mapped[str | None] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    chain_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_events_at", "at"),)


class AuditHead(Base):
    """The chain's end, one row: locked by every append, so that concurrent requests (several server processes on
    PostgreSQL) link one after another instead of both to the same entry, and compared by ``audit verify`` with
    the log, so that entries cut off the end are found too."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entries: Mapped[int] = mapped_column(Integer, default=0)
    chain_hash: Mapped[str] = mapped_column(String(64))
