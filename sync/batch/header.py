"""The plaintext, signed header of a batch file (sync/BATCH.md, "Header"): who sent it, to whom, which one it is.

On disk: ``MAGIC`` (8 bytes), the format version (u16, big-endian), the length of the header JSON (u32), then the
header as canonical JSON (sorted keys, no spaces, UTF-8). The version comes before anything that could change
shape, so a newer file is told apart from a damaged one before its header is parsed.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass
from datetime import datetime

from sync import strict

MAGIC = b"\x89JBB\r\n\x1a\n"  # PNG-style: a high byte and CR LF / ^Z / LF catch text-mode and 7-bit mangling
VOLUME_MAGIC = b"\x89JBV\r\n\x1a\n"  # the start of the second and later volumes of a split file
FORMAT_VERSION = 1
PRELUDE = struct.Struct(">8sHI")
MAX_HEADER_BYTES = 64 * 1024
MAX_RECIPIENTS = 32
MAX_ID_LENGTH = 200
MAX_BYTES = 2**53  # JSON numbers stay exact below this
FILE_TYPES = ("batch", "receipt")
EXTENSIONS = {"batch": ".jbb", "receipt": ".jbr"}
_FIELDS = ("type", "file_id", "sender_device", "sender_user", "recipients", "sequence", "created", "records",
           "attachments", "bytes", "key_commitment")


class HeaderProblem(ValueError):
    """The header bytes cannot be read; ``code`` is the BatchError code it becomes."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code)
        self.code = code


@dataclass(frozen=True)
class BatchHeader:
    """What a batch file says about itself. ``recipients`` (key ids, in the order of the key block) and the counts
    (``records``, ``attachments``, ``bytes``: the plaintext body, manifest + payload + attachment bytes) and the
    ``key_commitment`` are filled in by ``write_batch``; a caller leaves them at their defaults. ``created`` is naive UTC, like every stored time.
    Until ``open_batch`` has checked the signature, nothing in it is proven: ``read_header`` only shows a claim."""

    file_type: str
    file_id: str
    sender_device: str
    sender_user: str
    sequence: int
    created: datetime
    recipients: tuple[str, ...] = ()
    records: int = 0
    attachments: int = 0
    bytes: int = 0
    key_commitment: str = ""
    version: int = FORMAT_VERSION

    def to_json(self) -> dict:
        return {"type": self.file_type, "file_id": self.file_id, "sender_device": self.sender_device,
                "sender_user": self.sender_user, "recipients": list(self.recipients), "sequence": self.sequence,
                "created": strict.format_time(self.created), "records": self.records,
                "attachments": self.attachments, "bytes": self.bytes, "key_commitment": self.key_commitment}


def encode(header: BatchHeader) -> bytes:
    """The header as it is written: prelude + canonical JSON. Checks what a reader would refuse."""
    _check(header)
    text = json.dumps(header.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    if len(text) > MAX_HEADER_BYTES:
        raise ValueError("batch header too large")
    return PRELUDE.pack(MAGIC, FORMAT_VERSION, len(text)) + text


def digest(encoded: bytes) -> bytes:
    """The header hash that the key wrapping, every chunk and the signature are bound to."""
    return hashlib.sha256(encoded).digest()


def read_prelude(raw: bytes) -> tuple[int, int]:
    """(version, header length) from the first ``PRELUDE.size`` bytes; HeaderProblem when they are not ours."""
    if len(raw) < len(MAGIC):
        raise HeaderProblem("not_a_batch" if not MAGIC.startswith(raw) or not raw else "truncated")
    if raw[:len(MAGIC)] == VOLUME_MAGIC:
        raise HeaderProblem("not_first_volume")
    if raw[:len(MAGIC)] != MAGIC:
        raise HeaderProblem("not_a_batch")
    if len(raw) < PRELUDE.size:
        raise HeaderProblem("truncated")
    _magic, version, length = PRELUDE.unpack(raw[:PRELUDE.size])
    if version > FORMAT_VERSION:
        raise HeaderProblem("newer_version", f"format version {version}")
    if version < 1:
        raise HeaderProblem("tampered", f"format version {version}")
    if length > MAX_HEADER_BYTES:
        raise HeaderProblem("tampered", "header length")
    return version, length


def decode(text: bytes, version: int) -> BatchHeader:
    """The header from its JSON bytes; HeaderProblem("tampered") for anything but the exact shape."""
    try:
        obj = strict.read_object(json.loads(text.decode("utf-8")), "header")
        if sorted(obj) != sorted(_FIELDS):
            raise strict.PayloadError("header: unexpected fields")
        recipients = strict.read_list(obj, "recipients", "header")
        if not 1 <= len(recipients) <= MAX_RECIPIENTS or not all(_is_id(r) for r in recipients):
            raise strict.PayloadError("header.recipients")
        header = BatchHeader(
            file_type=strict.read_str(obj, "type", "header", max_len=20),
            file_id=strict.read_uuid(obj, "file_id", "header"),
            sender_device=strict.read_str(obj, "sender_device", "header", max_len=MAX_ID_LENGTH),
            sender_user=strict.read_str(obj, "sender_user", "header", max_len=MAX_ID_LENGTH),
            recipients=tuple(recipients),
            sequence=strict.read_int(obj, "sequence", "header"),
            created=strict.parse_time(strict.read_time(obj, "created", "header")),
            records=strict.read_int(obj, "records", "header"),
            attachments=strict.read_int(obj, "attachments", "header"),
            bytes=_read_size(obj, "bytes"),
            key_commitment=strict.read_sha256(obj, "key_commitment", "header"),
            version=version)
        _check(header)
        return header
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise HeaderProblem("tampered", str(exc)) from exc


def _read_size(obj: dict, key: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_BYTES:
        raise strict.PayloadError(f"header.{key}")
    return value


def _is_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH


def _check(header: BatchHeader) -> None:
    if header.file_type not in FILE_TYPES:
        raise ValueError(f"file type must be one of {FILE_TYPES}")
    if not strict.is_uuid(header.file_id):
        raise ValueError("file_id must be a lowercase UUID")
    if not (_is_id(header.sender_device) and _is_id(header.sender_user)):
        raise ValueError("sender ids must be non-empty strings")
    if len(set(header.recipients)) != len(header.recipients) or not all(map(_is_id, header.recipients)):
        raise ValueError("recipient key ids must be unique non-empty strings")
    if not strict.is_sha256(header.key_commitment):
        raise ValueError("key_commitment must be a lowercase SHA-256 hex string")
    for value in (header.sequence, header.records, header.attachments):
        if not 0 <= value <= strict.MAX_INT:
            raise ValueError("counts and sequence must be whole numbers from 0")
