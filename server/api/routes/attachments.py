"""Attachments: which hashes the server lacks, resumable raw uploads, and several small files in one request."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from server.api.byte_ranges import RESPONSES, send_file
from server.api.deps import (DeviceBody, DeviceToken, FactoryDep, SettingsDep, UserTokenDep, authenticate,
                             device_token, read_body, user_token, utcnow)
from server.api import schemas
from server.core.db import transaction
from server.errors import ApiError
from server.services import attachments
from sync.file_frames import CONTENT_TYPE as FILES_TYPE, FrameError, FrameReader
from sync.payload import MAX_HASHES, PayloadError, PayloadTooLarge, hashes_from_dict, parse_content_range, to_dict

log = logging.getLogger(__name__)
RAW_BODY = {"requestBody": {"required": True, "content": {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}
FILES_BODY = {"requestBody": {"required": True, "content": {
    FILES_TYPE: {"schema": {"type": "string", "format": "binary"}}}}}
# A multi-file body is stored as it arrives, in groups: one transaction per group, never one held open while the
# network is waited on (a slow link would hold it for minutes).
FLUSH_BYTES = 2 * 1024 * 1024
FLUSH_FILES = 64
FLUSH_SECONDS = 0.25
router = APIRouter(prefix="/attachments", tags=["attachments"])
Sha256 = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="lowercase hex SHA-256 of the whole file")]
RecordId = Annotated[str, Query(pattern="^[0-9a-f-]{36}$", description="the record the file belongs to")]


@router.post("/status", openapi_extra=schemas.body(schemas.HashesRequest), response_model=None,
             responses={200: {"model": schemas.MissingAnswer}, **schemas.errors(*schemas.AUTHED)})
def status(body: DeviceBody, dtoken: DeviceToken, utoken: UserTokenDep, factory: FactoryDep,
           settings: SettingsDep):
    """Which of these files the server still needs from this user. A hash the user cannot know of (not uploaded by
    them, not one of their or their team's records) is answered as missing from 0, whether the server has it or
    not: the answer never tells whether someone else's file exists."""
    with transaction(factory) as session:
        authenticate(session, device_token=dtoken, user_token=utoken, now=utcnow())
    try:
        hashes = hashes_from_dict(body.json())
    except PayloadTooLarge as exc:
        raise ApiError(413, "too_large", str(exc)) from exc
    except PayloadError as exc:
        raise ApiError(422, "invalid", str(exc)) from exc
    with transaction(factory) as session:
        device, user = authenticate(session, device_token=dtoken, user_token=utoken, now=utcnow())
        found = attachments.missing(session=session, folder=settings.attachments_dir, hashes=hashes, user=user,
                                    device=device)
        return {"missing": [to_dict(m) for m in found]}


@router.get("/{sha256}", response_class=StreamingResponse,
            responses={**RESPONSES, **schemas.errors(401, 404, 416, 422, 503)})
def download(sha256: Sha256, record: RecordId, dtoken: DeviceToken, utoken: UserTokenDep, factory: FactoryDep,
             settings: SettingsDep,
             range_: Annotated[str | None, Header(alias="range", description="bytes=START- to resume")] = None):
    """A file of a record the user may see: how a supervisor's laptop gets the photos of the team's records."""
    with transaction(factory) as session:
        _device, user = authenticate(session, device_token=dtoken, user_token=utoken, now=utcnow())
        size = attachments.readable(session=session, user=user, registration_id=record, sha256=sha256).size
    path = attachments.path_for(settings.attachments_dir, sha256, partial=False)
    if not path.is_file():
        raise ApiError(404, "not_found", "The file is missing on the server.")
    return send_file(path, sha256=sha256, size=size, range_header=range_, key=settings.data_key)


@router.put("/{sha256}", openapi_extra=RAW_BODY, response_model=None,
            responses={200: {"model": schemas.ChunkAnswer}, **schemas.errors(400, 401, 409, 413, 422, 503)})
async def upload(sha256: Sha256, request: Request, settings: SettingsDep,
                 content_range: Annotated[str | None, Header(description="bytes START-END/TOTAL")] = None):
    """Appends one chunk at START, which must be the server's offset (else 409 with it)."""
    try:
        start, end, total = parse_content_range(content_range)
    except PayloadError as exc:
        raise ApiError(400, "bad_range", str(exc)) from exc
    if end - start + 1 > settings.max_chunk_bytes:
        raise ApiError(413, "too_large", f"A chunk may have at most {settings.max_chunk_bytes} bytes.")
    chunk = await read_body(request, settings.max_chunk_bytes)
    if len(chunk) != end - start + 1:
        raise ApiError(400, "bad_range", "The body length differs from Content-Range.")
    # The database and file work blocks: off the event loop, like the sync routes.
    return await run_in_threadpool(_store, request, sha256, start, total, chunk)


def _store(request: Request, sha256: str, start: int, total: int, chunk: bytes) -> dict:
    settings = request.app.state.settings
    dtoken = device_token(request.headers.get("authorization"))
    utoken = user_token(request.headers.get("x-user-token"))
    now = utcnow()
    with transaction(request.app.state.session_factory) as session:
        device, user = authenticate(session, device_token=dtoken, user_token=utoken, now=now)
        try:
            result = attachments.append(session=session, now=now, folder=settings.attachments_dir,
                                        device_id=device.id, sha256=sha256, start=start, total=total, chunk=chunk,
                                        max_size=settings.max_attachment_bytes, user=user,
                                        key=settings.require_data_key())
        except OSError as exc:
            # A full or read-only disk is the server's trouble, not the request's: try again later (the row's
            # offset is rolled back with the transaction, so the next try continues where the disk last held).
            log.warning("attachment not stored: %s", exc.strerror)
            raise ApiError(503, "storage_unavailable", "The server cannot store files now; try again later.",
                           headers={"Retry-After": "60"}) from exc
    if result is None:
        raise ApiError(422, "hash_mismatch", "The bytes do not have this SHA-256; upload again from 0.", offset=0)
    return to_dict(result)


@router.post("/files", openapi_extra=FILES_BODY, response_model=None,
             responses={200: {"model": schemas.FilesAnswer}, **schemas.errors(400, 401, 413, 415, 503)})
async def upload_files(request: Request, settings: SettingsDep):
    """Several whole files in one body (sync/file_frames.py): each stored as soon as its last byte is in and its
    SHA-256 checks, so that a cut costs the file in flight and nothing before it. The same rules as a chunk."""
    dtoken = device_token(request.headers.get("authorization"))
    utoken = user_token(request.headers.get("x-user-token"))
    factory = request.app.state.session_factory
    # Who is asking, from the headers alone, before a byte of the body is read.
    await run_in_threadpool(_authenticated, factory, dtoken, utoken)
    limit = settings.max_chunk_bytes
    if request.headers.get("content-encoding", "identity").strip().lower() != "identity":
        raise ApiError(415, "bad_encoding", "Files go as raw bytes, without Content-Encoding.")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or len(declared) > 15 or int(declared) > limit):
        raise ApiError(413, "too_large", f"The body may have at most {limit} bytes.")
    reader = FrameReader(max_file=min(limit, settings.max_attachment_bytes), max_files=MAX_HASHES)
    stored: list[str] = []
    refused: list[dict] = []
    pending: list[tuple[str, bytes]] = []
    pending_bytes, pending_since, size = 0, 0.0, 0
    problem: ApiError | None = None
    disconnected = False
    storing: asyncio.Future | None = None  # the group being stored while the next one arrives

    async def store(group: list[tuple[str, bytes]]) -> None:
        nonlocal storing
        if storing is not None:
            await storing  # one group at a time, in order: bounded memory, and a 503 stops the body
        storing = asyncio.ensure_future(run_in_threadpool(_store_files, request, dtoken, utoken, group, stored,
                                                          refused))

    try:
        async for block in request.stream():
            size += len(block)
            if size > limit:
                raise ApiError(413, "too_large", f"The body may have at most {limit} bytes.")
            for sha, data in reader.feed(block):
                pending_since = pending_since or time.monotonic()
                pending.append((sha, data))
                pending_bytes += len(data)
            if pending and (pending_bytes >= FLUSH_BYTES or len(pending) >= FLUSH_FILES
                            or time.monotonic() - pending_since >= FLUSH_SECONDS):
                group, pending, pending_bytes, pending_since = pending, [], 0, 0.0
                await store(group)
        reader.finish()
    except FrameError as exc:
        problem = ApiError(413, "too_large", str(exc)) if exc.too_large else ApiError(400, "bad_frame", str(exc))
    except ApiError as exc:
        problem = exc
    except ClientDisconnect:
        disconnected = True  # the files that are whole are kept: the laptop asks again which are missing
    try:
        if pending:
            await store(pending)
        if storing is not None:
            await storing
    except ApiError as exc:
        problem = exc
    if disconnected:
        return None
    if problem is not None:
        problem.extra["stored"] = stored  # the files before the fault are stored: they are whole and checked
        raise problem
    return {"stored": stored, "refused": refused}


def _authenticated(factory, dtoken: str, utoken: str) -> None:
    with transaction(factory) as session:
        authenticate(session, device_token=dtoken, user_token=utoken, now=utcnow())


def _store_files(request: Request, dtoken: str, utoken: str, files: list[tuple[str, bytes]], stored: list[str],
                 refused: list[dict]) -> None:
    settings = request.app.state.settings
    now = utcnow()
    good, bad = [], []
    with transaction(request.app.state.session_factory) as session:
        device, user = authenticate(session, device_token=dtoken, user_token=utoken, now=now)
        try:
            results = attachments.store_many(session=session, now=now, folder=settings.attachments_dir,
                                             device_id=device.id, files=files,
                                             max_size=settings.max_attachment_bytes, user=user,
                                             key=settings.require_data_key())
            for (sha, _data), ok in zip(files, results):
                if ok:
                    good.append(sha)
                else:
                    bad.append({"sha256": sha, "code": "hash_mismatch"})
        except OSError as exc:
            log.warning("attachments not stored: %s", exc.strerror)
            raise ApiError(503, "storage_unavailable", "The server cannot store files now; try again later.",
                           headers={"Retry-After": "60"}) from exc
    # Only once committed: the answer never names a file whose row a rollback took back.
    stored.extend(good)
    refused.extend(bad)
