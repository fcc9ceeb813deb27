"""Enrolment of a laptop with a one-time code, and user sessions on an enrolled laptop."""

from __future__ import annotations

from fastapi import APIRouter

from server.api.deps import DeviceToken, FactoryDep, JsonBody, SettingsDep, object_field, utcnow
from server.api.openapi import body_schema
from server.core.db import transaction
from server.services import devices
from sync.answers import EnrolAnswer, SessionAnswer
from sync.payload import format_time, to_dict

router = APIRouter(tags=["auth"])


@router.post("/enrol", openapi_extra=body_schema({"code": "string", "device_name": "string"}))
def enrol(body: JsonBody, factory: FactoryDep) -> dict:
    """Trades a one-time enrolment code for a device token (shown once) and the accounts for offline login."""
    code = object_field(body, "code", max_len=64)
    name = object_field(body, "device_name", max_len=100)
    now = utcnow()
    with transaction(factory) as session:
        device, token = devices.enrol(session=session, now=now, code=code, device_name=name)
        return to_dict(EnrolAnswer(device_id=device.id, device_token=token, server_time=format_time(now),
                                   accounts=devices.enrolment_accounts(session=session)))


@router.post("/session", openapi_extra=body_schema({"username": "string", "password": "string"}))
def open_session(body: JsonBody, token: DeviceToken, factory: FactoryDep, settings: SettingsDep) -> dict:
    """A user token bound to this device, for a correct username and password; 401 ``bad_login`` for a wrong one
    (or an unknown username), 429 ``locked`` with Retry-After after too many wrong passwords in a row."""
    username = object_field(body, "username", max_len=64)
    password = object_field(body, "password", max_len=1024)
    now = utcnow()
    with transaction(factory) as session:
        device = devices.device_for_token(session=session, token=token)
        try:
            user_token, expires = devices.open_session(session=session, now=now, device=device, username=username,
                                                       password=password, hours=settings.user_token_hours)
        except devices.LoginRefused as exc:
            refused = exc.error  # raised after the commit, which keeps the count of wrong passwords
        else:
            return to_dict(SessionAnswer(token=user_token, expires_at=format_time(expires)))
    raise refused
