from datetime import datetime, timedelta

import pytest

from app import auth
from db.models import AuditEvent

NOW = datetime(2026, 11, 2, 8, 0)


def test_password_hash_is_salted_scrypt_and_verifies():
    first, second = auth.hash_password("rahasia123"), auth.hash_password("rahasia123")
    assert first.startswith("scrypt$") and first != second
    assert auth.verify_password("rahasia123", first)
    assert not auth.verify_password("rahasia124", first)


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
