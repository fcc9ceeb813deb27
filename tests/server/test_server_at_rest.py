"""Issue 11 items 1 and 2 on the server: what a laptop gets (its people's verifiers only, never an administrator's),
old hashes upgraded at the next login, and the data folder encrypted with the operator's key."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io


import pytest
import requests
from live_server import PASSWORD, TIMEOUT, Device
from sqlalchemy import text

from app import auth
from server.cli import main as cli_main
from server.core import config


def enrol(live, code: str, name: str) -> tuple[Device, dict]:
    r = requests.post(live.base + "/enrol", json={"code": code, "device_name": name}, timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    body = r.json()
    return Device(live.base, body["device_id"], body["device_token"]), body


def pulled_accounts(device: Device) -> list[str]:
    r = device.get("/pull", cursor=0, limit=1000)
    assert r.status_code == 200, r.text
    return sorted({c["username"] for c in r.json()["changes"] if c["type"] == "account"})


@pytest.fixture(scope="module")
def people(live, team):
    live.create_user("boss", "admin")
    return team


def test_an_officers_laptop_holds_the_officer_and_their_supervisor_only(live, people):
    device, body = enrol(live, live.enrol_code(for_user="siti"), "siti-2")
    assert sorted(a["username"] for a in body["accounts"]) == ["siti", "sup"]
    assert device.login("siti").status_code == 200
    assert pulled_accounts(device) == ["siti", "sup"]  # the feed's other accounts stay on the server


def test_a_supervisors_laptop_holds_the_team_and_never_an_administrator(live, people):
    device, body = enrol(live, live.enrol_code(for_user="sup"), "sup-2")
    assert sorted(a["username"] for a in body["accounts"]) == ["ani", "siti", "sup"]
    assert device.login("sup").status_code == 200
    assert "boss" not in pulled_accounts(device) and "budi" not in pulled_accounts(device)


def test_no_code_is_made_for_an_administrators_laptop(live, people):
    code, out = live.cli("enrol-code", "--for", "boss")
    assert code == 2 and "not an active officer or supervisor" in out


def test_a_code_that_names_nobody_binds_the_laptop_to_whoever_logs_in_first(live, people):
    device, body = enrol(live, live.enrol_code(), "shared")
    assert body["accounts"] == []  # nobody known yet: no verifier leaves the server
    assert device.login("budi").status_code == 200
    assert pulled_accounts(device) == ["budi"]
    assert device.login("siti").status_code == 200  # another person syncing later does not widen it
    assert pulled_accounts(device) == ["budi"]


def test_an_old_scrypt_hash_is_replaced_at_the_next_login_and_laptops_get_the_new_one(live, people):
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**15, r=8, p=1, maxmem=2**28, dklen=32)
    old = f"scrypt$32768$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    with live.factory() as session, session.begin():
        session.execute(text("UPDATE users SET password_hash = :h WHERE username = 'ani'"), {"h": old})
    device, _body = enrol(live, live.enrol_code(for_user="ani"), "ani-2")
    assert device.login("ani").status_code == 200
    stored = live.scalar("SELECT password_hash FROM users WHERE username = 'ani'")
    assert stored.startswith("argon2id$") and auth.verify_password(PASSWORD, stored)
    changes = device.get("/pull", cursor=0, limit=1000).json()["changes"]
    newest = [c for c in changes if c["type"] == "account" and c["username"] == "ani"][-1]
    assert newest["password_hash"] == stored


def test_an_obvious_password_is_refused_by_create_user(live):
    code, out = live.cli("create-user", "--username", "lemah", "--full-name", "Lemah", "--role", "officer",
                         "--password", "password1")
    assert code == 2 and "too easy" in out


def test_the_data_folder_holds_no_plaintext(live, people):
    if live.backend != "sqlite":
        pytest.skip("PostgreSQL runs on encrypted storage (README); the attachments are sealed on both")
    photo = b"\xff\xd8\xff" + b"FOTO-WARGA-SITI-AMINAH " * 4000
    sha = hashlib.sha256(photo).hexdigest()
    half = len(photo) // 2
    for start, end in ((0, half - 1), (half, len(photo) - 1)):
        r = people.siti.put(f"/attachments/{sha}", photo[start:end + 1],
                            {"Content-Range": f"bytes {start}-{end}/{len(photo)}"})
        assert r.status_code == 200, r.text
        if end < len(photo) - 1:
            # The upload in progress is sealed too.
            part = next(live.settings.attachments_dir.rglob("*.part"))
            assert b"FOTO-WARGA" not in part.read_bytes()
    assert r.json()["complete"]
    with live.factory() as session, session.begin():
        session.execute(text("UPDATE users SET full_name = 'Siti Aminah Rahasia' WHERE username = 'siti'"))
    hits = [p.name for p in live.settings.data_dir.rglob("*") if p.is_file()
            for needle in (b"FOTO-WARGA", b"Siti Aminah") if needle in p.read_bytes()]
    assert hits == []


def test_a_range_of_a_sealed_file_reads_back(live, people):
    body = bytes(range(256)) * 1000  # several sealed chunks
    sha = hashlib.sha256(body).hexdigest()
    r = people.siti.put(f"/attachments/{sha}", body, {"Content-Range": f"bytes 0-{len(body) - 1}/{len(body)}"})
    assert r.status_code == 200 and r.json()["complete"]
    from server.api.byte_ranges import _read_sealed
    from server.services.attachments import path_for

    path = path_for(live.settings.attachments_dir, sha, partial=False)
    for start, end in ((0, 10), (65530, 65545), (200_000, len(body) - 1)):
        assert b"".join(_read_sealed(path, live.settings.data_key, start, end)) == body[start:end + 1]


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli_main(list(args))
    return code, out.getvalue()


def test_without_the_data_key_the_server_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv(config.ENV_DATA_KEY, raising=False)
    monkeypatch.delenv(config.ENV_DATA_KEY_FILE, raising=False)
    code, out = run_cli("--data-dir", str(tmp_path / "data"), "migrate")
    assert code == 2 and "data key is missing" in out and "make-data-key" in out
    assert not (tmp_path / "data" / "server.sqlite").exists()


def test_a_key_file_inside_the_data_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv(config.ENV_DATA_KEY, raising=False)
    assert run_cli("--data-dir", str(tmp_path / "data"), "make-data-key", str(tmp_path / "data.key"))[0] == 0
    assert run_cli("--data-dir", str(tmp_path / "data"), "make-data-key", str(tmp_path / "data.key"))[0] == 2
    (tmp_path / "data").mkdir()
    inside = tmp_path / "data" / "data.key"
    inside.write_text((tmp_path / "data.key").read_text())
    monkeypatch.setenv(config.ENV_DATA_KEY_FILE, str(inside))
    code, out = run_cli("--data-dir", str(tmp_path / "data"), "migrate")
    assert code == 2 and "inside the data folder" in out
    monkeypatch.setenv(config.ENV_DATA_KEY_FILE, str(tmp_path / "data.key"))
    assert run_cli("--data-dir", str(tmp_path / "data"), "migrate")[0] == 0
    assert (tmp_path / "data" / "server.sqlite").read_bytes()[:16] != b"SQLite format 3\x00"


def test_a_plaintext_server_database_is_encrypted_at_start_after_a_backup(tmp_path, monkeypatch):
    monkeypatch.delenv(config.ENV_DATA_KEY, raising=False)
    monkeypatch.delenv(config.ENV_DATA_KEY_FILE, raising=False)
    data = tmp_path / "data"
    settings = config.Settings(data_dir=data, data_key=None)
    from sqlalchemy import create_engine

    from server.core.migrate import upgrade

    data.mkdir()
    plain = create_engine(settings.url)  # how an older server made it: plain SQLite
    upgrade(plain)
    with plain.begin() as c:
        c.execute(text("INSERT INTO users (id, username, full_name, role, password_hash, active, created_at, "
                       "updated_at, failed_attempts) VALUES ('u1', 'rina', 'Rina Marlina', 'officer', 'x', 1, "
                       "'2026-11-01', '2026-11-01', 0)"))
    plain.dispose()
    key_file = tmp_path / "data.key"
    key_file.write_text("ab" * 32)
    monkeypatch.setenv(config.ENV_DATA_KEY_FILE, str(key_file))
    assert run_cli("--data-dir", str(data), "list-devices")[0] == 0
    files = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    assert any(name.startswith("server.backup-") for name in files)
    assert not [name for name, raw in files.items() if b"Rina Marlina" in raw or raw.startswith(b"SQLite format")]
    from server.core.db import make_engine

    engine = make_engine(config.Settings(data_dir=data, data_key=bytes.fromhex("ab" * 32)))
    with engine.connect() as c:
        assert c.execute(text("SELECT full_name FROM users")).scalar() == "Rina Marlina"
    engine.dispose()

