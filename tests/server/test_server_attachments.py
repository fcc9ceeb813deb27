"""Attachments: which are missing, chunked raw uploads that resume from the server's offset, hash checks."""

import hashlib
import os

from live_server import TIMEOUT

from app.at_rest import file_cipher

CHUNK = 256 * 1024


def put(device, sha, data: bytes, start: int, total: int):
    return device.put(f"/attachments/{sha}", data, {"Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}",
                                                   "Content-Type": "application/octet-stream"})


def status(device, *hashes):
    r = device.post("/attachments/status", {"hashes": list(hashes)})
    assert r.status_code == 200, r.text
    return {m["sha256"]: m["offset"] for m in r.json()["missing"]}


def test_chunked_upload_then_nothing_is_missing(live, team):
    photo = os.urandom(CHUNK * 2 + 1000)
    sha = hashlib.sha256(photo).hexdigest()
    assert status(team.siti, sha) == {sha: 0}
    for start in range(0, len(photo), CHUNK):
        r = put(team.siti, sha, photo[start:start + CHUNK], start, len(photo))
        assert r.status_code == 200, r.text
    assert r.json() == {"sha256": sha, "offset": len(photo), "complete": True}
    assert status(team.siti, sha) == {}
    stored = live.settings.attachments_dir / sha[:2] / sha
    assert photo[:64] not in stored.read_bytes()  # sealed with the server's data key
    assert file_cipher.read_sealed(live.settings.data_key, stored) == photo
    # Sending it again is harmless.
    assert put(team.siti, sha, photo[:CHUNK], 0, len(photo)).json()["complete"] is True


def test_a_broken_upload_resumes_from_the_servers_offset(live, team):
    scan = os.urandom(CHUNK * 3)
    sha = hashlib.sha256(scan).hexdigest()
    assert put(team.siti, sha, scan[:CHUNK], 0, len(scan)).status_code == 200
    # The link dropped; another day the laptop asks where to go on from.
    offset = status(team.siti, sha)[sha]
    assert offset == CHUNK
    wrong = put(team.siti, sha, scan[:CHUNK], 0, len(scan))
    assert wrong.status_code == 409 and wrong.json()["detail"] == {
        "code": "wrong_offset", "message": wrong.json()["detail"]["message"], "offset": CHUNK}
    ahead = put(team.siti, sha, scan[2 * CHUNK:], 2 * CHUNK, len(scan))
    assert ahead.status_code == 409 and ahead.json()["detail"]["offset"] == CHUNK
    assert put(team.siti, sha, scan[offset:], offset, len(scan)).json()["complete"] is True
    assert file_cipher.read_sealed(live.settings.data_key, live.settings.attachments_dir / sha[:2] / sha) == scan


def test_bytes_that_do_not_match_their_hash_are_refused(live, team):
    data = os.urandom(5000)
    claimed = hashlib.sha256(b"something else").hexdigest()
    r = put(team.siti, claimed, data, 0, len(data))
    assert r.status_code == 422 and r.json()["detail"]["code"] == "hash_mismatch"
    assert status(team.siti, claimed) == {claimed: 0}
    assert not (live.settings.attachments_dir / claimed[:2] / claimed).exists()


def test_bad_uploads_are_refused(live, team):
    data = b"x" * 100
    sha = hashlib.sha256(data).hexdigest()
    cases = [
        ({"Content-Range": "bytes 0-99/100"}, "/attachments/NOT-A-HASH", 422),
        ({}, f"/attachments/{sha}", 400),
        ({"Content-Range": "bytes 0-49/100"}, f"/attachments/{sha}", 400),  # body longer than the range
        ({"Content-Range": "bytes 10-5/100"}, f"/attachments/{sha}", 400),
        ({"Content-Range": "items 0-99/100"}, f"/attachments/{sha}", 400),
        ({"Content-Range": f"bytes 0-99/{2**40}"}, f"/attachments/{sha}", 413),
    ]
    before = live.snapshot()
    for headers, path, expected in cases:
        r = team.siti.put(path, data, headers)
        assert r.status_code == expected, (headers, path, r.text)
    anonymous = team.siti.http.put(live.base + f"/attachments/{sha}", data=data,
                                   headers={"Content-Range": "bytes 0-99/100"}, timeout=TIMEOUT)
    assert anonymous.status_code == 401
    assert live.snapshot() == before
