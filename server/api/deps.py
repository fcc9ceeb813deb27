"""Typed dependencies shared by the routes: settings, sessions, bounded body reading, and authentication."""

from __future__ import annotations

import asyncio
import functools
import logging
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from server.core.config import Settings
from server.core.db import reading
from server import i18n
from server.core.keys import ServerKeys
from server.core.security import hash_secret
from server.errors import ApiError, unauthorized
from server.models import Device, User
from server.services import devices
from sync import compression
from sync.payload import PayloadError, PayloadTooLarge, gunzip_capped, loads

log = logging.getLogger(__name__)

# Indonesia's easternmost time zone (WIT): a date typed on a laptop in Papua is never "in the future" here.
LATEST_ZONE = timezone(timedelta(hours=9))


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def today() -> date:
    return datetime.now(LATEST_ZONE).date()


async def gated(request: Request, gate: str, fn, /, *args, **kwargs):
    """``fn`` in the thread pool once one of the gate's places is free (server.main's gates). The wait is on the
    event loop, not in a thread: a request waiting its turn holds neither a worker thread nor a database
    connection, so /health and the other routes still answer."""
    async with request.app.state.gates[gate]:
        return await run_in_threadpool(fn, *args, **kwargs)


async def with_low_priority(request: Request, fn, /, *args):
    """``fn`` in the process's low-priority thread (one at a time), waited for on the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(request.app.state.password_thread.executor(), functools.partial(fn, *args))


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_factory(request: Request) -> sessionmaker[Session]:
    return request.app.state.session_factory


def get_keys(request: Request) -> ServerKeys:
    return request.app.state.keys.get()


SettingsDep = Annotated[Settings, Depends(get_settings)]
KeysDep = Annotated[ServerKeys, Depends(get_keys)]
FactoryDep = Annotated[sessionmaker[Session], Depends(get_factory)]


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused with 413 as soon as it passes ``limit`` (never read whole into memory first)."""
    declared = request.headers.get("content-length")
    # len() first: int() of thousands of digits is refused by Python itself (a ValueError, that is a 500).
    if declared is not None and (not declared.isdigit() or len(declared) > 15 or int(declared) > limit):
        raise ApiError(413, "too_large", f"The body may have at most {limit} bytes.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"The body may have at most {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class Body:
    """A JSON body as it came (maybe gzip or zstd), not yet inflated or parsed: routes decode it in the thread pool,
    after the device is authenticated, so that an anonymous request costs a bounded read and nothing more."""
    raw: bytes
    encoding: str
    max_json: int
    max_containers: int
    dictionary: str = ""  # X-Zstd-Dictionary: the one a zstd body was compressed with (sync/compression.py)

    def json(self) -> Any:
        try:
            if self.encoding == "gzip":
                raw = gunzip_capped(self.raw, self.max_json)
            elif self.encoding == "zstd":
                raw = compression.unzstd_capped(self.raw, self.dictionary, self.max_json)
            elif self.encoding != "identity":
                raise ApiError(415, "bad_encoding", "Content-Encoding must be gzip, zstd or absent.")
            elif len(self.raw) > self.max_json:
                raise PayloadTooLarge(f"more than {self.max_json} bytes")
            else:
                raw = self.raw
            # Parsing costs memory per object, not per byte: "[{},{},...]" is 3 bytes per dict. Counting brackets
            # (also those inside strings, so never fewer than there are) bounds it before anything is built.
            if raw.count(b"{") + raw.count(b"[") > self.max_containers:
                raise PayloadTooLarge(f"more than {self.max_containers} objects and lists")
            return loads(raw)
        except PayloadTooLarge as exc:
            raise ApiError(413, "too_large", str(exc)) from exc
        except compression.UnknownDictionary as exc:
            raise ApiError(400, "bad_dictionary", str(exc)) from exc
        except PayloadError as exc:
            raise ApiError(400, "bad_body", str(exc)) from exc


def _body_reader(*, small: bool, device: bool, limited: str | None = None):
    async def dependency(request: Request) -> Body:
        settings: Settings = request.app.state.settings
        token = device_token(request.headers.get("authorization")) if device else None
        if limited is not None:
            _rate_limit(request, limited, token)
        if token is not None:
            # The device first, from the headers alone: an unknown one is refused before its body is read.
            await run_in_threadpool(known_device, request.app.state.session_factory, token)
        limit = settings.max_small_body_bytes if small else settings.max_body_bytes
        raw = await read_body(request, limit)
        encoding = request.headers.get("content-encoding", "identity").strip().lower()
        dictionary = request.headers.get(compression.DICTIONARY_HEADER.lower(), "").strip()
        if small:
            return Body(raw, encoding, settings.max_small_body_bytes, settings.max_small_body_bytes // 8, dictionary)
        return Body(raw, encoding, settings.max_json_bytes, settings.max_json_containers, dictionary)
    return dependency


def _rate_limit(request: Request, door: str, token: str | None) -> None:
    """429 ``slow_down`` with Retry-After past the door's allowance from this address (and this device)."""
    settings: Settings = request.app.state.settings
    limiter = request.app.state.rate_limiter
    address = request.client.host if request.client else "?"
    checks = [("address", address, getattr(settings, f"{door}_per_minute_per_address"))]
    if token is not None:
        checks.append(("device", hash_secret(token), settings.session_per_minute_per_device))
    for scope, key, per_minute in checks:
        wait = limiter.wait(f"{door}:{scope}", key, per_minute)
        if wait:
            seconds = max(1, math.ceil(wait))
            log.info("rate limited: door=%s %s=%s retry_after=%ds", door, scope,
                     address if scope == "address" else "(token)", seconds)
            raise ApiError(429, "slow_down", i18n.tr(i18n.MSG_TOO_MANY, seconds=seconds),
                           headers={"Retry-After": str(seconds)})


def known_device(factory: sessionmaker[Session], token: str) -> None:
    # Read beside a running push, not after it: the route checks the device again in its own transaction.
    with reading(factory) as session:
        devices.device_for_token(session=session, token=token)


# A push is large; the other bodies (enrolment, login, keys, hashes) are small. Enrolment has no device yet.
PushBody = Annotated[Body, Depends(_body_reader(small=False, device=True))]
DeviceBody = Annotated[Body, Depends(_body_reader(small=True, device=True))]
SessionBody = Annotated[Body, Depends(_body_reader(small=True, device=True, limited="session"))]
EnrolBody = Annotated[Body, Depends(_body_reader(small=True, device=False, limited="enrol"))]


def object_field(body: Any, key: str, *, max_len: int = 200) -> str:
    if not isinstance(body, dict) or not isinstance(body.get(key), str) or len(body[key]) > max_len:
        raise ApiError(422, "invalid", f"{key}: expected a string of at most {max_len} characters")
    return body[key]


def device_token(authorization: Annotated[str | None, Header(description="Device <device_token>")] = None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "device" or not token.strip():
        raise unauthorized("bad_device", "Send 'Authorization: Device <device_token>'.")
    return token.strip()


def user_token(x_user_token: Annotated[str | None, Header(description="the token from /session")] = None) -> str:
    if not x_user_token:
        raise unauthorized("bad_user", "Send 'X-User-Token'; log in first.")
    return x_user_token.strip()


DeviceToken = Annotated[str, Depends(device_token)]
UserTokenDep = Annotated[str, Depends(user_token)]


def authenticate(session: Session, *, device_token: str, user_token: str, now: datetime) -> tuple[Device, User]:
    device = devices.device_for_token(session=session, token=device_token)
    return device, devices.user_for_token(session=session, now=now, device=device, token=user_token)
