"""The real ``jemput-server serve`` over TLS with a self-signed certificate made here (issue 11 item 7), and its
audit log (item 5): a laptop that pins the certificate enrols and syncs over HTTPS; one that does not is refused
at once (not retried as if offline), also by a host whose session the laptop remembers under another trust; the
next sync resumes the TLS session; plain HTTP to another machine is refused unless an administrator allowed
it; the server's login lines reach Uvicorn's console without the password; ``jemput-server audit verify`` finds
a changed, a removed and a cut-off entry."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from bench.certificates import self_signed
from db.migrate import connect

SERVER_KEY = bytes.fromhex(os.environ["JEMPUT_SERVER_DATA_KEY"])  # tests/conftest.py: the embedded server's key

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia123"
pytestmark = pytest.mark.slow


def cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"JEMPUT_SERVER_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    env.pop("JEMPUT_SERVER_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "server.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("tls-server")
    cert, key = self_signed(data)
    assert cli(data, "create-user", "--username", "siti", "--full-name", "Siti", "--role", "officer",
               "--password", PASSWORD).returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = os.environ | {"JEMPUT_SERVER_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    env.pop("JEMPUT_SERVER_DATABASE_URL", None)
    log = (data / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--port", str(port), "--certfile",
                             str(cert), "--keyfile", str(key)], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"https://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(url + "/health", verify=str(cert), timeout=2)
            break
        except requests.ConnectionError:
            assert proc.poll() is None and time.monotonic() < deadline, (data / "serve.log").read_text()
            time.sleep(0.1)
    yield {"url": url, "cert": cert, "data": data, "log": data / "serve.log", "port": port}
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


def test_plain_http_is_refused_to_other_machines_unless_allowed():
    from sync.client import Refused, SyncClient

    for url in ("http://10.20.30.40:8000", "http://jemput.example.go.id"):
        with pytest.raises(Refused) as refused:
            SyncClient(url)
        assert refused.value.code == "plain_http" and "https://" in refused.value.text("id")
        SyncClient(url, allow_plain_http=True).close()
    for url in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000", "https://10.20.30.40"):
        SyncClient(url).close()


def test_a_laptop_that_pins_the_certificate_syncs_over_https(tls_server, tmp_path):
    from app import auth
    from app.workspace import Workspace
    from sync import transport
    from sync.client import Refused, SyncClient
    from sync.engine import run_sync
    from sync.enrol import enrol
    from sync.tls_sessions import context_for

    url, cert = tls_server["url"], tls_server["cert"]
    # The system's authorities do not know a self-signed certificate: refused at once, with the reason.
    started = time.monotonic()
    with pytest.raises(Refused) as refused:
        SyncClient(url, give_up_after=30).health()
    assert refused.value.code == "tls_failed" and time.monotonic() - started < 5
    assert "Sertifikat server" in refused.value.text("id")
    # Plain HTTP to a TLS port is no way around it.
    with pytest.raises(Exception):
        requests.get(f"http://127.0.0.1:{tls_server['port']}/health", timeout=5)

    ws = Workspace.open(tmp_path / "laptop")
    try:
        admin = auth.Actor("01a2f000-0000-7000-8000-0000000000ad", "admin", "Admin", "admin", ws.device_id)
        officer = auth.Actor("01a2f000-0000-7000-8000-0000000000a1", "siti", "Siti", "officer", ws.device_id)
        with ws.transaction() as s, pytest.raises(transport.TransportSettingRefused):
            transport.set_policy(s, ws.db_path.parent, actor=officer, now=ws.now(), allow_plain_http=True,
                                 ca_source=cert)
        with ws.transaction() as s:
            policy = transport.set_policy(s, ws.db_path.parent, actor=admin, now=ws.now(), allow_plain_http=False,
                                          ca_source=cert)
        assert policy.ca_file == ws.db_path.parent / transport.PINNED_NAME and policy.ca_file.read_bytes() == \
            cert.read_bytes()
        code = cli(tls_server["data"], "enrol-code").stdout.strip()
        enrol(ws, url, code, "laptop-tls", client=SyncClient(url, **transport.policy_of(ws).client_options()))
        result = run_sync(ws, username="siti", password=PASSWORD)
        assert result.problems == [] or not [p for p in result.problems if "TLS" in p]
        # The next sync makes a new client, as every sync does, and still resumes the TLS session the last one
        # left: every connection it opens sends a ticket instead of making a full handshake.
        tls = context_for(str(policy.ca_file))
        handshakes, resumed = tls.handshakes, tls.resumed
        run_sync(ws, username="siti", password=PASSWORD)
        assert tls.handshakes > handshakes and tls.resumed - resumed == tls.handshakes - handshakes
        # What the pinned trust remembers is never offered under another: the system's authorities still refuse.
        with pytest.raises(Refused) as refused:
            SyncClient(url, give_up_after=30).health()
        assert refused.value.code == "tls_failed"
        with pytest.raises(Exception):
            run_sync(ws, username="siti", password="salah-sekali")
        with ws.transaction() as s:
            from app import audit_log
            from db.models import AuditEvent

            actions = [e.action for e in s.query(AuditEvent)]
            assert {"transport_policy", "device_enrolled"} <= set(actions) and audit_log.check(s).intact
    finally:
        ws.close()

    # The server's audit lines reached Uvicorn's console, without the passwords.
    deadline = time.monotonic() + 10
    while "login user=siti" not in tls_server["log"].read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    output = tls_server["log"].read_text()
    assert "login user=siti" in output and "login_failed user=siti" in output and "device_enrolled" in output
    assert PASSWORD not in output and "salah-sekali" not in output


def test_audit_verify_finds_a_changed_a_removed_and_a_cut_off_entry(tls_server, tmp_path):
    live = connect(tls_server["data"] / "server.sqlite", SERVER_KEY)
    data = tmp_path / "copy"
    data.mkdir()
    copy = connect(data / "server.sqlite", SERVER_KEY)
    live.backup(copy)  # a consistent copy of the running server's database, WAL included
    copy.close()
    live.close()
    good = cli(data, "audit", "verify")
    assert good.returncode == 0 and "intact" in good.stdout, good.stdout + good.stderr
    entries = int(good.stdout.split(":")[1].split()[0])
    assert entries >= 4  # account, enrolment, logins
    shown = cli(data, "audit", "show", "--last", "5")
    assert shown.returncode == 0 and "login" in shown.stdout

    db = data / "server.sqlite"
    backup = db.read_bytes()

    def tamper(sql: str) -> subprocess.CompletedProcess:
        db.write_bytes(backup)
        for extra in ("-wal", "-shm"):
            Path(str(db) + extra).unlink(missing_ok=True)
        con = connect(db, SERVER_KEY)
        con.execute(sql)
        con.commit()
        con.close()
        return cli(data, "audit", "verify")

    changed = tamper("UPDATE audit_events SET username = 'mallory' WHERE id = 2")
    assert changed.returncode == 1 and "BROKEN at entry 2" in changed.stdout
    removed = tamper("DELETE FROM audit_events WHERE id = 2")
    assert removed.returncode == 1 and "BROKEN at entry 3" in removed.stdout
    cut = tamper("DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
    assert cut.returncode == 1 and "missing" in cut.stdout
