"""Several small files in one request (POST /attachments/files): each checked by its hash and stored on its own as
soon as it is whole; hostile bodies get a 4xx."""

import hashlib
import os
import socket
import time
from urllib.parse import urlsplit

from live_server import TIMEOUT, make_record

from app.at_rest import file_cipher
from server.services import attachments
from sync.file_frames import CONTENT_TYPE, frame_files, frame_header


def files(n: int, size: int = 8 * 1024) -> list[tuple[str, bytes]]:
    out = []
    for _ in range(n):
        data = os.urandom(size)
        out.append((hashlib.sha256(data).hexdigest(), data))
    return out


def send(device, body: bytes, **headers):
    return device.http.post(device.base + "/attachments/files", data=body,
                            headers=device.headers(**{"Content-Type": CONTENT_TYPE, **headers}), timeout=TIMEOUT)


def missing(device, hashes):
    r = device.post("/attachments/status", {"hashes": list(hashes)})
    assert r.status_code == 200, r.text
    return {m["sha256"]: m["offset"] for m in r.json()["missing"]}


def stored_bytes(live, sha):
    return file_cipher.read_sealed(live.settings.data_key, live.settings.attachments_dir / sha[:2] / sha)


def test_several_files_in_one_request_are_stored_sealed_each_under_its_hash(live, team):
    signatures = files(40) + files(2, 200 * 1024)
    r = send(team.siti, frame_files(signatures))
    assert r.status_code == 200, r.text
    assert r.json() == {"stored": [sha for sha, _ in signatures], "refused": []}
    assert missing(team.siti, [sha for sha, _ in signatures]) == {}
    for sha, data in signatures[:3] + signatures[-1:]:
        path = live.settings.attachments_dir / sha[:2] / sha
        assert data[:64] not in path.read_bytes()  # sealed with the server's data key
        assert stored_bytes(live, sha) == data
    # Sent again (a laptop that never heard the answer): the same answer, nothing rewritten.
    before = live.snapshot()
    assert send(team.siti, frame_files(signatures[:5])).json()["stored"] == [sha for sha, _ in signatures[:5]]
    assert live.snapshot() == before


def test_bytes_that_do_not_match_their_hash_are_refused_and_the_other_files_stored(live, team):
    good = files(3)
    claimed = hashlib.sha256(b"another signature").hexdigest()
    body = frame_files(good[:1]) + frame_header(claimed, 5000) + os.urandom(5000) + frame_files(good[1:])
    r = send(team.siti, body)
    assert r.status_code == 200, r.text
    assert r.json() == {"stored": [sha for sha, _ in good], "refused": [{"sha256": claimed, "code": "hash_mismatch"}]}
    assert missing(team.siti, [claimed]) == {claimed: 0}
    assert not (live.settings.attachments_dir / claimed[:2] / claimed).exists()


def test_hostile_bodies_are_refused_before_anything_is_stored(live, team):
    sha, data = files(1)[0]
    limit = live.settings.max_chunk_bytes
    cases = [
        (frame_header(sha, limit + 1) + b"x" * 100, {}, 413, "too_large"),  # one file over the limit
        (b"x" * 100, {"Content-Length": str(limit + 1)}, 413, "too_large"),  # a body declared too large
        (b"".join(frame_header(sha, 0) for _ in range(1001)), {}, 413, "too_large"),  # more than 1,000 files
        (b"", {}, 400, "bad_frame"),  # no file at all
        (b"not a frame\n" + data, {}, 400, "bad_frame"),
        (frame_header(sha.upper(), len(data)) + data, {}, 400, "bad_frame"),
        (b"a" * 500, {}, 400, "bad_frame"),  # no newline where a header must end
        (frame_header(sha, len(data)) + data[:-1], {}, 400, "bad_frame"),  # ends inside the frame
        (frame_header(sha, len(data)) + data, {"Content-Encoding": "gzip"}, 415, "bad_encoding"),
    ]
    before = live.snapshot()
    for body, headers, status, code in cases:
        r = send(team.siti, body, **headers) if "Content-Length" not in headers else _raw_post(team.siti, body,
                                                                                               headers)
        assert (r.status_code, r.json()["detail"]["code"]) == (status, code), (body[:80], r.text)
    anonymous = team.siti.http.post(team.siti.base + "/attachments/files", data=frame_files([(sha, data)]),
                                    headers={"Content-Type": CONTENT_TYPE}, timeout=TIMEOUT)
    assert anonymous.status_code == 401
    assert live.snapshot() == before
    assert missing(team.siti, [sha]) == {sha: 0}


def test_a_fault_after_some_whole_files_keeps_them_and_says_which(live, team):
    good = files(2)
    r = send(team.siti, frame_files(good) + b"garbage that is no frame header at all\n")
    assert r.status_code == 400 and r.json()["detail"]["stored"] == [sha for sha, _ in good], r.text
    assert missing(team.siti, [sha for sha, _ in good]) == {}


def test_a_cut_inside_the_body_keeps_the_files_that_were_whole(live, team):
    sent = files(3, 50 * 1024)
    body = frame_files(sent)
    cut_at = len(body) - 20 * 1024  # inside the last file
    url = urlsplit(team.siti.base)
    head = "".join(f"{k}: {v}\r\n" for k, v in team.siti.headers(**{"Content-Type": CONTENT_TYPE}).items())
    with socket.create_connection((url.hostname, url.port), timeout=TIMEOUT) as sock:
        sock.sendall(f"POST {url.path}/attachments/files HTTP/1.1\r\nHost: {url.hostname}\r\n{head}"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:cut_at])
    # The link is gone; the laptop asks what is still missing on its next try.
    hashes = [sha for sha, _ in sent]
    end = time.monotonic() + TIMEOUT
    while missing(team.siti, hashes) != {hashes[2]: 0} and time.monotonic() < end:
        time.sleep(0.05)
    assert missing(team.siti, hashes) == {hashes[2]: 0}
    assert stored_bytes(live, hashes[0]) == sent[0][1] and stored_bytes(live, hashes[1]) == sent[1][1]


def test_a_file_of_someone_elses_record_is_neither_replaced_nor_disclosed(live, team):
    sha, photo = files(1, 30 * 1024)[0]
    assert send(team.siti, frame_files([(sha, photo)])).json()["stored"] == [sha]
    record = make_record(team.ids["siti"], team.siti, attachments=[sha])
    assert team.siti.push([record]).json()["results"][0]["result"] == "accepted"
    # Budi (another team) claims the hash with other bytes: refused, Siti's file untouched.
    r = send(team.budi, frame_header(sha, len(photo)) + os.urandom(len(photo)))
    assert r.json() == {"stored": [], "refused": [{"sha256": sha, "code": "hash_mismatch"}]}
    # With the right bytes he is answered as for a new file (nothing tells him it existed), and gains nothing:
    # the file stays Siti's, he cannot fetch it through her record, and it is still "missing" to him.
    assert send(team.budi, frame_files([(sha, photo)])).json() == {"stored": [sha], "refused": []}
    assert stored_bytes(live, sha) == photo
    assert team.budi.get(f"/attachments/{sha}", record=record["id"]).status_code == 404
    assert missing(team.budi, [sha]) == {sha: 0}
    assert missing(team.siti, [sha]) == {} and missing(team.sup, [sha]) == {}
    assert live.scalar("SELECT device_id FROM attachments WHERE sha256 = :s", s=sha) == team.siti.id


def test_a_full_disk_is_a_503_and_stores_nothing(live, team, monkeypatch):
    sent = files(2)

    def refuse(*_args, **_kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attachments.file_cipher, "write_sealed", refuse)
    before = live.snapshot()
    r = send(team.siti, frame_files(sent))
    assert r.status_code == 503 and r.json()["detail"]["code"] == "storage_unavailable", r.text
    assert r.headers["Retry-After"]
    assert live.snapshot() == before
    monkeypatch.undo()
    assert send(team.siti, frame_files(sent)).json()["stored"] == [sha for sha, _ in sent]


def _raw_post(device, body: bytes, headers: dict):
    """A request whose Content-Length lies (requests would correct it)."""
    import http.client
    import json
    from types import SimpleNamespace

    url = urlsplit(device.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
    try:
        conn.putrequest("POST", url.path + "/attachments/files")
        for k, v in device.headers(**{"Content-Type": CONTENT_TYPE, **headers}).items():
            conn.putheader(k, v)
        conn.endheaders()
        conn.send(body)
        answer = conn.getresponse()
        payload = json.loads(answer.read())
        return SimpleNamespace(status_code=answer.status, json=lambda: payload, text=str(payload))
    finally:
        conn.close()
