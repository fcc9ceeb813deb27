"""Login on a locked laptop: the password's slow hash unwraps the data key from the key ring, the encrypted
database opens, the account's checks run. Prints ONE JSON line.

    .venv/bin/python bench/unlock.py [--runs 5]

Goal (issue 11): <= 1 s here. Each run is a fresh process state for the workspace (opened locked, as at a start).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import auth, login  # noqa: E402
from app.workspace import Workspace  # noqa: E402

PASSWORD = "kopi-susu-77"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jemput-bench-unlock-"))
    first = Workspace.open(folder)
    login.create_first_account(first, username="siti", full_name="Siti Aminah", password=PASSWORD, role="officer")
    first.close()
    open_ms, unlock_ms, wrong_ms = [], [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        ws = Workspace.open(folder)
        open_ms.append((time.perf_counter() - t) * 1000)
        assert ws.locked
        t = time.perf_counter()
        refused = login.attempt_login(ws, username="siti", password="salah-sekali-9")
        wrong_ms.append((time.perf_counter() - t) * 1000)
        assert not isinstance(refused, auth.Actor) and ws.locked
        t = time.perf_counter()
        actor = login.attempt_login(ws, username="siti", password=PASSWORD)
        unlock_ms.append((time.perf_counter() - t) * 1000)
        assert isinstance(actor, auth.Actor) and not ws.locked
        ws.close()
    print(json.dumps({
        "runs": args.runs,
        "open_locked_ms": round(statistics.median(open_ms), 1),
        "login_unlock_median_ms": round(statistics.median(unlock_ms), 1),
        "login_unlock_max_ms": round(max(unlock_ms), 1),
        "wrong_password_median_ms": round(statistics.median(wrong_ms), 1),
        "hash": f"argon2id m={auth.ARGON2_MEMORY_KIB} KiB t={auth.ARGON2_ITERATIONS} p={auth.ARGON2_LANES}",
    }))


if __name__ == "__main__":
    main()
