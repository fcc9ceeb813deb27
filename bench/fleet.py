"""A province's fleet: 200 laptops at once against several server workers behind HAProxy, on one PostgreSQL.

    .venv/bin/python bench/fleet.py [--devices 200] [--records 50] [--batch 10] [--servers 1] [--workers 2]
                                    [--postgres-url URL]

PostgreSQL: a throwaway cluster started here (like scripts/test.sh, but durable: fsync and synchronous commit on,
as in production), or a fresh database in the cluster of --postgres-url / $JEMPUT_TEST_POSTGRES_URL, dropped after.
The server: ``--servers`` ``jemput-server serve --workers N`` commands on one shared data folder, behind HAProxy
(installed with apt-get when missing, as scripts/bootstrap.sh does) that balances them and passes the laptops'
addresses on in X-Forwarded-For (``serve --forwarded-allow-ips``). Each laptop is a thread with its own loopback
address (127.0.x.y, so the per-address limits see 200 laptops, not one) driving the real sync client
(sync.client.SyncClient, sync.signing): log in, push its records in sealed batches, upload a few photos, pull.
Enrolment comes before, once, as for every laptop: the timed part is a day's sync, all 200 at the same moment.
Some resend a batch (the same batch id, and the same records under a new one); some go through
bench/faultproxy.py, which cuts their connections mid-request, and the client's own retries carry on.
cpu_s: CPU seconds of each part during the fleet's run (a 2-core machine shares them all).

Prints ONE JSON line. records_per_s: the fleet's records over the fleet's wall time; single_device_records_per_s:
one laptop doing the same alone against the same server in the same run (median of three, after a warm-up).
lost / duplicated: counted in the database afterwards (every record and photo sent exactly once, at version 1);
server_errors: 5xx in the servers' access logs (client_5xx: what the laptops saw, HAProxy's own included).
Goals (issue 12): 0 / 0 / 0; records_per_s >= single_device_records_per_s; push_p95_ms <= 2000.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from requests.adapters import HTTPAdapter  # noqa: E402
from sqlalchemy import create_engine, make_url, text  # noqa: E402

from app.kinds import KINDS as SPECS  # noqa: E402
from bench.faultproxy import FaultProxy, Faults  # noqa: E402
from bench.realistic import birth, cataract, person, sumsel_villages  # noqa: E402
from db.ids import new_id  # noqa: E402
from sync import device_keys, signing  # noqa: E402
from sync.backoff import Backoff  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.payload import FileNote, HistoryEntry, Record, format_time  # noqa: E402

PASSWORD = "rahasia123"
KINDS = ((person, "ektp", 0.6), (birth, "birth", 0.2), (cataract, "cataract", 0.2))
TEAM = 10  # officers per supervisor: each officer's submitted records go to the supervisor's laptops too
ACCESS_5XX = re.compile(r'" 5\d\d ')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start")


# --- PostgreSQL --------------------------------------------------------------------------------------------------

class Postgres:
    """A database of our own: in a given cluster, or in a throwaway cluster started here."""

    def __init__(self, folder: Path, admin_url: str | None):
        self.cluster: Path | None = None
        self.as_pg: list[str] = []
        if not admin_url:
            admin_url = self._start_cluster(folder)
        self.admin_url = admin_url
        self.name = f"jemput_fleet_{uuid.uuid4().hex[:10]}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{self.name}"'))
        admin.dispose()
        self.url = make_url(admin_url).set(database=self.name).render_as_string(hide_password=False)

    def _start_cluster(self, folder: Path) -> str:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
        if not bins:
            raise SystemExit("PostgreSQL is not installed: scripts/bootstrap.sh dev installs it")
        self.bin = bins[-1]
        self.cluster = folder / "pg"
        self.cluster.mkdir()
        if os.getuid() == 0:  # PostgreSQL refuses to run as root; Debian's package made the postgres user
            shutil.chown(self.cluster, "postgres")
            shutil.chown(folder, "postgres")
            self.as_pg = ["runuser", "-u", "postgres", "--"]
        subprocess.run([*self.as_pg, str(self.bin / "initdb"), "-D", str(self.cluster / "data"), "-U", "postgres",
                        "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        options = f"-k {self.cluster} -p 5432 -c listen_addresses='' -c max_connections=300"
        subprocess.run([*self.as_pg, str(self.bin / "pg_ctl"), "-D", str(self.cluster / "data"), "-l",
                        str(self.cluster / "server.log"), "-w", "-t", "60", "-o", options, "start"],
                       check=True, capture_output=True)
        return f"postgresql+psycopg://postgres@/postgres?host={self.cluster}&port=5432"

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            admin.dispose()
        if self.cluster:
            subprocess.run([*self.as_pg, str(self.bin / "pg_ctl"), "-D", str(self.cluster / "data"), "-m",
                            "immediate", "stop"], capture_output=True)


# --- the servers and the load balancer -------------------------------------------------------------------------

class Fleet:
    """``servers`` serve commands of ``workers`` processes each on one data folder, behind HAProxy."""

    def __init__(self, folder: Path, url: str, *, servers: int, workers: int):
        self.folder, self.url = folder, url
        self.data = folder / "server"
        self.env = os.environ | {"PYTHONPATH": str(ROOT)}
        self.procs: list[subprocess.Popen] = []
        self.logs: list[Path] = []
        ports = [free_port() for _ in range(servers)]
        for i, port in enumerate(ports):
            log = folder / f"serve{i}.log"
            self.logs.append(log)
            self.procs.append(subprocess.Popen(
                [sys.executable, "-m", "server.cli", "--data-dir", str(self.data), "--database-url", url, "serve",
                 "--port", str(port), "--workers", str(workers), "--forwarded-allow-ips", "127.0.0.1"],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=log.open("wb")))
            wait_until(lambda p=port: requests.get(f"http://127.0.0.1:{p}/health", timeout=2).ok, f"server {i}")
        self.port = free_port()
        config = folder / "haproxy.cfg"
        config.write_text(haproxy_config(self.port, ports))
        self.haproxy = subprocess.Popen([haproxy_binary(), "-db", "-f", str(config)], stdout=subprocess.DEVNULL,
                                        stderr=(folder / "haproxy.log").open("wb"))
        self.base = f"http://127.0.0.1:{self.port}"
        wait_until(lambda: requests.get(self.base + "/health", timeout=2).ok, "haproxy")

    def server_errors(self) -> int:
        return sum(len(ACCESS_5XX.findall(log.read_text(errors="replace"))) for log in self.logs)

    def stop(self) -> None:
        self.haproxy.terminate()
        for proc in self.procs:
            proc.terminate()
        for proc in [self.haproxy, *self.procs]:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or (os.path.exists("/usr/sbin/haproxy") and "/usr/sbin/haproxy")
    if found:
        return found
    sudo = [] if os.getuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run([*sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
                    "--no-install-recommends", "haproxy"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("haproxy") or "/usr/sbin/haproxy"


def haproxy_config(port: int, backends: list[int]) -> str:
    """The configuration docs/FLEET.md shows, on loopback and without TLS."""
    servers = "\n".join(f"    server s{i} 127.0.0.1:{p} check" for i, p in enumerate(backends))
    return f"""global
    maxconn 4096

defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    timeout http-request 30s
    timeout check 5s
    default-server inter 3s fall 3 rise 2

frontend laptops
    bind 127.0.0.1:{port}
    http-request set-header X-Forwarded-Proto http
    default_backend jemput

backend jemput
    balance leastconn
    option httpchk GET /health
    http-check expect status 200
{servers}
"""


# --- the laptops ---------------------------------------------------------------------------------------------------

class SourceAddress(HTTPAdapter):
    """Connections from one loopback address: 127.0.0.0/8 is all ours, so each laptop has its own."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


@dataclass
class Laptop:
    index: int
    username: str
    user_id: str
    code: str
    data: list[tuple[str, dict]]  # (kind, form values)
    photos: list[bytes]
    resend: bool = False
    cut: bool = False
    push_ms: list[float] = field(default_factory=list)
    sent_ids: list[str] = field(default_factory=list)
    photo_hashes: list[str] = field(default_factory=list)
    results: dict[str, int] = field(default_factory=dict)
    client_5xx: int = 0
    cursor: int = 0  # where yesterday's sync left the pull
    session_ms: float = 0.0
    last: tuple | None = None
    refusals: list[str] = field(default_factory=list)
    pulled: int = 0
    error: str | None = None

    @property
    def address(self) -> str:
        return f"127.0.{1 + self.index // 250}.{1 + self.index % 250}"

    def run(self, base: str, proxy_url: str | None, batch: int) -> None:
        try:
            self._run(base, proxy_url, batch)
        except Exception as exc:  # noqa: BLE001 - counted and shown, the other laptops go on
            self.error = f"{type(exc).__name__}: {exc} (last answer: {self.last})"

    def _client(self, url: str) -> SyncClient:
        client = SyncClient(url, backoff=Backoff(base=0.05, cap=1.0), give_up_after=120)
        client.http.mount("http://", SourceAddress(self.address))
        client.http.hooks["response"].append(self._count)
        return client

    def _count(self, response, *_args, **_kwargs):
        self.last = (response.status_code, dict(response.headers), response.content[:300])  # for self.error
        if response.status_code >= 500:
            self.client_5xx += 1

    def enrol(self, base: str) -> None:
        """Once, before the day: the laptop's keys and token (the key list it would pull is left out of the day)."""
        self.keys = device_keys.generate()
        client = self._client(base)
        enrolled = client.enrol(self.code, f"laptop-{self.index}", self.keys.public())
        self.device_id, self.device_token = enrolled.device_id, enrolled.device_token
        client.close()

    def _run(self, base: str, proxy_url: str | None, batch: int) -> None:
        keys = self.keys
        client = self._client(base)
        client.device_token = self.device_token
        started = time.perf_counter()
        client.open_session(self.username, PASSWORD)
        self.session_ms = (time.perf_counter() - started) * 1000
        if proxy_url:  # enrolled and logged in from its own address; the rest over the cutting link
            cut = SyncClient(proxy_url, device_token=client.device_token, user_token=client.user_token,
                             backoff=Backoff(base=0.05, cap=1.0), give_up_after=120)
            cut.http.hooks["response"].append(self._count)
            client = cut
        self.signing_key = keys.signing
        records = self._records(self.device_id)
        batches = [records[i:i + batch] for i in range(0, len(records), batch)]
        ids = [str(uuid.uuid4()) for _ in batches]
        for batch_id, group in zip(ids, batches):
            self._push(client, batch_id, group)
        if self.resend and batches:
            self._push(client, ids[0], batches[0])  # the answer was lost: the same batch id again
            self._push(client, str(uuid.uuid4()), batches[-1])  # the same records as a new batch
        missing = {m.sha256: m.offset for m in client.attachment_status(self.photo_hashes)}
        for sha, photo in zip(self.photo_hashes, self.photos):
            if sha in missing:
                client.put_chunk(sha, 0, len(photo), photo)
        cursor, more = self.cursor, True
        while more:
            page = client.pull(cursor)
            cursor, more = page.cursor, page.more
            self.pulled += len(page.changes)
        client.close()

    def _records(self, device_id: str) -> list[Record]:
        now = format_time(datetime.now(timezone.utc))
        self.photo_hashes = [hashlib.sha256(p).hexdigest() for p in self.photos]
        out = []
        for i, (kind, data) in enumerate(self.data):
            shas = [self.photo_hashes[i]] if i < len(self.photos) else []
            record = Record(id=new_id(), kind=kind, status="submitted", version=2, base_version=0,
                            owner_id=self.user_id, device_id=device_id, created_at=now, updated_at=now, data=data,
                            attachments=shas, files=[FileNote(sha, "photo") for sha in shas],
                            history=[HistoryEntry(at=now, user_id=self.user_id, action="create")])
            out.append(record)
            self.sent_ids.append(record.id)
        return out

    def _push(self, client: SyncClient, batch_id: str, records: list[Record]) -> None:
        started = time.perf_counter()
        # Under the batch's seal, as the app sends to a server that reads seals (sync/engine.py).
        seal = signing.seal_batch(batch_id, records, device_id=self.device_id, key=self.signing_key)
        answer = client.push(batch_id, records, client.encode_push(batch_id, records, seal))
        self.push_ms.append((time.perf_counter() - started) * 1000)
        for result in answer.results:
            self.results[result.result] = self.results.get(result.result, 0) + 1
            if result.result in ("rejected", "conflict"):
                self.refusals.append(f"{result.result}: {result.reason}")


def _letters(n: int) -> str:
    """Two letters for a number: a full name with "123" in it would make "rahasia123" a password naming its user."""
    return chr(65 + n % 26) + chr(65 + n // 26 % 26)


def make_laptops(url: str, count: int, records: int, photos: int, photo_bytes: int, rng: random.Random,
                 *, resend_share: float, cut_share: float) -> list[Laptop]:
    """Accounts (an officer per laptop, ten to a supervisor) and enrolment codes straight in the database, and each
    laptop's form values made beforehand: the timed part is the sync alone."""
    from server.api.deps import utcnow
    from server.core.config import Settings
    from server.core.db import make_engine, make_session_factory, transaction
    from server.core.migrate import upgrade
    from server.services.accounts import create_user
    from server.services.devices import make_enrolment_code

    engine = make_engine(Settings(data_dir=Path(tempfile.gettempdir()), database_url=url))
    upgrade(engine)
    factory = make_session_factory(engine)
    villages = sumsel_villages(200)
    today = date.today()
    laptops = []
    with transaction(factory) as session:
        now = utcnow()
        for i in range(count):
            if i % TEAM == 0:
                supervisor = f"spv{i // TEAM:03d}"
                create_user(session=session, username=supervisor, full_name=f"Supervisor {_letters(i // TEAM)}",
                            password=PASSWORD, role="supervisor", now=now)
            user = create_user(session=session, username=f"pet{i:03d}", full_name=f"Petugas {_letters(i)}",
                               password=PASSWORD, role="officer", supervisor=supervisor, now=now)
            data = []
            for _ in range(records):
                make, kind, _share = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
                # The computed values (the WHO category) as the laptop's form fills them in.
                data.append((kind, SPECS[kind].with_computed(make(rng, rng.choice(villages), today))))
            laptops.append(Laptop(index=i, username=user.username, user_id=user.id,
                                  code=make_enrolment_code(session=session, now=now, hours=24), data=data,
                                  photos=[rng.randbytes(photo_bytes) for _ in range(photos)],
                                  resend=rng.random() < resend_share, cut=rng.random() < cut_share))
    engine.dispose()
    return laptops


def drive(laptops: list[Laptop], base: str, proxy_url: str | None, batch: int) -> float:
    """All at once, as at the end of a working day; returns the wall time in seconds."""
    start = threading.Barrier(len(laptops) + 1)

    def one(laptop: Laptop) -> None:
        start.wait()
        laptop.run(base, proxy_url if laptop.cut else None, batch)

    threads = [threading.Thread(target=one, args=(laptop,), daemon=True) for laptop in laptops]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def audit(url: str, laptops: list[Laptop]) -> dict:
    """What reached the database: every record once, at version 1 with one creation; every photo whole."""
    engine = create_engine(url)
    sent = [i for laptop in laptops for i in laptop.sent_ids]
    hashes = {h: len(p) for laptop in laptops for h, p in zip(laptop.photo_hashes, laptop.photos)}
    with engine.connect() as c:
        rows = dict(c.execute(text("SELECT id, version FROM registrations")).all())
        creations = dict(c.execute(text("SELECT registration_id, count(*) FROM registration_history "
                                        "WHERE action = 'create' GROUP BY registration_id")).all())
        files = dict(c.execute(text("SELECT sha256, received FROM attachments")).all())
    engine.dispose()
    lost = sum(1 for i in sent if i not in rows)
    duplicated = sum(1 for i in sent if rows.get(i, 1) != 1 or creations.get(i, 1) != 1) + max(0, len(rows) - len(set(sent)))
    photos_lost = sum(1 for h, size in hashes.items() if files.get(h) != size)
    return {"lost": lost + photos_lost, "duplicated": duplicated, "photos_lost": photos_lost,
            "photos": len(hashes)}


def cpu_seconds(root_pids: list[int], fields_at: tuple[int, ...] = (11, 12)) -> float:
    """User and system CPU of these processes and all their descendants, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                own = sum(int(fields[i]) for i in fields_at)
                # A root's reaped children count too: PostgreSQL's backends come and go with connections.
                if int(entry.name) in root_pids:
                    own += sum(int(fields[i + 2]) for i in fields_at)
                stats[int(entry.name)] = (int(fields[1]), own)
    wanted = set(root_pids)
    changed = True
    while changed:
        changed = False
        for pid, (parent, _cpu) in stats.items():
            if parent in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    total = sum(cpu for pid, (_parent, cpu) in stats.items() if pid in wanted)
    return total / ticks


def postgres_pids(pg: "Postgres") -> list[int]:
    if pg.cluster is None:
        return []
    with contextlib.suppress(OSError):
        return [int((pg.cluster / "data" / "postmaster.pid").read_text().split()[0])]
    return []


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--records", type=int, default=50, help="per laptop")
    parser.add_argument("--batch", type=int, default=10, help="records per push")
    parser.add_argument("--photos", type=int, default=2, help="per laptop")
    parser.add_argument("--photo-bytes", type=int, default=60 * 1024)
    parser.add_argument("--servers", type=int, default=1, help="serve commands behind HAProxy")
    parser.add_argument("--workers", type=int, default=2, help="worker processes per serve command")
    parser.add_argument("--resend-share", type=float, default=0.1)
    parser.add_argument("--cut-share", type=float, default=0.1)
    parser.add_argument("--postgres-url", default=os.environ.get("JEMPUT_TEST_POSTGRES_URL"),
                        help="an admin URL of a running cluster (default: start one)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    # A throwaway key for a throwaway server's encrypted data folder (its processes inherit it).
    os.environ.setdefault("JEMPUT_SERVER_DATA_KEY", secrets.token_hex(32))
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="jemput-fleet-"))
    pg = fleet = proxy = None
    try:
        pg = Postgres(folder, args.postgres_url)
        extra = 4  # a warm-up laptop and three alone
        laptops = make_laptops(pg.url, args.devices + extra, args.records, args.photos, args.photo_bytes, rng,
                               resend_share=args.resend_share, cut_share=args.cut_share)
        alone, laptops = laptops[:extra], laptops[extra:]
        for laptop in alone:
            laptop.resend = laptop.cut = False
        fleet = Fleet(folder, pg.url, servers=args.servers, workers=args.workers)
        proxy = FaultProxy(fleet.port, faults=Faults(cut_range=(300, 20_000), max_cuts=max(1, args.devices // 5)),
                           seed=args.seed, lifetime=3600).start()
        # Enrolled beforehand, as every laptop is once, and past what the feed held then (yesterday's sync):
        # the timed part is a day's sync, which opens a session.
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda laptop: laptop.enrol(fleet.base), alone + laptops))
        engine = create_engine(pg.url)
        with engine.connect() as c:
            head = c.execute(text("SELECT coalesce(max(seq), 0) FROM changes")).scalar()
        engine.dispose()
        for laptop in alone + laptops:
            laptop.cursor = head
        single = []
        for laptop in alone:
            seconds = drive([laptop], fleet.base, None, args.batch)
            single.append(args.records / seconds)
        single_rate = statistics.median(single[1:])
        groups = {"servers": [p.pid for p in fleet.procs], "postgres": postgres_pids(pg),
                  "haproxy": [fleet.haproxy.pid]}
        before = {name: cpu_seconds(pids) for name, pids in groups.items()}
        system_before = cpu_seconds(groups["servers"], (12,))
        bench_before = time.process_time()
        seconds = drive(laptops, fleet.base, proxy.url, args.batch)
        cpu = {name: round(cpu_seconds(pids) - before[name], 1) for name, pids in groups.items()}
        cpu["servers_system"] = round(cpu_seconds(groups["servers"], (12,)) - system_before, 1)
        cpu["laptops_and_proxy"] = round(time.process_time() - bench_before, 1)
        everyone = alone + laptops
        found = audit(pg.url, everyone)
        pushes = [ms for laptop in laptops for ms in laptop.push_ms]
        results: dict[str, int] = {}
        for laptop in laptops:
            for key, n in laptop.results.items():
                results[key] = results.get(key, 0) + n
        errors = [laptop.error for laptop in everyone if laptop.error]
        with open("/proc/loadavg") as f:
            load = f.read().split()[:3]
        print(json.dumps({
            "devices": len(laptops), "records": sum(len(laptop.sent_ids) for laptop in laptops),
            "seconds": round(seconds, 2),
            "records_per_s": round(sum(len(laptop.sent_ids) for laptop in laptops) / seconds),
            "single_device_records_per_s": round(single_rate),
            "push_p50_ms": round(percentile(pushes, 0.5)), "push_p95_ms": round(percentile(pushes, 0.95)),
            "pushes": len(pushes),
            "session_p50_ms": round(percentile([laptop.session_ms for laptop in laptops], 0.5)),
            "session_p95_ms": round(percentile([laptop.session_ms for laptop in laptops], 0.95)), "lost": found["lost"], "duplicated": found["duplicated"],
            "server_errors": fleet.server_errors(),
            "client_5xx": sum(laptop.client_5xx for laptop in everyone), "photos": found["photos"],
            "photos_lost": found["photos_lost"], "results": results, "cuts": proxy.counters.cuts,
            "laptop_errors": len(errors), "first_error": errors[0] if errors else None,
            "first_refusal": next((r for laptop in everyone for r in laptop.refusals), None),
            "changes_pulled": sum(laptop.pulled for laptop in laptops), "servers": args.servers,
            "workers": args.workers, "batch": args.batch, "cpu_s": cpu, "loadavg": " ".join(load)}), flush=True)
    finally:
        if proxy:
            proxy.stop()
        if fleet:
            fleet.stop()
        if pg:
            pg.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
