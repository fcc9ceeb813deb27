"""Which accounts a laptop may hold for offline login: those of the person it is for and of their team, never an
administrator's (issue 11, item 2).

A laptop is for one person, named by the enrolment code (``jemput-server enrol-code --for siti``) or, for a code
that names nobody, the first person who opens a session through it. An officer's laptop holds the officer and
their supervisor (who checks the day's work on it); a supervisor's holds the supervisor and their team. Every
verifier sent is a slow hash that can be attacked offline once a laptop is lost, so each laptop gets as few as its
people need, and an administrator's never leaves the server: administrators do not log in on field laptops.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Device, User
from server.services import accounts
from sync.payload import Account


def allowed_user_ids(*, session: Session, device: Device) -> set[str]:
    if device.user_id is None:
        return set()
    owner = session.get(User, device.user_id)
    if owner is None or owner.role == "admin":
        return set()
    ids = {owner.id}
    if owner.role == "supervisor":
        ids |= set(accounts.team_ids(session=session, user=owner))
    elif owner.supervisor_id:
        ids.add(owner.supervisor_id)
    admins = set(session.scalars(select(User.id).where(User.id.in_(ids), User.role == "admin")))
    return ids - admins


def accounts_for(*, session: Session, device: Device) -> list[Account]:
    ids = allowed_user_ids(session=session, device=device)
    if not ids:
        return []
    users = session.scalars(select(User).where(User.id.in_(ids), User.active.is_(True)).order_by(User.username))
    return [accounts.account(session=session, user=u) for u in users]


def bind(*, device: Device, user: User) -> None:
    """A laptop enrolled with a code that named nobody is for the first non-administrator who logs in through it."""
    if device.user_id is None and user.role != "admin":
        device.user_id = user.id
