"""Real keys, real attachment files and real batch files for the batch format tests (tests/sync/test_batch_*.py)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: sample records

from sample_records import valid_birth  # noqa: E402

from sync.batch import BatchError, BatchHeader, RecordEntry, open_batch, write_batch  # noqa: E402

CREATED = datetime(2026, 12, 1, 9, 30, 0)


@dataclass
class Party:
    """A laptop's batch keys: the signing pair and the encryption pair, with the key id the key list gives."""

    key_id: str
    signing: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    encryption: X25519PrivateKey = field(default_factory=X25519PrivateKey.generate)

    @property
    def recipient(self):
        return (self.key_id, self.encryption.public_key())


@dataclass
class Written:
    path: Path
    header: BatchHeader
    payload: bytes
    records: list[RecordEntry]
    attachments: dict[str, bytes]


def records_payload(count: int, seed: int = 1) -> tuple[bytes, list[RecordEntry]]:
    """``count`` birth records as push JSON (about 1 KB each) and their manifest entries."""
    rng = random.Random(seed)
    records = []
    for n in range(count):
        data = valid_birth()
        data["child_name"] = f"Anak {n} {rng.randrange(10**6)}"
        records.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "kind": "birth",
                        "status": "submitted", "version": 1 + n % 3, "data": data})
    payload = json.dumps({"batch_id": str(uuid.uuid4()), "records": records}, sort_keys=True).encode()
    entries = [RecordEntry(r["id"], r["version"], hashlib.sha256(json.dumps(r["data"], sort_keys=True).encode())
                           .hexdigest()) for r in records]
    return payload, entries


def make_attachments(folder: Path, count: int, *, size: int = 20_000, seed: int = 2) -> dict[str, Path]:
    """``count`` files of random bytes (sizes around ``size``, one empty) named by nothing in particular."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    for n in range(count):
        data = rng.randbytes(0 if n == 3 else rng.randrange(size // 2, size * 2))
        path = folder / f"photo-{n}.jpg"
        path.write_bytes(data)
        found[hashlib.sha256(data).hexdigest()] = path
    return found


def header(*, file_type: str = "batch", sequence: int = 7, device: str = "device-siti") -> BatchHeader:
    return BatchHeader(file_type=file_type, file_id=str(uuid.uuid4()), sender_device=device,
                       sender_user="user-siti", sequence=sequence, created=CREATED)


def write(folder: Path, sender: Party, recipients: list[Party], *, records: int = 20, attachments: int = 30,
          stem: str = "siti-0007", **options) -> Written:
    folder.mkdir(parents=True, exist_ok=True)
    payload, entries = records_payload(records)
    files = make_attachments(folder.parent / f"{stem}-photos", attachments)
    head = header()
    path = write_batch(folder, stem, head, payload, list(files.items()), sender.signing,
                       [r.recipient for r in recipients], records=entries, **options)
    return Written(path, head, payload, entries, {sha: p.read_bytes() for sha, p in files.items()})


def open_as(path: Path, who: Party, sender: Party, staging: Path, **options):
    return open_batch(path, who.key_id, who.encryption, lambda _header: sender.signing.public_key(), staging,
                      **options)


def refusal(path: Path, who: Party, sender: Party, staging: Path) -> str:
    """The code ``open_batch`` refuses the file with; fails if it opens. The staging folder must be left empty."""
    try:
        open_as(path, who, sender, staging)
    except BatchError as exc:
        left = sorted(p.name for p in staging.iterdir()) if staging.exists() else []
        assert left == [], f"staging not emptied after {exc.code}: {left[:3]}"
        assert exc.text("id") != exc.template, f"{exc.code} has no Indonesian message"
        return exc.code
    raise AssertionError(f"{path.name} opened")


def flip(data: bytes, offset: int) -> bytes:
    out = bytearray(data)
    out[offset] ^= 0x01
    return bytes(out)


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def random_bytes(size: int) -> bytes:
    return os.urandom(size)
