"""Trains the zstd dictionary a push body is compressed with (sync/compression.py) on registration-like records
(bench/realistic.py: e-KTP, birth and cataract forms in the shares bench/sync.py uses), built and signed exactly as
a laptop sends them, and writes it as sync/dictionaries/records-<version>.zstd-dict.

    .venv/bin/python scripts/train_zstd_dictionary.py --version 2 [--records 4000] [--size 65536] [--seed 7]

A released dictionary is never retrained in place: laptops and servers name it on the wire, so a new one is a new
version (both keep the old ones). The seed differs from bench/sync.py's, so the bench measures records the
dictionary has not seen.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import auth  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from bench.sync import fill  # noqa: E402
from db.ids import new_id  # noqa: E402
from sync import device_keys, signing  # noqa: E402
from sync import records as local  # noqa: E402
from sync.compression import DICTIONARY_DIR  # noqa: E402
from sync.payload import compact_history, dumps, to_dict  # noqa: E402

PASSWORD = "rahasia123"


def samples(n: int, seed: int) -> list[bytes]:
    """n records as JSON, each as it appears in a push body: signed, the create entry's changes written "=data"
    (sync.payload.compact_history), compact, keys in protocol order."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="jemput-zdict-") as tmp:
        ws = Workspace.open(Path(tmp) / "laptop")
        with ws.transaction() as s:
            auth.create_first_account(s, username="siti", full_name="Siti Aminah", password=PASSWORD,
                                      role="officer", now=ws.now())
        with ws.transaction() as s:
            actor = auth.login(s, username="siti", password=PASSWORD, now=ws.now(), device_id=ws.device_id)
        ids = fill(ws, actor, n, rng)
        key, device_id = device_keys.generate().signing, new_id()
        with ws.transaction() as s:
            records = [r for i in range(0, len(ids), 500) for r in local.build(s, ids[i:i + 500])]
        ws.close()
    return [dumps(compact_history(to_dict(signing.sign_record(r, device_id=device_id, key=key)))) for r in records]


def main() -> None:
    import zstandard

    parser = argparse.ArgumentParser()
    parser.add_argument("--version", type=int, required=True)
    parser.add_argument("--records", type=int, default=4000)
    parser.add_argument("--size", type=int, default=64 * 1024)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    target = DICTIONARY_DIR / f"records-{args.version}.zstd-dict"
    if target.exists():
        raise SystemExit(f"{target.name} exists: a released dictionary is never replaced, use a new version")
    data = samples(args.records, args.seed)
    dictionary = zstandard.train_dictionary(args.size, data, level=9, threads=1)
    target.write_bytes(dictionary.as_bytes())
    print(json.dumps({"dictionary": target.name, "bytes": len(dictionary.as_bytes()),
                      "zstd_dict_id": dictionary.dict_id(), "samples": len(data)}))


if __name__ == "__main__":
    main()
