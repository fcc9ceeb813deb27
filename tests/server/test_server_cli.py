"""The jemput-server command: serve in a real process, migrations that match the models, account checks."""

import os
import socket
import subprocess
import sys
import time

import pytest
import requests
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from server.models import Base


def test_migrations_match_the_models(live):
    with live.app.state.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    assert live.cli("migrate") == (0, "database is at the newest schema\n")


def test_create_user_refuses_bad_input(live):
    assert live.cli("create-user", "--username", "Bad Name", "--full-name", "x", "--role", "officer",
                    "--password", "rahasia123")[0] == 2
    code, out = live.cli("create-user", "--username", "dina", "--full-name", "Dina", "--role", "officer",
                         "--password", "rahasia123", "--supervisor", "nobody")
    assert code == 2 and "not a supervisor" in out
    assert live.cli("create-user", "--username", "dina", "--full-name", "Dina", "--role", "officer",
                    "--password", "pendek")[0] == 2
    assert live.cli("enrol-code", "--expires-hours", "0")[0] == 2


@pytest.mark.slow
def test_serve_migrates_and_listens_on_loopback(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = os.environ | {"JEMPUT_SERVER_DATA_DIR": str(tmp_path)}
    env.pop("JEMPUT_SERVER_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = requests.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except requests.ConnectionError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read()
                time.sleep(0.1)
        assert r.json()["status"] == "ok"
        assert "/api/v1/push" in requests.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()["paths"]
        assert (tmp_path / "server.sqlite").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
