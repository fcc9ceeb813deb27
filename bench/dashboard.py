"""The dashboard at field scale: a supervisor's laptop holding 100,000 registrations of eight officers over two
months, the services in the mix of a season, statuses from draft to done. Prints ONE JSON line.

    .venv/bin/python bench/dashboard.py [--records 100000] [--keep DIR]

Goals (issue 9), at 100,000 records: the dashboard's figures (``app.dashboard.dashboard``, ``dashboard_ms``) in
<= 200 ms, the review queue's first page (``app.review_queue.waiting``, ``queue_first_page_ms``) in <= 100 ms;
and a 10,000-row XLSX export (``bench/export_xlsx.py``, ``export_10k_s``, its own database of that size) in <= 5 s.
With ``--keep`` the filled databases are kept in DIR and reused by the next run with the same folder.

More measurements of the same database go in ``MEASUREMENTS`` as key -> ``fn(workspace, actor) -> float``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, update  # noqa: E402

from app import auth, dashboard, registrations as regs, review_queue  # noqa: E402
from app.workspace import Workspace, utcnow  # noqa: E402
from bench import export_xlsx  # noqa: E402
from bench.local_db import pick_kind  # noqa: E402
from bench.realistic import sumsel_villages  # noqa: E402
from db.models import Registration, SyncLog, User  # noqa: E402

OFFICERS = 8
BATCH = 1000
RUNS = 9
# The share of records at each status: drafts still open, a backlog waiting for review, the rest on its way.
STATUS_MIX = (("draft", 0.15), ("submitted", 0.15), ("returned", 0.03), ("approved", 0.37), ("accepted", 0.2),
              ("done", 0.1))


def fill(ws: Workspace, n: int, rng: random.Random) -> None:
    """Records made through the real service (their people and history too), spread over 60 days, officers and
    the villages of a few districts; then statuses set in bulk, which the dashboard reads as they are."""
    villages = sumsel_villages()[:400]  # a regency's worth: officers work a few districts, not the province
    today = ws.today()
    base = utcnow() - timedelta(days=60)
    with ws.transaction() as s:
        officers = [_actor(ws, auth.create_user(s, username=f"petugas{i}", full_name=f"Petugas {i}",
                                                password="kopi-susu-77", role="officer", now=base))
                    for i in range(OFFICERS)]
        auth.create_user(s, username="ani", full_name="Ani Supervisor", password="kopi-susu-77", role="supervisor",
                         now=base)
    done = 0
    while done < n:
        with ws.transaction() as s:
            for _ in range(min(BATCH, n - done)):
                kind, make = pick_kind(rng)
                regs.create_draft(s, actor=rng.choice(officers), kind=kind, now=base + timedelta(seconds=done * 51),
                                  data=make(rng, rng.choice(villages), today))
                done += 1
    with ws.transaction() as s:
        ids = list(s.scalars(select(Registration.id).order_by(Registration.id)))
        rng.shuffle(ids)
        start = 0
        for state, share in STATUS_MIX:
            chunk = ids[start:start + int(len(ids) * share)]
            start += len(chunk)
            if state != "draft":
                s.execute(update(Registration).where(Registration.id.in_(chunk)).values(
                    status=state, submitted_at=Registration.updated_at))
        for i, officer in enumerate(officers):
            finished = utcnow() - timedelta(days=i * 2)
            s.add(SyncLog(started_at=finished - timedelta(minutes=3), finished_at=finished, user_id=officer.user_id,
                          username=officer.username, result="ok"))


def _actor(ws: Workspace, user: User) -> auth.Actor:
    return auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)


def measure_dashboard(workspace: Workspace, actor: auth.Actor) -> float:
    """Median milliseconds of the dashboard's figures for ``actor``, as the page loads them (one transaction)."""
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with workspace.transaction() as s:
            dashboard.dashboard(s, actor=actor, now=workspace.now(), today=workspace.today(),
                                regions=workspace.regions)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure_officer_dashboard(workspace: Workspace, actor: auth.Actor) -> float:
    """The same for one officer (their own records only), who sees it on their own laptop."""
    with workspace.transaction() as s:
        user = s.scalars(select(User).where(User.role == "officer").limit(1)).one()
        officer = _actor(workspace, user)
    return measure_dashboard(workspace, officer)


def measure_queue_first_page(workspace: Workspace, actor: auth.Actor) -> float:
    """Median milliseconds of the review queue's first page (the oldest waiting first) for the supervisor."""
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with workspace.transaction() as s:
            review_queue.waiting(s, actor=actor)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


MEASUREMENTS = {"dashboard_ms": measure_dashboard, "officer_dashboard_ms": measure_officer_dashboard,
                "queue_first_page_ms": measure_queue_first_page}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the filled database in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="jemput-bench-"))
    ws = Workspace.open(folder)
    with ws.transaction() as s:
        have = s.scalar(select(func.count()).select_from(Registration))
    if not have:
        fill(ws, args.records, random.Random(9))
    ws.close()

    # Measure as the app does after a start: a fresh engine, cold Python caches.
    ws = Workspace.open(folder)
    with ws.transaction() as s:
        records = s.scalar(select(func.count()).select_from(Registration))
        boss = s.scalars(select(User).where(User.role == "supervisor")).one()
    supervisor = _actor(ws, boss)
    figures = {"records": records}
    figures |= {key: round(fn(ws, supervisor), 2) for key, fn in MEASUREMENTS.items()}
    with ws.transaction() as s:
        figures["queue_waiting"] = s.scalar(select(func.count()).select_from(Registration)
                                            .where(Registration.status == "submitted"))
    ws.close()
    # The export goal is for 10,000 rows: its own database of that size (bench/export_xlsx.py), beside this one.
    export_folder = folder / "export-10k"
    export_folder.mkdir(exist_ok=True)
    ws = Workspace.open(export_folder)
    export_xlsx.ensure_records(ws, 10_000)
    figures["export_10k_s"] = round(export_xlsx.measure_export(ws), 2)
    ws.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
