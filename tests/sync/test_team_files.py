"""A team member's photos and scans reach the supervisor's laptop after the pull: resumed after a cut, checked,
filed under the record as the officer's, and a file the officer's laptop has not sent yet comes on a later sync."""

from __future__ import annotations

import hashlib
import os
import time

import pytest
from live_server import make_record

from app import attachments as files
from bench.faultproxy import Faults
from db.models import Registration
from sync.client import Offline
from sync.payload import CHUNK_SIZE


def upload(device, data: bytes) -> None:
    sha = hashlib.sha256(data).hexdigest()
    r = device.put(f"/attachments/{sha}", data, {"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}",
                                                "Content-Type": "application/octet-stream"})
    assert r.status_code == 200 and r.json()["complete"], r.text


def test_the_teams_files_come_down_resumed_and_filed_as_the_officers(laptop, server, proxy, kit):
    siti = server.enrol("siti-own-laptop", "siti")
    photo, scan = b"\xff\xd8\xff" + os.urandom(4 * CHUNK_SIZE), b"%PDF-1.4 kartu keluarga"
    photo_sha, scan_sha = (hashlib.sha256(d).hexdigest() for d in (photo, scan))
    upload(siti, photo)  # the scan is still on Siti's laptop
    record = make_record(server.users["siti"], siti, attachments=[photo_sha, scan_sha],
                         files=[{"sha256": photo_sha, "purpose": "photo", "label": "Pas foto"},
                                {"sha256": scan_sha, "purpose": "kk", "label": "Kartu Keluarga"}])
    assert siti.push([record]).json()["results"][0]["result"] == "accepted"

    store = files.AttachmentStore.beside(laptop.db_path)
    part = store.path(photo_sha).with_name(photo_sha + ".part")

    def link_drops_mid_download(_progress):
        if part.exists() and part.stat().st_size >= 2 * CHUNK_SIZE and not proxy.faults.down_until:
            proxy.faults = Faults(down_until=time.monotonic() + 60)
            proxy.cut_all()

    with pytest.raises(Offline):
        kit.sync(laptop, username="sup", client=kit.fast_client(laptop, give_up_after=1),
                 progress=link_drops_mid_download)
    kept = part.stat().st_size
    assert 0 < kept < len(photo)

    proxy.faults = Faults()
    result = kit.sync(laptop, username="sup")
    assert result.files_received == 1 and result.files_received_bytes == len(photo) - kept, "resumed"
    assert not result.problems
    with laptop.transaction() as s:
        [info] = files.attachments_of(s, record["id"])
        assert (info.sha256, info.purpose, info.label, info.media_type) == (photo_sha, "photo", "Pas foto",
                                                                             "image/jpeg")
        assert store.read(photo_sha) == photo
        reg = s.get(Registration, record["id"])
        assert [n["sha256"] for n in reg.remote_files] == [scan_sha]
        assert reg.version == reg.synced_version  # filing the officer's files is not a change to send back

    upload(siti, scan)
    assert kit.sync(laptop, username="sup").files_received == 1
    with laptop.transaction() as s:
        assert {(i.purpose, i.media_type) for i in files.attachments_of(s, record["id"])} == {
            ("photo", "image/jpeg"), ("kk", "application/pdf")}
        assert s.get(Registration, record["id"]).remote_files is None
    assert kit.sync(laptop, username="sup").files_received == 0  # nothing more to fetch
