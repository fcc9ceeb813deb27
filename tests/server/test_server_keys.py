"""Device keys on the server (on both databases): certified at enrolment or registered once later, listed in the
province's key list signed by the root key and pulled by every device, revocation in the next list, and pushed
records checked against their signer's certified key."""

from __future__ import annotations

import base64
import stat
from dataclasses import replace

import pytest
import requests
from live_server import TIMEOUT, Device, make_record

from server.core.keys import BATCH_KEY_NAME, ROOT_KEY_NAME, load
from server.services.record_signatures import CHUNK
from sync import device_keys, key_list, signing
from sync.answers import KeyListChange, change_from_dict
from sync.payload import record_from_dict, to_dict


def enrol_with_keys(live, name: str, login: str | None = None):
    """A laptop of today: its public keys in the enrolment. Returns (device, its keys, the enrol answer)."""
    keys = device_keys.generate()
    body = {"code": live.enrol_code(), "device_name": name} | to_dict(keys.public())
    r = requests.post(live.base + "/enrol", json=body, timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    device = Device(live.base, r.json()["device_id"], r.json()["device_token"])
    if login:
        assert device.login(login).status_code == 200
    return device, keys, r.json()


def newest_key_list(device, root_text: str) -> key_list.KeyList:
    entries = [c for c in device.get("/pull", cursor=0, limit=1000).json()["changes"] if c["type"] == "key_list"]
    # Only the newest list is in the feed: a new laptop does not download every version there was.
    assert len(entries) == 1
    change = change_from_dict(entries[0])
    assert isinstance(change, KeyListChange)
    return key_list.read_signed(change, signing.signing_public(root_text))


def test_enrolment_with_keys_certifies_them_in_the_signed_key_list(live, team):
    device, keys, answer = enrol_with_keys(live, "Laptop Siti 2", login="siti")
    root_text = answer["root_key"]
    # The root key and the batch key were made on first use in the data folder, readable by the server only.
    for name in (ROOT_KEY_NAME, BATCH_KEY_NAME):
        assert stat.S_IMODE((live.settings.keys_dir / name).stat().st_mode) == 0o600
    server_keys = load(live.settings)
    assert signing.public_text(server_keys.root) == root_text
    assert live.scalar("SELECT signing_key FROM devices WHERE id = :d", d=device.id) == keys.public().signing_key

    listing = newest_key_list(device, root_text)
    assert listing.server_encryption_key == signing.public_text(server_keys.batch)
    [entry] = [d for d in listing.devices if d.device_id == device.id]
    assert (entry.name, entry.signing_key, entry.encryption_key) == (
        "Laptop Siti 2", keys.public().signing_key, keys.public().encryption_key)
    assert entry.users == (team.ids["siti"],) and not entry.revoked
    # A laptop enrolled without keys is not in the list: it has nothing to check a signature with.
    assert team.budi.id not in {d.device_id for d in listing.devices}
    # Every device pulls it, an old laptop too (it skips a type it does not know).
    assert newest_key_list(team.budi, root_text).version == listing.version

    # A second user on the laptop is a new version that names them.
    assert device.login("ani").status_code == 200
    newer = newest_key_list(device, root_text)
    assert newer.version == listing.version + 1
    assert set(next(d for d in newer.devices if d.device_id == device.id).users) == {team.ids["siti"],
                                                                                     team.ids["ani"]}
    # Logging in again names nobody new: no new version.
    assert device.login("ani").status_code == 200
    assert newest_key_list(device, root_text).version == newer.version


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


GOOD = device_keys.generate().public()
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
# The last character before "=" carries two bits no byte uses: setting one spells the same key another way.
NON_CANONICAL = GOOD.signing_key[:42] + ALPHABET[ALPHABET.index(GOOD.signing_key[42]) ^ 1] + "="


@pytest.mark.parametrize("keys", [
    {"signing_key": "not base64 at all!!", "encryption_key": GOOD.encryption_key},
    {"signing_key": b64(b"\x01" * 31), "encryption_key": GOOD.encryption_key},
    {"signing_key": b64(b"\x01" * 33), "encryption_key": GOOD.encryption_key},
    {"signing_key": GOOD.signing_key},
    {"encryption_key": GOOD.encryption_key},
    {"signing_key": GOOD.signing_key, "encryption_key": b64(bytes(32))},
    {"signing_key": GOOD.signing_key, "encryption_key": b64(b"\x01" + bytes(31))},  # a low-order point
    {"signing_key": 12345, "encryption_key": GOOD.encryption_key},
], ids=["not-base64", "short", "long", "no-encryption-key", "no-signing-key", "zero", "low-order", "number"])
def test_a_bad_key_is_refused_and_changes_nothing(live, keys):
    code = live.enrol_code()
    before = live.snapshot()
    r = requests.post(live.base + "/enrol", json={"code": code, "device_name": "x"} | keys, timeout=TIMEOUT)
    assert r.status_code == 422 and r.json()["detail"]["code"] == "invalid", r.text
    assert live.snapshot() == before
    # The code was not spent: the laptop tries again with good keys.
    good = requests.post(live.base + "/enrol", json={"code": code, "device_name": "x"} | to_dict(GOOD),
                         timeout=TIMEOUT)
    assert good.status_code == 200


def test_a_key_written_another_way_is_refused(live):
    assert NON_CANONICAL != GOOD.signing_key
    assert base64.b64decode(NON_CANONICAL) == base64.b64decode(GOOD.signing_key)
    r = requests.post(live.base + "/enrol", json={"code": live.enrol_code(), "device_name": "x",
                                                  "signing_key": NON_CANONICAL,
                                                  "encryption_key": GOOD.encryption_key}, timeout=TIMEOUT)
    assert r.status_code == 422


def test_revoking_a_device_bumps_the_key_list(live, team):
    device, _keys, answer = enrol_with_keys(live, "Laptop hilang", login="siti")
    before = newest_key_list(team.sup, answer["root_key"])
    code, out = live.cli("revoke-device", device.id)
    assert code == 0 and "key list" in out, out
    after = newest_key_list(team.sup, answer["root_key"])
    assert after.version == before.version + 1
    listed = {line.split()[0]: line for line in live.cli("list-devices")[1].splitlines()}
    assert "  keys  " in listed[device.id] and "REVOKED" in listed[device.id]
    assert "no keys" in listed[team.budi.id]
    assert next(d for d in after.devices if d.device_id == device.id).revoked
    # Revoking again changes nothing.
    assert live.cli("revoke-device", device.id)[0] == 0
    assert newest_key_list(team.sup, answer["root_key"]).version == after.version


def test_a_laptop_enrolled_before_keys_registers_them_once(live, team):
    device = live.enrol("Laptop lama", login="siti")
    keys = device_keys.generate().public()
    assert device.post("/devices/keys", {"signing_key": "AAAA", "encryption_key": keys.encryption_key}
                       ).status_code == 422
    r = device.post("/devices/keys", to_dict(keys))
    assert r.status_code == 200, r.text
    root_text = r.json()["root_key"]
    assert r.json()["device_id"] == device.id
    listing = newest_key_list(device, root_text)
    assert next(d for d in listing.devices if d.device_id == device.id).signing_key == keys.signing_key
    # The same keys again (a retry after a cut): the same answer, no new list.
    again = device.post("/devices/keys", to_dict(keys))
    assert again.status_code == 200 and newest_key_list(device, root_text).version == listing.version
    # Other keys: refused, the certified ones stay.
    other = device.post("/devices/keys", to_dict(device_keys.generate().public()))
    assert other.status_code == 409 and other.json()["detail"]["code"] == "keys_differ"
    assert live.scalar("SELECT signing_key FROM devices WHERE id = :d", d=device.id) == keys.signing_key


def signed(record: dict, device: Device, keys) -> dict:
    return to_dict(signing.sign_record(record_from_dict(record), device_id=device.id, key=keys.signing))


def result_of(device: Device, record: dict) -> dict:
    r = device.push([record])
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


def test_a_signed_record_is_checked_against_its_makers_certified_key(live, team):
    device, keys, _answer = enrol_with_keys(live, "Laptop Siti 3", login="siti")
    record = signed(make_record(team.ids["siti"], device), device, keys)
    assert result_of(device, record)["result"] == "accepted"
    stored = live.scalar("SELECT signature FROM registrations WHERE id = :r", r=record["id"])
    assert stored == record["signature"]
    assert live.scalar("SELECT origin_device FROM registrations WHERE id = :r", r=record["id"]) == device.id

    # Content changed after signing (a flipped field on the way): refused with a reason, nothing stored.
    tampered = signed(make_record(team.ids["siti"], device), device, keys)
    tampered["data"] = dict(tampered["data"], name="Siti Palsu")
    answer = result_of(device, tampered)
    assert answer["result"] == "rejected" and "Tanda tangan" in answer["reason"]
    assert live.scalar("SELECT count(*) FROM registrations WHERE id = :r", r=tampered["id"]) == 0
    # Signed by another key than the one certified for the device it names.
    forged = to_dict(signing.sign_record(record_from_dict(make_record(team.ids["siti"], device)),
                                         device_id=device.id, key=device_keys.generate().signing))
    assert result_of(device, forged)["result"] == "rejected"
    # Naming a device the server has no keys for (one enrolled before keys).
    unknown = to_dict(signing.sign_record(record_from_dict(make_record(team.ids["siti"], device)),
                                          device_id=team.siti.id, key=keys.signing))
    answer = result_of(device, unknown)
    assert answer["result"] == "rejected" and "tidak dikenal" in answer["reason"]
    # A signature without the device that made it is not the protocol's shape.
    half = dict(signed(make_record(team.ids["siti"], device), device, keys))
    del half["origin_device"]
    assert device.push([half]).status_code == 422


def test_in_a_batch_of_several_chunks_only_the_tampered_records_are_refused(live, team):
    # The server checks a batch's signatures in chunks on worker threads (server/services/record_signatures.py):
    # each answer must be the one of its own record, wherever the record falls.
    device, keys, _answer = enrol_with_keys(live, "Laptop Siti 4", login="siti")
    records = [signed(make_record(team.ids["siti"], device), device, keys) for _ in range(3 * CHUNK + 5)]
    bad = {1, CHUNK, 2 * CHUNK + 7, len(records) - 1}
    for index in bad:
        records[index]["data"] = dict(records[index]["data"], name="Siti Palsu")
    r = device.push(records)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [a["id"] for a in results] == [record["id"] for record in records]
    assert {i for i, a in enumerate(results) if a["result"] == "rejected"} == bad
    assert all(a["result"] == "accepted" for i, a in enumerate(results) if i not in bad)


def test_an_unsigned_record_from_a_laptop_without_keys_is_taken_as_before(live, team):
    record = make_record(team.ids["siti"], team.siti)
    assert "signature" not in record
    assert result_of(team.siti, record)["result"] == "accepted"
    assert live.scalar("SELECT signature FROM registrations WHERE id = :r", r=record["id"]) is None


def test_a_record_signed_by_a_revoked_device_is_refused(live, team):
    device, keys, _answer = enrol_with_keys(live, "Laptop dicuri", login="siti")
    record = signed(make_record(team.ids["siti"], device), device, keys)
    assert live.cli("revoke-device", device.id)[0] == 0
    # Relayed by another laptop (the revoked one cannot push itself any more).
    answer = result_of(team.siti, record)
    assert answer["result"] == "rejected" and "dicabut" in answer["reason"]


def test_a_central_status_drops_the_devices_signature(live, team):
    device, keys, _answer = enrol_with_keys(live, "Laptop Siti 4", login="siti")
    record = signed(make_record(team.ids["siti"], device), device, keys)
    assert result_of(device, record)["result"] == "accepted"
    assert live.cli("set-status", record["id"], "accepted")[0] == 0
    # Central's content is no device's: an old signature would not match it.
    assert live.scalar("SELECT signature FROM registrations WHERE id = :r", r=record["id"]) is None
    assert replace(record_from_dict(record), status="accepted").content_hash() == live.scalar(
        "SELECT content_hash FROM registrations WHERE id = :r", r=record["id"])


def test_schema_0008_upgrades_a_database_made_by_0007(tmp_path):
    from sqlalchemy import create_engine, inspect, text

    from server.core.config import Settings
    from server.core.migrate import current_revision, upgrade

    engine = create_engine(Settings(data_dir=tmp_path).url)
    try:
        upgrade(engine, "0007")
        with engine.begin() as c:
            c.execute(text("INSERT INTO devices (id, name, token_hash, enrolled_at) "
                           "VALUES ('d1', 'lama', 'h', '2026-11-01 00:00:00')"))
        upgrade(engine, "0008")
        assert current_revision(engine) == "0008"
        assert "key_list" in inspect(engine).get_table_names()
        with engine.connect() as c:
            assert c.execute(text("SELECT name, signing_key FROM devices")).one() == ("lama", None)
    finally:
        engine.dispose()
