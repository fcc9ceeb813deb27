"""Photos, scanned documents and signatures: files named by their SHA-256 in a folder beside the database.

Content addressing makes storing the same photo twice free and makes sync simple (the server asks for hashes it
lacks). A file is written to a temporary name, flushed to disk and renamed, so a power cut never leaves half a
photo under a real name. Reading checks the hash: a damaged or missing file is reported, never shown as if fine.

Beside a workspace the files are sealed with the laptop's data key (``app.at_rest.file_cipher``: AES-256-GCM in
chunks); the name stays the plaintext's hash, which the sync needs and which tells nothing of the content. A file
still in plaintext (an older version's, before its folder was converted) is read as before.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors
from app.at_rest import file_cipher, open_keys
from app.auth import Actor
from app.i18n import QT_TRANSLATE_NOOP
from db.models import Attachment, RegistrationAttachment

FOLDER = "attachments"
PURPOSES = {
    "photo": QT_TRANSLATE_NOOP("Attachments", "Photo of the citizen"),
    "photo_original": QT_TRANSLATE_NOOP("Attachments", "Original photo"),
    "birth_letter": QT_TRANSLATE_NOOP("Attachments", "Birth letter"),
    "marriage_proof": QT_TRANSLATE_NOOP("Attachments", "Marriage proof"),
    "kk": QT_TRANSLATE_NOOP("Attachments", "Family card (KK)"),
    "sptjm": QT_TRANSLATE_NOOP("Attachments", "SPTJM statement"),
    "sptjm_birth": QT_TRANSLATE_NOOP("Attachments", "SPTJM on the birth data (F-2.03)"),
    "sptjm_marriage": QT_TRANSLATE_NOOP("Attachments", "SPTJM on husband-and-wife status (F-2.04)"),
    "eye_photo": QT_TRANSLATE_NOOP("Attachments", "Photo of the patient's eyes"),
    # What a record is about when that is not a person: the broken bridge, the closed clinic.
    "evidence": QT_TRANSLATE_NOOP("Attachments", "Photo of the problem (evidence)"),
    "document": QT_TRANSLATE_NOOP("Attachments", "Other document"),
    "signature": QT_TRANSLATE_NOOP("Attachments", "Signature"),
    "thumbprint": QT_TRANSLATE_NOOP("Attachments", "Thumbprint"),
}
MSG_MISSING = QT_TRANSLATE_NOOP(
    "Attachments", "The file for \"{label}\" is missing from this laptop. Take the photo or scan again.")
MSG_CORRUPT = QT_TRANSLATE_NOOP(
    "Attachments", "The file for \"{label}\" is damaged. Take the photo or scan again.")


class AttachmentProblem(errors.UserFacingError):
    context = "Attachments"


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    sha256: str
    purpose: str
    label: str
    media_type: str
    size: int
    added_at: datetime


def media_type_of(path: Path) -> str:
    """A received plaintext file's type from its first bytes: a record or a batch names only the file's hash and
    purpose, and the viewer needs the type."""
    with open(path, "rb") as handle:
        return media_type_of_head(handle.read(8))


def media_type_of_head(head: bytes) -> str:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG"):
        return "image/png"
    if head.startswith(b"%PDF"):
        return "application/pdf"
    return "application/octet-stream"


class AttachmentStore:
    def __init__(self, root: Path, *, key: bytes | None = None):
        """``key`` None: files in plaintext (a tool's own folder); a laptop's store comes from ``beside``."""
        self.root = Path(root)
        self.key = key

    @classmethod
    def beside(cls, db_path: Path) -> AttachmentStore:
        """The store of the open workspace of ``db_path``, sealing with its data key."""
        folder = Path(db_path).parent
        key = open_keys.key_for(folder)
        if key is None:
            raise errors.DatabaseProblem(errors.MSG_LOCKED_WORKSPACE)
        return cls(folder / FOLDER, key=key)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if self.has(sha):
            return sha
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.key is not None:
            file_cipher.write_sealed(self.key, target, [data])
            return sha
        tmp = target.with_suffix(".part")
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        return sha

    def adopt(self, plain: Path, sha256: str) -> None:
        """A finished, checked download (plaintext ``plain``) sealed into the store under its hash; ``plain`` is
        overwritten and removed."""
        from db.migrate import wipe

        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.key is None:
            os.replace(plain, target)
            return

        def blocks():
            with open(plain, "rb") as f:
                while block := f.read(file_cipher.CHUNK):
                    yield block

        file_cipher.write_sealed(self.key, target, blocks())
        wipe(plain)

    def has(self, sha256: str) -> bool:
        """The file is here and whole (its content's hash is its name)."""
        try:
            return hashlib.sha256(self._bytes(sha256)).hexdigest() == sha256
        except (OSError, file_cipher.SealedFileError):
            return False

    def size(self, sha256: str) -> int:
        path = self.path(sha256)
        if file_cipher.is_sealed(path):
            return file_cipher.plain_size(path.stat().st_size)
        return path.stat().st_size

    def _bytes(self, sha256: str) -> bytes:
        path = self.path(sha256)
        if self.key is not None and file_cipher.is_sealed(path):
            return file_cipher.read_sealed(self.key, path)
        return path.read_bytes()

    def read(self, sha256: str, *, label: str = "") -> bytes:
        """The file's bytes, checked against its name. Raises AttachmentProblem when missing or damaged."""
        try:
            data = self._bytes(sha256)
        except FileNotFoundError:
            raise AttachmentProblem(MSG_MISSING, label=label or sha256[:12]) from None
        except file_cipher.SealedFileError:
            raise AttachmentProblem(MSG_CORRUPT, label=label or sha256[:12]) from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AttachmentProblem(MSG_CORRUPT, label=label or sha256[:12])
        return data


def attach(session: Session, *, store: AttachmentStore, actor: Actor, registration_id: str, data: bytes,
           media_type: str, purpose: str, now: datetime, label: str = "") -> AttachmentInfo:
    """Stores the file (once per content) and links it to the registration."""
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    sha = store.put(data)
    if session.get(Attachment, sha) is None:
        session.add(Attachment(sha256=sha, size=len(data), media_type=media_type, created_at=now))
    link = RegistrationAttachment(registration_id=registration_id, sha256=sha, purpose=purpose, label=label,
                                  added_at=now, added_by=actor.user_id)
    session.add(link)
    session.flush()
    return AttachmentInfo(link.id, sha, purpose, label, media_type, len(data), now)


class NewFile(Protocol):
    data: bytes
    media_type: str
    purpose: str


def attach_files(session: Session, *, store: AttachmentStore, actor: Actor, registration_id: str,
                 files: Iterable[NewFile], now: datetime) -> list[AttachmentInfo]:
    """``attach`` for each file, in one transaction: a photo and the original kept beside it, or neither."""
    return [attach(session, store=store, actor=actor, registration_id=registration_id, data=f.data,
                   media_type=f.media_type, purpose=f.purpose, now=now) for f in files]


def attachments_of(session: Session, registration_id: str) -> list[AttachmentInfo]:
    rows = session.execute(
        select(RegistrationAttachment, Attachment)
        .join(Attachment, Attachment.sha256 == RegistrationAttachment.sha256)
        .where(RegistrationAttachment.registration_id == registration_id)
        .order_by(RegistrationAttachment.id)
    ).all()
    return [AttachmentInfo(link.id, a.sha256, link.purpose, link.label, a.media_type, a.size, link.added_at)
            for link, a in rows]


def detach(session: Session, *, attachment_id: int) -> None:
    """Unlinks a file from a record; the file stays while any other record uses it."""
    link = session.get(RegistrationAttachment, attachment_id)
    if link is not None:
        session.delete(link)
