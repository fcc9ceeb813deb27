"""Officer accounts on this laptop: Argon2id password hashes, offline login, lock-out with a growing delay.

Argon2id is memory-hard, which is what makes a stolen verifier slow to attack; the parameters are OWASP's first
recommendation (46 MiB, one pass). Older hashes (scrypt at N=2^15) still verify, and are replaced at the next
login that proves the password (``needs_rehash``), on the laptop and on the server alike.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit_log
from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP
from db.models import User

ROLES = ("officer", "supervisor", "admin")
# Offline, nobody vouches for whoever sits at a new laptop, so the first account made there may not be an
# administrator: administrators come from the server (enrolment, pull), where central staff made them.
FIRST_ACCOUNT_ROLES = ("officer", "supervisor")
ROLE_LABELS = {
    "officer": QT_TRANSLATE_NOOP("Roles", "Field officer"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1  # the old format, still read
ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_LANES = 47104, 1, 1
FREE_ATTEMPTS = 3  # wrong passwords allowed before the first lock
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=30)
MIN_PASSWORD = 8
# Central staff have no account on a laptop, yet their status changes ("KTP sudah dicetak") must be credited to
# them, not to the officer who happened to sync. This row stands for them in the history; its username cannot be
# typed (usernames are [a-z0-9._-]) and it can never log in (inactive, no password hash).
CENTRAL_USER_ID = "00000000-0000-0000-0000-000000000000"
CENTRAL_USERNAME = "@central"


class LoginError(UserFacingError):
    context = "Login"


class AccountLocked(LoginError):
    """Too many wrong passwords: ``seconds`` until the next try is taken, for the login screen to count down."""

    def __init__(self, seconds: int):
        super().__init__(MSG_LOCKED, seconds=seconds)
        self.seconds = seconds


MSG_BAD_LOGIN = QT_TRANSLATE_NOOP("Login", "Wrong username or password.")
MSG_LOCKED = QT_TRANSLATE_NOOP(
    "Login", "Too many wrong passwords. Try again in {seconds} seconds.")
MSG_INACTIVE = QT_TRANSLATE_NOOP("Login", "This account has been disabled.")
MSG_SHORT_PASSWORD = QT_TRANSLATE_NOOP("Login", "The password must have at least {n} characters.")
MSG_WEAK_PASSWORD = QT_TRANSLATE_NOOP(
    "Login", "This password is too easy to guess (a common word, a date or number, a run like 12345678 or aaaaaaaa, "
    "or the username). Choose another one.")
MSG_USERNAME = QT_TRANSLATE_NOOP(
    "Login", "The username may contain only small letters, digits, dot, dash and underscore (3 to 32).")
MSG_USERNAME_TAKEN = QT_TRANSLATE_NOOP("Login", "The username {username} is already used on this laptop.")
MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP("Login", "Fill in the full name.")
MSG_FIRST_ROLE = QT_TRANSLATE_NOOP(
    "Login", "The first account on a laptop is a field officer or a supervisor. Administrator accounts come from "
    "the server when the laptop is enrolled.")
MSG_NOT_FIRST = QT_TRANSLATE_NOOP(
    "Login", "This laptop already has an account. Log in with it; new accounts come from the server.")


@dataclass(frozen=True)
class Actor:
    """Who is doing something, on which device: passed to every service that changes data."""

    user_id: str
    username: str
    full_name: str
    role: str
    device_id: str


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    m, t, p = ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_LANES
    digest = _argon2id(password, salt, m, t, p)
    b64 = base64.b64encode
    return f"argon2id${m}${t}${p}${b64(salt).decode()}${b64(digest).decode()}"


def password_digest(password: str, stored: str) -> bytes | None:
    """The slow hash of ``password`` under ``stored``'s scheme, salt and parameters (None for a hash this code
    cannot read). Equal to the stored digest exactly when the password is right; the key ring derives the key
    that unwraps the data key from it."""
    try:
        scheme, a, b, c, salt, _digest = stored.split("$")
        a, b, c = int(a), int(b), int(c)
        salt_bytes = base64.b64decode(salt)
    except ValueError:
        return None
    if scheme == "argon2id" and 8 * c <= a <= 4 * 1024 * 1024 and 1 <= b <= 16 and 1 <= c <= 16:
        return _argon2id(password, salt_bytes, a, b, c)
    if scheme == "scrypt" and 2 <= a <= 2**20 and 1 <= b <= 32 and 1 <= c <= 16:
        return _scrypt(password, salt_bytes, a, b, c)
    return None


def stored_digest(stored: str) -> bytes | None:
    try:
        return base64.b64decode(stored.split("$")[5])
    except (IndexError, ValueError):
        return None


def verify_password(password: str, stored: str) -> bool:
    expected, actual = stored_digest(stored), password_digest(password, stored)
    if expected is None or actual is None:
        return False
    return hmac.compare_digest(expected, actual)


def needs_rehash(stored: str) -> bool:
    """A hash made with an older scheme or weaker parameters, to be replaced once the password is proven."""
    try:
        scheme, m, t, p = stored.split("$")[:4]
        return scheme != "argon2id" or (int(m), int(t), int(p)) < (ARGON2_MEMORY_KIB, ARGON2_ITERATIONS,
                                                                     ARGON2_LANES)
    except ValueError:
        return True


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=32)


def _argon2id(password: str, salt: bytes, memory_kib: int, iterations: int, lanes: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    return Argon2id(salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory_kib).derive(
        password.encode("utf-8", "surrogatepass"))


# What people type first when asked for a password (lists of leaked passwords, in Indonesia and everywhere),
# compared without case, alone or with one or two digits or signs after them ("password1", "admin!!").
OBVIOUS_PASSWORDS = frozenset("""
password passw0rd pass katasandi kata sandi sandi rahasia admin administrator qwerty qwertyuiop asdfgh asdfghjkl
zxcvbnm iloveyou sayang sayangku cinta cintaku bismillah alhamdulillah indonesia jakarta palembang sumsel
sumatera jemput jemputbola welcome letmein monkey dragon sunshine princess football superman batman
abc abcd abcde abcdef abcdefg abcdefgh qwe qwer qwert login user pengguna petugas operator supervisor
""".split())


def password_problem(password: str, *, username: str = "", full_name: str = "") -> LoginError | None:
    """Why ``password`` may not be used, or None: too short, or one an attacker tries in the first minute."""
    if len(password) < MIN_PASSWORD:
        return LoginError(MSG_SHORT_PASSWORD, n=MIN_PASSWORD)
    lowered = password.lower()
    core = lowered.rstrip("0123456789!@#$%^&*.-_ ")
    runs = "0123456789012 abcdefghijklmnopqrstuvwxyz qwertyuiop asdfghjkl zxcvbnm"
    names = [w for w in [username.lower(), *full_name.lower().split()] if len(w) >= 3]
    if (lowered in OBVIOUS_PASSWORDS or (core in OBVIOUS_PASSWORDS and len(lowered) - len(core) <= 2) or not core
            or len(set(lowered)) <= 2
            or lowered in runs or lowered in runs[::-1]
            or any(name in lowered for name in names)):
        return LoginError(MSG_WEAK_PASSWORD)
    return None


def check_password(password: str, *, username: str = "", full_name: str = "") -> None:
    problem = password_problem(password, username=username, full_name=full_name)
    if problem is not None:
        raise problem


def has_accounts(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(User).where(User.id != CENTRAL_USER_ID)) > 0


def central_user(session: Session, *, now: datetime) -> User:
    """The history's stand-in for central staff (see CENTRAL_USER_ID), made the first time it is needed."""
    user = session.get(User, CENTRAL_USER_ID)
    if user is None:
        user = User(id=CENTRAL_USER_ID, username=CENTRAL_USERNAME, full_name="Central office", role="central",
                    password_hash="!", failed_attempts=0, active=False, created_at=now)
        session.add(user)
        session.flush()
    return user


def loggable_username(text: str) -> str:
    """An unknown username as the audit log may keep it: what someone typed in the username box can be a NIK or
    a password in the wrong box, and the log outlives the records. Only what could be a username is kept."""
    ok = (3 <= len(text) <= 32 and all(c.isascii() and (c.isalnum() or c in "._-") for c in text)
          and sum(c.isdigit() for c in text) < 6)
    return text if ok else "?"


def create_user(session: Session, *, username: str, full_name: str, password: str, role: str,
                now: datetime) -> User:
    username = username.strip().lower()
    if not (3 <= len(username) <= 32) or not all(c.isascii() and (c.isalnum() or c in "._-") for c in username):
        raise LoginError(MSG_USERNAME)
    if not full_name.strip():
        raise LoginError(MSG_NAME_REQUIRED)
    check_password(password, username=username, full_name=full_name)
    if role not in ROLES:
        raise ValueError(role)
    if session.scalar(select(User).where(User.username == username)):
        raise LoginError(MSG_USERNAME_TAKEN, username=username)
    user = User(username=username, full_name=full_name.strip(), role=role, password_hash=hash_password(password),
                failed_attempts=0, active=True, created_at=now)
    session.add(user)
    session.flush()
    audit(session, now=now, user=user, action="account_created", detail=role)
    return user


def create_first_account(session: Session, *, username: str, full_name: str, password: str, role: str,
                         now: datetime) -> User:
    """The account a person makes for themselves on a new laptop, with no server to ask: only while the laptop
    has none, and never an administrator (see FIRST_ACCOUNT_ROLES)."""
    if role not in FIRST_ACCOUNT_ROLES:
        raise LoginError(MSG_FIRST_ROLE)
    if has_accounts(session):
        raise LoginError(MSG_NOT_FIRST)
    return create_user(session, username=username, full_name=full_name, password=password, role=role, now=now)


def lock_delay(failed_attempts: int) -> timedelta:
    """How long an account stays locked after this many consecutive wrong passwords: doubling, capped."""
    if failed_attempts < FREE_ATTEMPTS:
        return timedelta(0)
    return min(FIRST_LOCK * 2 ** min(failed_attempts - FREE_ATTEMPTS, 16), MAX_LOCK)


def login(session: Session, *, username: str, password: str, now: datetime, device_id: str,
          proven: bool = False) -> Actor:
    """The actor for a correct password. Wrong attempts are counted and audited before LoginError is raised, so
    the caller must commit even on failure (catch the error inside the transaction, re-raise after it).
    ``proven``: the key ring has just unwrapped the data key with this password (a recovered laptop's key ring may
    hold a newer password than the database)."""
    username = username.strip().lower()
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        # Spend the same time as a real check so that timing does not reveal which usernames exist.
        verify_password(password, hash_password("x" * MIN_PASSWORD))
        audit(session, now=now, username=loggable_username(username), action="login_failed", detail="unknown user")
        raise LoginError(MSG_BAD_LOGIN)
    if user.locked_until and user.locked_until > now:
        raise AccountLocked(math.ceil((user.locked_until - now).total_seconds()))
    matches = verify_password(password, user.password_hash)
    if not matches and proven:
        # The key ring took this password and the database does not: the province recovered the laptop for the
        # account's new (reset) password (docs/ENCRYPTION.md). It is the account's password here from now on.
        user.password_hash = hash_password(password)
        audit(session, now=now, user=user, action="password_from_key_ring")
        matches = True
    if not matches:
        user.failed_attempts += 1
        delay = lock_delay(user.failed_attempts)
        user.locked_until = now + delay if delay else None
        audit(session, now=now, user=user, action="locked" if delay else "login_failed",
              detail=f"attempt {user.failed_attempts}")
        if delay:
            raise AccountLocked(int(delay.total_seconds()))
        raise LoginError(MSG_BAD_LOGIN)
    if not user.active:
        raise LoginError(MSG_INACTIVE)
    user.failed_attempts = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        # The old scrypt hash goes at the first login that proves the password; the server does the same at its
        # next session, and its newer hash then replaces this one at a pull.
        user.password_hash = hash_password(password)
        audit(session, now=now, user=user, action="password_rehashed")
    audit(session, now=now, user=user, action="login", detail=device_id)
    return Actor(user.id, user.username, user.full_name, user.role, device_id)


def current_actor(session: Session, *, actor: Actor) -> Actor:
    """``actor`` as the database has them now. Enrolment and the pull may give a local account the server's id
    (``upsert_account``) or change its name or role; a session that kept the old id would own none of its records."""
    user = session.scalar(select(User).where(User.username == actor.username))
    if user is None:
        return actor
    return Actor(user.id, user.username, user.full_name, user.role, actor.device_id)


def audit(session: Session, *, now: datetime, action: str, user: User | None = None, username: str = "",
          detail: str = "") -> None:
    audit_log.append(session, now=now, user_id=user.id if user else None,
                     username=user.username if user else username, action=action, detail=detail)


def upsert_account(session: Session, *, account: dict, now: datetime) -> User:
    """Stores an account sent by the server (enrolment, pull), so that its owner can log in offline.

    Matched by id, else by username: a local account of the same name takes the server's id (with its records),
    because the server decides who owns what. The local lock-out counters are kept: a server update must not
    reset a lock that protects this laptop.
    """
    user = session.get(User, account["id"])
    if user is None:
        user = session.scalar(select(User).where(User.username == account["username"]))
        if user is not None:
            _adopt_id(session, old=user.id, new=account["id"], now=now)
            session.expire(user)
            user = session.get(User, account["id"])
    if user is None:
        user = User(id=account["id"], failed_attempts=0, created_at=now)
        session.add(user)
        audit(session, now=now, username=account["username"], action="account_created", detail="server")
    user.username = account["username"]
    user.full_name = account["full_name"]
    user.role = account["role"] if account["role"] in ROLES else "officer"
    user.password_hash = account["password_hash"]
    user.active = bool(account.get("active", True))
    session.flush()
    return user


def _adopt_id(session: Session, *, old: str, new: str, now: datetime) -> None:
    from sqlalchemy import text

    session.flush()
    # Foreign keys are checked at commit, after every reference has moved to the new id.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    # The audit log is not rewritten (it is append-only and hash-chained): its older entries keep the old id, and
    # an entry of its own says which id became which.
    for table, column in (("users", "id"), ("registrations", "owner_id"), ("registration_changes", "user_id"),
                          ("registration_attachments", "added_by"), ("person_corrections", "user_id")):
        session.execute(text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old"), {"new": new, "old": old})
    audit_log.append(session, now=now, action="account_adopted", user_id=new,
                     detail=f"{old}->{new}")
