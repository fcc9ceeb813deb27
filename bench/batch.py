"""Hand-over by USB stick through the app's own services (sync/handover/): ``export_batch`` on an officer's real
workspace and ``import_batch`` on their supervisor's, each in a process of its own so that its peak memory is its
own. Prints ONE JSON line per scenario.

    .venv/bin/python bench/batch.py [--scenario photos|records] [--keep DIR]

Scenarios (issue 10): ``photos``, 1,000 records with 1,000 photos of 100 KB (random bytes, as incompressible as
JPEGs); ``records``, 10,000 records without photos. ``raw_bytes`` is the records as push JSON plus the photo
bytes; ``file_bytes`` the batch file on the stick. ``export_s`` covers reading the records, signing each, writing
the file and marking the records handed over; ``import_s`` every check, staging, the one transaction that applies
the records into the review queue and queues the relay, moving the photos into place and writing the receipt.
Goals: file_bytes <= 1.02 x raw_bytes with photos, peak_rss_mb <= 300, export_s and import_s <= 10 for 10,000.
The two laptops are given their keys and a key list signed by a province root key made here (no server needed).
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
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCENARIOS = {"photos": (1000, 100 * 1024), "records": (10_000, 0)}
PASSWORD = "rahasia123"
OFFICER, SUPERVISOR = "01a2f000-0000-7000-8000-00000000be01", "01a2f000-0000-7000-8000-00000000be02"
DEVICES = {"siti": "01a2f000-0000-7000-8000-00000000de01", "sup": "01a2f000-0000-7000-8000-00000000de02"}


def _keys(folder: Path, name: str):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    path = folder / f"{name}.keys"
    if not path.exists():
        from sync.signing import private_raw

        path.write_bytes(private_raw(Ed25519PrivateKey.generate()) + private_raw(X25519PrivateKey.generate()))
    raw = path.read_bytes()
    return Ed25519PrivateKey.from_private_bytes(raw[:32]), X25519PrivateKey.from_private_bytes(raw[32:])


def setup(folder: Path, records: int, photo_bytes: int) -> dict:
    """Both laptops, enrolled as far as the keys go, and the officer's records; returns raw_bytes."""
    from app import auth
    from app.workspace import Workspace
    from bench.sync import fill
    from db.models import Meta
    from sync import device_keys, key_list, records as local, signing
    from sync.enrol import store_account
    from sync.payload import Account, dumps, to_dict

    root, _ = _keys(folder, "root")
    _, server_box = _keys(folder, "server")
    now = datetime(2026, 12, 1, 8, 0)
    password_hash = auth.hash_password(PASSWORD)
    accounts = [Account(OFFICER, "siti", "Siti Aminah", "officer", password_hash),
                Account(SUPERVISOR, "sup", "Ani Supervisor", "supervisor", password_hash, team=[OFFICER])]
    entries = [key_list.KeyEntry(DEVICES[name], f"laptop-{name}", signing.public_text(_keys(folder, name)[0]),
                                 signing.public_text(_keys(folder, name)[1]), (user,))
               for name, user in (("siti", OFFICER), ("sup", SUPERVISOR))]
    listing = key_list.sign(key_list.KeyList(1, "2026-12-01T08:00:00.000000Z", signing.public_text(server_box),
                                             tuple(entries)), root)
    for name in ("siti", "sup"):
        ws = Workspace.open(folder / name)
        sign, box = _keys(folder, name)
        with ws.transaction() as s:
            for account in accounts:
                store_account(s, account, now)
            device_keys.store_own(s, device_keys.OwnKeys(sign, box, registered=True), now=now)
            s.merge(Meta(key=device_keys.SERVER_DEVICE_ID, value=DEVICES[name]))
            device_keys.pin_root_key(s, signing.public_text(root))
            device_keys.store_key_list(s, listing, now=now)
        ws.close()
    ws = Workspace.open(folder / "siti")
    with ws.transaction() as s:
        actor = auth.login(s, username="siti", password=PASSWORD, now=ws.now(), device_id=ws.device_id)
    ids = fill(ws, actor, records, random.Random(10), photo_bytes)
    with ws.reading() as s:
        payload = sum(len(dumps(to_dict(r))) + 1 for i in range(0, len(ids), 500)
                      for r in local.build(s, ids[i:i + 500]))
    ws.close()
    return {"raw_bytes": payload + records * photo_bytes * (1 if photo_bytes else 0)}


def phase(folder: Path, which: str) -> dict:
    from app import auth
    from app.workspace import Workspace
    from sync.handover import export_batch, import_batch

    name = "siti" if which == "export" else "sup"
    ws = Workspace.open(folder / name)
    with ws.transaction() as s:
        actor = auth.login(s, username=name, password=PASSWORD, now=ws.now(), device_id=ws.device_id)
    stick = folder / "stick"
    stick.mkdir(exist_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    if which == "export":
        result = export_batch(ws, actor, stick)
        out = {"file_bytes": result.bytes, "path": str(result.path), "records": result.records,
               "photos": result.files}
    else:
        path = next(stick.glob("berkas-*.jbb"))
        result = import_batch(ws, actor, path)
        assert result.records_new and result.receipt_path is not None
        out = {"imported": result.records_new, "files": result.files}
    out["seconds"] = round(time.perf_counter() - started, 2)
    out["cpu_seconds"] = round(time.process_time() - cpu, 2)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    ws.close()
    return out


def run(scenario: str, keep: Path | None) -> dict:
    records, photo_bytes = SCENARIOS[scenario]
    folder = Path(tempfile.mkdtemp(prefix=f"batch-{scenario}-", dir=keep))
    try:
        raw = _child(folder, "setup", scenario)
        export = _child(folder, "export", scenario)
        imported = _child(folder, "import", scenario)
        assert imported["imported"] == records, imported
        return {"scenario": scenario, "records": export["records"], "photos": export["photos"],
                "export_s": export["seconds"], "import_s": imported["seconds"], "file_bytes": export["file_bytes"],
                "raw_bytes": raw["raw_bytes"], "file_over_raw": round(export["file_bytes"] / raw["raw_bytes"], 4),
                "peak_rss_mb": max(export["peak_rss_mb"], imported["peak_rss_mb"]),
                "export_rss_mb": export["peak_rss_mb"], "import_rss_mb": imported["peak_rss_mb"],
                # This process's own CPU time: on a machine shared with other work the wall clock says less.
                "export_cpu_s": export["cpu_seconds"], "import_cpu_s": imported["cpu_seconds"]}
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def _child(folder: Path, which: str, scenario: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", which, "--scenario", scenario, "--folder", str(folder)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), action="append")
    parser.add_argument("--keep", type=Path, help="leave the workspaces and the stick in this folder")
    parser.add_argument("--child", choices=("setup", "export", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        records, photo_bytes = SCENARIOS[args.scenario[0]]
        result = setup(args.folder, records, photo_bytes) if args.child == "setup" else phase(args.folder, args.child)
        print(json.dumps(result))
        return
    for scenario in args.scenario or ["photos", "records"]:
        print(json.dumps(run(scenario, args.keep)), flush=True)


if __name__ == "__main__":
    main()
