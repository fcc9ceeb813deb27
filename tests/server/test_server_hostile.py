"""Each input that made the server answer 500 when it was probed (issue 11) now gets a 4xx (or a 503 for a disk
or database that refuses writes) and changes nothing; SQLite and PostgreSQL alike."""

from __future__ import annotations

import errno
import gzip
import hashlib
import http.client
import json
import time
from urllib.parse import urlparse

import pytest
import requests
from sqlalchemy import create_engine, text

from live_server import TIMEOUT, VALID_EKTP, LiveServer, _database, make_record
from app.at_rest import file_cipher
from server.core.config import Settings

HUGE = "1" * 5000  # Python refuses to turn 4,301 digits or more into an int (a ValueError)
SURROGATE = '"\\ud800"'  # valid JSON, no valid text: UTF-8 cannot encode it


def post_raw(device, path: str, raw: bytes, *, gzipped: bool = True, auth: bool = True) -> requests.Response:
    headers = (device.headers() if auth else {}) | {"Content-Type": "application/json"}
    if gzipped:
        raw = gzip.compress(raw)
        headers["Content-Encoding"] = "gzip"
    return device.http.post(device.base + path, data=raw, headers=headers, timeout=TIMEOUT)


def record_text(team, **overrides) -> str:
    record = make_record(team.ids["siti"], team.siti)
    text_ = json.dumps(record)
    for key, raw in overrides.items():
        text_ = text_.replace(json.dumps(key) + ": " + json.dumps(record[key]), json.dumps(key) + ": " + raw, 1)
    return text_


def hostile_bodies(team) -> list[tuple[str, bytes]]:
    batch = '{"batch_id": "0196f0a0-0000-7000-8000-00000000f001", "records": [%s]}'
    data_with = lambda raw: record_text(team).replace('"name": "Siti Aminah"', f'"name": {raw}')  # noqa: E731
    return [
        ("/enrol", f'{{"code": {HUGE}, "device_name": "x"}}'.encode()),
        ("/enrol", f'{{"code": "AAAA-BBBB-CCCC-DDDD", "device_name": {SURROGATE}}}'.encode()),
        ("/session", f'{{"username": {SURROGATE}, "password": "rahasia123"}}'.encode()),
        ("/session", f'{{"username": "siti", "password": {SURROGATE}}}'.encode()),
        ("/session", f'{{"username": "siti", "password": {HUGE}}}'.encode()),
        ("/devices/keys", f'{{"signing_key": {HUGE}, "encryption_key": 1e400}}'.encode()),
        ("/attachments/status", f'{{"hashes": [{HUGE}]}}'.encode()),
        ("/push", (batch % record_text(team, version=HUGE)).encode()),
        ("/push", (batch % data_with("1e400")).encode()),
        ("/push", (batch % data_with("-1e400")).encode()),
        ("/push", (batch % data_with(SURROGATE)).encode()),
        ("/push", (batch % data_with(HUGE)).encode()),
        ("/push", (batch % record_text(team, created_at='"0001-01-01T00:00:00+14:00"')).encode()),
        ("/push", (batch % record_text(team, updated_at='"9999-12-31T23:59:59-14:00"')).encode()),
        ("/push", (batch % record_text(team, created_at='"0001-01-01T00:00:00"')).encode()),
        ("/push", (batch % record_text(team).replace('"at": "2026-11-20T08:00:00Z"',
                                                     '"at": "0001-01-01T00:00:00+14:00"')).encode()),
        # 30 MB of empty objects in 30 KB of gzip: refused while inflating or counting, never parsed.
        ("/push", b"[" + b"{}," * 10_000_000 + b"{}]"),
    ]


def test_each_hostile_body_gets_a_4xx_and_changes_nothing(live, team):
    before = live.snapshot()
    answers = []
    for path, raw in hostile_bodies(team):
        for gzipped in (True, False):
            if not gzipped and len(raw) > 1_000_000:
                continue
            r = post_raw(team.siti, path, raw, gzipped=gzipped)
            answers.append((path, raw[:60], gzipped, r.status_code))
            assert 400 <= r.status_code < 500, (path, raw[:80], r.status_code, r.text[:300])
            assert r.json()["detail"]["code"]
    assert live.snapshot() == before
    assert len(answers) >= 30


def test_a_huge_number_before_any_token_is_a_4xx(live):
    r = requests.post(live.base + "/push", data=f'{{"batch_id": {HUGE}}}', timeout=TIMEOUT)
    assert r.status_code == 401
    # A Content-Length of 5,000 digits: refused before int() sees it.
    url = urlparse(live.base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
    connection.putrequest("POST", url.path + "/enrol")
    connection.putheader("Content-Length", "9" * 5000)
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    assert 400 <= status < 500


def test_a_full_or_read_only_disk_answers_503_and_keeps_the_offset(live, team, monkeypatch):
    from server.services import attachments

    photo = b"foto KK " * 1000
    sha = hashlib.sha256(photo).hexdigest()
    headers = {"Content-Range": f"bytes 0-{len(photo) - 1}/{len(photo)}", "Content-Type": "application/octet-stream"}
    for code in (errno.ENOSPC, errno.EROFS):
        def refuse(*_args, _code=code):
            raise OSError(_code, "refused")
        monkeypatch.setattr(attachments.file_cipher, "append_part", refuse)  # the sealed part's write
        before = live.snapshot()
        r = team.siti.put(f"/attachments/{sha}", photo, headers)
        assert r.status_code == 503 and r.json()["detail"]["code"] == "storage_unavailable", r.text
        assert r.headers["Retry-After"]
        assert live.snapshot() == before
    monkeypatch.undo()
    r = team.siti.put(f"/attachments/{sha}", photo, headers)
    assert r.status_code == 200 and r.json()["complete"] is True


def test_attachment_status_answers_only_for_files_the_user_may_know(live, team):
    photo = b"scan akta " * 3000
    sha = hashlib.sha256(photo).hexdigest()
    put = {"Content-Range": f"bytes 0-{len(photo) - 1}/{len(photo)}"}
    assert team.siti.put(f"/attachments/{sha}", photo, put).json()["complete"] is True
    record = make_record(team.ids["siti"], team.siti, attachments=[sha])
    assert team.siti.push([record]).json()["results"][0]["result"] == "accepted"

    def missing(device):
        r = device.post("/attachments/status", {"hashes": [sha]})
        assert r.status_code == 200, r.text
        return r.json()["missing"]

    assert missing(team.siti) == [] and missing(team.sup) == []  # hers, and her supervisor's team's
    # Anyone else hears what they would hear of a file nobody sent: missing, from 0.
    assert missing(team.budi) == missing(team.ani) == [{"sha256": sha, "offset": 0}]
    # Sending it proves they hold the bytes, answered as a first upload would be; the stored file is untouched.
    half = len(photo) // 2
    r = team.budi.put(f"/attachments/{sha}", photo[:half], {"Content-Range": f"bytes 0-{half - 1}/{len(photo)}"})
    assert r.status_code == 200 and r.json() == {"sha256": sha, "offset": half, "complete": False}
    assert missing(team.budi) == [{"sha256": sha, "offset": half}]
    r = team.budi.put(f"/attachments/{sha}", photo[half:],
                      {"Content-Range": f"bytes {half}-{len(photo) - 1}/{len(photo)}"})
    assert r.status_code == 200 and r.json()["complete"] is True
    wrong = b"x" * len(photo)
    r = team.ani.put(f"/attachments/{sha}", wrong, put)
    assert r.status_code == 422 and r.json()["detail"]["code"] == "hash_mismatch"
    path = live.settings.attachments_dir / sha[:2] / sha
    assert file_cipher.read_sealed(live.settings.data_key, path) == photo  # sealed with the data key
    assert team.ani.get(f"/attachments/{sha}", record=record["id"]).status_code == 404


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_health_reports_a_database_that_refuses_writes(backend, tmp_path):
    with _database(backend, tmp_path) as url:
        server = LiveServer(Settings(data_dir=tmp_path, database_url=url), backend)
        try:
            assert requests.get(server.root + "/health", timeout=TIMEOUT).status_code == 200
        finally:
            server.stop()
        if backend == "sqlite":
            read_only = f"sqlite:///file:{tmp_path / 'server.sqlite'}?mode=ro&uri=true"
        else:
            engine = create_engine(url, isolation_level="AUTOCOMMIT")
            with engine.connect() as c:
                name = engine.url.database
                c.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
            engine.dispose()
            read_only = url
        server = LiveServer(Settings(data_dir=tmp_path, database_url=read_only), backend)
        try:
            r = requests.get(server.root + "/health", timeout=TIMEOUT)
            assert r.status_code == 503, r.text
            assert r.json()["detail"]["code"] == "unavailable" and "writes" in r.json()["detail"]["message"]
        finally:
            server.stop()


def test_enrolment_and_login_are_rate_limited_per_address_and_device(tmp_path):
    server = LiveServer(Settings(data_dir=tmp_path, enrol_per_minute_per_address=3,
                                 session_per_minute_per_device=4, session_per_minute_per_address=6),
                        "sqlite", real_limits=True)
    try:
        server.create_user("tari")
        codes = [server.enrol_code() for _ in range(4)]
        answers = [requests.post(server.base + "/enrol", json={"code": c, "device_name": "x"}, timeout=TIMEOUT)
                   for c in codes]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert answers[-1].json()["detail"]["code"] == "slow_down" and int(answers[-1].headers["Retry-After"]) >= 1
        first, second = (answers[0].json()["device_token"], answers[1].json()["device_token"])

        def login(token: str) -> str:
            # An unknown name: never locked, so every refusal past the wrong password is the rate limit's.
            r = requests.post(server.base + "/session", json={"username": "tidak-ada", "password": "salah-sandi"},
                              headers={"Authorization": f"Device {token}"}, timeout=TIMEOUT)
            return r.json()["detail"]["code"]

        assert [login(first) for _ in range(5)] == ["bad_login"] * 4 + ["slow_down"]  # the device's allowance
        assert [login(second) for _ in range(2)] == ["bad_login", "slow_down"]  # then the address's (6)
    finally:
        server.stop()


def test_the_flood_of_anonymous_bodies_costs_no_parsing(live, team):
    """An anonymous push of 30 MB of empty objects is refused before it is inflated: in well under a second."""
    bomb = gzip.compress(b"[" + b"{}," * 10_000_000 + b"{}]")
    start = time.perf_counter()
    r = requests.post(live.base + "/push", data=bomb, headers={"Content-Encoding": "gzip",
                                                               "Authorization": "Device nope"}, timeout=TIMEOUT)
    assert r.status_code == 401 and time.perf_counter() - start < 1
    assert post_raw(team.siti, "/push", b"[" + b"{}," * 10_000_000 + b"{}]").status_code == 413
    assert VALID_EKTP  # the module's records stay valid ones
