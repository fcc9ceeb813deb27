"""A record's files, downloaded by whoever may see the record (SQLite and PostgreSQL): its officer and their
supervisor get the bytes, resumably; nobody else learns even whether the file exists."""

from __future__ import annotations

import hashlib
import os

from live_server import make_record

from sync.answers import change_from_dict


def upload(device, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    r = device.put(f"/attachments/{sha}", data, {"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}",
                                                "Content-Type": "application/octet-stream"})
    assert r.status_code == 200 and r.json()["complete"], r.text
    return sha


def download(device, sha: str, record_id: str, **headers):
    return device.http.get(f"{device.base}/attachments/{sha}", params={"record": record_id},
                           headers=device.headers(**headers), timeout=30)


def test_the_officer_and_their_supervisor_get_a_records_file_and_nobody_else(live, team):
    photo = os.urandom(300_000)
    sha = upload(team.siti, photo)
    record = make_record(team.ids["siti"], team.siti, attachments=[sha],
                         files=[{"sha256": sha, "purpose": "photo", "label": "Pas foto"}])
    assert team.siti.push([record]).json()["results"][0]["result"] == "accepted"

    for device in (team.siti, team.sup):
        r = download(device, sha, record["id"])
        assert r.status_code == 200 and r.content == photo and r.headers["X-Content-SHA256"] == sha
    # Resumed from where a cut left it.
    r = download(team.sup, sha, record["id"], Range="bytes=100000-")
    assert r.status_code == 206 and r.content == photo[100000:]
    assert r.headers["Content-Range"] == f"bytes 100000-{len(photo) - 1}/{len(photo)}"
    # Another officer of the same team, and an officer outside it: the same 404 as for a file that does not exist.
    for device in (team.ani, team.budi):
        r = download(device, sha, record["id"])
        assert r.status_code == 404 and r.json()["detail"]["code"] == "not_found"
    # A hash the record does not name, even one the server holds, is not served through that record.
    other = upload(team.ani, b"foto ani")
    assert download(team.siti, other, record["id"]).status_code == 404
    assert download(team.sup, sha, "0" * 8 + "-0000-7000-8000-" + "0" * 12).status_code == 404
    assert download(team.sup, sha, "not-a-record").status_code == 422


def test_the_supervisors_feed_says_what_each_file_is_and_an_unsent_file_is_not_served_yet(live, team):
    cursor = team.sup.get("/pull", cursor=0, limit=500).json()["cursor"]
    late = hashlib.sha256(b"scan not uploaded yet").hexdigest()
    record = make_record(team.ids["siti"], team.siti, attachments=[late],
                         files=[{"sha256": late, "purpose": "kk", "label": "Kartu Keluarga"}])
    assert team.siti.push([record]).json()["results"][0]["result"] == "accepted"
    [change] = [change_from_dict(c) for c in team.sup.get("/pull", cursor=cursor, limit=500).json()["changes"]
                if c["type"] == "record"]
    [note] = change.record.files
    assert (note.sha256, note.purpose, note.label) == (late, "kk", "Kartu Keluarga")
    r = download(team.sup, late, record["id"])
    assert r.status_code == 404 and r.json()["detail"]["code"] == "not_uploaded"


def test_notes_of_files_the_record_does_not_have_are_refused(live, team):
    sha = hashlib.sha256(b"x").hexdigest()
    for files in ([{"sha256": sha, "purpose": "photo"}],  # not in attachments
                  [{"sha256": "ab" * 32, "purpose": "Photo!"}],
                  [{"sha256": "ab" * 32, "purpose": "photo", "extra": 1}],
                  "photo"):
        record = make_record(team.ids["siti"], team.siti, attachments=["ab" * 32], files=files)
        r = team.siti.push([record])
        assert r.status_code == 422 and "files" in r.json()["detail"]["message"], r.text
