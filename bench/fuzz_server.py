"""Schemathesis against the live server's own OpenAPI document, with valid credentials, bounded in time.

    .venv/bin/python bench/fuzz_server.py [--seconds 120] [--postgres ADMIN_URL]

Starts the real server on loopback (SQLite in a temporary folder; with --postgres, a throwaway database made on
that cluster and dropped afterwards, as the tests do), makes an officer and a
supervisor, enrols a laptop, logs the officer in, and runs ``schemathesis run`` with that device's and that user's
tokens on every request. Every check runs except ``positive_data_acceptance``: the document describes the shape of
a body, while the server also refuses well-shaped bodies by the services' own rules (an invalid NIK, a code that
was never issued), which no schema can say. Prints ONE JSON line: the operations, test cases, failures per check
and the server errors (500s) seen (goal: 0 failures, 0 server errors).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
import uvicorn  # noqa: E402

from server.cli import main as server_cli  # noqa: E402
from server.core.config import Settings  # noqa: E402
from server.core.migrate import upgrade  # noqa: E402
from bench.throwaway_database import throwaway_database  # noqa: E402
from server.main import create_app  # noqa: E402

PASSWORD = "rahasia123"
EXCLUDED = ("positive_data_acceptance",)
# Schemathesis's requests all come from 127.0.0.1: the per-address allowance would answer most of them 429.
OPEN_LIMITS = dict(enrol_per_minute_per_address=0, session_per_minute_per_address=0,
                   session_per_minute_per_device=0)


def start(settings: Settings) -> tuple[uvicorn.Server, str]:
    app = create_app(settings)
    upgrade(app.state.engine)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    return server, f"http://127.0.0.1:{sock.getsockname()[1]}"


def cli(settings: Settings, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = server_cli(["--data-dir", str(settings.data_dir), "--database-url", settings.database_url, *args])
    assert code == 0, out.getvalue()
    return out.getvalue().strip()


@contextlib.contextmanager
def database(admin_url: str):
    """SQLite when no PostgreSQL cluster is named, else a throwaway database in it."""
    if not admin_url:
        yield ""
        return
    with throwaway_database(admin_url, "jemput_fuzz") as url:
        yield url


def main() -> int:
    # A throwaway server's data key (an operator's comes from a file outside the data folder).
    os.environ.setdefault("JEMPUT_SERVER_DATA_KEY", os.urandom(32).hex())
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--postgres", default="", help="an administrator's URL of a PostgreSQL cluster")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jemput-fuzz-") as tmp, database(args.postgres) as url:
        settings = Settings(data_dir=Path(tmp), database_url=url).with_(**OPEN_LIMITS)
        server, root = start(settings)
        try:
            cli(settings, "create-user", "--username", "sup", "--full-name", "Sup", "--role", "supervisor",
                "--password", PASSWORD)
            cli(settings, "create-user", "--username", "siti", "--full-name", "Siti", "--role", "officer",
                "--supervisor", "sup", "--password", PASSWORD)
            enrolled = requests.post(root + "/api/v1/enrol", json={"code": cli(settings, "enrol-code"),
                                                                    "device_name": "fuzz"}, timeout=30).json()
            device = f"Device {enrolled['device_token']}"
            token = requests.post(root + "/api/v1/session", json={"username": "siti", "password": PASSWORD},
                                  headers={"Authorization": device}, timeout=30).json()["token"]
            started = time.monotonic()
            run = subprocess.run(
                [str(Path(sys.executable).with_name("schemathesis")), "run", root + "/openapi.json",
                 "--url", root, "--checks", "all", "--exclude-checks", ",".join(EXCLUDED),
                 "--max-time", str(args.seconds), "--workers", "1", "--request-timeout", "30",
                 "--suppress-health-check", "all", "--no-color",
                 "-H", f"Authorization: {device}", "-H", f"X-User-Token: {token}"],
                capture_output=True, text=True, timeout=args.seconds * 3 + 300,
                env=os.environ | {"SCHEMATHESIS_HOOKS": "bench.fuzz_hooks", "PYTHONPATH": str(ROOT)})
            elapsed = time.monotonic() - started
        finally:
            server.should_exit = True
    output = run.stdout + run.stderr
    Path(tempfile.gettempdir(), "jemput-fuzz-last.txt").write_text(output, encoding="utf-8")
    print(json.dumps(summary(output, run.returncode, elapsed, args)))
    return 0


def summary(output: str, returncode: int, elapsed: float, args) -> dict:
    def number(pattern: str) -> int:
        match = re.search(pattern, output)
        return int(match.group(1)) if match else 0

    phases = {name: ran for ran, name in
              re.findall(r"^\s*(\S+)\s+(Examples|Coverage|Fuzzing|Stateful)", output, re.MULTILINE)}
    return {"bench": "fuzz_server", "backend": "postgresql" if args.postgres else "sqlite",
            "seconds_budget": args.seconds, "seconds": round(elapsed, 1), "exit_code": returncode,
            "operations": number(r"Tested: (\d+)"), "test_cases": number(r"(\d+) generated"),
            "passed": number(r"generated, (?:\d+ found \d+ unique failures?, )?(\d+) passed")
            if "passed" in output else 0,
            "failures": number(r"(\d+) unique failures?"),
            "server_errors": len(re.findall(r"Server error", output)),
            "tool_errors": number(r"Runtime Error: (\d+)"),
            "phases": phases,
            "excluded_checks": list(EXCLUDED)}


if __name__ == "__main__":
    sys.exit(main())
