"""Downloading a published reference list as raw bytes, resumable with ``Range: bytes=START-[END]``."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Header, Path
from fastapi.responses import StreamingResponse

from server.api.deps import DeviceToken, FactoryDep, SettingsDep, UserTokenDep, authenticate, utcnow
from server.core.db import transaction
from server.errors import ApiError
from server.services import reference

router = APIRouter(prefix="/reference", tags=["reference"])
_RANGE = re.compile(r"^bytes=([0-9]{1,15})-([0-9]{0,15})$")
BLOCK = 64 * 1024


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(start, end inclusive) of a single ``bytes=START-[END]`` range; None for no header. Suffix ranges and
    several ranges are not needed by a client that resumes, so they are refused rather than half supported."""
    if header is None:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        raise ApiError(416, "bad_range", "Send 'Range: bytes=START-' or 'bytes=START-END'.", size=size)
    start = int(match.group(1))
    end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
    if start >= size or end < start:
        raise ApiError(416, "bad_range", f"The file has {size} bytes.", size=size)
    return start, end


@router.get("/{name}/{version}", response_class=StreamingResponse,
            responses={200: {"content": {"application/octet-stream": {}}}, 206: {"description": "a byte range"}})
def download(name: Annotated[str, Path(pattern="^[a-z_]{1,32}$")], version: Annotated[int, Path(ge=1, le=10**9)],
             dtoken: DeviceToken, utoken: UserTokenDep, factory: FactoryDep, settings: SettingsDep,
             range_: Annotated[str | None, Header(alias="range", description="bytes=START- to resume")] = None):
    with transaction(factory) as session:
        authenticate(session, device_token=dtoken, user_token=utoken, now=utcnow())
        row = reference.find(session=session, name=name, version=version)
        if row is None:
            raise ApiError(404, "not_found", f"No {name} version {version} on this server.")
        sha, size = row.sha256, row.size
    path = reference.path_for(settings.reference_dir, sha)
    if not path.is_file():
        # The row exists, so the bytes were stored by this server: a shared folder missing on this process.
        raise ApiError(404, "not_found", f"The file of {name} version {version} is missing on the server.")
    span = parse_range(range_, size)
    start, end = span or (0, size - 1)
    headers = {"Accept-Ranges": "bytes", "Content-Length": str(end - start + 1), "ETag": f'"{sha}"',
               "X-Content-SHA256": sha}
    if span is not None:
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    return StreamingResponse(_read(path, start, end), status_code=206 if span else 200, headers=headers,
                             media_type="application/octet-stream")


def _read(path, start: int, end: int):
    with open(path, "rb") as f:
        f.seek(start)
        left = end - start + 1
        while left > 0:
            block = f.read(min(BLOCK, left))
            if not block:
                return
            left -= len(block)
            yield block
