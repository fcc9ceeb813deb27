"""The key ring: the data key wrapped per account by its password hash, re-wrapped (never re-encrypted) when a
password changes, unclaimed until the first account, and sealed to the province's recovery key."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app import auth, login
from app.at_rest import keyring as keyrings
from app.at_rest import recovery
from app.workspace import RECOVERY_KEY, Workspace
from db import migrate
from db.models import Meta, User


def test_a_new_laptop_opens_without_a_password_until_its_first_account(tmp_path):
    ws = Workspace.open(tmp_path)
    assert not ws.locked and keyrings.KeyRing.load(tmp_path).unclaimed == ws.data_key
    login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                               role="officer")
    ws.close()
    raw = json.loads((tmp_path / keyrings.FILENAME).read_text())
    assert raw["unclaimed"] is None and [a["username"] for a in raw["accounts"].values()] == ["siti"]
    assert (tmp_path / keyrings.FILENAME).stat().st_mode & 0o777 == 0o600
    assert Workspace.open(tmp_path).locked


def test_a_password_change_rewraps_the_same_key_and_nothing_is_reencrypted(tmp_path):
    ws = Workspace.open(tmp_path)
    login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                               role="officer")
    key, database = ws.data_key, (tmp_path / "jemput.sqlite")
    with ws.transaction() as s:
        user = s.query(User).filter_by(username="siti").one()
        user.password_hash = auth.hash_password("teh-manis-88")
    ws.refresh_keyring()
    ws.close()
    again = Workspace.open(tmp_path)
    assert isinstance(login.attempt_login(again, username="siti", password="kopi-susu-77"), auth.LoginError)
    assert isinstance(login.attempt_login(again, username="siti", password="teh-manis-88"), auth.Actor)
    assert again.data_key == key  # the same key: the database was not touched
    assert migrate.read_revision(database, key) is not None
    again.close()


def test_wrong_passwords_before_the_database_opens_lock_the_account(tmp_path):
    ws = Workspace.open(tmp_path)
    login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                               role="officer")
    ws.close()
    ws = Workspace.open(tmp_path)
    results = [login.attempt_login(ws, username="siti", password=f"salah-{n}-sekali") for n in range(3)]
    assert isinstance(results[-1], auth.AccountLocked) and ws.locked
    locked = login.attempt_login(ws, username="siti", password="kopi-susu-77")
    assert isinstance(locked, auth.AccountLocked) and ws.locked  # even the right one waits
    ws.close()


def test_the_last_wraps_stay_when_every_account_is_disabled(tmp_path):
    ws = Workspace.open(tmp_path)
    login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                               role="officer")
    with ws.transaction() as s:
        s.query(User).filter_by(username="siti").one().active = False
    ws.refresh_keyring()
    assert ws.ring.account("siti") is not None
    ws.close()


def test_the_key_is_sealed_to_the_recovery_key_bound_to_the_device(tmp_path):
    private = X25519PrivateKey.generate()
    ws = Workspace.open(tmp_path)
    login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                               role="officer")
    with ws.transaction() as s:
        s.merge(Meta(key=RECOVERY_KEY, value=recovery.public_text(private.public_key())))
    ws.refresh_keyring()
    envelope = ws.ring.recovery_envelope
    assert recovery.open_envelope(envelope, private) == ws.data_key
    with pytest.raises(recovery.RecoveryError):
        recovery.open_envelope({**envelope, "device_id": "another-laptop"}, private)
    with pytest.raises(recovery.RecoveryError):
        recovery.open_envelope(envelope, X25519PrivateKey.generate())
    ws.close()


def test_a_key_ring_of_another_database_is_refused(tmp_path):
    first = Workspace.open(tmp_path / "a")
    first.close()
    second = Workspace.open(tmp_path / "b")
    second.close()
    (tmp_path / "a" / keyrings.FILENAME).write_bytes((tmp_path / "b" / keyrings.FILENAME).read_bytes())
    from app import errors

    with pytest.raises(errors.DatabaseProblem) as caught:
        Workspace.open(tmp_path / "a")
    assert caught.value.template == errors.MSG_BAD_KEYRING


def test_a_missing_key_ring_is_said_and_nothing_is_changed(tmp_path):
    ws = Workspace.open(tmp_path)
    ws.close()
    (tmp_path / keyrings.FILENAME).unlink()
    before = (tmp_path / "jemput.sqlite").read_bytes()
    from app import errors

    with pytest.raises(errors.DatabaseProblem) as caught:
        Workspace.open(tmp_path)
    assert caught.value.template == errors.MSG_NO_KEYRING
    assert (tmp_path / "jemput.sqlite").read_bytes() == before


def test_a_key_ring_without_its_database_is_set_aside_not_overwritten(tmp_path):
    ws = Workspace.open(tmp_path)
    login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                               role="officer")
    ws.close()
    original = (tmp_path / keyrings.FILENAME).read_bytes()
    moved = tmp_path.parent / f"{tmp_path.name}-moved.sqlite"
    (tmp_path / "jemput.sqlite").rename(moved)
    Workspace.open(tmp_path).close()  # a new, empty laptop meanwhile
    [aside] = tmp_path.glob("keyring.set-aside-*.json")
    assert aside.read_bytes() == original


def test_a_plaintext_database_of_a_newer_app_is_refused_before_it_is_converted(tmp_path):
    import sqlite3

    from app import errors

    path = tmp_path / "jemput.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('9999')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(errors.DatabaseProblem) as caught:
        Workspace.open(tmp_path)
    assert caught.value.template == errors.MSG_NEWER_DATABASE
    assert path.read_bytes() == before and not (tmp_path / keyrings.FILENAME).exists()
