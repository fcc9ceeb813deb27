"""The local database: typed SQLAlchemy 2.0 models.

Every row that syncs has a device-made UUIDv7 string key (see ``db.ids``), so the same key identifies it on every
laptop and on the server, and a retried upload can never create a second copy.

Form contents live in ``Registration.data`` (JSON): each service has its own long form and the forms change with the
regulations. The few fields the list and search need are copied into indexed columns on save.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.ids import new_id


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Facts about this installation (device id, settings) as key/value pairs."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # officer | supervisor | admin
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class Person(Base):
    """A citizen, linked from every registration they appear in. NIK is unique when known."""

    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    # Case-folded name: finding a person by name, and flagging possible duplicates without a NIK.
    name_key: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_place: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[str | None] = mapped_column(String(10))  # ISO date; partial dates stay out
    kk_number: Mapped[str | None] = mapped_column(String(16))
    village_code: Mapped[str | None] = mapped_column(String(13))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_persons_name", "name_key", "birth_date"),
                      Index("ix_persons_name_id", "name_key", "id"))


class PersonCorrection(Base):
    """A correction of a citizen's data at their request (UU 27/2022, the right to rectification): what changed,
    from what to what, why, who and when (app/subject_access.py). Kept with the person; the audit log has only
    that a correction was made."""

    __tablename__ = "person_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # {field: [old, new]}
    reason: Mapped[str] = mapped_column(Text)


class Registration(Base):
    """One service request (e-KTP recording, birth certificate, cataract screening) and its life cycle."""

    __tablename__ = "registrations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))  # ektp | birth | cataract
    status: Mapped[str] = mapped_column(String(16), default="draft")
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    # local | pending | synced | conflict | rejected: derived from the fields below and written only by
    # app/record_changes.py, as are version and the history.
    sync_state: Mapped[str] = mapped_column(String(16), default="local")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    # Copies of form fields for the records list: search by NIK prefix or part of a name, filter by village.
    subject_name: Mapped[str] = mapped_column(String(200), default="")
    subject_name_key: Mapped[str] = mapped_column(String(200), default="")
    subject_nik: Mapped[str | None] = mapped_column(String(16))
    village_code: Mapped[str | None] = mapped_column(String(13))
    submitted_at: Mapped[datetime | None]
    review_comment: Mapped[str | None] = mapped_column(Text)
    # Twins and triplets: one application per child, the siblings share a group id.
    group_id: Mapped[str | None] = mapped_column(String(36))
    # The next visit this record needs (cataract follow-up), computed on save; ISO date.
    due_date: Mapped[str | None] = mapped_column(String(10))
    due_action: Mapped[str | None] = mapped_column(String(32))
    # Sync (sync/PROTOCOL.md): the server's version this copy is based on (the next push's base_version, 0 when
    # the server has never seen it), the local version the server last acknowledged (a record is waiting to be
    # sent while version differs), why the server refused the last push, and the central status note.
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    synced_version: Mapped[int] = mapped_column(Integer, default=0)
    sync_error: Mapped[str | None] = mapped_column(Text)
    status_note: Mapped[str | None] = mapped_column(Text)
    # The step central reports the service has reached, by the service's own name for it (``KindSpec.stages``,
    # e.g. a complaint "followed_up"); None where the status says it all.
    stage: Mapped[str | None] = mapped_column(String(32))
    # The supervisor's last return, beyond its comment: coded reasons and comments per field (``app.review``).
    review_details: Mapped[dict | None] = mapped_column(JSON)
    # The record's files (SHA-256) that the server holds and this laptop does not: a team member's record received
    # for review comes without them, and the supervisor must not take a photo for missing when it is only not here.
    remote_files: Mapped[list | None] = mapped_column(JSON)

    person: Mapped[Person | None] = relationship()
    owner: Mapped[User] = relationship()

    __table_args__ = (
        Index("ix_registrations_updated", "updated_at"),
        Index("ix_registrations_updated_name", "updated_at", "id", "subject_name_key"),
        Index("ix_registrations_nik", "subject_nik"),
        Index("ix_registrations_kind_status", "kind", "status", "updated_at"),
        Index("ix_registrations_person", "person_id"),
        Index("ix_registrations_owner", "owner_id"),
        Index("ix_registrations_due", "kind", "due_date"),
        Index("ix_registrations_group", "group_id"),
        # The records list filters on one of these and shows the newest first: without the second column SQLite
        # sorts every matching row (150 ms at 100,000 records) instead of reading the first page off the index.
        Index("ix_registrations_kind_updated", "kind", "updated_at"),
        Index("ix_registrations_status_updated", "status", "updated_at"),
        Index("ix_registrations_village_updated", "village_code", "updated_at"),
        # The dashboard's counts (app/dashboard.py), each answered from its index alone: reading the rows, long
        # forms included, took 430 ms at 100,000 records.
        Index("ix_registrations_kind_created", "kind", "created_at", "owner_id"),
        Index("ix_registrations_kind_status_stage", "kind", "status", "stage", "owner_id"),
        Index("ix_registrations_owner_sync", "owner_id", "status", "version", "synced_version", "updated_at"),
        # Only the rows a sync looks for, each with every column its query reads (migration 0016 says why).
        Index("ix_registrations_waiting", "owner_id", "updated_at", "id", "version", "synced_version", "status",
              sqlite_where=text("version != synced_version")),
        Index("ix_registrations_remote_files", "submitted_at", "id", sqlite_where=text("remote_files IS NOT NULL")),
    )


class RegistrationChange(Base):
    """History: who changed which fields of a registration, when, from what to what."""

    __tablename__ = "registration_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(16))  # create | edit | submit | approve | return | status
    # {field: [old, new]}
    changes: Mapped[dict] = mapped_column(JSON, default=dict)

    # Declared so that the unit of work inserts a new registration before its first history entry.
    registration: Mapped[Registration] = relationship()

    __table_args__ = (Index("ix_changes_registration", "registration_id", "id"),)


class AuditEvent(Base):
    """Who did what on this laptop outside the records' own history, append-only and hash-chained: written only by
    app/audit_log.py, checked by ``jemput --verify-audit``."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    user_id: Mapped[str | None] = mapped_column(String(36))  # None when the username was unknown
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))  # login | login_failed | locked | account_created | export ...
    detail: Mapped[str] = mapped_column(Text, default="")
    # sha256 of this entry and the previous entry's hash (app/audit_chain.py); None only before migration 0014.
    chain_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_at", "at"),)


class RegistrationPerson(Base):
    """Every person a registration is about or names: subject, child, mother, father, reporter, witness, patient."""

    __tablename__ = "registration_persons"

    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"),
                                                 primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))

    registration: Mapped[Registration] = relationship()
    person: Mapped[Person] = relationship()

    __table_args__ = (Index("ix_registration_persons_person", "person_id"),
                      Index("ix_registration_persons_person_role", "person_id", "role", "registration_id"))


class Attachment(Base):
    """A file (photo, scanned document, signature) stored beside the database under its SHA-256."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    # The server holds the whole file: never offered again.
    uploaded: Mapped[bool] = mapped_column(default=False)


class RegistrationAttachment(Base):
    __tablename__ = "registration_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(ForeignKey("attachments.sha256"))
    purpose: Mapped[str] = mapped_column(String(32))  # photo | birth_letter | kk | signature | thumbprint | ...
    label: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime]
    added_by: Mapped[str] = mapped_column(ForeignKey("users.id"))

    attachment: Mapped[Attachment] = relationship()
    # Declared so that the unit of work inserts a new registration before the files filed under it in the same
    # flush (a batch file's records are applied with one flush per chunk, sync/handover/).
    registration: Mapped[Registration] = relationship()

    __table_args__ = (Index("ix_registration_attachments_reg", "registration_id"),)


class SyncConflict(Base):
    """The server's copy of a record that both sides changed, kept until a person chooses (nothing is dropped)."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"))
    server_version: Mapped[int] = mapped_column(Integer)
    server_copy: Mapped[dict] = mapped_column(JSON)  # the protocol's Record shape
    device_copy: Mapped[dict] = mapped_column(JSON)  # what this laptop had sent, as it was then
    detected_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolution: Mapped[str | None] = mapped_column(String(16))  # device | server | merged

    __table_args__ = (Index("ix_sync_conflicts_reg", "registration_id", "resolved_at"),)


class SyncLog(Base):
    """One sync run, for the supervisor: when, who, what moved, how many bytes, how it ended."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    user_id: Mapped[str | None] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(64), default="")
    server_url: Mapped[str] = mapped_column(String(200), default="")
    sent: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    files_sent: Mapped[int] = mapped_column(Integer, default=0)
    changes_pulled: Mapped[int] = mapped_column(Integer, default=0)
    bytes_up: Mapped[int] = mapped_column(Integer, default=0)
    bytes_down: Mapped[int] = mapped_column(Integer, default=0)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str] = mapped_column(String(16), default="running")  # running | ok | cancelled | offline | refused | error
    message: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_sync_log_started", "started_at"),)


class DeviceKeyPair(Base):
    """This laptop's own private keys (sync/device_keys.py), one row (id 1), raw bytes: Ed25519 to sign what it
    hands over, X25519 to open batch files sent to it. Not encrypted at rest yet: that comes with the database's
    data key (ARCHITECTURE.md, "Trust and keys")."""

    __tablename__ = "device_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    signing_private: Mapped[bytes] = mapped_column(LargeBinary)
    encryption_private: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    registered_at: Mapped[datetime | None]  # when the server took the public halves: only then does it sign


class KeyListCopy(Base):
    """The newest province key list this laptop checked and took, one row (id 1): kept as signed, so that it can
    be checked again or handed on."""

    __tablename__ = "key_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime]
    document: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(88))
    server_encryption_key: Mapped[str] = mapped_column(String(44))
    stored_at: Mapped[datetime]


class KnownDevice(Base):
    """One device of the stored key list, to look keys up by device or user without reading the whole list."""

    __tablename__ = "known_devices"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    signing_key: Mapped[str] = mapped_column(String(44))
    encryption_key: Mapped[str] = mapped_column(String(44))
    users: Mapped[list] = mapped_column(JSON)
    revoked_at: Mapped[datetime | None]


class HandoverFile(Base):
    """A batch file or receipt this laptop wrote (``direction`` "out") or imported ("in") (sync/handover/): what
    it was, so that a file imported again changes nothing, a gap in a sender's numbers shows, and a hand-over
    counts for the guardrails."""

    __tablename__ = "handover_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_id: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(3))  # out | in
    file_type: Mapped[str] = mapped_column(String(16))  # batch | receipt
    sender_device: Mapped[str] = mapped_column(String(200))
    sender_user: Mapped[str] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]  # the file's own time (the sender's clock)
    handled_at: Mapped[datetime]  # when this laptop wrote or imported it
    user_id: Mapped[str | None] = mapped_column(String(36))  # who did it here
    records: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[int] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
    # An imported batch: [[record id, version], ...] as its manifest lists them (what a receipt names); a receipt:
    # {"answers": [batch file ids]}.
    contents: Mapped[list | dict | None] = mapped_column(JSON)
    confirmed_at: Mapped[datetime | None]  # an outgoing batch: a receipt said it arrived

    __table_args__ = (UniqueConstraint("file_id", name="uq_handover_files_file_id"),
                      Index("ix_handover_files_sender", "direction", "sender_device", "sequence"))


class HandedOver(Base):
    """A record version written to a batch file ("diserahkan lewat berkas N"), until a receipt confirms it."""

    __tablename__ = "handed_over"

    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"),
                                                 primary_key=True)
    file_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    handed_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None]

    registration: Mapped[Registration] = relationship()  # insert order in a flush, as RegistrationChange's

    __table_args__ = (Index("ix_handed_over_version", "registration_id", "version"),)


class RelayQueue(Base):
    """A record imported from another laptop's batch file, to be pushed to the server exactly as its maker signed
    it (``record``: the protocol's Record JSON), before this laptop's own changes."""

    __tablename__ = "relay_queue"

    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"),
                                                 primary_key=True)
    record: Mapped[dict] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(Integer)  # what the push says it was built on (not signed)
    file_id: Mapped[str] = mapped_column(String(36))
    queued_at: Mapped[datetime]
    local_version: Mapped[int] = mapped_column(Integer)  # the local copy's version made by the import

    registration: Mapped[Registration] = relationship()  # insert order in a flush, as RegistrationChange's
