"""The XLSX export of the records list at 10,000 records, as a supervisor runs it from the records page (every
record, NIKs masked). Prints ONE JSON line.

    .venv/bin/python bench/export_xlsx.py [--records 10000] [--keep DIR]   # DIR: fill once, reuse after

Goal (issue 9): export_10k_s <= 5. ``measure_export(workspace)`` is importable by other bench scripts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from app import auth  # noqa: E402
from app.record_views import RecordQuery  # noqa: E402
from app.reports import export  # noqa: E402
from app.workspace import Workspace, utcnow  # noqa: E402
from bench.local_db import fill  # noqa: E402
from db.models import Registration, User  # noqa: E402


def supervisor(ws: Workspace) -> auth.Actor:
    """The bench's supervisor, made the first time."""
    with ws.transaction() as s:
        user = s.scalar(select(User).where(User.username == "bench-supervisor"))
        if user is None:
            user = auth.create_user(s, username="bench-supervisor", full_name="Bench Supervisor",
                                    password="kopi-susu-77", role="supervisor", now=utcnow())
        return auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)


def ensure_records(ws: Workspace, n: int) -> int:
    """Tops the database up to ``n`` realistic records (bench.local_db's mix); returns how many it holds."""
    actor = supervisor(ws)
    with ws.transaction() as s:
        have = s.scalar(select(func.count()).select_from(Registration))
    if have < n:
        fill(ws, actor, n - have, random.Random(have + 7))
    return max(have, n)


def measure_export(workspace: Workspace, target: Path | None = None) -> float:
    """Seconds to export every record of ``workspace`` to XLSX as a supervisor, audit entry included."""
    actor = supervisor(workspace)
    target = target or Path(tempfile.mkdtemp(prefix="jemput-export-")) / "data-jemput.xlsx"
    start = time.perf_counter()
    with workspace.transaction() as s:
        export.export_records(s, actor=actor, query=RecordQuery(), target=target, fmt="xlsx", now=utcnow())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the filled database in, reused next time")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="jemput-bench-export-"))
    ws = Workspace.open(folder)
    records = ensure_records(ws, args.records)
    ws.close()
    ws = Workspace.open(folder)  # measured as after a start: a fresh engine
    target = folder / "export" / "data-jemput.xlsx"
    target.parent.mkdir(exist_ok=True)
    seconds = measure_export(ws, target)
    ws.close()
    print(json.dumps({"records": records, "export_10k_s": round(seconds, 2),
                      "xlsx_mb": round(target.stat().st_size / 2**20, 2)}))


if __name__ == "__main__":
    main()
