"""Enrolment of laptops, user sessions bound to a device, and revocation."""

from __future__ import annotations

import functools
import math
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import lock_delay
from server import i18n
from server.core.keys import ServerKeys
from server.core.security import (hash_password, hash_secret, needs_rehash, new_enrolment_code, new_token,
                                  normalise_code, verify_password)
from server.errors import ApiError, unauthorized
from server.models import Device, EnrolmentCode, LoginFailure, User, UserToken
from server.services import accounts, audit, feed, laptop_accounts, signed_keys
from sync import signing
from sync.payload import Account, PayloadError, PublicKeys



def make_enrolment_code(*, session: Session, now: datetime, hours: float, user_id: str | None = None) -> str:
    """A one-time code; ``user_id`` names whose laptop it enrols (server.services.laptop_accounts)."""
    code = new_enrolment_code()
    session.add(EnrolmentCode(code_hash=hash_secret(code), created_at=now, expires_at=now + timedelta(hours=hours),
                              user_id=user_id))
    session.flush()
    return code


def enrol(*, session: Session, now: datetime, code: str, device_name: str, keys: PublicKeys | None,
          server_keys: ServerKeys) -> tuple[Device, str]:
    """A new device for a valid one-time code; with its public keys (a laptop older than keys sends none), which
    puts it in the next signed key list."""
    if keys is not None:
        _check_usable(keys)  # before the code is spent: a laptop with a bad key can try again with the same code
    row = session.scalar(select(EnrolmentCode).where(EnrolmentCode.code_hash == hash_secret(normalise_code(code))))
    if row is None or row.used_at is not None or row.expires_at <= now:
        # One answer for unknown, used and expired codes: the code is the only secret here.
        raise unauthorized("bad_code", "The enrolment code is wrong, expired or already used.")
    token = new_token()
    device = Device(name=device_name.strip()[:100] or "laptop", token_hash=hash_secret(token),
                    enrolment_code_id=row.id, enrolled_at=now, user_id=row.user_id)
    session.add(device)
    session.flush()
    row.used_at = now
    row.device_id = device.id
    if keys is not None:
        device.signing_key, device.encryption_key, device.keys_at = keys.signing_key, keys.encryption_key, now
        signed_keys.publish(session=session, now=now, keys=server_keys)
    audit.record(session, now=now, action="device_enrolled", detail=f"device={device.id} keys={keys is not None}")
    return device, token


def register_keys(*, session: Session, now: datetime, device: Device, keys: PublicKeys,
                  server_keys: ServerKeys) -> Device:
    """The keys of a laptop enrolled before keys, once: the same keys again are a retry (nothing changes), other
    keys are refused with 409 ``keys_differ`` (a device's keys are never replaced: a new laptop enrols anew)."""
    _check_usable(keys)
    if device.signing_key is not None:
        if (device.signing_key, device.encryption_key) != (keys.signing_key, keys.encryption_key):
            raise ApiError(409, "keys_differ", "This device has other keys already; enrol it again to change them.")
        return device
    device.signing_key, device.encryption_key, device.keys_at = keys.signing_key, keys.encryption_key, now
    audit.record(session, now=now, action="keys_registered", detail=f"device={device.id}")
    signed_keys.publish(session=session, now=now, keys=server_keys)
    return device


def _check_usable(keys: PublicKeys) -> None:
    try:
        signing.check_public_keys(keys.signing_key, keys.encryption_key)
    except PayloadError as exc:
        raise ApiError(422, "invalid", str(exc)) from exc


def device_for_token(*, session: Session, token: str) -> Device:
    device = session.scalar(select(Device).where(Device.token_hash == hash_secret(token)))
    if device is None:
        raise unauthorized("bad_device", "This device is not enrolled.")
    if device.revoked_at is not None:
        raise unauthorized("device_revoked", "This device has been revoked; ask the administrator.")
    return device


class LoginRefused(Exception):
    """A refused login whose counting must still be committed: the caller ends the transaction normally and
    raises ``error`` after it (an exception inside the transaction would roll the count back)."""

    def __init__(self, error: ApiError):
        super().__init__(str(error))
        self.error = error


def open_session(*, session: Session, now: datetime, device: Device, username: str, password: str,
                 hours: int, server_keys: ServerKeys) -> tuple[str, datetime]:
    """A user token for a correct password. Wrong passwords are counted per user and device and lock that account
    on that device with the laptop's growing delay (app.auth.lock_delay), so guessing through the server is no
    faster than on a laptop, and a laptop cannot lock anyone (an administrator) out of the others. Every answer
    costs one password check, locked or not, known name or not, so that timing tells nothing. Raises LoginRefused."""
    name = username.strip().lower()
    # FOR UPDATE: concurrent wrong guesses on PostgreSQL must each count (SQLite's BEGIN IMMEDIATE already
    # serialises them).
    user = session.scalar(select(User).where(User.username == name).with_for_update())
    failure = session.get(LoginFailure, (user.id, device.id), with_for_update=True) if user is not None else None
    locked = failure is not None and failure.locked_until is not None and failure.locked_until > now
    ok = verify_password(password, user.password_hash if user is not None and not locked else dummy_hash())
    if locked:
        # A guess cannot succeed while locked, and it does not count: the check above only keeps the time even.
        audit.record(session, now=now, action="login_locked", user_id=user.id, username=user.username,
                     detail=f"device={device.id} until={failure.locked_until.isoformat()}")
        raise LoginRefused(_locked(failure.locked_until - now))
    if user is None:
        # The typed name is not logged: it is sometimes a password typed in the wrong field.
        audit.record(session, now=now, action="login_failed", detail=f"device={device.id} unknown username")
        raise LoginRefused(_bad_login())
    if not ok:
        if failure is None:
            failure = LoginFailure(user_id=user.id, device_id=device.id, failed_attempts=0)
            session.add(failure)
        failure.failed_attempts += 1
        delay = lock_delay(failure.failed_attempts)
        failure.locked_until = now + delay if delay else None
        audit.record(session, now=now, action="login_failed", user_id=user.id, username=user.username,
                     detail=f"device={device.id} attempt={failure.failed_attempts}"
                            + (f" locked_for={int(delay.total_seconds())}s" if delay else ""))
        raise LoginRefused(_locked(delay) if delay else _bad_login())
    if not user.active:
        audit.record(session, now=now, action="login_failed", user_id=user.id, username=user.username,
                     detail=f"device={device.id} account disabled")
        raise LoginRefused(_bad_login())
    if failure is not None:
        session.delete(failure)
    if needs_rehash(user.password_hash):
        # The old scrypt hash goes at the first login that proves the password; laptops get the new one with
        # their next pull (an account change), and their key rings re-wrap for it.
        user.password_hash = hash_password(password)
        user.updated_at = now
        feed.add(session=session, now=now, change=accounts.account(session=session, user=user), user_id=None)
    laptop_accounts.bind(device=device, user=user)
    token = new_token()
    expires = now + timedelta(hours=hours)
    first_here = session.scalar(select(UserToken.token_hash).where(
        UserToken.user_id == user.id, UserToken.device_id == device.id).limit(1)) is None
    session.add(UserToken(token_hash=hash_secret(token), user_id=user.id, device_id=device.id, created_at=now,
                          expires_at=expires))
    device.last_seen_at = now
    device.last_user_id = user.id
    if first_here and device.signing_key is not None:
        # The key list names who uses each laptop (to choose whom a batch file is for): a new user is a new list.
        signed_keys.publish(session=session, now=now, keys=server_keys)
    audit.record(session, now=now, action="login", user_id=user.id, username=user.username,
                 detail=f"device={device.id}")
    return token, expires


@functools.cache
def dummy_hash() -> str:
    """A hash of a random password made as real ones are made today, so that checking against it costs what
    checking a real one costs (a constant written for older parameters would be quicker)."""
    return hash_password(secrets.token_urlsafe(16))


def _bad_login() -> ApiError:
    return unauthorized("bad_login", "Wrong username or password.")


def _locked(remaining: timedelta) -> ApiError:
    seconds = max(1, math.ceil(remaining.total_seconds()))
    return ApiError(429, "locked", i18n.tr(i18n.MSG_LOCKED, seconds=seconds), headers={"Retry-After": str(seconds)})


def user_for_token(*, session: Session, now: datetime, device: Device, token: str) -> User:
    row = session.get(UserToken, hash_secret(token))
    # A token taken to another device is as good as no token.
    if row is None or row.device_id != device.id or row.expires_at <= now:
        raise unauthorized("bad_user", "Log in again.")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise unauthorized("bad_user", "This account has been disabled.")
    return user


def revoke(*, session: Session, now: datetime, device_id: str, server_keys: ServerKeys) -> Device:
    """Refuses the device from now on; the next key list says so to every laptop."""
    device = session.get(Device, device_id)
    if device is None:
        raise ApiError(404, "unknown_device", f"no device {device_id}")
    if device.revoked_at is None:
        device.revoked_at = now
        if device.signing_key is not None:
            signed_keys.publish(session=session, now=now, keys=server_keys)
        audit.record(session, now=now, action="device_revoked", detail=f"device={device.id}")
    return device


def list_devices(*, session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.enrolled_at)))


def enrolment_accounts(*, session: Session, device: Device) -> list[Account]:
    return laptop_accounts.accounts_for(session=session, device=device)
