"""Local database at field scale: fills a fresh database with realistic registrations of all three services
(e-KTP 60 %, birth 20 %, cataract 20 %) through the real services,
then measures what an officer feels. Prints ONE JSON line.

    .venv/bin/python bench/local_db.py [--records 100000] [--keep DIR]

Goals (issue 2): search p95 <= 50 ms, first page <= 100 ms, rss <= 300 MB at 100,000 records.
The database is encrypted (SQLCipher) as on every laptop; issue 11 asks that inserts stay within 0.7x of a
plaintext database, so the same run first fills a plaintext one (``--baseline`` records, through the same
services) and reports both rates and their ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from app import auth, follow_up, registrations as regs  # noqa: E402
from db import migrate  # noqa: E402
from db.models import Registration  # noqa: E402
from app.workspace import Workspace, utcnow  # noqa: E402
from bench.realistic import birth, cataract, person, sumsel_villages  # noqa: E402

PAGE = 200
BATCH = 1000
# The mix of a season of jemput bola: mostly e-KTP recordings, then births and eye screenings.
KINDS = (("ektp", person, 0.6), ("birth", birth, 0.2), ("cataract", cataract, 0.2))


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[int(len(ordered) * 0.95) - 1]


def fill(ws: Workspace, actor: auth.Actor, n: int, rng: random.Random) -> float:
    villages = sumsel_villages()
    today = date.today()
    start = time.perf_counter()
    base = utcnow() - timedelta(days=60)
    done = 0
    while done < n:
        with ws.transaction() as s:
            for _ in range(min(BATCH, n - done)):
                now = base + timedelta(seconds=done * 50)
                kind, make = pick_kind(rng)
                regs.create_draft(s, actor=actor, kind=kind, now=now, data=make(rng, rng.choice(villages), today))
                done += 1
    return n / (time.perf_counter() - start)


class PlaintextWorkspace(Workspace):
    """Today's database as it was before encryption at rest: the baseline of the insert rate, in the same run."""

    def unlock(self, key: bytes) -> None:
        self.migration = migrate.upgrade(self.db_path)
        self._key = key
        self._open_engine(None)


def insert_rate(ws: Workspace, n: int, rng: random.Random) -> float:
    with ws.transaction() as s:
        user = auth.create_user(s, username="bench", full_name="Bench Officer", password="kopi-susu-77",
                                role="officer", now=utcnow())
        actor = auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)
    return fill(ws, actor, n, rng)


def pick_kind(rng: random.Random):
    roll = rng.random()
    for kind, make, share in KINDS:
        if roll < share:
            return kind, make
        roll -= share
    return KINDS[0][:2]


def timed(fn, queries) -> list[float]:
    samples = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=20_000, help="records inserted into a plaintext "
                                                                        "database first, for the ratio")
    parser.add_argument("--keep", type=Path, help="folder to keep the filled database in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="jemput-bench-"))
    plain_folder = Path(tempfile.mkdtemp(prefix="jemput-bench-plain-"))
    plain = PlaintextWorkspace(plain_folder / "jemput.sqlite", None, key=b"\0" * 32)
    plain_per_s = insert_rate(plain, args.baseline, random.Random(7))
    plain.close()
    rng = random.Random(7)
    ws = Workspace.open(folder)
    # Encrypted from the first byte, as a laptop's.
    assert not migrate.is_plaintext(ws.db_path) and ws.engine.dialect.dbapi.__name__.startswith("sqlcipher3")
    start = time.perf_counter()
    insert_per_s = insert_rate(ws, args.records, rng)
    fill_s = time.perf_counter() - start
    key = ws.data_key
    ws.close()

    # Measure as the app does after a start: a fresh engine, cold Python caches.
    ws = Workspace.open(folder, key=key)
    with ws.transaction() as s:
        first = timed(lambda _: regs.search(s, limit=PAGE), range(1))[0]
        niks = [r.subject_nik for r in regs.search(s, limit=2000) if r.subject_nik]
        names = [r.subject_name for r in regs.search(s, offset=args.records // 2, limit=2000)]
        nik_queries = [rng.choice(niks)[: rng.randint(6, 12)] for _ in range(200)]
        name_queries = []
        for _ in range(200):
            word = rng.choice(rng.choice(names).split())
            i = rng.randint(0, max(0, len(word) - 3))
            name_queries.append(word[i:i + rng.randint(3, 5)].lower())
        nik_ms = timed(lambda q: regs.search(s, text=q, limit=PAGE), nik_queries)
        name_ms = timed(lambda q: regs.search(s, text=q, limit=PAGE), name_queries)
        count_ms = timed(lambda q: regs.count(s, text=q), name_queries[:20])
        villages = [r.village_code for r in regs.search(s, limit=500) if r.village_code]
        village_ms = timed(lambda q: regs.search(s, village=q[:8], limit=PAGE), villages[:100])
        kind_ms = timed(lambda q: regs.search(s, kind=q, limit=PAGE), ["ektp", "birth", "cataract"] * 20)
        follow_ms = timed(lambda _: follow_up.follow_ups(s, until=date.today() + timedelta(days=7)), range(20))
        kinds = dict(s.execute(select(Registration.kind, func.count()).group_by(Registration.kind)).all())
    ws.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "records": args.records,
        "encrypted": True,
        "insert_per_s": round(insert_per_s),
        "plaintext_insert_per_s": round(plain_per_s),
        "insert_ratio": round(insert_per_s / plain_per_s, 2),
        "fill_s": round(fill_s, 1),
        "search_nik_p95_ms": round(p95(nik_ms), 2),
        "search_name_p95_ms": round(p95(name_ms), 2),
        "count_name_p95_ms": round(p95(count_ms), 2),
        "filter_village_p95_ms": round(p95(village_ms), 2),
        "filter_kind_p95_ms": round(p95(kind_ms), 2),
        "follow_up_list_p95_ms": round(p95(follow_ms), 2),
        "kinds": kinds,
        "first_page_ms": round(first, 2),
        "rss_mb": round(rss_mb, 1),
        "db_mb": round((folder / "jemput.sqlite").stat().st_size / 2**20, 1),
    }))


if __name__ == "__main__":
    main()
