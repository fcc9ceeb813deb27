"""The sync protocol's payload types (PROTOCOL.md), shared by the client in ``sync/`` and the server: what a
laptop sends (records, push batches, hashes) and the JSON rules every body follows. The server's answers and the
pull feed are in ``sync/answers.py``; both sides build and parse with these types, in both directions.

Standard library only: the server, the client and the USB batch files all read and write the same shapes. Parsing
is strict because the input comes over the wire: anything of the wrong shape raises ``PayloadError`` with a reason
that names the field, and nothing is guessed.
"""

from __future__ import annotations

import base64
import binascii
import copy
import gzip
import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, ClassVar

import orjson

# MAX_INT, the errors and the time helpers are re-exported: both sides import them from here with the types.
from sync.strict import (MAX_INT, PayloadError, PayloadTooLarge, format_time, is_sha256, is_uuid,  # noqa: F401
                         parse_time, read_bool, read_int, read_list, read_object, read_str, read_time, read_uuid)

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
MAX_RECORDS = 500  # per push
MAX_PUSH_BYTES = 4 * 1024 * 1024  # what a client should put in one push, uncompressed
MAX_HASHES = 1000  # per attachments/status
CHUNK_SIZE = 256 * 1024  # attachment upload chunk
RESULTS = ("accepted", "duplicate", "conflict", "rejected")

_WORD = re.compile(r"[a-z][a-z0-9_]{0,31}")
_WORD_KEY = re.compile(r"[a-z][a-z0-9_]{0,63}")  # a form field key


@dataclass
class HistoryEntry:
    at: str
    user_id: str
    action: str
    # Or CHANGES_ARE_DATA, only where a reader asked to keep the shorthand (the server: record_from_dict's
    # keep_data_ref); every other reader gets the changes rebuilt.
    changes: dict[str, Any] | str = field(default_factory=dict)


@dataclass
class FileNote:
    """What one of a record's files is (its purpose and label), so that a laptop receiving the record for review
    can file the photo or scan where the record page shows it. Not part of the content hash: the set of
    ``attachments`` is."""
    sha256: str
    purpose: str
    label: str = ""


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
    review_details: dict[str, Any] | None = None  # a return's coded reasons and field comments (app.review)
    files: list[FileNote] | None = None  # what each attachment is; absent from older laptops
    # The device that made this content and its Ed25519 signature over it (sync/signing.py): never part of the
    # content, so that a record keeps its hash whoever signed it, and a relayed copy can carry its maker's name.
    origin_device: str | None = None
    signature: str | None = None

    def content(self) -> dict[str, Any]:
        """What makes two copies "the same record" for duplicate detection: not versions, times or history."""
        content = {"kind": self.kind, "status": self.status, "owner_id": self.owner_id, "data": self.data,
                   "attachments": sorted(self.attachments), "review_comment": self.review_comment}
        if self.review_details is not None:  # absent from older copies: their hashes stay as they were
            content["review_details"] = self.review_details
        return content

    def content_hash(self) -> str:
        return hashlib.sha256(canonical_json(self.content())).hexdigest()


@dataclass
class Seal:
    """One signature of the pushing laptop over every record of its batch that carries none of its own
    (PROTOCOL.md, "Keys and signatures"): one Ed25519 check per batch instead of one per record."""
    device: str  # the laptop's server id: the server checks it against the token's device, never trusts it
    signature: str


@dataclass
class PushRequest:
    batch_id: str
    records: list[Record]
    seal: Seal | None = None


@dataclass
class PublicKeys:
    """A laptop's two public keys (``POST /enrol``, ``POST /devices/keys``): Ed25519 to check what it signs,
    X25519 to encrypt batch files to it. Base64 of the 32 raw bytes each."""
    signing_key: str
    encryption_key: str


@dataclass
class EnrolRequest:
    code: str
    device_name: str
    # Absent from laptops older than the keys: such a laptop sends them with POST /devices/keys later.
    signing_key: str | None = None
    encryption_key: str | None = None

    @property
    def keys(self) -> PublicKeys | None:
        return PublicKeys(self.signing_key, self.encryption_key) if self.signing_key else None


@dataclass
class Account:
    id: str
    username: str
    full_name: str
    role: str
    password_hash: str
    team: list[str] = field(default_factory=list)
    active: bool = True
    TYPE: ClassVar[str] = "account"  # also a change in the pull feed, sent again whenever it changes


def to_dict(obj: Any) -> Any:
    """A payload dataclass as plain JSON-ready data. An optional field (one whose default is None) is left out
    when it is None; a required field that may be None (a change's ``by``) goes as null, as PROTOCOL.md says."""
    out = {}
    for name, optional in _shape(type(obj)):
        value = getattr(obj, name)
        if value is None and optional:
            continue
        out[name] = _plain(value)
    return out


def wire_dict(obj: Any) -> Any:
    """``to_dict`` without copying the free-form dicts (data, changes): for what is encoded or stored at once and
    never changed, a push's body above all, where the copies were a fifth of the client's time."""
    out = {}
    for name, optional in _shape(type(obj)):
        value = getattr(obj, name)
        kind = type(value)
        if kind is str or kind is dict or kind is int:
            pass  # most fields: asked first, before the dataclass test (a fifth of this function's time)
        elif value is None:
            if optional:
                continue
        elif kind is list:
            value = [wire_dict(item) if is_dataclass(item) else item for item in value]
        elif is_dataclass(value):
            value = wire_dict(value)
        out[name] = value
    return out


_SHAPES: dict[type, tuple[tuple[str, bool], ...]] = {}


def _shape(cls: type) -> tuple[tuple[str, bool], ...]:
    # dataclasses.fields() walks the class every call: a push of 500 records asked it some 5,000 times.
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = tuple((f.name, f.default is None) for f in fields(cls))
    return shape


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is dict:
        return _copy_json(value)  # data and changes are free-form: copied whole, never filtered
    if kind is list:
        return [_plain(item) for item in value]
    if is_dataclass(value):
        return to_dict(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return copy.deepcopy(value)
    return value


def _copy_json(value: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts, lists, scalars); copy.deepcopy's memo made it most of a push's
    client time (bench/profile_push.py). Anything else falls back to deepcopy."""
    kind = type(value)
    if kind is dict:
        return {key: _copy_json(item) for key, item in value.items()}
    if kind is list:
        return [_copy_json(item) for item in value]
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    return copy.deepcopy(value)


def canonical_json(value: Any) -> bytes:
    """One byte string per value whatever the key order, so that hashes agree on every machine: the standard
    library's ``json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` in UTF-8, which every
    hash so far was made of. orjson writes the same bytes for text, integers, booleans and null, keys sorted alike
    (checked against the standard library, tests/sync/test_canonical_json.py), in half the time with the type
    walk below (16 -> 7.6 us for a realistic record): a push hashes every record on both sides. A float (orjson writes 1e-05 as 0.00001), a NaN, an integer beyond
    64 bits, or anything else goes to the standard library itself."""
    if _only_plain((value,)):
        try:
            return orjson.dumps(value, option=_CANONICAL)
        except orjson.JSONEncodeError:  # a key that is not text, an integer beyond 64 bits, deep nesting
            pass
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# Anything but JSON's own types (a str or int subclass, a datetime, a dataclass) is refused by orjson, so that it
# falls back to the standard library's answer (an error, or its own way of writing it).
_CANONICAL = (orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATETIME
              | orjson.OPT_PASSTHROUGH_DATACLASS)
_PLAIN = frozenset((str, int, bool, type(None)))
_PLAIN_OR_NESTED = _PLAIN | {dict, list}


def _only_plain(values) -> bool:
    """No float (nor anything else orjson and the standard library might write differently) among ``values``
    and what they hold: one set of types per level, the cheapest walk measured (a few µs for a birth form)."""
    kinds = set(map(type, values))
    if kinds <= _PLAIN:
        return True
    if not kinds <= _PLAIN_OR_NESTED:
        return False
    for item in values:
        kind = type(item)
        if (kind is dict and not _only_plain(item.values())) or (kind is list and not _only_plain(item)):
            return False
    return True


def dumps(value: Any) -> bytes:
    """Compact JSON for the wire and the server's JSON columns (orjson: a tenth of the standard library's time on
    a push, bench/sync.py). Hashes use canonical_json, whose bytes every release must keep producing."""
    return orjson.dumps(value)


def loads(raw: bytes) -> Any:
    """Strict JSON: UTF-8, no NaN/Infinity or numbers that overflow, no NUL characters (PostgreSQL cannot store
    them), no lone surrogates (``"\\ud800"`` is valid JSON but no valid text), bounded nesting (1,024 levels).
    orjson refuses all but NUL itself, in a sixth of the standard library's time on a push. It never makes a
    Python int of thousands of digits (the standard library's refused those with a ValueError): it reads an integer
    beyond 64 bits as a float, which no integer field of the protocol accepts, and one beyond a double's range as
    an error."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise PayloadError(f"malformed JSON: {exc}") from exc
    # A NUL can only come from a \\u escape (raw control characters are not JSON): a body without one has none,
    # and the walk over it is skipped.
    problem = _bad_text(value) if b"\\u" in raw else None
    if problem:
        raise PayloadError(problem)
    return value


def _bad_text(value: Any) -> str | None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return "NUL characters are not allowed"
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return "text with a lone surrogate (not valid Unicode)"
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


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


CHANGES_ARE_DATA = "=data"  # PROTOCOL.md: a history entry's changes that are the record's data, each from null


def compact_history(record: dict) -> dict:
    """A record's dict for a push body with the create entry's changes written ``"=data"`` when they are exactly
    the data, each from null (a record not edited since it was made): the same values twice, in another order,
    were a third of a record's compressed bytes. Only for a server that announced it reads it (``history-ref``)."""
    data = record.get("data")
    history = record.get("history")
    if not history or not isinstance(data, dict):
        return record
    out = None
    for i, entry in enumerate(history):
        changes = entry.get("changes")
        # Exactly what the server rebuilds, byte for byte (sorted keys, each from null, 1 not 1.0 nor true): what it
        # stores is then what the laptop holds.
        if entry.get("action") == "create" and isinstance(changes, dict) and len(changes) == len(data) \
                and dumps(changes) == dumps(data_changes(data)):
            if out is None:
                out = dict(record, history=list(history))
            out["history"][i] = dict(entry, changes=CHANGES_ARE_DATA)
    return out or record


def data_changes(data: dict) -> dict[str, list]:
    """What ``"=data"`` stands for: every value of the data, each from null, in the order a laptop writes a create
    entry's changes (sorted by key), so that the rebuilt history is the one the laptop holds."""
    return {key: [None, data[key]] for key in sorted(data)}


def expanded_history(history: list[dict], data: dict) -> list[dict]:
    """Stored or sent history dicts with ``"=data"`` written out against the record's ``data`` (the server keeps
    the shorthand as it came, beside the data it stands for, and writes it out when it hands a copy on)."""
    if not any(entry.get("changes") == CHANGES_ARE_DATA for entry in history):
        return history
    return [dict(entry, changes=data_changes(data)) if entry.get("changes") == CHANGES_ARE_DATA else entry
            for entry in history]


def history_from_dict(value: Any, where: str, data: dict | None = None, *,
                      keep_data_ref: bool = False) -> HistoryEntry:
    obj = read_object(value, where)
    changes = obj.get("changes", {})
    if changes == CHANGES_ARE_DATA and data is not None:
        if not keep_data_ref:
            changes = data_changes(data)
    elif not isinstance(changes, dict):
        raise PayloadError(f"{where}.changes: expected an object")
    return HistoryEntry(at=read_time(obj, "at", where), user_id=read_str(obj, "user_id", where, max_len=36),
                        action=read_str(obj, "action", where, max_len=32), changes=changes)


def record_from_dict(value: Any, where: str = "record", *, keep_data_ref: bool = False) -> Record:
    """``keep_data_ref``: a create entry's ``"=data"`` stays as it came (the server, which stores it beside the
    data and writes it out only when it hands the record on: rebuilt, it was a tenth of a push's server time and
    half of each stored row)."""
    obj = read_object(value, where)
    data = obj.get("data")
    if not isinstance(data, dict):
        raise PayloadError(f"{where}.data: expected an object")
    attachments = obj.get("attachments", [])
    if not isinstance(attachments, list) or not all(is_sha256(h) for h in attachments):
        raise PayloadError(f"{where}.attachments: expected a list of lowercase SHA-256 hex strings")
    history = obj.get("history", [])
    if not isinstance(history, list):
        raise PayloadError(f"{where}.history: expected a list")
    kind = read_str(obj, "kind", where, max_len=16)
    status = read_str(obj, "status", where, max_len=16)
    for key, word in (("kind", kind), ("status", status)):
        if not _WORD.fullmatch(word):
            raise PayloadError(f"{where}.{key}: expected a short lowercase word")
    return Record(
        id=read_uuid(obj, "id", where), kind=kind, status=status, version=read_int(obj, "version", where),
        base_version=read_int(obj, "base_version", where), owner_id=read_uuid(obj, "owner_id", where),
        device_id=read_uuid(obj, "device_id", where), created_at=read_time(obj, "created_at", where),
        updated_at=read_time(obj, "updated_at", where), data=data, attachments=list(attachments),
        history=[history_from_dict(h, f"{where}.history[{i}]", data, keep_data_ref=keep_data_ref)
                 for i, h in enumerate(history)],
        review_comment=read_str(obj, "review_comment", where, max_len=2000, optional=True),
        review_details=review_details_from(obj.get("review_details"), f"{where}.review_details"),
        files=files_from(obj.get("files"), set(attachments), f"{where}.files"),
        **_origin_from(obj, where),
    )


MAX_FILES = 200  # per record: far more photos and scans than any service asks for


def files_from(value: Any, attachments: set[str], where: str) -> list[FileNote] | None:
    """``[{sha256, purpose, label?}]`` naming only the record's own attachments, or None."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > MAX_FILES:
        raise PayloadError(f"{where}: expected a list of at most {MAX_FILES} files")
    notes = []
    for i, item in enumerate(value):
        obj = read_object(item, f"{where}[{i}]")
        if set(obj) - {"sha256", "purpose", "label"}:
            raise PayloadError(f"{where}[{i}]: only sha256, purpose and label")
        sha = obj.get("sha256")
        if not is_sha256(sha) or sha not in attachments:
            raise PayloadError(f"{where}[{i}].sha256: not one of the record's attachments")
        purpose = read_str(obj, "purpose", f"{where}[{i}]", max_len=32)
        if not _WORD.fullmatch(purpose):
            raise PayloadError(f"{where}[{i}].purpose: expected a short lowercase word")
        label = read_str(obj, "label", f"{where}[{i}]", max_len=200, optional=True) or ""
        notes.append(FileNote(sha256=sha, purpose=purpose, label=label))
    return notes


def _origin_from(obj: dict, where: str) -> dict[str, str | None]:
    """``origin_device`` and ``signature``: both or neither (a record from a laptop without keys has neither)."""
    if obj.get("origin_device") is None and obj.get("signature") is None:
        return {"origin_device": None, "signature": None}
    return {"origin_device": read_uuid(obj, "origin_device", where),
            "signature": read_b64(obj, "signature", where, size=SIGNATURE_BYTES)}


PUBLIC_KEY_BYTES = 32  # Ed25519 and X25519 public keys alike, raw
SIGNATURE_BYTES = 64  # Ed25519


def decode_b64(value: Any, where: str, *, size: int) -> bytes:
    """Standard base64 (with padding) of exactly ``size`` bytes, written the one way base64 writes it: a second
    spelling of the same key would make two keys of one."""
    length = 4 * ((size + 2) // 3)
    if not isinstance(value, str) or len(value) != length:
        raise PayloadError(f"{where}: expected base64 of {size} bytes ({length} characters)")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PayloadError(f"{where}: expected base64 of {size} bytes") from exc
    if len(raw) != size or base64.b64encode(raw).decode() != value:
        raise PayloadError(f"{where}: expected base64 of {size} bytes")
    return raw


def read_b64(obj: dict, key: str, where: str, *, size: int, optional: bool = False) -> str | None:
    value = obj.get(key)
    if value is None and optional:
        return None
    decode_b64(value, f"{where}.{key}", size=size)
    return value


def read_public_key(obj: dict, key: str, where: str, *, optional: bool = False) -> str | None:
    """A public key as it travels. All zeros is refused too: it is no key (an X25519 exchange with it yields zero)."""
    value = read_b64(obj, key, where, size=PUBLIC_KEY_BYTES, optional=optional)
    if value is not None and not any(base64.b64decode(value)):
        raise PayloadError(f"{where}.{key}: not a key")
    return value


REVIEW_REASON_CODES = frozenset({"duplicate", "typo", "documents_missing", "photo_unclear", "data_mismatch",
                                 "other"})  # app.review.REASONS; tests/sync/test_protocol_contract.py holds both


def review_details_from(value: Any, where: str) -> dict[str, Any] | None:
    """``{"reasons": [code...], "fields": {key: comment}}`` or None; anything else is refused whole."""
    if value is None:
        return None
    obj = read_object(value, where)
    if set(obj) - {"reasons", "fields"}:
        raise PayloadError(f"{where}: only reasons and fields")
    reasons = read_list(obj, "reasons", where) if "reasons" in obj else []
    if len(reasons) > len(REVIEW_REASON_CODES) or not all(isinstance(r, str) and r in REVIEW_REASON_CODES
                                                           for r in reasons):
        raise PayloadError(f"{where}.reasons: unknown code")
    fields_ = read_object(obj["fields"], f"{where}.fields") if "fields" in obj else {}
    if len(fields_) > 50 or not all(isinstance(k, str) and 0 < len(k) <= 64 and _WORD_KEY.fullmatch(k)
                                    and isinstance(v, str) and len(v) <= 500 for k, v in fields_.items()):
        raise PayloadError(f"{where}.fields: at most 50 keys, each with a comment of at most 500 characters")
    return {"reasons": list(reasons), "fields": dict(fields_)}


def account_from_dict(value: Any, where: str = "account") -> Account:
    obj = read_object(value, where)
    team = read_list(obj, "team", where) if "team" in obj else []
    if not all(is_uuid(member) for member in team):
        raise PayloadError(f"{where}.team: expected a list of lowercase UUIDs")
    active = read_bool(obj, "active", where) if "active" in obj else True
    return Account(id=read_uuid(obj, "id", where), username=read_str(obj, "username", where, max_len=64),
                   full_name=read_str(obj, "full_name", where), role=read_str(obj, "role", where, max_len=16),
                   password_hash=read_str(obj, "password_hash", where, max_len=1000), team=list(team),
                   active=active)


def public_keys_from_dict(value: Any, where: str = "keys") -> PublicKeys:
    obj = read_object(value, where)
    return PublicKeys(signing_key=read_public_key(obj, "signing_key", where),
                      encryption_key=read_public_key(obj, "encryption_key", where))


def enrol_request_from_dict(value: Any) -> EnrolRequest:
    obj = read_object(value, "enrol")
    code = read_str(obj, "code", "enrol", max_len=64)
    name = read_str(obj, "device_name", "enrol", max_len=100)
    if obj.get("signing_key") is None and obj.get("encryption_key") is None:
        return EnrolRequest(code=code, device_name=name)
    keys = public_keys_from_dict(obj, "enrol")  # one without the other is refused: both or neither
    return EnrolRequest(code=code, device_name=name, signing_key=keys.signing_key, encryption_key=keys.encryption_key)


def push_from_dict(value: Any, *, keep_data_ref: bool = False) -> PushRequest:
    obj = read_object(value, "push")
    records = obj.get("records")
    if not isinstance(records, list):
        raise PayloadError("push.records: expected a list")
    if len(records) > MAX_RECORDS:
        raise PayloadTooLarge(f"push.records: at most {MAX_RECORDS} records per push")
    parsed = [record_from_dict(r, f"records[{i}]", keep_data_ref=keep_data_ref) for i, r in enumerate(records)]
    if len({r.id for r in parsed}) != len(parsed):
        raise PayloadError("push.records: the same id twice in one batch")
    seal = None
    if obj.get("seal") is not None:
        found = read_object(obj["seal"], "push.seal")
        seal = Seal(device=read_uuid(found, "device", "push.seal"),
                    signature=read_b64(found, "signature", "push.seal", size=SIGNATURE_BYTES))
    return PushRequest(batch_id=read_uuid(obj, "batch_id", "push"), records=parsed, seal=seal)


def hashes_from_dict(value: Any) -> list[str]:
    obj = read_object(value, "status")
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
