"""Enrolment of laptops, user sessions bound to a device, and revocation."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.core.security import hash_secret, new_enrolment_code, new_token, normalise_code, verify_password
from server.errors import ApiError, unauthorized
from server.models import Device, EnrolmentCode, User, UserToken
from server.services import accounts

# A constant hash to verify against when the username is unknown, so the answer takes the same time.
_DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


def make_enrolment_code(*, session: Session, now: datetime, hours: float) -> str:
    code = new_enrolment_code()
    session.add(EnrolmentCode(code_hash=hash_secret(code), created_at=now, expires_at=now + timedelta(hours=hours)))
    session.flush()
    return code


def enrol(*, session: Session, now: datetime, code: str, device_name: str) -> tuple[Device, str]:
    row = session.scalar(select(EnrolmentCode).where(EnrolmentCode.code_hash == hash_secret(normalise_code(code))))
    if row is None or row.used_at is not None or row.expires_at <= now:
        # One answer for unknown, used and expired codes: the code is the only secret here.
        raise unauthorized("bad_code", "The enrolment code is wrong, expired or already used.")
    token = new_token()
    device = Device(name=device_name.strip()[:100] or "laptop", token_hash=hash_secret(token),
                    enrolment_code_id=row.id, enrolled_at=now)
    session.add(device)
    session.flush()
    row.used_at = now
    row.device_id = device.id
    return device, token


def device_for_token(*, session: Session, token: str) -> Device:
    device = session.scalar(select(Device).where(Device.token_hash == hash_secret(token)))
    if device is None:
        raise unauthorized("bad_device", "This device is not enrolled.")
    if device.revoked_at is not None:
        raise unauthorized("device_revoked", "This device has been revoked; ask the administrator.")
    return device


def open_session(*, session: Session, now: datetime, device: Device, username: str, password: str,
                 hours: int) -> tuple[str, datetime]:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    ok = verify_password(password, user.password_hash if user else _DUMMY_HASH)
    if user is None or not ok or not user.active:
        raise unauthorized("bad_login", "Wrong username or password.")
    token = new_token()
    expires = now + timedelta(hours=hours)
    session.add(UserToken(token_hash=hash_secret(token), user_id=user.id, device_id=device.id, created_at=now,
                          expires_at=expires))
    device.last_seen_at = now
    device.last_user_id = user.id
    return token, expires


def user_for_token(*, session: Session, now: datetime, device: Device, token: str) -> User:
    row = session.get(UserToken, hash_secret(token))
    # A token taken to another device is as good as no token.
    if row is None or row.device_id != device.id or row.expires_at <= now:
        raise unauthorized("bad_user", "Log in again.")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise unauthorized("bad_user", "This account has been disabled.")
    return user


def revoke(*, session: Session, now: datetime, device_id: str) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise ApiError(404, "unknown_device", f"no device {device_id}")
    if device.revoked_at is None:
        device.revoked_at = now
    return device


def list_devices(*, session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.enrolled_at)))


def enrolment_accounts(*, session: Session) -> list[dict]:
    return accounts.all_accounts(session=session)
