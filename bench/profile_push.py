"""Where a pushed record's time goes, client and server, per record: the real sync engine against the server's
real route functions in the same process (tests/sync/in_process_server.py: no sockets, so the profile is the CPU
path alone), under cProfile.

    .venv/bin/python bench/profile_push.py [--records 2000] [--top 25]

Prints the top functions by own time (µs per record) and ONE JSON line: client_us_per_record (everything but the
server's push route), server_us_per_record (the push route: decode, parse, validate, verify, apply, commit).
The pipeline's helper threads run their work in turn on the profiled thread here (cProfile sees one thread only),
so nothing is left out and the overlap does not show: bench/sync.py measures that.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import tempfile
import time
from concurrent.futures import Future
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))

from app import auth, collector  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from bench.sync import fill  # noqa: E402
from in_process_server import InProcessServer, PASSWORD  # noqa: E402
from sync import engine  # noqa: E402
from sync.engine import run_sync  # noqa: E402
from sync.enrol import enrol  # noqa: E402

os.environ.setdefault("JEMPUT_SERVER_DATA_KEY", os.urandom(32).hex())  # a throwaway server's data key
SERVER_ENTRY = ("push.py", "push")  # server/api/routes/push.py: the route, everything the server does per push


class InTurn:
    """A stand-in for the engine's one-worker thread pools: each job runs at once, on the calling thread."""

    def __init__(self, *_args, **_kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        return False

    def shutdown(self, wait: bool = True) -> None:
        pass

    def submit(self, fn, *args, **kwargs) -> Future:
        future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, as a pool would
            future.set_exception(exc)
        return future


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sort", default="own", choices=("own", "cum"))
    parser.add_argument("--callers", action="append", default=[], help="also print who called these functions")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    engine.ThreadPoolExecutor = InTurn  # one thread, so that cProfile sees all of it
    collector.settle()  # as the app and the server each do once started
    with tempfile.TemporaryDirectory(prefix="jemput-profile-") as tmp:
        server = InProcessServer(Path(tmp) / "server")
        server.create_user("siti")
        ws = Workspace.open(Path(tmp) / "laptop")
        client = server.client()
        enrol(ws, "http://in-process", server.enrol_code("siti"), "bench", client=client)
        with ws.transaction() as s:
            actor = auth.login(s, username="siti", password=PASSWORD, now=ws.now(), device_id=ws.device_id)
        fill(ws, actor, args.records, rng)
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        result = run_sync(ws, username="siti", password=PASSWORD, client=client)
        profile.disable()
        seconds = time.perf_counter() - started
        ws.close()
        server.close()
    stats = pstats.Stats(profile)
    n = args.records
    server_s = next((v[3] for k, v in stats.stats.items()
                     if k[0].endswith("routes/" + SERVER_ENTRY[0]) and k[2] == SERVER_ENTRY[1]), 0.0)
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2 if args.sort == "own" else 3], reverse=True)[:args.top]
    print(f"{'own µs/rec':>10} {'cum µs/rec':>10}  function", file=sys.stderr)
    for (file, line, name), (_cc, _nc, own, cum, _callers) in rows:
        where = "/".join(Path(file).parts[-2:])
        print(f"{own * 1e6 / n:10.1f} {cum * 1e6 / n:10.1f}  {where}:{line} {name}", file=sys.stderr)
    for pattern in args.callers:
        stats.stream = sys.stderr
        stats.sort_stats("cumulative").print_callers(pattern)
    print(json.dumps({"records": n, "accepted": result.accepted, "seconds_profiled": round(seconds, 2),
                      "us_per_record": round(seconds * 1e6 / n), "server_us_per_record": round(server_s * 1e6 / n),
                      "client_us_per_record": round((seconds - server_s) * 1e6 / n)}))


if __name__ == "__main__":
    main()
