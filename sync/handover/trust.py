"""Who this laptop is to a batch file, whom it trusts, and how a refusal is remembered.

A file names its sender device and user in its clear header; ``sender_key`` believes neither until the held key
list (sync/device_keys.py) names that device, not revoked, used by that user. A receipt written at the central
office is signed by the province root key, which every laptop pinned at enrolment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.orm import Session

from app import auth
from app.auth import Actor
from app.workspace import Workspace
from db.models import KnownDevice, SyncLog, User
from sync import device_keys
from sync.batch import BatchError, BatchHeader
from sync.handover.content import SERVER_KEY_ID
from sync.handover.errors import BatchRefused

STAGING = "handover-staging"  # beside the database: a batch's attachments until its import commits


@dataclass(frozen=True)
class Identity:
    """This laptop as the key list knows it."""

    device_id: str
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey


def identity(session: Session) -> Identity:
    """Raises BatchRefused("no_keys") until this laptop's keys are registered and a key list is held."""
    keys, device_id = device_keys.own_keys(session), device_keys.server_device_id(session)
    if keys is None or not keys.registered or device_id is None or device_keys.key_list_version(session) == 0:
        raise BatchRefused("no_keys")
    return Identity(device_id, keys.signing, keys.encryption)


def sender_key(session: Session):
    """The ``open_batch`` callback: the sender's certified signing key, if the list says that user uses it."""

    def check(header: BatchHeader) -> Ed25519PublicKey:
        if header.sender_device == SERVER_KEY_ID:
            root = device_keys.root_key(session)
            if root is None:
                raise BatchError("unknown_sender")
            return root
        row = session.get(KnownDevice, header.sender_device)
        key = device_keys.signing_key_of(session, header.sender_device)
        if row is None or key is None or header.sender_user not in (row.users or []):
            raise BatchError("unknown_sender")
        return key

    return check


def staging_folder(ws: Workspace) -> Path:
    return ws.data_folder / STAGING


def log_refusal(ws: Workspace, actor: Actor, path: Path, refused: BatchRefused, *, what: str) -> None:
    """The refusal in the sync log (as a run that was refused) and the audit trail, in its own transaction: the
    import's own was rolled back whole."""
    now = ws.now()
    text = refused.text("id")
    with ws.transaction() as session:
        session.add(SyncLog(started_at=now, finished_at=now, user_id=actor.user_id, username=actor.username,
                            server_url=f"berkas: {Path(path).name}"[:200], result="refused", message=text[:2000]))
        auth.audit(session, now=now, action=f"{what}_refused", user=session.get(User, actor.user_id),
                   username=actor.username, detail=f"{Path(path).name}: {refused.code}: {text}"[:2000])
