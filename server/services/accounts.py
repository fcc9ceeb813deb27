"""Users, teams and the account records sent to laptops for offline login."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import MIN_PASSWORD, ROLES, password_problem
from server.core.security import hash_password
from server.models import User
from server.services import feed
from sync.payload import Account


class AccountError(ValueError):
    pass


def create_user(*, session: Session, username: str, full_name: str, password: str, role: str, now: datetime,
                supervisor: str | None = None) -> User:
    username = username.strip().lower()
    if not (3 <= len(username) <= 32) or not all(c.isascii() and (c.isalnum() or c in "._-") for c in username):
        raise AccountError("username: 3 to 32 small letters, digits, dot, dash or underscore")
    if not full_name.strip():
        raise AccountError("full name is required")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    if password_problem(password, username=username, full_name=full_name) is not None:
        raise AccountError("the password is too easy to guess (a common word, a date or number, a run like "
                           "12345678, or the username): choose another one")
    if session.scalar(select(User).where(User.username == username)):
        raise AccountError(f"username {username} is taken")
    supervisor_id = None
    if supervisor:
        boss = session.scalar(select(User).where(User.username == supervisor.strip().lower()))
        if boss is None or boss.role not in ("supervisor", "admin"):
            raise AccountError(f"{supervisor} is not a supervisor")
        supervisor_id = boss.id
    user = User(username=username, full_name=full_name.strip(), role=role, supervisor_id=supervisor_id,
                password_hash=hash_password(password), active=True, created_at=now, updated_at=now)
    session.add(user)
    session.flush()
    # Every enrolled laptop learns the new account, so the officer can log in on any of them, offline too.
    feed.add(session=session, now=now, change=account(session=session, user=user), user_id=None)
    if supervisor_id:
        feed.add(session=session, now=now, change=account(session=session, user=session.get(User, supervisor_id)),
                 user_id=None)
    return user


def team_ids(*, session: Session, user: User) -> list[str]:
    if user.role not in ("supervisor", "admin"):
        return []
    return list(session.scalars(select(User.id).where(User.supervisor_id == user.id).order_by(User.id)))


def account(*, session: Session, user: User) -> Account:
    return Account(id=user.id, username=user.username, full_name=user.full_name, role=user.role,
                   password_hash=user.password_hash, team=team_ids(session=session, user=user), active=user.active)


def all_accounts(*, session: Session) -> list[Account]:
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.username))
    return [account(session=session, user=u) for u in users]


def may_act_for(*, session: Session, actor: User, owner_id: str) -> bool:
    """An officer acts only for themselves, a supervisor also for their team, an admin for everyone."""
    if actor.id == owner_id or actor.role == "admin":
        return True
    if actor.role == "supervisor":
        owner = session.get(User, owner_id)
        return owner is not None and owner.supervisor_id == actor.id
    return False


def visible_user_ids(*, session: Session, user: User) -> list[str] | None:
    """Whose changes this user pulls; None means everyone's (admin)."""
    if user.role == "admin":
        return None
    return [user.id, *team_ids(session=session, user=user)]
