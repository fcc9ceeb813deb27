"""Publishing a regions list (jemput-server publish-regions) and downloading it with ranges, on both databases."""

import hashlib
import sqlite3

import pytest
from live_server import make_record, regions_file
from sqlalchemy import create_engine, inspect, text

from server.core.config import Settings
from server.core.migrate import current_revision, upgrade

NEW_VILLAGE = {1603072099: "Desa Baru Uji"}


@pytest.fixture(scope="module")
def published(live, team, tmp_path_factory):
    """Version 1 of the regions list, with one new village, published before any test of the module reads it."""
    path = regions_file(tmp_path_factory.mktemp("publish"), NEW_VILLAGE)
    code, out = live.cli("publish-regions", str(path))
    assert code == 0, out
    assert "published regions version 1" in out
    return path.read_bytes()


def reference_changes(device, cursor=0):
    r = device.get("/pull", cursor=cursor)
    assert r.status_code == 200, r.text
    return [c for c in r.json()["changes"] if c["type"] == "reference"]


def test_publish_announces_the_file_to_every_device(live, team, published):
    sha = hashlib.sha256(published).hexdigest()
    for device in (team.siti, team.budi, team.sup):
        assert reference_changes(device)[-1] == {
            "seq": reference_changes(device)[-1]["seq"], "type": "reference", "name": "regions", "version": 1,
            "sha256": sha, "size": len(published), "url": "/api/v1/reference/regions/1"}
    stored = live.settings.reference_dir / sha
    assert stored.read_bytes() == published


def test_download_whole_and_resumed_from_an_offset(live, team, published):
    whole = team.siti.http.get(team.siti.base + "/reference/regions/1", headers=team.siti.headers(), timeout=30)
    assert whole.status_code == 200
    assert whole.content == published
    assert whole.headers["Accept-Ranges"] == "bytes"
    start = 1_000_003
    rest = team.siti.http.get(team.siti.base + "/reference/regions/1",
                              headers=team.siti.headers(Range=f"bytes={start}-"), timeout=30)
    assert rest.status_code == 206
    assert rest.headers["Content-Range"] == f"bytes {start}-{len(published) - 1}/{len(published)}"
    assert whole.content[:start] + rest.content == published
    middle = team.siti.http.get(team.siti.base + "/reference/regions/1",
                                headers=team.siti.headers(Range="bytes=10-19"), timeout=30)
    assert (middle.status_code, middle.content) == (206, published[10:20])


@pytest.mark.parametrize("header", ["bytes=99999999-", "bytes=-500", "bytes=5-2", "items=0-", "bytes=0-1,4-5"])
def test_a_range_outside_the_file_or_malformed_is_416(team, published, header):
    r = team.siti.http.get(team.siti.base + "/reference/regions/1", headers=team.siti.headers(Range=header),
                           timeout=30)
    assert r.status_code == 416
    assert r.json()["detail"]["code"] == "bad_range"


def test_download_needs_device_and_user_and_an_existing_version(live, team, published):
    assert team.siti.get("/reference/regions/99").status_code == 404
    assert team.siti.get("/reference/other/1").status_code == 404
    anonymous = team.siti.http.get(team.siti.base + "/reference/regions/1", timeout=30)
    assert anonymous.status_code == 401
    device_only = team.siti.http.get(team.siti.base + "/reference/regions/1",
                                     headers={"Authorization": f"Device {team.siti.token}"}, timeout=30)
    assert (device_only.status_code, device_only.json()["detail"]["code"]) == (401, "bad_user")


def test_the_server_validates_pushes_with_the_published_list(live, team, published):
    data = dict(make_record(team.ids["siti"], team.siti)["data"], village_code="16.03.07.2099")
    r = team.siti.push([make_record(team.ids["siti"], team.siti, data=data)])
    assert r.json()["results"][0]["result"] == "accepted", r.json()


def test_same_content_again_makes_no_new_version(live, published, tmp_path):
    copy = tmp_path / "again.sqlite"
    copy.write_bytes(published)
    before = live.snapshot()
    code, out = live.cli("publish-regions", str(copy))
    assert code == 0 and "same content" in out
    assert live.snapshot() == before
    assert live.scalar("SELECT max(version) FROM reference_files") == 1


def _not_sqlite(tmp):
    path = tmp / "not.sqlite"
    path.write_bytes(b"provinsi;kabupaten\n" * 1000)
    return path


def _wrong_schema(tmp):
    path = tmp / "wrong.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE wilayah (kode TEXT, nama TEXT)")
    db.commit()
    db.close()
    return path


def _few_provinces(tmp):
    path = regions_file(tmp, name="few.sqlite")
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM region WHERE code BETWEEN 20 AND 99")
    db.close()
    return path


def _orphan_village(tmp):
    return regions_file(tmp, {9999999999: "Desa Tanpa Induk"}, name="orphan.sqlite")


@pytest.mark.parametrize("make, why", [(_not_sqlite, "cannot open as SQLite"), (_wrong_schema, "no table 'region'"),
                                       (_few_provinces, "fewer than 30 provinces"), (_orphan_village, "parent")])
def test_a_file_that_is_not_a_regions_list_is_refused_and_changes_nothing(live, published, tmp_path, make, why):
    path = make(tmp_path)
    before = live.snapshot()
    files_before = sorted(live.settings.reference_dir.iterdir())
    code, out = live.cli("publish-regions", str(path))
    assert code == 2
    assert "not published" in out and why in out, out
    assert live.snapshot() == before
    assert live.scalar("SELECT count(*) FROM reference_files") == 1
    assert sorted(live.settings.reference_dir.iterdir()) == files_before


def test_a_missing_file_is_refused(live, published, tmp_path):
    code, out = live.cli("publish-regions", str(tmp_path / "nowhere.sqlite"))
    assert code == 2 and "cannot read" in out


def test_schema_0002_upgrades_a_database_made_by_0001(tmp_path):
    settings = Settings(data_dir=tmp_path)
    engine = create_engine(settings.url)
    try:
        upgrade(engine, "0001")
        with engine.begin() as c:
            c.execute(text("INSERT INTO changes (user_id, type, payload, created_at) "
                           "VALUES (NULL, 'account', '{}', '2026-11-01 00:00:00')"))
        upgrade(engine, "0002")
        assert current_revision(engine) == "0002"
        assert "reference_files" in inspect(engine).get_table_names()
        with engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM changes")).scalar() == 1
    finally:
        engine.dispose()
