"""Enrolment, sessions, revocation and who may call what."""

import requests

from app.auth import verify_password
from live_server import PASSWORD, TIMEOUT
from sync.answers import health_from_dict
from sync.connectivity import probe


def test_health(live):
    r = requests.get(live.root + "/health", timeout=TIMEOUT)
    assert r.status_code == 200 and health_from_dict(r.json()).status == "ok"
    assert probe(live.root).reachable  # the laptop's probe reads the same answer
    assert requests.get(live.root + "/docs", timeout=TIMEOUT).status_code == 200


def test_an_enrolment_code_works_once_only(live, team):
    code = live.enrol_code(for_user="sup")
    r = requests.post(live.base + "/enrol", json={"code": code, "device_name": "Laptop Muara Enim 3"},
                      timeout=TIMEOUT)
    assert r.status_code == 200
    body = r.json()
    assert body["device_id"] and len(body["device_token"]) >= 40
    siti = next(a for a in body["accounts"] if a["username"] == "siti")
    # The same hash string the laptop checks offline.
    assert verify_password(PASSWORD, siti["password_hash"])
    sup = next(a for a in body["accounts"] if a["username"] == "sup")
    assert set(sup["team"]) == {team.ids["siti"], team.ids["ani"]}
    # A supervisor's laptop holds the supervisor and the team: not budi (another team), never an administrator.
    assert sorted(a["username"] for a in body["accounts"]) == ["ani", "siti", "sup"]
    assert live.scalar("SELECT count(*) FROM devices WHERE token_hash = :t", t=body["device_token"]) == 0

    again = requests.post(live.base + "/enrol", json={"code": code, "device_name": "second"}, timeout=TIMEOUT)
    assert again.status_code == 401 and again.json()["detail"]["code"] == "bad_code"


def test_a_typed_code_may_differ_in_case_and_dashes(live):
    code = live.enrol_code().lower().replace("-", " ")
    r = requests.post(live.base + "/enrol", json={"code": code, "device_name": "x"}, timeout=TIMEOUT)
    assert r.status_code == 200


def test_session_login(live, team):
    device = live.enrol("login-laptop")
    wrong = device.login("siti", "salah-sandi")
    assert wrong.status_code == 401 and wrong.json()["detail"]["code"] == "bad_login"
    assert device.login("nobody").status_code == 401
    ok = device.login("SITI")
    assert ok.status_code == 200 and ok.json()["expires_at"].endswith("Z")
    assert device.get("/pull").status_code == 200


def test_requests_without_a_device_or_user_token_are_refused(live, team):
    r = requests.get(live.base + "/pull", timeout=TIMEOUT)
    assert r.status_code == 401 and r.json()["detail"]["code"] == "bad_device"
    r = requests.get(live.base + "/pull", headers={"Authorization": f"Device {team.siti.token}"}, timeout=TIMEOUT)
    assert r.status_code == 401 and r.json()["detail"]["code"] == "bad_user"
    bad = {"Authorization": f"Device {team.siti.token}", "X-User-Token": "forged"}
    assert requests.get(live.base + "/pull", headers=bad, timeout=TIMEOUT).status_code == 401


def test_a_user_token_is_bound_to_its_device(live, team):
    stolen = {"Authorization": f"Device {team.budi.token}", "X-User-Token": team.siti.user_token}
    r = requests.get(live.base + "/pull", headers=stolen, timeout=TIMEOUT)
    assert r.status_code == 401 and r.json()["detail"]["code"] == "bad_user"


def test_a_revoked_device_is_refused(live, team):
    device = live.enrol("lost-laptop", login="ani")
    assert device.get("/pull").status_code == 200
    code, out = live.cli("list-devices")
    assert code == 0 and device.id in out and "lost-laptop" in out
    code, out = live.cli("revoke-device", device.id)
    assert code == 0, out
    for r in (device.get("/pull"), device.login("ani"), device.push([])):
        assert r.status_code == 401 and r.json()["detail"]["code"] == "device_revoked"
    assert "REVOKED" in live.cli("list-devices")[1]
    assert live.cli("revoke-device", "no-such-device")[0] == 1
