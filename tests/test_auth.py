import base64
import hashlib
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app import auth
from db.models import AuditEvent, User

NOW = datetime(2026, 11, 2, 8, 0)


def test_password_hash_is_salted_argon2id_at_owasp_strength_and_verifies():
    first, second = auth.hash_password("rahasia123"), auth.hash_password("rahasia123")
    assert first.startswith("argon2id$47104$1$1$") and first != second  # OWASP: 46 MiB, one pass, one lane
    assert auth.verify_password("rahasia123", first)
    assert not auth.verify_password("rahasia124", first)
    assert not auth.needs_rehash(first)


def test_an_old_scrypt_hash_still_verifies_and_is_replaced_at_the_next_login(workspace):
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"rahasia123", salt=salt, n=2**15, r=8, p=1, maxmem=2**28, dklen=32)
    old = f"scrypt$32768$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert auth.verify_password("rahasia123", old) and auth.needs_rehash(old)
    with workspace.transaction() as s:
        user = auth.create_user(s, username="siti", full_name="Siti Aminah", password="rahasia123", role="officer",
                                now=NOW)
        user.password_hash = old
    with workspace.transaction() as s:
        auth.login(s, username="siti", password="rahasia123", now=NOW, device_id=workspace.device_id)
    with workspace.transaction() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "siti"))
        actions = [e.action for e in s.query(AuditEvent).order_by(AuditEvent.id)]
    assert stored.startswith("argon2id$") and auth.verify_password("rahasia123", stored)
    assert "password_rehashed" in actions


@pytest.mark.parametrize("password", ["password", "Password1", "12345678", "17081945", "aaaaaaaa", "abcdefgh",
                                      "qwertyuiop", "87654321", "admin1!", "siti2024", "katasandi", "Bismillah1"])
def test_obvious_passwords_are_refused_in_indonesian(workspace, password):
    with workspace.transaction() as s, pytest.raises(auth.LoginError) as caught:
        auth.create_user(s, username="siti", full_name="Siti Aminah", password=password, role="officer", now=NOW)
    assert caught.value.template in (auth.MSG_WEAK_PASSWORD, auth.MSG_SHORT_PASSWORD)
    assert caught.value.text("id") != caught.value.text("en")


@pytest.mark.parametrize("password", ["rahasia123", "kopi-susu-77", "Sungai Musi 1"])
def test_passwords_that_are_not_obvious_are_taken(password):
    assert auth.password_problem(password, username="siti", full_name="Siti Aminah") is None


def test_first_account_then_offline_login(workspace):
    with workspace.transaction() as s:
        assert not auth.has_accounts(s)
        auth.create_user(s, username="Siti", full_name="Siti Aminah", password="rahasia123", role="officer", now=NOW)
    with workspace.transaction() as s:
        actor = auth.login(s, username="siti", password="rahasia123", now=NOW, device_id=workspace.device_id)
    assert actor.full_name == "Siti Aminah" and actor.role == "officer"


@pytest.mark.parametrize("username,password,name", [("si", "rahasia123", "S"), ("siti aminah", "rahasia123", "S"),
                                                    ("siti", "pendek", "S"), ("siti", "rahasia123", " ")])
def test_bad_account_details_are_refused_with_a_reason(workspace, username, password, name):
    with workspace.transaction() as s, pytest.raises(auth.LoginError) as caught:
        auth.create_user(s, username=username, full_name=name, password=password, role="officer", now=NOW)
    assert caught.value.text("id")


def test_wrong_passwords_lock_with_growing_delay(workspace):
    with workspace.transaction() as s:
        auth.create_user(s, username="siti", full_name="Siti", password="rahasia123", role="officer", now=NOW)
    locks = []
    now = NOW
    for attempt in range(5):
        with workspace.transaction() as s:
            with pytest.raises(auth.LoginError) as caught:
                auth.login(s, username="siti", password="salah-salah", now=now, device_id="d")
            locks.append(caught.value.params.get("seconds"))
        now += timedelta(hours=1)  # wait out any lock before the next try
    assert locks == [None, None, 30, 60, 120]
    # While locked even the right password is refused.
    with workspace.transaction() as s, pytest.raises(auth.LoginError):
        auth.login(s, username="siti", password="rahasia123", now=now - timedelta(hours=1), device_id="d")
    with workspace.transaction() as s:
        assert auth.login(s, username="siti", password="rahasia123", now=now, device_id="d").username == "siti"
    assert auth.lock_delay(100) == auth.MAX_LOCK
    with workspace.transaction() as s:
        actions = [e.action for e in s.query(AuditEvent).order_by(AuditEvent.id)]
    assert actions == ["account_created", "login_failed", "login_failed", "locked", "locked", "locked", "login"]
