"""A real server per test module: Uvicorn on a free loopback port, a fresh database, real HTTP with requests.

Every module runs twice, on SQLite and on PostgreSQL. PostgreSQL comes from JEMPUT_TEST_POSTGRES_URL (scripts/test.sh
starts a throwaway cluster and sets it); without it the PostgreSQL runs are skipped on a developer's machine, but in
CI (CI=true) a missing PostgreSQL is an error, so that CI can never pass by testing one database only.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import uvicorn
from sqlalchemy import text

from bench.throwaway_database import throwaway_database
from server.cli import main as cli_main
from server.core.config import Settings
from server.core.db import make_session_factory
from server.core.migrate import upgrade
from server.main import create_app

PG_ENV = "JEMPUT_TEST_POSTGRES_URL"
PASSWORD = "rahasia123"
TIMEOUT = 30
VALID_EKTP = dict(
    head_of_family="Budi Santoso", address="Jl. Merdeka No. 1", rt="003", rw="01", postal_code="31711",
    phone="0812-3456-7890", province_code="16", regency_code="16.03", district_code="16.03.07",
    village_code="16.03.07.1001", name="Siti Aminah", nik="1603074502900001", kk_number="1603071203150002",
    sex="2", birth_place="Muara Enim", birth_date="1990-02-05", blood_type="4", religion="1", marital_status="2",
    relationship="3", education="5", occupation="2", citizenship="1", mother_name="Rohani",
    mother_nik="1603075507600003", father_name="M. Yusuf", father_nik="1603071002580002",
    marriage_certificate_no="0123/45/VI/2012", marriage_date="2012-06-01",
)


@contextlib.contextmanager
def _database(backend: str, tmp: Path):
    """A database URL nobody else uses, dropped afterwards."""
    if backend == "sqlite":
        yield ""
        return
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must test PostgreSQL too: {PG_ENV} is not set (scripts/test.sh starts one)")
        pytest.skip(f"{PG_ENV} not set")
    with throwaway_database(admin_url, "jemput_test") as url:
        yield url


@dataclass
class Device:
    """One laptop as the server sees it: its token and, once someone logs in, a user token."""

    base: str
    id: str
    token: str
    user_token: str | None = None
    http: requests.Session = field(default_factory=requests.Session)

    def headers(self, **extra) -> dict:
        h = {"Authorization": f"Device {self.token}"}
        if self.user_token:
            h["X-User-Token"] = self.user_token
        return h | extra

    def login(self, username: str, password: str = PASSWORD) -> requests.Response:
        r = self.post("/session", {"username": username, "password": password})
        if r.status_code == 200:
            self.user_token = r.json()["token"]
        return r

    def post(self, path: str, body, *, compress: bool = True, headers: dict | None = None) -> requests.Response:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        h = self.headers(**{"Content-Type": "application/json"})
        if compress:
            raw = gzip.compress(raw)
            h["Content-Encoding"] = "gzip"
        return self.http.post(self.base + path, data=raw, headers=h | (headers or {}), timeout=TIMEOUT)

    def get(self, path: str, **params) -> requests.Response:
        return self.http.get(self.base + path, params=params, headers=self.headers(), timeout=TIMEOUT)

    def put(self, path: str, data: bytes, headers: dict) -> requests.Response:
        return self.http.put(self.base + path, data=data, headers=self.headers(**headers), timeout=TIMEOUT)

    def push(self, records: list[dict], batch_id: str | None = None) -> requests.Response:
        return self.post("/push", {"batch_id": batch_id or str(uuid.uuid4()), "records": records})


# Every test laptop connects from 127.0.0.1, so one module's enrolments and logins would pass an address's
# allowance that a real office never reaches; tests of the limits themselves ask for the real ones.
RELAXED_LIMITS = dict(enrol_per_minute_per_address=100_000, session_per_minute_per_address=100_000,
                      session_per_minute_per_device=100_000)


class LiveServer:
    def __init__(self, settings: Settings, backend: str, *, real_limits: bool = False,
                 tls: tuple[Path, Path] | None = None):
        """``tls``: (certificate, key) files to serve HTTPS with, as ``serve --certfile --keyfile`` does."""
        if not real_limits:
            settings = settings.with_(**RELAXED_LIMITS)
        self.settings = settings
        self.backend = backend
        self.app = create_app(settings)
        upgrade(self.app.state.engine)
        self.factory = make_session_factory(self.app.state.engine)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.root = f"{'https' if tls else 'http'}://127.0.0.1:{sock.getsockname()[1]}"
        self.base = self.root + "/api/v1"
        files = {"ssl_certfile": str(tls[0]), "ssl_keyfile": str(tls[1])} if tls else {}
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning", lifespan="off", **files))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.01)
        self.users: dict[str, str] = {}

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.app.state.engine.dispose()

    def cli(self, *args: str) -> tuple[int, str]:
        """Runs ``jemput-server`` in this process against the same database; returns (exit code, output)."""
        out = io.StringIO()
        argv = ["--data-dir", str(self.settings.data_dir), "--database-url", self.settings.database_url, *args]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli_main(argv)
        return code, out.getvalue()

    def create_user(self, username: str, role: str = "officer", supervisor: str | None = None) -> str:
        args = ["create-user", "--username", username, "--full-name", username.title(), "--role", role,
                "--password", PASSWORD]
        code, out = self.cli(*args, *(["--supervisor", supervisor] if supervisor else []))
        assert code == 0, out
        self.users[username] = out.split("(")[-1].strip(" )\n")
        return self.users[username]

    def enrol_code(self, hours: str = "24", for_user: str | None = None) -> str:
        code, out = self.cli("enrol-code", "--expires-hours", hours, *(["--for", for_user] if for_user else []))
        assert code == 0, out
        return out.strip()

    def enrol(self, name: str = "laptop", login: str | None = None) -> Device:
        r = requests.post(self.base + "/enrol", json={"code": self.enrol_code(), "device_name": name},
                          timeout=TIMEOUT)
        assert r.status_code == 200, r.text
        device = Device(self.base, r.json()["device_id"], r.json()["device_token"])
        if login:
            assert device.login(login).status_code == 200
        return device

    def scalar(self, sql: str, **params):
        with self.factory() as session:
            return session.execute(text(sql), params).scalar()

    def snapshot(self) -> dict:
        """Row counts and registration versions: equal snapshots mean a request changed nothing."""
        tables = ("users", "devices", "enrolment_codes", "user_tokens", "registrations", "registration_history",
                  "conflicts", "push_batches", "attachments", "changes")
        counts = {t: self.scalar(f"SELECT count(*) FROM {t}") for t in tables}
        with self.factory() as session:
            versions = sorted(session.execute(text("SELECT id, version, content_hash FROM registrations")).all())
            received = sorted(session.execute(text("SELECT sha256, received FROM attachments")).all())
        return {"counts": counts, "versions": versions, "attachments": received}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(f"server-{request.param}")
    with _database(request.param, tmp) as url:
        server = LiveServer(Settings(data_dir=tmp, database_url=url), request.param)
        try:
            yield server
        finally:
            server.stop()


@dataclass
class Team:
    """A supervisor with two officers, another officer outside the team, and a logged-in laptop for each."""

    sup: Device
    siti: Device
    ani: Device
    budi: Device
    ids: dict[str, str]


@pytest.fixture(scope="module")
def team(live) -> Team:
    live.create_user("sup", "supervisor")
    live.create_user("siti", supervisor="sup")
    live.create_user("ani", supervisor="sup")
    live.create_user("budi")
    return Team(sup=live.enrol("sup-laptop", "sup"), siti=live.enrol("siti-laptop", "siti"),
                ani=live.enrol("ani-laptop", "ani"), budi=live.enrol("budi-laptop", "budi"), ids=live.users)


def make_record(owner_id: str, device: Device, *, data: dict | None = None, status: str = "submitted",
                base_version: int = 0, version: int = 3, record_id: str | None = None, **extra) -> dict:
    from db.ids import new_id

    return {"id": record_id or new_id(), "kind": "ektp", "status": status, "version": version,
            "base_version": base_version, "owner_id": owner_id, "device_id": device.id,
            "created_at": "2026-11-20T08:00:00+07:00", "updated_at": "2026-11-20T09:30:00Z",
            "data": dict(VALID_EKTP if data is None else data), "attachments": [],
            "history": [{"at": "2026-11-20T08:00:00Z", "user_id": owner_id, "action": "create", "changes": {}}],
            **extra}


def regions_file(folder: Path, villages: dict[int, str] | None = None, *, name: str = "regions.sqlite") -> Path:
    """A copy of the shipped regions list with ``villages`` ({code: name}) added, as an administrator would
    publish it."""
    import shutil
    import sqlite3

    from app.reference.regions import DATA_FILE

    path = folder / name
    shutil.copyfile(DATA_FILE, path)
    db = sqlite3.connect(path)
    with db:
        db.executemany("INSERT INTO region (code, name) VALUES (?, ?)", list((villages or {}).items()))
    db.close()
    return path
