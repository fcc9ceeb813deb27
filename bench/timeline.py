"""When each step of one sync runs, on which thread: the real sync engine against the real server on loopback
(bench/sync.py's Server and FaultProxy), each step timed from the start of run_sync.

    .venv/bin/python bench/timeline.py [--records 10000]

Prints one line per step (start and end in ms, thread) and ONE JSON line: seconds, the server's CPU seconds,
first_push_ms (when the first batch went out: the server is idle before it) and last_push_ms (how long the
last push took: the server has nothing else to do then). Where bench/sync.py says how fast, this says where the
server waits for the laptop.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sync import PASSWORD, FaultProxy, Server, fill, laptop  # noqa: E402
from sync import device_keys, engine  # noqa: E402
from sync import records as local  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.handover import relay  # noqa: E402

STEPS = ((SyncClient, "open_session", "session"), (SyncClient, "push", "push"), (engine._Run, "_prepare", "prepare"),
         (engine._Run, "_acknowledge", "acknowledge"), (engine._Run, "files", "files"), (engine._Run, "pull", "pull"),
         (relay, "push_relayed", "relay"), (local, "pending", "pending"), (local, "build", "build"),
         (device_keys, "seal_batch", "seal"), (SyncClient, "encode_push", "encode"))


def watch(steps: list, started: list[float]) -> None:
    for owner, name, label in STEPS:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args, _original=original, _label=label, **kwargs):
            begin = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                steps.append((_label, threading.current_thread().name, (begin - started[0]) * 1000,
                              (time.perf_counter() - started[0]) * 1000))

        setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    steps: list[tuple[str, str, float, float]] = []
    started = [0.0]
    with tempfile.TemporaryDirectory(prefix="jemput-timeline-") as tmp:
        server = Server(Path(tmp) / "server")
        try:
            with FaultProxy(server.port, seed=args.seed, lifetime=1800) as proxy:
                ws, actor = laptop(Path(tmp) / "laptop", server, proxy)
                fill(ws, actor, args.records, random.Random(args.seed))
                client = SyncClient(proxy.url)
                watch(steps, started)
                cpu = server.cpu_seconds()
                started[0] = time.perf_counter()
                engine.run_sync(ws, username="siti", password=PASSWORD, client=client)
                seconds = time.perf_counter() - started[0]
                server_cpu = server.cpu_seconds() - cpu
                ws.close()
        finally:
            server.stop()
    steps.sort(key=lambda step: step[2])
    for label, thread, begin, end in steps:
        print(f"{begin:8.0f} {end:8.0f}  {label:<12} {thread}", file=sys.stderr)
    pushes = [step for step in steps if step[0] == "push"]
    print(json.dumps({"records": args.records, "seconds": round(seconds, 2), "server_cpu_seconds": round(server_cpu, 2),
                      "pushes": len(pushes), "first_push_ms": round(pushes[0][2]) if pushes else None,
                      "last_push_ms": round(pushes[-1][3] - pushes[-1][2]) if pushes else None}))


if __name__ == "__main__":
    main()
