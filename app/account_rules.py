"""What an account is, as the login window needs it before the database is open: the roles and their labels,
the first account's roles, the password's minimum length, the actor a login ends with and the login's errors.
Without SQLAlchemy, so that the first window shows before it loads (issue 12, start-up); ``app.auth`` holds the
rest (hashing, the password rule, the account services) and re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP

ROLES = ("officer", "supervisor", "admin")
# Offline, nobody vouches for whoever sits at a new laptop, so the first account made there may not be an
# administrator: administrators come from the server (enrolment, pull), where central staff made them.
FIRST_ACCOUNT_ROLES = ("officer", "supervisor")
ROLE_LABELS = {
    "officer": QT_TRANSLATE_NOOP("Roles", "Field officer"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}
MIN_PASSWORD = 8

MSG_LOCKED = QT_TRANSLATE_NOOP(
    "Login", "Too many wrong passwords. Try again in {seconds} seconds.")


class LoginError(UserFacingError):
    context = "Login"


class AccountLocked(LoginError):
    """Too many wrong passwords: ``seconds`` until the next try is taken, for the login screen to count down."""

    def __init__(self, seconds: int):
        super().__init__(MSG_LOCKED, seconds=seconds)
        self.seconds = seconds


@dataclass(frozen=True)
class Actor:
    """Who is doing something, on which device: passed to every service that changes data."""

    user_id: str
    username: str
    full_name: str
    role: str
    device_id: str
