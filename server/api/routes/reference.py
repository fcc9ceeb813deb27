"""Downloading a published reference list as raw bytes, resumable with ``Range: bytes=START-[END]``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path
from fastapi.responses import StreamingResponse

from server.api.byte_ranges import RESPONSES, send_file
from server.api import schemas
from server.api.deps import DeviceToken, FactoryDep, SettingsDep, UserTokenDep, authenticate, utcnow
from server.core.db import transaction
from server.errors import ApiError
from server.services import reference

router = APIRouter(prefix="/reference", tags=["reference"])


@router.get("/{name}/{version}", response_class=StreamingResponse,
            responses={**RESPONSES, **schemas.errors(401, 404, 416, 422, 503)})
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
    return send_file(path, sha256=sha, size=size, range_header=range_)
