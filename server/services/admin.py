"""What an administrator does to accounts from the server's command line: disable or enable one, set a new
password, end its sessions. Each change reaches every laptop through the feed (the account as it is now), and each
is in the audit log (server/services/audit.py, whose lines go to the server log) with who it was done to, never
a password."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.auth import MIN_PASSWORD
from server.core.security import hash_password
from server.models import Device, LoginFailure, User, UserToken
from server.services import accounts, audit, feed



class AdminError(ValueError):
    pass


def find_user(*, session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip().lower()).with_for_update())
    if user is None:
        raise AdminError(f"no user {username.strip().lower()!r}")
    return user


def end_sessions(*, session: Session, user: User, device_id: str | None = None) -> int:
    """Deletes the user's tokens (on one device, or everywhere): the next request from them gets 401 and the laptop
    asks for the password again. Returns how many there were."""
    query = delete(UserToken).where(UserToken.user_id == user.id)
    if device_id is not None:
        if session.get(Device, device_id) is None:
            raise AdminError(f"no device {device_id}")
        query = query.where(UserToken.device_id == device_id)
    return session.execute(query).rowcount or 0


def set_active(*, session: Session, now: datetime, username: str, active: bool) -> tuple[User, int]:
    """Disables (or enables again) an account: a disabled one cannot log in on the server, its sessions end now, and
    laptops learn it at their next sync, after which it cannot log in there either. Nothing it made is removed."""
    user = find_user(session=session, username=username)
    ended = 0 if active else end_sessions(session=session, user=user)
    if user.active != active:
        user.active = active
        user.updated_at = now
        _tell_laptops(session=session, now=now, user=user)
    audit.record(session, now=now, action="account_enabled" if active else "account_disabled", user_id=user.id,
                 username=user.username, detail=f"by=cli sessions_ended={ended}")
    return user, ended


def reset_password(*, session: Session, now: datetime, username: str, password: str) -> tuple[User, int]:
    """A new password chosen by the administrator: the old one stops working on the server at once and on laptops
    from their next sync; every session ends and the lock-out count starts again."""
    if len(password) < MIN_PASSWORD:
        raise AdminError(f"the password must have at least {MIN_PASSWORD} characters")
    user = find_user(session=session, username=username)
    user.password_hash = hash_password(password)
    user.updated_at = now
    ended = end_sessions(session=session, user=user)
    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id))
    _tell_laptops(session=session, now=now, user=user)
    audit.record(session, now=now, action="password_reset", user_id=user.id, username=user.username,
                 detail=f"by=cli sessions_ended={ended}")
    return user, ended


def end_user_sessions(*, session: Session, now: datetime, username: str, device_id: str | None) -> tuple[User, int]:
    user = find_user(session=session, username=username)
    ended = end_sessions(session=session, user=user, device_id=device_id)
    audit.record(session, now=now, action="sessions_ended", user_id=user.id, username=user.username,
                 detail=f"by=cli device={device_id or 'all'} count={ended}")
    return user, ended


def list_users(*, session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def _tell_laptops(*, session: Session, now: datetime, user: User) -> None:
    feed.add(session=session, now=now, change=accounts.account(session=session, user=user), user_id=None)
