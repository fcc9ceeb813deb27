"""The sync protocol's payload types (PROTOCOL.md), shared by the client in ``sync/`` and the server.

Standard library only: the server, the client and the USB batch files all read and write the same shapes. Parsing
is strict because the input comes over the wire: anything of the wrong shape raises ``PayloadError`` with a reason
that names the field, and nothing is guessed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
MAX_RECORDS = 500  # per push
MAX_PUSH_BYTES = 4 * 1024 * 1024  # what a client should put in one push, uncompressed
MAX_HASHES = 1000  # per attachments/status
CHUNK_SIZE = 256 * 1024  # attachment upload chunk
MAX_INT = 2**31 - 1  # versions are 32-bit integers in every database we run on
RESULTS = ("accepted", "duplicate", "conflict", "rejected")
CHANGE_TYPES = ("status", "returned", "account", "reference")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_WORD = re.compile(r"[a-z][a-z0-9_]{0,31}")


class PayloadError(ValueError):
    """The input does not have the protocol's shape; the message says where."""


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def is_uuid(value: object) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


@dataclass
class HistoryEntry:
    at: str
    user_id: str
    action: str
    changes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Record:
    id: str
    kind: str
    status: str
    version: int
    base_version: int
    owner_id: str
    device_id: str
    created_at: str
    updated_at: str
    data: dict[str, Any]
    attachments: list[str] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    review_comment: str | None = None

    def content(self) -> dict[str, Any]:
        """What makes two copies "the same record" for duplicate detection: not versions, times or history."""
        return {"kind": self.kind, "status": self.status, "owner_id": self.owner_id, "data": self.data,
                "attachments": sorted(self.attachments), "review_comment": self.review_comment}

    def content_hash(self) -> str:
        return hashlib.sha256(canonical_json(self.content())).hexdigest()


@dataclass
class PushRequest:
    batch_id: str
    records: list[Record]


@dataclass
class PushResult:
    id: str
    result: str
    server_version: int
    reason: str | None = None
    server_record: dict[str, Any] | None = None


@dataclass
class Account:
    id: str
    username: str
    full_name: str
    role: str
    password_hash: str
    team: list[str] = field(default_factory=list)
    active: bool = True


def to_dict(obj: Any) -> Any:
    """A payload dataclass as plain JSON-ready data, leaving out optional fields that are None."""
    return {key: value for key, value in asdict(obj).items() if value is not None}


def canonical_json(value: Any) -> bytes:
    """One byte string per value whatever the key order, so that hashes agree on every machine."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def _reject_constant(name: str) -> Any:
    raise PayloadError(f"{name} is not JSON")


def loads(raw: bytes) -> Any:
    """Strict JSON: UTF-8, no NaN/Infinity, no NUL characters (PostgreSQL cannot store them), bounded nesting."""
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PayloadError(f"malformed JSON: {exc}") from exc
    if _has_nul(value):
        raise PayloadError("NUL characters are not allowed")
    return value


def _has_nul(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def gzip_bytes(raw: bytes) -> bytes:
    return gzip.compress(raw, compresslevel=6, mtime=0)


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """Decompresses a gzip body, refusing to produce more than ``limit`` bytes (a gzip bomb stops here, early)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = data
    try:
        while pending:
            out += inflater.decompress(pending, limit + 1 - len(out))
            if len(out) > limit:
                raise PayloadTooLarge(f"more than {limit} bytes after decompression")
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        out += inflater.flush()
    except zlib.error as exc:
        raise PayloadError(f"bad gzip: {exc}") from exc
    if len(out) > limit:
        raise PayloadTooLarge(f"more than {limit} bytes after decompression")
    if not inflater.eof:
        raise PayloadError("bad gzip: truncated")
    if inflater.unused_data:
        raise PayloadError("bad gzip: data after the end")
    return bytes(out)


class PayloadTooLarge(PayloadError):
    pass


# --- strict readers -------------------------------------------------------------------------------------------

def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PayloadError(f"{where}: expected an object")
    return value


def _str(obj: dict, key: str, where: str, *, max_len: int = 200, optional: bool = False) -> str | None:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > max_len:
        raise PayloadError(f"{where}.{key}: expected a string of at most {max_len} characters")
    return value


def _int(obj: dict, key: str, where: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INT:
        raise PayloadError(f"{where}.{key}: expected a whole number from 0 to {MAX_INT}")
    return value


def _uuid(obj: dict, key: str, where: str) -> str:
    value = obj.get(key)
    if not is_uuid(value):
        raise PayloadError(f"{where}.{key}: expected a lowercase UUID")
    return value


def _time(obj: dict, key: str, where: str) -> str:
    value = _str(obj, key, where, max_len=40)
    try:
        parse_time(value)
    except ValueError as exc:
        raise PayloadError(f"{where}.{key}: expected an ISO 8601 time") from exc
    return value


def parse_time(value: str) -> datetime:
    """An ISO 8601 time as naive UTC (how both server databases store it); a time without zone is taken as UTC."""
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


def format_time(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds") + "Z"


def history_from_dict(value: Any, where: str) -> HistoryEntry:
    obj = _obj(value, where)
    changes = obj.get("changes", {})
    if not isinstance(changes, dict):
        raise PayloadError(f"{where}.changes: expected an object")
    return HistoryEntry(at=_time(obj, "at", where), user_id=_str(obj, "user_id", where, max_len=36),
                        action=_str(obj, "action", where, max_len=32), changes=changes)


def record_from_dict(value: Any, where: str = "record") -> Record:
    obj = _obj(value, where)
    data = obj.get("data")
    if not isinstance(data, dict):
        raise PayloadError(f"{where}.data: expected an object")
    attachments = obj.get("attachments", [])
    if not isinstance(attachments, list) or not all(is_sha256(h) for h in attachments):
        raise PayloadError(f"{where}.attachments: expected a list of lowercase SHA-256 hex strings")
    history = obj.get("history", [])
    if not isinstance(history, list):
        raise PayloadError(f"{where}.history: expected a list")
    kind = _str(obj, "kind", where, max_len=16)
    status = _str(obj, "status", where, max_len=16)
    for key, word in (("kind", kind), ("status", status)):
        if not _WORD.fullmatch(word):
            raise PayloadError(f"{where}.{key}: expected a short lowercase word")
    return Record(
        id=_uuid(obj, "id", where), kind=kind, status=status, version=_int(obj, "version", where),
        base_version=_int(obj, "base_version", where), owner_id=_uuid(obj, "owner_id", where),
        device_id=_uuid(obj, "device_id", where), created_at=_time(obj, "created_at", where),
        updated_at=_time(obj, "updated_at", where), data=data, attachments=list(attachments),
        history=[history_from_dict(h, f"{where}.history[{i}]") for i, h in enumerate(history)],
        review_comment=_str(obj, "review_comment", where, max_len=2000, optional=True),
    )


def push_from_dict(value: Any) -> PushRequest:
    obj = _obj(value, "push")
    records = obj.get("records")
    if not isinstance(records, list):
        raise PayloadError("push.records: expected a list")
    if len(records) > MAX_RECORDS:
        raise PayloadTooLarge(f"push.records: at most {MAX_RECORDS} records per push")
    parsed = [record_from_dict(r, f"records[{i}]") for i, r in enumerate(records)]
    if len({r.id for r in parsed}) != len(parsed):
        raise PayloadError("push.records: the same id twice in one batch")
    return PushRequest(batch_id=_uuid(obj, "batch_id", "push"), records=parsed)


def hashes_from_dict(value: Any) -> list[str]:
    obj = _obj(value, "status")
    hashes = obj.get("hashes")
    if not isinstance(hashes, list) or not all(is_sha256(h) for h in hashes):
        raise PayloadError("hashes: expected a list of lowercase SHA-256 hex strings")
    if len(hashes) > MAX_HASHES:
        raise PayloadTooLarge(f"hashes: at most {MAX_HASHES} per request")
    return list(dict.fromkeys(hashes))


def parse_content_range(header: str | None) -> tuple[int, int, int]:
    """``bytes START-END/TOTAL`` (END inclusive) as (start, end, total)."""
    match = re.fullmatch(r"bytes (\d{1,15})-(\d{1,15})/(\d{1,15})", (header or "").strip())
    if not match:
        raise PayloadError("Content-Range: expected 'bytes START-END/TOTAL'")
    start, end, total = (int(g) for g in match.groups())
    if not start <= end < total:
        raise PayloadError("Content-Range: expected START <= END < TOTAL")
    return start, end, total


def file_sha256(path) -> str:
    """The SHA-256 of a file, read in 1 MB blocks: the name attachments and reference files travel under."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()
