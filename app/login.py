"""What the login screen asks of the database, each call one transaction of its own: whether this laptop has an
account yet, logging in, and making the first account. Each ends with an ``app.auth.Actor``.

They take the workspace rather than a session because a failed login must still be committed: the counted
attempt is what makes the lock-out work, and a caller's transaction would roll it back with the error.
"""

from __future__ import annotations

from app import auth
from app.auth import Actor, LoginError
from app.workspace import Workspace


def has_accounts(workspace: Workspace) -> bool:
    """False on a new laptop: the screen then offers to make the first account instead of a login."""
    with workspace.transaction() as session:
        return auth.has_accounts(session)


def attempt_login(workspace: Workspace, *, username: str, password: str) -> Actor | LoginError:
    """The actor for a correct password. A refusal (wrong password, locked, disabled) is returned, not raised,
    once the attempt is committed."""
    with workspace.transaction() as session:
        try:
            return auth.login(session, username=username, password=password, now=workspace.now(),
                              device_id=workspace.device_id)
        except LoginError as exc:
            return exc


def create_first_account(workspace: Workspace, *, username: str, full_name: str, password: str, role: str
                         ) -> Actor:
    """The account a person makes for themselves on a new laptop (``auth.create_first_account``'s rules), logged
    in on this device."""
    with workspace.transaction() as session:
        user = auth.create_first_account(session, username=username, full_name=full_name, password=password,
                                         role=role, now=workspace.now())
        return Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)
