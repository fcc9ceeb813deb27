"""Enrolment of a laptop with a one-time code, and user sessions on an enrolled laptop."""

from __future__ import annotations

from fastapi import APIRouter, Request

from server.api.deps import (DeviceBody, DeviceToken, EnrolBody, FactoryDep, KeysDep, SessionBody, SettingsDep,
                             UserTokenDep, authenticate, object_field, utcnow, with_low_priority)
from server.api import schemas
from server.core.db import transaction
from server.errors import ApiError
from server.services import devices
from sync import signing
from sync.answers import DeviceKeysAnswer, EnrolAnswer, SessionAnswer
from sync.payload import PayloadError, enrol_request_from_dict, format_time, public_keys_from_dict, to_dict

router = APIRouter(tags=["auth"])


@router.post("/enrol", openapi_extra=schemas.body(schemas.EnrolRequest), response_model=None,
             responses={200: {"model": schemas.EnrolAnswer}, **schemas.errors(400, 401, 413, 415, 422, 429, 503)})
def enrol(body: EnrolBody, factory: FactoryDep, keys: KeysDep, settings: SettingsDep):
    """Trades a one-time enrolment code (and the laptop's public keys) for a device token (shown once), the
    accounts for offline login and the province root key to pin."""
    request = _read(enrol_request_from_dict, body.json())
    now = utcnow()
    with transaction(factory) as session:
        device, token = devices.enrol(session=session, now=now, code=request.code, device_name=request.device_name,
                                      keys=request.keys, server_keys=keys)
        return to_dict(EnrolAnswer(device_id=device.id, device_token=token, server_time=format_time(now),
                                   accounts=devices.enrolment_accounts(session=session, device=device),
                                   root_key=signing.public_text(keys.root),
                                   recovery_key=_recovery_key(settings)))


def _recovery_key(settings) -> str | None:
    if settings.recovery_key_file is None:
        return None
    from app.at_rest import recovery

    return recovery.public_text(recovery.public_from_text(settings.recovery_key_file.read_text(encoding="ascii")))


@router.post("/devices/keys", openapi_extra=schemas.body(schemas.DeviceKeysRequest), response_model=None,
             responses={200: {"model": schemas.DeviceKeysAnswer}, **schemas.errors(*schemas.AUTHED, 409)})
def register_keys(body: DeviceBody, dtoken: DeviceToken, utoken: UserTokenDep, factory: FactoryDep,
                  keys: KeysDep):
    """The public keys of a laptop enrolled before keys, once; the same keys again change nothing, other keys get
    409 ``keys_differ``."""
    public = _read(public_keys_from_dict, body.json())
    now = utcnow()
    with transaction(factory) as session:
        device, _user = authenticate(session, device_token=dtoken, user_token=utoken, now=now)
        devices.register_keys(session=session, now=now, device=device, keys=public, server_keys=keys)
        return to_dict(DeviceKeysAnswer(device_id=device.id, root_key=signing.public_text(keys.root)))


def _read(parse, body):
    try:
        return parse(body)
    except PayloadError as exc:
        raise ApiError(422, "invalid", str(exc)) from exc


@router.post("/session", openapi_extra=schemas.body(schemas.SessionRequest), response_model=None,
             responses={200: {"model": schemas.SessionAnswer}, **schemas.errors(*schemas.AUTHED, 429)},
             name="open_session")
async def open_session_in_turn(body: SessionBody, token: DeviceToken, factory: FactoryDep, settings: SettingsDep,
                               keys: KeysDep, request: Request):
    """A user token bound to this device, for a correct username and password; 401 ``bad_login`` for a wrong one
    (or an unknown username), 429 ``locked`` with Retry-After after too many wrong passwords in a row."""
    return await with_low_priority(request, open_session, body, token, factory, settings, keys)


def open_session(body, token: str, factory, settings, keys):
    """The password check itself, in the process's low-priority thread (server.main's gates)."""
    fields = body.json()
    username = object_field(fields, "username", max_len=64)
    password = object_field(fields, "password", max_len=1024)
    with transaction(factory) as session:
        now = utcnow()
        device = devices.device_for_token(session=session, token=token)
        try:
            user_token, expires = devices.open_session(session=session, now=now, device=device, username=username,
                                                       password=password, hours=settings.user_token_hours,
                                                       server_keys=keys)
        except devices.LoginRefused as exc:
            refused = exc.error  # raised after the commit, which keeps the count of wrong passwords
        else:
            return to_dict(SessionAnswer(token=user_token, expires_at=format_time(expires)))
    raise refused
