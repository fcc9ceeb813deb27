"""A client's bad input gets a 4xx with a reason and changes nothing; it never causes a 500."""

import copy
import gzip
import json
import random

import pytest
import requests

from live_server import TIMEOUT, make_record

ENDPOINTS = ["/enrol", "/session", "/push", "/attachments/status"]
GARBAGE = [
    (b"", False, 400), (b"{", False, 400), (b"\xff\xfe", False, 400), (b"NaN", False, 400),
    (b'{"a": NaN}', False, 400), (b"[" * 6_000 + b"]" * 6_000, False, 400),
    (b'{"code": "a\\u0000b", "device_name": "x"}', False, 400),
    (b"not gzip at all", True, 400), (gzip.compress(b'{"x": 1}')[:-6], True, 400),
    (gzip.compress(b"{}") + b"trailing", True, 400),
    (b"null", False, 422), (b"[]", False, 422), (b"42", False, 422), (b'"text"', False, 422), (b"{}", False, 422),
]


def send(device, path, raw, gzipped, headers=None):
    h = device.headers(**{"Content-Type": "application/json"}) | (headers or {})
    if gzipped:
        h["Content-Encoding"] = "gzip"
    return device.http.post(device.base + path, data=raw, headers=h, timeout=TIMEOUT)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_malformed_bodies_are_refused_and_change_nothing(live, team, path):
    before = live.snapshot()
    for raw, gzipped, expected in GARBAGE:
        r = send(team.siti, path, raw, gzipped)
        assert r.status_code == expected, (path, raw[:40], r.status_code, r.text[:300])
        assert r.json()["detail"]["code"] and r.json()["detail"]["message"]
    assert live.snapshot() == before


def test_oversized_bodies_and_gzip_bombs_are_refused(live, team):
    before = live.snapshot()
    big = b" " * (9 * 1024 * 1024)
    r = send(team.siti, "/push", big, False)
    assert r.status_code == 413 and r.json()["detail"]["code"] == "too_large"
    # 1 GB of zeros compresses to about 1 MB; the server stops inflating at its cap.
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 1024 * 1024
    assert send(team.siti, "/push", bomb, True).status_code == 413
    assert send(team.siti, "/push", b"{}", False, {"Content-Encoding": "br"}).status_code == 415
    too_many = {"batch_id": "0196f0a0-0000-7000-8000-0000000000aa",
                "records": [make_record(team.ids["siti"], team.siti) for _ in range(501)]}
    assert team.siti.post("/push", too_many).status_code == 413
    hashes = {"hashes": [f"{i:064x}" for i in range(1001)]}
    assert team.siti.post("/attachments/status", hashes).status_code == 413
    assert live.snapshot() == before


def test_wrong_types_in_a_batch_refuse_the_whole_batch(live, team):
    good = make_record(team.ids["siti"], team.siti)
    before = live.snapshot()
    mutations = [
        {"version": "3"}, {"version": -1}, {"version": 2**40}, {"base_version": True}, {"id": "not-a-uuid"},
        {"id": good["id"].upper()}, {"kind": 5}, {"kind": "x" * 50}, {"status": None}, {"data": []},
        {"attachments": ["abc"]}, {"attachments": "x"}, {"history": [{"at": "yesterday"}]}, {"history": {}},
        {"created_at": "2026-13-45T00:00:00Z"}, {"owner_id": None}, {"review_comment": ["x"]},
    ]
    for change in mutations:
        r = team.siti.push([make_record(team.ids["siti"], team.siti), good | change])
        assert r.status_code == 422, (change, r.text)
        assert "records[1]" in r.json()["detail"]["message"]
    twice = team.siti.push([good, good])
    assert twice.status_code == 422
    assert team.siti.post("/push", {"batch_id": "x", "records": []}).status_code == 422
    assert team.siti.post("/push", {"records": [good]}).status_code == 422
    assert team.siti.post("/enrol", {"code": 5, "device_name": "x"}).status_code == 422
    assert team.siti.post("/session", {"username": "siti"}).status_code == 422
    assert live.snapshot() == before


VALUES = [None, 0, -1, 2**63, 1.5, True, "", "x" * 5000, "\u202e\U0001f600", [], {}, [1, [2, {}]], {"a": None},
          "2026-11-20T08:00:00Z", "0196f0a0-0000-7000-8000-000000000000", "16.03.07.1001", "1603074502900001"]


def _mutate(rng: random.Random, value, depth=0):
    """Replaces one random spot in a JSON value with a random value, or drops a key."""
    if isinstance(value, dict) and value and depth < 4:
        key = rng.choice(sorted(value))
        if rng.random() < 0.15:
            value.pop(key)
        elif rng.random() < 0.5 and isinstance(value[key], (dict, list)):
            _mutate(rng, value[key], depth + 1)
        else:
            value[key] = copy.deepcopy(rng.choice(VALUES))
    elif isinstance(value, list) and value and depth < 4:
        i = rng.randrange(len(value))
        if isinstance(value[i], (dict, list)) and rng.random() < 0.7:
            _mutate(rng, value[i], depth + 1)
        else:
            value[i] = copy.deepcopy(rng.choice(VALUES))


def test_random_garbage_never_causes_a_server_error(live, team):
    rng = random.Random(20261124)
    siti = team.ids["siti"]
    templates = {
        "/push": lambda: {"batch_id": "0196f0a0-0000-7000-8000-0000000000bb",
                          "records": [make_record(siti, team.siti), make_record(siti, team.siti)]},
        "/attachments/status": lambda: {"hashes": ["a" * 64, "b" * 64]},
        "/session": lambda: {"username": "siti", "password": "salah-sandi"},
        "/enrol": lambda: {"code": "AAAA-BBBB-CCCC-DDDD", "device_name": "x"},
    }
    for i in range(80):
        path = rng.choice(sorted(templates))
        body = templates[path]()
        for _ in range(rng.randint(1, 3)):
            _mutate(rng, body)
        if path == "/push" and isinstance(body, dict):
            body["batch_id"] = f"0196f0a0-0000-7000-8000-{i:012x}"
        r = team.siti.post(path, body, compress=rng.random() < 0.5)
        assert r.status_code < 500, (path, json.dumps(body)[:500], r.text[:500])
    for query in ({"cursor": "1e9"}, {"cursor": str(2**70)}, {"limit": "-5"}, {"cursor": "\u0000"}):
        assert team.siti.get("/pull", **query).status_code == 422
    for header in ("Device", "Bearer abc", "Device \u00e9\u00e9", "Device " + "x" * 10_000):
        r = requests.get(live.base + "/pull", headers={"Authorization": header.encode("utf-8")}, timeout=TIMEOUT)
        assert r.status_code in (400, 401, 431), (header[:20], r.status_code)
