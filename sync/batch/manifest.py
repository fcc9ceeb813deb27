"""The manifest, the first thing in a batch's encrypted body: what the file holds, so the reader checks every part.

Body layout (plaintext, before it is cut into chunks): u32 length of the manifest JSON, the manifest JSON, the
payload bytes, then each attachment's bytes in the manifest's order.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass

from sync import strict

LENGTH = struct.Struct(">I")
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
# The payload is handed back in memory (the push JSON); 10,000 records are about 10 MB. Anything far larger is
# not something a laptop wrote, and an unverified claim must not make the reader allocate it.
MAX_PAYLOAD_BYTES = 256 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 2**40


@dataclass(frozen=True)
class RecordEntry:
    """One record in the payload: its id, version and ``Record.content_hash()``, so an importer can tell what it
    already holds without parsing the payload, and a receipt can name exactly what arrived."""

    id: str
    version: int
    content_hash: str


@dataclass(frozen=True)
class AttachmentEntry:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    payload_sha256: str
    payload_size: int
    records: tuple[RecordEntry, ...]
    attachments: tuple[AttachmentEntry, ...]

    def body_size(self, encoded_length: int) -> int:
        """Plaintext body bytes: the manifest's length field and JSON, the payload and every attachment."""
        return LENGTH.size + encoded_length + self.payload_size + sum(a.size for a in self.attachments)


def encode(manifest: Manifest) -> bytes:
    """The length-prefixed manifest JSON."""
    obj = {"payload": {"sha256": manifest.payload_sha256, "bytes": manifest.payload_size},
           "records": [{"id": r.id, "version": r.version, "content_hash": r.content_hash} for r in manifest.records],
           "attachments": [{"sha256": a.sha256, "bytes": a.size} for a in manifest.attachments]}
    text = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()
    if len(text) > MAX_MANIFEST_BYTES:
        raise ValueError("too many records for one batch file")
    return LENGTH.pack(len(text)) + text


def decode(text: bytes) -> Manifest:
    """The manifest from its JSON; ValueError for anything but the exact shape."""
    obj = strict.read_object(json.loads(text.decode("utf-8")), "manifest")
    if sorted(obj) != ["attachments", "payload", "records"]:
        raise ValueError("manifest: unexpected fields")
    payload = strict.read_object(obj["payload"], "manifest.payload")
    if sorted(payload) != ["bytes", "sha256"]:
        raise ValueError("manifest.payload: unexpected fields")
    records = []
    for n, item in enumerate(strict.read_list(obj, "records", "manifest")):
        where = f"manifest.records[{n}]"
        item = strict.read_object(item, where)
        if sorted(item) != ["content_hash", "id", "version"]:
            raise ValueError(f"{where}: unexpected fields")
        records.append(RecordEntry(strict.read_str(item, "id", where), strict.read_int(item, "version", where),
                                   strict.read_sha256(item, "content_hash", where)))
    attachments = []
    for n, item in enumerate(strict.read_list(obj, "attachments", "manifest")):
        where = f"manifest.attachments[{n}]"
        item = strict.read_object(item, where)
        if sorted(item) != ["bytes", "sha256"]:
            raise ValueError(f"{where}: unexpected fields")
        attachments.append(AttachmentEntry(strict.read_sha256(item, "sha256", where),
                                           _size(item, where, MAX_ATTACHMENT_BYTES)))
    if len({a.sha256 for a in attachments}) != len(attachments):
        raise ValueError("manifest.attachments: a file is listed twice")
    return Manifest(strict.read_sha256(payload, "sha256", "manifest.payload"),
                    _size(payload, "manifest.payload", MAX_PAYLOAD_BYTES), tuple(records), tuple(attachments))


def _size(obj: dict, where: str, limit: int) -> int:
    value = obj.get("bytes")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise ValueError(f"{where}.bytes: expected a size from 0 to {limit}")
    return value
