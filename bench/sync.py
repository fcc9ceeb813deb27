"""Sync over a measured link: the real server (SQLite, its own process), the fault proxy, an enrolled laptop.

    .venv/bin/python bench/sync.py [--daily 50] [--records 10000] [--photos 1000] [--small-files 1000]
                                   [--throttled 500] [--seed 1] [--only photos,small_files,...]
                                   [--peer [--peer-batch-size 100]]

--peer replicates the records scenario's records (as we send them: under a batch's seal, no signature each) with
PouchDB to pouchdb-server on
loopback (bench/peer/, node and npm needed; ``npm install`` there on the first run) and prints the ratio.

Prints ONE JSON line per scenario. Byte counts are what crossed the proxy (headers included); payload_gzip_bytes is
the floor: the same records, each signed as the laptop sent them before batch seals (and still does to a server
without them), as newline-delimited JSON, gzip level 6 in one stream (unsigned_payload_gzip_bytes: the same without
the signatures, which cost some 87 bytes a record: what a sealed batch carries).

Goals (issue 4): bytes_up <= 1.15 x payload_gzip_bytes and <= 3 requests per 1,000 records for 10,000 records;
>= 5,000 records/s on loopback; photos as raw bytes, at most one chunk re-sent per cut; a 64 kbit/s link with
300 ms each way within 1.2 x of bytes / bandwidth. Issue 12: ``daily`` (50 records) up_vs_payload <= 0.6 and
``records`` (10,000) <= 0.75 (zstd with the shipped dictionary, sync/compression.py); records/s >= 3 x the peer's
in the same run (``--peer``: records_vs_peer.records_per_s_ratio). The machine is shared: compare within one run.
``records_600ms``: the same records through a link with 300 ms each way and no bandwidth limit, where a laptop
that waited for each answer before sending the next batch lost a round trip per batch.
``throttled_tls``: the 64 kbit/s, 300 ms link to a server serving HTTPS itself (a self-signed certificate the
laptop pins), the handshake included: within 1.2 x of the gzip-6 bytes / bandwidth (issue 12).
``tls_next_sync``: the next daily sync on that link after one before, the TLS session resumed (sync/tls_sessions.py)
against a full handshake, one after the other.
Photos (issue 12): `photos` (1,000 records with one 100 KB photo each, no cuts) at least as fast as PouchDB's 3.4 s
for the same; `small_files` (1,000 files of 8 KB, signatures and thumbprints) several to a request, and
`small_files_600ms` the same through a link with 300 ms each way, where every request costs a round trip;
`photos_with_cuts` re-sends at most the file or chunk in flight per cut.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from app import attachments, auth, collector, registrations as regs  # noqa: E402
from app.status import SUBMITTED  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from bench.certificates import self_signed  # noqa: E402
from bench.faultproxy import FaultProxy, Faults  # noqa: E402
from bench.realistic import birth, cataract, person, sumsel_villages  # noqa: E402
from server.cli import main as server_cli  # noqa: E402
from sync import device_keys  # noqa: E402
from sync import records as local  # noqa: E402
from sync import tls_sessions  # noqa: E402
from sync.backoff import Backoff  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.engine import run_sync  # noqa: E402
from sync.enrol import enrol  # noqa: E402
from sync.payload import gzip_bytes, to_dict  # noqa: E402

PASSWORD = "rahasia123"
KINDS = (("ektp", person, 0.6), ("birth", birth, 0.2), ("cataract", cataract, 0.2))


class Server:
    def __init__(self, folder: Path, *, tls_folder: Path | None = None):
        """``tls_folder``: serve HTTPS with a certificate made there (outside the data folder)."""
        self.folder = folder
        self.cert: Path | None = None
        # A throwaway server's data key (an operator's comes from a file outside the data folder).
        os.environ.setdefault("JEMPUT_SERVER_DATA_KEY", os.urandom(32).hex())
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.cli("create-user", "--username", "siti", "--full-name", "Siti Aminah", "--role", "officer",
                 "--password", PASSWORD)
        tls = []
        if tls_folder is not None:
            self.cert, key = self_signed(tls_folder)
            tls = ["--certfile", str(self.cert), "--keyfile", str(key)]
        self.proc = subprocess.Popen([sys.executable, "-m", "server.cli", "--data-dir", str(folder), "serve",
                                      "--port", str(self.port), *tls], cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, env=os.environ | {"PYTHONPATH": str(ROOT)})
        scheme = "https" if self.cert else "http"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{scheme}://127.0.0.1:{self.port}/health", timeout=1,
                                verify=str(self.cert) if self.cert else True).ok:
                    return
            time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def cli(self, *args: str) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert server_cli(["--data-dir", str(self.folder), *args]) == 0
        return out.getvalue().strip()

    def cpu_seconds(self) -> float:
        """The server process's CPU time so far (user + system), from Linux's /proc."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def server_url(server: Server, proxy: FaultProxy) -> str:
    return proxy.url.replace("http://", "https://") if server.cert else proxy.url


def laptop(folder: Path, server: Server, proxy: FaultProxy) -> tuple[Workspace, auth.Actor]:
    ws = Workspace.open(folder)
    url = server_url(server, proxy)
    enrol(ws, url, server.cli("enrol-code", "--for", "siti"), "bench",
          client=SyncClient(url, verify=str(server.cert) if server.cert else True))
    with ws.transaction() as s:
        actor = auth.login(s, username="siti", password=PASSWORD, now=ws.now(), device_id=ws.device_id)
    return ws, actor


def fill(ws: Workspace, actor: auth.Actor, n: int, rng: random.Random, photo_bytes: int = 0) -> list[str]:
    """n submitted records of all three services (realistic data passes the submit checks), optional photo."""
    villages = sumsel_villages(200)
    today, now = date.today(), ws.now()
    store = attachments.AttachmentStore.beside(ws.db_path)
    ids = []
    with ws.transaction() as s:
        for _ in range(n):
            kind, make, _share = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
            reg = regs.create_draft(s, actor=actor, kind=kind, now=now, data=make(rng, rng.choice(villages), today))
            reg.status, reg.submitted_at, reg.version = SUBMITTED, now, reg.version + 1
            if photo_bytes:
                attachments.attach(s, store=store, actor=actor, registration_id=reg.id,
                                   data=rng.randbytes(photo_bytes), media_type="image/jpeg", purpose="photo",
                                   now=now)
            ids.append(reg.id)
    return ids


def sent_records(ws: Workspace, ids: list[str], *, signed: bool = True) -> list[dict]:
    """The records as the laptop builds them, ``signed`` by it each as before batch seals (a 64-byte Ed25519
    signature is some 87 bytes a record after gzip, random bytes that do not compress)."""
    with ws.transaction() as s:
        records = [r for i in range(0, len(ids), 500) for r in local.build(s, ids[i:i + 500])]
        if signed:
            records = device_keys.sign_records(s, records)
        return [to_dict(r) for r in records]


def payload_gzip(ws: Workspace, ids: list[str], *, signed: bool = True) -> int:
    """The floor: the records as newline-delimited JSON in one gzip-6 stream."""
    lines = [json.dumps(r, separators=(",", ":"), ensure_ascii=False) for r in sent_records(ws, ids, signed=signed)]
    return len(gzip_bytes("\n".join(lines).encode()))


def scenario(name: str, folder: Path, server: Server, n: int, rng: random.Random, *, faults: Faults,
             photo_bytes: int = 0, bandwidth: float | None = None, keep: list | None = None) -> dict:
    """``keep``: a list the sent records are appended to (for the peer to replicate the same ones)."""
    with FaultProxy(server.port, seed=rng.randrange(1 << 30), lifetime=1800) as proxy:
        ws, actor = laptop(folder, server, proxy)
        ids = fill(ws, actor, n, rng, photo_bytes)
        floor, unsigned = payload_gzip(ws, ids), payload_gzip(ws, ids, signed=False)
        if keep is not None:
            keep += sent_records(ws, ids, signed=False)  # as sent now: a batch's seal instead of signatures
        proxy.faults = faults
        proxy.reset_counters()
        # A new client as at each sync: a TLS run includes its handshake.
        client = SyncClient(server_url(server, proxy), backoff=Backoff(base=0.05, cap=1.0), give_up_after=120,
                            verify=str(server.cert) if server.cert else True)
        started, cpu_started, server_cpu_started = time.perf_counter(), time.process_time(), server.cpu_seconds()
        result = run_sync(ws, username="siti", password=PASSWORD, client=client)
        seconds = time.perf_counter() - started
        # Where the CPU went, per record: this process (the laptop's sync and the proxy) and the server's.
        client_cpu, server_cpu = time.process_time() - cpu_started, server.cpu_seconds() - server_cpu_started
        ws.close()
        out = {"scenario": name, "records": n, "seconds": round(seconds, 2),
               "records_per_s": round(n / seconds), "bytes_up": proxy.counters.bytes_up,
               "bytes_down": proxy.counters.bytes_down, "requests": client.requests,
               "payload_gzip_bytes": floor, "up_vs_payload": round(proxy.counters.bytes_up / floor, 3),
               "unsigned_payload_gzip_bytes": unsigned,
               "requests_per_1000": round(client.requests * 1000 / n, 2), "accepted": result.accepted,
               "rejected": result.rejected, "connections": proxy.counters.connections, "cuts": proxy.counters.cuts,
               "client_cpu_us_per_record": round(client_cpu * 1e6 / n),
               "server_cpu_us_per_record": round(server_cpu * 1e6 / n)}
        if photo_bytes:
            out |= {"photo_bytes": n * photo_bytes, "files_sent": result.files_sent,
                    "resent_bytes": result.chunk_bytes_sent - result.file_bytes,
                    "payload_gzip_bytes_with_photos": floor + n * photo_bytes,
                    "upload_requests": result.file_requests,
                    "load_avg_1min": round(os.getloadavg()[0], 2)}
            if faults.delay and not bandwidth:
                out["delay_s"] = faults.delay
        if bandwidth:
            expected = proxy.counters.bytes_up * 8 / bandwidth
            out |= {"bandwidth_bps": bandwidth, "delay_s": faults.delay, "tls": server.cert is not None,
                    "expected_seconds": round(floor * 8 / bandwidth, 2),
                    "ratio": round(seconds / (floor * 8 / bandwidth), 3),
                    "wire_seconds": round(expected, 2), "ratio_to_wire": round(seconds / expected, 3)}
        return out


def tls_next_sync(folder: Path, server: Server, rng: random.Random, n: int) -> dict:
    """The next daily sync of an officer who synced before, over TLS on the thin link: with the session the last
    sync left (resumed) against a full handshake (the session forgotten), one after the other on one laptop."""
    with FaultProxy(server.port, seed=rng.randrange(1 << 30), lifetime=1800) as proxy:
        ws, actor = laptop(folder, server, proxy)
        url, verify = server_url(server, proxy), str(server.cert)
        tls = tls_sessions.context_for(verify)
        proxy.faults = Faults(bandwidth=64_000, delay=0.3)
        out = {"scenario": "tls_next_sync", "records": n, "bandwidth_bps": 64_000, "delay_s": 0.3}
        for label, forget in (("first", True), ("full_handshake", True), ("resumed", False)):
            fill(ws, actor, n, rng)
            if forget:
                tls.forget_sessions()
            handshakes, resumed = tls.handshakes, tls.resumed
            proxy.reset_counters()
            client = SyncClient(url, backoff=Backoff(base=0.05, cap=1.0), give_up_after=120, verify=verify)
            started = time.perf_counter()
            result = run_sync(ws, username="siti", password=PASSWORD, client=client)
            assert result.accepted == n, result
            if label != "first":  # the first only leaves the server's session behind, as yesterday's sync did
                out |= {f"{label}_seconds": round(time.perf_counter() - started, 2),
                        f"{label}_connections": tls.handshakes - handshakes,
                        f"{label}_bytes_up": proxy.counters.bytes_up, f"{label}_bytes_down": proxy.counters.bytes_down,
                        f"{label}_connections_resumed": tls.resumed - resumed}
        ws.close()
    out["resumed_vs_full"] = round(out["resumed_seconds"] / out["full_handshake_seconds"], 3)
    return out


PEER = ROOT / "bench" / "peer"


def peer(records: list[dict], folder: Path, rng: random.Random, batch_size: int) -> dict:
    """The same records replicated PouchDB -> pouchdb-server on loopback through the same kind of proxy
    (bench/peer/replicate.js). ``npm install`` in bench/peer on the first run."""
    if not (PEER / "node_modules" / "pouchdb-server").is_dir():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEER, check=True)
    folder.mkdir(parents=True)
    (folder / "records.json").write_text(json.dumps(records, ensure_ascii=False))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    couch = subprocess.Popen([str(PEER / "node_modules" / ".bin" / "pouchdb-server"), "--host", "127.0.0.1",
                              "--port", str(port), "--dir", str(folder), "--config", str(folder / "config.json"),
                              "--no-stdout-logs"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"http://127.0.0.1:{port}/", timeout=1).ok:
                    break
            time.sleep(0.2)
        with FaultProxy(port, seed=rng.randrange(1 << 30), lifetime=1800) as proxy:
            proxy.reset_counters()
            run = subprocess.run(["node", str(PEER / "replicate.js"), str(folder / "records.json"),
                                  f"{proxy.url}/bench", str(folder), str(batch_size)],
                                 capture_output=True, text=True, check=True)
            out = json.loads(run.stdout.strip().splitlines()[-1])
            return {"scenario": "peer_pouchdb"} | out | {
                "bytes_up": proxy.counters.bytes_up, "bytes_down": proxy.counters.bytes_down,
                "bytes_up_per_record": round(proxy.counters.bytes_up / len(records)),
                "connections": proxy.counters.connections}
    finally:
        couch.terminate()
        couch.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--daily", type=int, default=50)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--small-files", type=int, default=1000)
    parser.add_argument("--throttled", type=int, default=500)
    parser.add_argument("--only", default="", help="comma-separated scenario names (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peer", action="store_true",
                        help="replicate the records scenario's records with PouchDB too, and print the ratio")
    parser.add_argument("--peer-batch-size", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    collector.settle()  # this process is the laptop: as the app does once its first window is up
    with tempfile.TemporaryDirectory(prefix="jemput-sync-bench-") as tmp:
        server = Server(Path(tmp) / "server")
        kept: list[dict] = []
        ours = None
        try:
            runs = [("daily", args.daily, Faults(), 0, None),
                    ("records", args.records, Faults(), 0, None),
                    ("records_600ms", args.records, Faults(delay=0.3), 0, None),
                    ("photos", args.photos, Faults(), 100 * 1024, None),
                    ("small_files", args.small_files, Faults(), 8 * 1024, None),
                    ("small_files_600ms", args.small_files, Faults(delay=0.3), 8 * 1024, None),
                    ("photos_with_cuts", args.photos, Faults(cut_range=(200_000, 4_000_000), max_cuts=20),
                     100 * 1024, None),
                    ("throttled_64kbit_300ms", args.throttled, Faults(bandwidth=64_000, delay=0.3), 0, 64_000)]
            only = set(filter(None, args.only.split(",")))
            for i, (name, n, faults, photo, bw) in enumerate(runs):
                if n and (not only or name in only):
                    out = scenario(name, Path(tmp) / f"laptop{i}", server, n, rng, faults=faults, photo_bytes=photo,
                                   bandwidth=bw, keep=kept if name == "records" and args.peer else None)
                    ours = out if name == "records" else ours
                    print(json.dumps(out), flush=True)
            if args.throttled and (not only or "throttled_tls" in only):
                # The same thin link to a server that speaks HTTPS itself, the certificate pinned on the laptop.
                tls_server = Server(Path(tmp) / "tls-server", tls_folder=Path(tmp) / "tls")
                try:
                    print(json.dumps(scenario("throttled_tls", Path(tmp) / "laptop-tls", tls_server, args.throttled,
                                              rng, faults=Faults(bandwidth=64_000, delay=0.3),
                                              bandwidth=64_000)), flush=True)
                    print(json.dumps(tls_next_sync(Path(tmp) / "laptop-tls-next", tls_server, rng, args.daily)),
                          flush=True)
                finally:
                    tls_server.stop()
        finally:
            server.stop()
        if args.peer and kept:
            theirs = peer(kept, Path(tmp) / "peer", rng, args.peer_batch_size)
            print(json.dumps(theirs), flush=True)
            print(json.dumps({"scenario": "records_vs_peer", "records": len(kept),
                              "ours_records_per_s": ours["records_per_s"],
                              "peer_records_per_s": theirs["records_per_s"],
                              "records_per_s_ratio": round(ours["records_per_s"] / theirs["records_per_s"], 2),
                              "bytes_up_ratio": round(ours["bytes_up"] / theirs["bytes_up"], 3)}), flush=True)


if __name__ == "__main__":
    main()
