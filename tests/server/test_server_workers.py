"""``jemput-server serve --workers 2`` on PostgreSQL: two processes answer on one port, and what one took in, the
other gives out (a laptop's push, its supervisor's pull). On the embedded SQLite database it refuses, saying why."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests
from live_server import PASSWORD, TIMEOUT, Device, _database, make_record

from server.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
WORKER_LINE = re.compile(r"^\[(\d+)\] INFO: .*\"GET /health HTTP/1.1\" 200", re.MULTILINE)
PUSH_LINE = re.compile(r"^\[(\d+)\] INFO: .*\"POST /api/v1/push HTTP/1.1\" 200", re.MULTILINE)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(folder: Path, url: str, *args: str) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["--data-dir", str(folder), "--database-url", url, *args]) == 0
    return out.getvalue().strip()


class Output:
    """A process's merged output, read by a thread as it comes (a full pipe would stop the server)."""

    def __init__(self, proc: subprocess.Popen):
        self.text, self.lock = "", threading.Lock()
        threading.Thread(target=self._read, args=(proc,), daemon=True).start()

    def _read(self, proc) -> None:
        for line in proc.stdout:
            with self.lock:
                self.text += line

    def now(self) -> str:
        with self.lock:
            return self.text


def _serve(folder: Path, url: str, port: int, workers: int) -> subprocess.Popen:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "server.cli", "--data-dir", str(folder), "--database-url", url,
                             "serve", "--port", str(port), "--workers", str(workers)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_two_workers_answer_and_share_the_database():
    with tempfile.TemporaryDirectory(prefix="jemput-workers-") as tmp, _database("postgresql", Path(tmp)) as url:
        folder = Path(tmp)
        spv = _cli(folder, url, "create-user", "--username", "ani", "--full-name", "Ani", "--role", "supervisor",
                   "--password", PASSWORD).split("(")[-1].strip(" )")
        officer = _cli(folder, url, "create-user", "--username", "siti", "--full-name", "Siti", "--role",
                       "officer", "--supervisor", "ani", "--password", PASSWORD).split("(")[-1].strip(" )")
        assert spv and officer
        port = _free_port()
        proc = _serve(folder, url, port, 2)
        output = Output(proc)
        root = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            # A new connection each time: the kernel hands each to whichever worker accepts first.
            while len(set(WORKER_LINE.findall(output.now()))) < 2:
                assert proc.poll() is None, output.now()
                assert time.monotonic() < deadline, f"one worker answered all: {output.now()[-2000:]}"
                try:
                    requests.get(root + "/health", timeout=5, headers={"Connection": "close"})
                except requests.ConnectionError:
                    time.sleep(0.1)
            pids = set(WORKER_LINE.findall(output.now()))
            assert str(proc.pid) not in pids  # the workers answer, not the process that started them

            laptops = []
            for name, user in (("laptop-siti", "siti"), ("laptop-ani", "ani")):
                code = _cli(folder, url, "enrol-code")
                r = requests.post(root + "/api/v1/enrol", json={"code": code, "device_name": name}, timeout=TIMEOUT)
                assert r.status_code == 200, r.text
                device = Device(root + "/api/v1", r.json()["device_id"], r.json()["device_token"])
                assert device.login(user).status_code == 200
                laptops.append(device)
            siti, ani = laptops
            # Each push on a connection of its own, until both workers have taken some.
            ids, deadline = [], time.monotonic() + 60
            while len(set(PUSH_LINE.findall(output.now()))) < 2 or len(ids) < 4:
                assert time.monotonic() < deadline, f"one worker took every push: {output.now()[-2000:]}"
                siti.http.close()
                record = make_record(officer, siti)
                assert siti.push([record]).json()["results"][0]["result"] == "accepted"
                ids.append(record["id"])
            pulled, cursor = set(), 0
            while True:
                ani.http.close()
                page = ani.get("/pull", cursor=cursor).json()
                pulled |= {c["record"]["id"] for c in page["changes"] if c["type"] == "record"}
                cursor = page["cursor"]
                if not page["more"]:
                    break
            # The supervisor's laptop gets every record, whichever worker took it in.
            assert set(ids) <= pulled
            assert set(PUSH_LINE.findall(output.now())) == pids
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def test_more_than_one_worker_on_sqlite_is_refused(tmp_path):
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    env.pop("JEMPUT_SERVER_DATABASE_URL", None)
    proc = subprocess.run([sys.executable, "-m", "server.cli", "--data-dir", str(tmp_path), "serve", "--port",
                           str(_free_port()), "--workers", "2"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "--workers above 1 needs PostgreSQL" in proc.stderr
    assert not (tmp_path / "server.sqlite").exists()
