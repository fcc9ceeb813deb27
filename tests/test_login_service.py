"""The login screen's services (app.login), without Qt: first account, login, and a refusal that still counts."""

import pytest

from app import auth, login
from app.auth import AccountLocked, LoginError
from db.models import User


def test_a_new_laptop_makes_its_first_account_then_logs_in(workspace):
    assert not login.has_accounts(workspace)
    actor = login.create_first_account(workspace, username="Siti", full_name="Siti Aminah", password="rahasia123",
                                       role="officer")
    assert (actor.username, actor.role, actor.device_id) == ("siti", "officer", workspace.device_id)
    assert login.has_accounts(workspace)
    assert login.attempt_login(workspace, username="siti", password="rahasia123") == actor


def test_only_one_first_account_and_never_an_administrator(workspace):
    with pytest.raises(LoginError):
        login.create_first_account(workspace, username="root", full_name="Root", password="rahasia123", role="admin")
    login.create_first_account(workspace, username="siti", full_name="Siti", password="rahasia123", role="officer")
    with pytest.raises(LoginError):
        login.create_first_account(workspace, username="budi", full_name="Budi", password="rahasia123",
                                   role="officer")


def test_a_wrong_password_is_returned_and_its_count_committed_until_the_lock(workspace, officer):
    for _ in range(auth.FREE_ATTEMPTS - 1):
        refused = login.attempt_login(workspace, username="siti", password="salah-salah")
        assert isinstance(refused, LoginError) and not isinstance(refused, AccountLocked)
    with workspace.transaction() as s:
        assert s.get(User, officer.user_id).failed_attempts == auth.FREE_ATTEMPTS - 1
    locked = login.attempt_login(workspace, username="siti", password="salah-salah")
    assert isinstance(locked, AccountLocked) and locked.seconds > 0
    assert isinstance(login.attempt_login(workspace, username="siti", password="rahasia123"), AccountLocked)
