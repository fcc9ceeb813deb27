"""The batch file format alone (sync/batch/, sync/BATCH.md): writing and opening a batch for a USB stick, each in a
process of its own so that its peak memory is its own. Prints ONE JSON line per scenario.

    .venv/bin/python bench/batch_format.py [--scenario photos|records] [--keep DIR]

Scenarios (issue 10): ``photos``, 1,000 records with 1,000 photos of 100 KB (random bytes, as incompressible as
JPEGs); ``records``, 10,000 records (~1 KB of push JSON each) without photos. ``raw_bytes`` is the payload JSON
plus the photo bytes. Goals: file_bytes <= 1.02 x raw_bytes with photos, peak_rss_mb <= 300, export_s and
import_s <= 10 for the 10,000 records. The app-level export and import (database reads, the transaction) come on
top; the lead's bench/batch.py measures those.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey  # noqa: E402

SCENARIOS = {"photos": (1000, 1000, 100 * 1024), "records": (10_000, 0, 0)}


def _raw(key) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def prepare(folder: Path, records: int, photos: int, photo_size: int) -> int:
    """Photos, the payload, the manifest entries and the keys on disk, for the child processes; returns raw bytes."""
    from sample_records import valid_birth

    from sync.payload import HistoryEntry, PushRequest, Record, dumps, file_sha256, to_dict

    rng = random.Random(10)
    (folder / "photos").mkdir(parents=True)
    shas = []
    for n in range(photos):
        path = folder / "photos" / f"{n}.jpg"
        path.write_bytes(rng.randbytes(photo_size))
        shas.append((file_sha256(path), str(path)))
    owner, device = str(uuid.uuid4()), str(uuid.uuid4())
    made = []
    for n in range(records):
        data = valid_birth()
        data["child_name"] = f"Anak {n} {rng.randrange(10**6)}"
        at = "2026-12-01T09:30:00.000000Z"
        made.append(Record(id=str(uuid.uuid4()), kind="birth", status="submitted", version=2, base_version=0,
                           owner_id=owner, device_id=device, created_at=at, updated_at=at, data=data,
                           attachments=[shas[n][0]] if n < photos else [],
                           history=[HistoryEntry(at, owner, "submitted", {})]))
    payload = dumps(to_dict(PushRequest(str(uuid.uuid4()), made)))
    (folder / "payload.json").write_bytes(payload)
    (folder / "entries.json").write_text(json.dumps([[r.id, r.version, r.content_hash()] for r in made]))
    (folder / "attachments.json").write_text(json.dumps(shas))
    (folder / "sender.key").write_bytes(_raw(Ed25519PrivateKey.generate()))
    (folder / "recipient.key").write_bytes(_raw(X25519PrivateKey.generate()))
    return len(payload) + photos * photo_size


def child(mode: str, folder: Path) -> dict:
    from sync.batch import BatchHeader, RecordEntry, open_batch, write_batch

    sender = Ed25519PrivateKey.from_private_bytes((folder / "sender.key").read_bytes())
    recipient = X25519PrivateKey.from_private_bytes((folder / "recipient.key").read_bytes())
    started = time.perf_counter()
    if mode == "export":
        payload = (folder / "payload.json").read_bytes()
        entries = [RecordEntry(*e) for e in json.loads((folder / "entries.json").read_text())]
        attachments = [(sha, Path(p)) for sha, p in json.loads((folder / "attachments.json").read_text())]
        header = BatchHeader("batch", str(uuid.uuid4()), "device-bench", "user-bench", 1, datetime(2026, 12, 1))
        (folder / "stick").mkdir()
        write_batch(folder / "stick", "bench", header, payload, attachments, sender,
                    [("key-bench", recipient.public_key())], records=entries)
        del payload
    else:
        opened = open_batch(folder / "stick" / "bench.jbb", "key-bench", recipient,
                            lambda _header: sender.public_key(), folder / "staging")
        assert len(opened.manifest.records) == len(json.loads((folder / "entries.json").read_text()))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rss_mb": _peak_rss_kb() / 1024}


def _peak_rss_kb() -> int:
    """This process's peak resident memory. Linux's ru_maxrss keeps the parent's peak across fork and exec (the
    bench holding 10,000 records would be counted in each child), so VmHWM of this image is read where it exists."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _run_child(mode: str, folder: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(folder)], capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def scenario(name: str, base: Path) -> dict:
    records, photos, photo_size = SCENARIOS[name]
    folder = base / name
    shutil.rmtree(folder, ignore_errors=True)
    raw = prepare(folder, records, photos, photo_size)
    export = _run_child("export", folder)
    file_bytes = sum(p.stat().st_size for p in (folder / "stick").iterdir())
    imported = _run_child("import", folder)
    result = {"scenario": name, "records": records, "photos": photos, "export_s": round(export["seconds"], 2),
              "import_s": round(imported["seconds"], 2), "file_bytes": file_bytes, "raw_bytes": raw,
              "file_ratio": round(file_bytes / raw, 4), "export_rss_mb": round(export["rss_mb"], 1),
              "import_rss_mb": round(imported["rss_mb"], 1),
              "peak_rss_mb": round(max(export["rss_mb"], imported["rss_mb"]), 1)}
    goals = result["peak_rss_mb"] <= 300
    goals = goals and (file_bytes <= 1.02 * raw if photos else result["export_s"] <= 10 and result["import_s"] <= 10)
    result["goals_met"] = bool(goals)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), action="append")
    parser.add_argument("--keep", type=Path, help="work in DIR and leave the files there")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    base = args.keep or Path(tempfile.mkdtemp(prefix="jemput-batch-bench-"))
    try:
        for name in args.scenario or ["photos", "records"]:
            print(json.dumps(scenario(name, base)), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
