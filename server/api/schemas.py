"""The wire shapes as Pydantic models, for the OpenAPI document only (/docs, and a fuzzer's schema checks).

Bodies are read by hand (gzip, limits, after the device is authenticated) and parsed by sync/payload.py, which
stays the one parser; these models say the same: the same fields, patterns and bounds as sync/payload.py and
sync/strict.py read, and the answers as sync/answers.py builds them. tests/server/test_server_openapi.py holds
the two together.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.payload import CHANGES_ARE_DATA, MAX_FILES, MAX_HASHES, MAX_INT, MAX_RECORDS, REVIEW_REASON_CODES, RESULTS

Uuid = Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Word = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,15}$", max_length=16)]
Version = Annotated[int, Field(ge=0, le=MAX_INT)]
Time = Annotated[str, Field(max_length=40, description="ISO 8601, e.g. 2026-11-20T08:00:00+07:00")]
Key = Annotated[str, Field(min_length=44, max_length=44, pattern=r"^[A-Za-z0-9+/]{43}=$",
                           description="base64 of 32 raw bytes")]
Signature = Annotated[str, Field(min_length=88, max_length=88, pattern=r"^[A-Za-z0-9+/]{86}==$")]


class Open(BaseModel):
    """Fields a newer client may add are ignored, as sync/payload.py ignores them."""
    model_config = ConfigDict(extra="allow")


# --- requests -------------------------------------------------------------------------------------------------

class HistoryEntry(Open):
    at: Time
    user_id: Annotated[str, Field(max_length=36)]
    action: Annotated[str, Field(max_length=32)]
    changes: dict[str, Any] | Literal[CHANGES_ARE_DATA] = Field({}, description=(
        'or "=data" (PROTOCOL.md, history-ref): every value of the record\'s data, each from null, in key order'))


class FileNote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sha256: Sha256
    purpose: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$", max_length=32)]
    label: Annotated[str, Field(max_length=200)] | None = None


class ReviewDetails(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reasons: Annotated[list[Literal[tuple(sorted(REVIEW_REASON_CODES))]], Field(max_length=len(REVIEW_REASON_CODES))] = []
    fields: Annotated[dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")],
                           Annotated[str, Field(max_length=500)]], Field(max_length=50)] = {}


class Record(Open):
    id: Uuid
    kind: Word
    status: Word
    version: Version
    base_version: Version
    owner_id: Uuid
    device_id: Uuid
    created_at: Time
    updated_at: Time
    data: dict[str, Any] = Field(description="the form: the kind's own keys, flat values (server/services/authority.py)")
    attachments: list[Sha256] = []
    history: list[HistoryEntry] = []
    review_comment: Annotated[str, Field(max_length=2000)] | None = None
    review_details: ReviewDetails | None = None
    files: Annotated[list[FileNote], Field(max_length=MAX_FILES)] | None = None
    origin_device: Uuid | None = None
    signature: Signature | None = None


class Seal(Open):
    device: Uuid
    signature: Signature


class PushRequest(Open):
    batch_id: Uuid
    # The count is a limit of the server's (413 past it), not of the shape: no maxItems.
    records: list[Record] = Field(description=f"at most {MAX_RECORDS} (more: 413)")
    seal: Seal | None = Field(None, description="the pushing laptop's one signature over its unsigned records")


class EnrolRequest(Open):
    code: Annotated[str, Field(max_length=64)]
    device_name: Annotated[str, Field(max_length=100)]
    signing_key: Key | None = None
    encryption_key: Key | None = None


class SessionRequest(Open):
    username: Annotated[str, Field(max_length=64)]
    password: Annotated[str, Field(max_length=1024)]


class DeviceKeysRequest(Open):
    signing_key: Key
    encryption_key: Key


class HashesRequest(Open):
    hashes: list[Sha256] = Field(description=f"at most {MAX_HASHES} (more: 413)")


# --- answers --------------------------------------------------------------------------------------------------

class Account(Open):
    id: str
    username: str
    full_name: str
    role: str
    password_hash: str
    team: list[str] = []
    active: bool = True


class EnrolAnswer(Open):
    device_id: str
    device_token: str
    server_time: str
    accounts: list[Account]
    root_key: str | None = None


class SessionAnswer(Open):
    token: str
    expires_at: str


class DeviceKeysAnswer(Open):
    device_id: str
    root_key: str


class PushResult(Open):
    id: str
    result: Literal[RESULTS]
    server_version: int
    reason: str | None = None
    server_record: dict[str, Any] | None = None


class FeedEntry(Open):
    """One change, flat: ``seq`` and ``type`` and the change's own fields (sync/answers.py)."""
    seq: int
    type: str


class PullPage(Open):
    cursor: int
    more: bool
    changes: list[FeedEntry]


class PushResponse(Open):
    batch_id: str
    results: list[PushResult]
    pull: PullPage | None = Field(None, description="the pull's page from `pull_cursor`, when the push named one")


class MissingFile(Open):
    sha256: str
    offset: int


class MissingAnswer(Open):
    missing: list[MissingFile]


class ChunkAnswer(Open):
    sha256: str
    offset: int
    complete: bool


class RefusedFile(Open):
    sha256: Sha256
    code: str = Field(description="hash_mismatch: the bytes do not have this SHA-256")


class FilesAnswer(Open):
    stored: list[Sha256] = Field(description="complete on the server now, in the order sent")
    refused: list[RefusedFile]


class Health(Open):
    status: str
    protocol: int
    server_time: str


class ErrorDetail(Open):
    code: str
    message: str


class Error(BaseModel):
    detail: ErrorDetail


REQUEST_MODELS = (PushRequest, EnrolRequest, SessionRequest, DeviceKeysRequest, HashesRequest)


def body(model: type[BaseModel]) -> dict:
    """``openapi_extra`` for a route that reads its JSON body by hand: the model's schema as the request body
    (gzip or not: Content-Encoding is the transport's)."""
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}


def errors(*statuses: int) -> dict:
    """The error answers a route gives, each ``{"detail": {"code", "message", ...}}`` (server/errors.py)."""
    return {status: {"model": Error, "description": _WHY[status]} for status in statuses}


_WHY = {400: "the body is not JSON, or not gzip when it says so", 401: "no or wrong credentials",
        403: "not allowed", 404: "not found", 409: "a conflict with the server's state (the offset, the keys)",
        413: "too large", 415: "an encoding other than gzip or zstd", 416: "a range outside the file",
        422: "a field of the wrong shape", 429: "too many attempts; see Retry-After",
        503: "the database or the file store cannot take it now; see Retry-After"}
AUTHED = (400, 401, 413, 415, 422, 503)
