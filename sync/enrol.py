"""Enrolment: trading a one-time code for this laptop's device token, and the accounts for offline login.

The token is stored in app_meta, inside the encrypted database. It is what lets this laptop talk to the server, so
it is kept off the sync log and out of every message.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from app import audit_log, auth
from app.workspace import RECOVERY_KEY, Workspace
from db.models import Meta
from sync import device_keys
from sync.client import SyncClient
from sync.payload import PROTOCOL_VERSION, Account, to_dict

SERVER_URL, DEVICE_TOKEN = "server_url", "device_token"
SERVER_DEVICE_ID = device_keys.SERVER_DEVICE_ID


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    device_id: str  # the server's id for this laptop
    accounts: int


def enrol(workspace: Workspace, server_url: str, code: str, device_name: str, *,
          client: SyncClient | None = None) -> Enrolment:
    """Raises sync.client.Refused (code ``bad_code``) for a wrong, used or expired code, Offline without a link.
    The laptop's keys are made here, new at every enrolment, and kept only if the server took them."""
    server_url = server_url.strip().rstrip("/")
    client = client or SyncClient(server_url, give_up_after=60)
    keys = device_keys.generate()
    answer = client.enrol(code.strip(), device_name.strip(), keys.public())
    now = workspace.now()
    with workspace.transaction() as session:
        # A server older than keys sends no root key and ignored ours: the first sync registers them instead.
        device_keys.store_own(session, replace(keys, registered=answer.root_key is not None), now=now)
        if answer.root_key is not None:
            device_keys.pin_root_key(session, answer.root_key)
        for key, value in ((SERVER_URL, server_url), (DEVICE_TOKEN, answer.device_token),
                           (SERVER_DEVICE_ID, answer.device_id), ("protocol", str(PROTOCOL_VERSION))):
            session.merge(Meta(key=key, value=value))
        if answer.recovery_key is not None:
            session.merge(Meta(key=RECOVERY_KEY, value=answer.recovery_key))
        for account in answer.accounts:
            store_account(session, account, now)
        audit_log.append(session, now=now, action="device_enrolled",
                         detail=f"{answer.device_id} {urlsplit(server_url).hostname or ''}")
    # The accounts of this laptop's people can unlock it from now on, and the province can recover its key.
    workspace.refresh_keyring()
    return Enrolment(server_url, answer.device_id, len(answer.accounts))


@dataclass(frozen=True)
class Enrolled:
    """What the enrolment dialog's job hands back to the UI thread."""

    enrolment: Enrolment
    actor: auth.Actor  # the account as it is now, under the server's id


def enrol_as(workspace: Workspace, actor: auth.Actor, server_url: str, code: str, device_name: str, *,
             client: SyncClient) -> Enrolled:
    """``enrol``, then the logged-in account read again: it has taken the server's id, and the session
    continues as that account."""
    enrolment = enrol(workspace, server_url, code, device_name, client=client)
    with workspace.transaction() as session:
        return Enrolled(enrolment, auth.current_actor(session, actor=actor))


def store_account(session, account: Account, now) -> None:
    auth.upsert_account(session, account=to_dict(account), now=now)
    # The team decides whose records a supervisor's laptop sends up (the server refuses anyone else's).
    session.merge(Meta(key=f"team:{account.id}", value=",".join(account.team)))


def settings(workspace: Workspace) -> tuple[str | None, str | None]:
    """(server URL, device token), or Nones before enrolment."""
    with workspace.transaction() as session:
        url, token = session.get(Meta, SERVER_URL), session.get(Meta, DEVICE_TOKEN)
        return (url.value if url else None), (token.value if token else None)
