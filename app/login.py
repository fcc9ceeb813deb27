"""What the login screen asks of the database, each call one transaction of its own: whether this laptop has an
account yet, logging in, and making the first account. Each ends with an ``app.auth.Actor``.

They take the workspace rather than a session because a failed login must still be committed: the counted
attempt is what makes the lock-out work, and a caller's transaction would roll it back with the error.

On a locked workspace (the database is encrypted and not open yet) the password is checked by unwrapping the data
key from the key ring (``app.at_rest.keyring``): that is the one slow hash of the login, the database then opens
with the key, and the account's checks (disabled, lock-out, audit) run on it as always. Wrong passwords typed
while it is locked are counted in the key ring, with the same growing delay, and audited once it opens.
"""

from __future__ import annotations

from app import auth
from app.auth import AccountLocked, Actor, LoginError
from app.workspace import Workspace


def has_accounts(workspace: Workspace) -> bool:
    """False on a new laptop: the screen then offers to make the first account instead of a login."""
    if workspace.locked:
        return workspace.has_accounts_unopened()
    with workspace.transaction() as session:
        return auth.has_accounts(session)


def attempt_login(workspace: Workspace, *, username: str, password: str) -> Actor | LoginError:
    """The actor for a correct password. A refusal (wrong password, locked, disabled) is returned, not raised,
    once the attempt is committed."""
    proven = False
    if workspace.locked:
        refused = _unlock(workspace, username, password)
        if refused is not None:
            return refused
        proven = True
    with workspace.transaction() as session:
        try:
            actor = auth.login(session, username=username, password=password, now=workspace.now(),
                               device_id=workspace.device_id, proven=proven)
        except LoginError as exc:
            return exc
    workspace.refresh_keyring()  # a re-hashed password gets its new wrap; nothing is written when none changed
    return actor


def _unlock(workspace: Workspace, username: str, password: str) -> LoginError | None:
    ring, now = workspace.ring, workspace.now()
    seconds = ring.locked_for(username, now=now)
    if seconds:
        return AccountLocked(seconds)
    opened = ring.unwrap(username, password)
    if opened is None:
        if ring.account(username) is None:
            auth.verify_password(password, _dummy_hash())  # the same time as a real check: names stay unknown
        seconds = ring.failed(username, now=now, lock_delay=auth.lock_delay)
        workspace.save_keyring()
        return AccountLocked(seconds) if seconds else LoginError(auth.MSG_BAD_LOGIN)
    ring.succeeded(username)
    workspace.save_keyring()
    workspace.unlock(opened[1])
    return None


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(auth.hash_password("x" * auth.MIN_PASSWORD))
    return _DUMMY[0]


def create_first_account(workspace: Workspace, *, username: str, full_name: str, password: str, role: str
                         ) -> Actor:
    """The account a person makes for themselves on a new laptop (``auth.create_first_account``'s rules), logged
    in on this device."""
    with workspace.transaction() as session:
        user = auth.create_first_account(session, username=username, full_name=full_name, password=password,
                                         role=role, now=workspace.now())
        actor = Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)
    workspace.refresh_keyring()  # from now on the key is this account's (and the province's), no longer unclaimed
    return actor
