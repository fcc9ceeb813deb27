"""What an administrator does from ``jemput-server``: disable and enable an account, reset a password, end a user's
sessions, list and revoke devices; each takes effect on the live server at once, reaches laptops through the feed,
and is written to the server log without a password in it."""

from __future__ import annotations

from live_server import PASSWORD
from server.core.logs import LOG_FILE


def _log(live) -> str:
    return (live.settings.data_dir / LOG_FILE).read_text(encoding="utf-8")


def _accounts_in_feed(device, cursor: int) -> list[dict]:
    r = device.get("/pull", cursor=cursor, limit=1000)
    assert r.status_code == 200, r.text
    return [c for c in r.json()["changes"] if c["type"] == "account"]


def _cursor(device) -> int:
    return device.get("/pull", cursor=0, limit=1000).json()["cursor"]


def test_disable_ends_the_sessions_and_refuses_the_login_until_enabled(live):
    # The watcher is Rudi's supervisor: a laptop holds only its team's accounts (issue 11), and hers holds Rudi's.
    live.create_user("adm_watcher", "supervisor")
    live.create_user("adm_rudi", supervisor="adm_watcher")
    laptop = live.enrol("rudi-laptop", "adm_rudi")
    watcher = live.enrol("watcher-laptop", "adm_watcher")
    cursor = _cursor(watcher)
    code, out = live.cli("disable-user", "adm_rudi")
    assert code == 0 and "disabled adm_rudi; 1 session(s) ended" in out, out
    assert laptop.get("/pull").status_code == 401
    refused = laptop.login("adm_rudi")
    assert refused.status_code == 401 and refused.json()["detail"]["code"] == "bad_login"
    [account] = [a for a in _accounts_in_feed(watcher, cursor) if a["username"] == "adm_rudi"]
    assert account["active"] is False  # the laptops holding it learn it and refuse the account offline too
    code, out = live.cli("list-users")
    assert code == 0 and any("adm_rudi" in line and "DISABLED" in line for line in out.splitlines())
    assert live.cli("enable-user", "adm_rudi")[0] == 0
    assert laptop.login("adm_rudi").status_code == 200
    assert live.cli("disable-user", "nobody-here") == (2, "not done: no user 'nobody-here'\n")
    log = _log(live)
    assert "account_disabled user=adm_rudi by=cli sessions_ended=1" in log
    assert "account_enabled user=adm_rudi" in log


def test_reset_password_replaces_it_everywhere_and_ends_the_sessions(live):
    live.create_user("adm_sari")
    laptop = live.enrol("sari-laptop", "adm_sari")
    cursor = _cursor(laptop)
    old_hash = next(a for a in _accounts_in_feed(laptop, 0) if a["username"] == "adm_sari")["password_hash"]
    assert live.cli("reset-password", "adm_sari", "--password", "pendek")[0] == 2
    code, out = live.cli("reset-password", "adm_sari", "--password", "sandi-baru-2026")
    assert code == 0 and "1 session(s) ended" in out, out
    assert laptop.get("/pull").status_code == 401
    assert laptop.login("adm_sari", PASSWORD).status_code == 401
    assert laptop.login("adm_sari", "sandi-baru-2026").status_code == 200
    [account] = [a for a in _accounts_in_feed(laptop, cursor) if a["username"] == "adm_sari"]
    assert account["password_hash"] != old_hash
    log = _log(live)
    assert "password_reset user=adm_sari" in log and "sandi-baru-2026" not in log


def test_end_sessions_everywhere_or_on_one_device(live):
    live.create_user("adm_tono")
    first, second = live.enrol("tono-1", "adm_tono"), live.enrol("tono-2", "adm_tono")
    code, out = live.cli("end-sessions", "adm_tono", "--device", first.id)
    assert code == 0 and out.startswith("1 session(s) of adm_tono ended"), out
    assert first.get("/pull").status_code == 401 and second.get("/pull").status_code == 200
    assert live.cli("end-sessions", "adm_tono")[1].startswith("1 session(s)")
    assert second.get("/pull").status_code == 401
    assert live.cli("end-sessions", "adm_tono", "--device", "0196f0a0-0000-7000-8000-000000000000")[0] == 2
    assert "sessions_ended user=adm_tono by=cli device=all count=1" in _log(live)


def test_list_and_revoke_devices_and_the_log_says_so(live):
    live.create_user("adm_umar")
    laptop = live.enrol("umar-laptop", "adm_umar")
    code, out = live.cli("list-devices")
    assert code == 0 and any(laptop.id in line and "active" in line for line in out.splitlines())
    assert live.cli("revoke-device", laptop.id)[0] == 0
    assert laptop.get("/pull").status_code == 401
    code, out = live.cli("list-devices")
    assert any(laptop.id in line and "REVOKED" in line for line in out.splitlines())
    log = _log(live)
    assert f"device_revoked user=- device={laptop.id}" in log
    # The server's own lines are in the same file: logins and their refusals, with no password.
    assert "login user=adm_umar" in log and PASSWORD not in log
