"""A forgotten password loses no data: the laptop's data key is sealed to the province's recovery key at
enrolment; jemput-server recover-key (offline, audited) wraps it for the account's reset password, and the officer
logs in with that password on the laptop, offline (docs/ENCRYPTION.md)."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from in_process_server import PASSWORD, URL, InProcessServer
from sqlalchemy import select, text

from app import auth, login, registrations as regs
from app.workspace import Workspace
from server.cli import main as cli_main
from server.models import AuditEvent, KeyRecovery
from sync.enrol import enrol

RESET = "sungai-musi-2026"


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli_main(list(args))
    return code, out.getvalue()


@pytest.fixture
def province(tmp_path):
    offline = tmp_path / "offline"
    offline.mkdir()
    code, out = run_cli("--data-dir", str(tmp_path / "unused"), "recovery-keygen", "--private",
                        str(offline / "recovery.pem"), "--public", str(tmp_path / "recovery-public.pem"))
    assert code == 0, out
    server = InProcessServer(tmp_path / "server")
    server.settings = server.settings.with_(recovery_key_file=tmp_path / "recovery-public.pem")
    server.create_user("sup", "supervisor")
    server.create_user("siti", supervisor="sup")
    yield server, offline / "recovery.pem"
    server.close()


def test_a_laptop_whose_password_is_forgotten_is_opened_by_the_province(tmp_path, province):
    server, private_key = province
    folder = tmp_path / "laptop"
    ws = Workspace.open(folder)
    enrol(ws, URL, server.enrol_code(for_user="siti"), "laptop-siti", client=server.client())
    actor = login.attempt_login(ws, username="siti", password=PASSWORD)
    with ws.transaction() as s:
        rid = regs.create_draft(s, actor=actor, kind="ektp", now=ws.now(), data={"name": "RINA MARLINA"}).id
    ws.close()
    ring = json.loads((folder / "keyring.json").read_text())
    assert ring["recovery"]["device_id"] and ring["unclaimed"] is None

    # Siti forgot it. Central resets her password on the server; the key ring travels to the offline machine.
    with server.factory() as session, session.begin():
        session.execute(text("UPDATE users SET password_hash = :h WHERE username = 'siti'"),
                        {"h": auth.hash_password(RESET)})
    locked = Workspace.open(folder)
    assert isinstance(login.attempt_login(locked, username="siti", password=RESET), auth.LoginError)
    locked.close()
    carried = tmp_path / "stick" / "keyring.json"
    carried.parent.mkdir()
    carried.write_bytes((folder / "keyring.json").read_bytes())
    code, out = run_cli("--data-dir", str(server.settings.data_dir), "recover-key", str(carried), "--private-key",
                        str(private_key), "--username", "siti", "--operator", "Rudi", "--reason", "tiket 118")
    assert code == 0, out
    with server.factory() as session:
        row = session.scalars(select(KeyRecovery)).one()
        assert (row.operator, row.username, row.reason) == ("Rudi", "siti", "tiket 118")
        assert row.device_id == ring["recovery"]["device_id"]
        logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "key_recovered")).one()
        assert logged.username == "siti" and row.device_id in logged.detail and "tiket" not in logged.detail
    (folder / "keyring.json").write_bytes(carried.read_bytes())

    again = Workspace.open(folder)
    try:
        assert again.locked
        actor = login.attempt_login(again, username="siti", password=RESET)
        assert isinstance(actor, auth.Actor), actor
        with again.transaction() as s:
            assert regs.get(s, rid).data["name"] == "RINA MARLINA"  # nothing lost
            assert auth.verify_password(RESET, s.get(auth.User, actor.user_id).password_hash)
    finally:
        again.close()
    # From now on the reset password is hers on this laptop too, after a restart.
    last = Workspace.open(folder)
    try:
        assert isinstance(login.attempt_login(last, username="siti", password=RESET), auth.Actor)
    finally:
        last.close()


def test_the_wrong_recovery_key_opens_nothing(tmp_path, province):
    server, _private_key = province
    ws = Workspace.open(tmp_path / "laptop")
    enrol(ws, URL, server.enrol_code(for_user="siti"), "laptop-siti", client=server.client())
    ws.close()
    other = tmp_path / "other.pem"
    assert run_cli("--data-dir", str(tmp_path / "x"), "recovery-keygen", "--private", str(other), "--public",
                   str(tmp_path / "other-public.pem"))[0] == 0
    code, out = run_cli("--data-dir", str(server.settings.data_dir), "recover-key",
                        str(tmp_path / "laptop" / "keyring.json"), "--private-key", str(other), "--username", "siti",
                        "--operator", "Rudi", "--reason", "uji")
    assert code == 2 and "another recovery key" in out
