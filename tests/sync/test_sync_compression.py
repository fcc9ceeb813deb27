"""Push bodies in zstd with the shipped dictionary and the history shorthand, end to end: the laptop uses them
once the server has announced them, the server keeps the shorthand beside the data and hands on exactly the
laptop's history, and an older server (no announcement) gets gzip and full records."""

import json
import zlib

import pytest

from db.models import RegistrationChange
from sync import compression
from sync.payload import compact_history, expanded_history, gzip_bytes, record_from_dict, to_dict


def test_a_sync_sends_zstd_with_the_newest_shared_dictionary_and_the_server_keeps_the_full_history(
        laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 30)
    client = kit.fast_client(laptop)
    proxy.reset_counters()
    result = kit.sync(laptop, client=client)
    assert (result.sent, result.accepted) == (30, 30)
    assert client.history_ref and client.zstd_dictionary == "records-1"
    with laptop.transaction() as s:
        create = s.query(RegistrationChange).filter_by(registration_id=ids[0], action="create").one()
        laptop_changes = create.changes
    stored = server.scalar("SELECT device_history FROM registrations WHERE id = :i", i=ids[0])
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert stored[0]["action"] == "create" and stored[0]["changes"] == "=data"  # kept as it came
    data = server.scalar("SELECT data FROM registrations WHERE id = :i", i=ids[0])
    data = json.loads(data) if isinstance(data, str) else data
    handed_on = expanded_history(stored, data)  # what the server's copy carries to anyone it goes to
    assert handed_on[0]["changes"] == laptop_changes and list(handed_on[0]["changes"]) == list(laptop_changes)


def test_a_server_that_announces_nothing_gets_gzip_and_full_records(laptop, kit, monkeypatch):
    from sync.client import SyncClient

    sent: list[tuple[dict, bytes]] = []
    original = SyncClient._send

    def without_announcement(self, method, url, data, headers, params):
        body = b""
        if data is not None:
            body = b"".join(iter(lambda: data.read(), b""))
        response, content = original(self, method, url, body if data is not None else None, headers, params)
        response.headers.pop(compression.ACCEPTS_HEADER, None)
        sent.append((dict(headers), body))
        return response, content

    monkeypatch.setattr(SyncClient, "_send", without_announcement)
    actor = kit.actor_for(laptop, "siti")
    kit.submitted(laptop, actor, 5)
    client = kit.fast_client(laptop)
    assert kit.sync(laptop, client=client).accepted == 5
    assert not client.history_ref and client.zstd_dictionary is None
    pushes = [(h, b) for h, b in sent if h.get("Content-Type") == "application/json" and b]
    assert pushes and all(h.get("Content-Encoding") in (None, "gzip") for h, _ in pushes)
    assert all(b"=data" not in zlib.decompress(b, 31) for h, b in pushes if h.get("Content-Encoding") == "gzip")


def test_the_shorthand_is_written_only_where_the_server_rebuilds_the_same_entry():
    data = {"name": "SITI", "age": 3, "married": True, "barriers": ["3", "6"]}
    create = {"at": "2026-11-20T08:00:00Z", "user_id": "u", "action": "create",
              "changes": {key: [None, data[key]] for key in sorted(data)}}
    record = {"id": "0196f0a0-0000-7000-8000-0000000000aa", "kind": "ektp", "status": "submitted", "version": 2,
              "base_version": 0, "owner_id": "0196f0a0-0000-7000-8000-0000000000ab",
              "device_id": "0196f0a0-0000-7000-8000-0000000000ac", "created_at": "2026-11-20T08:00:00Z",
              "updated_at": "2026-11-20T08:00:00Z", "data": data, "attachments": [], "history": [create]}
    compact = compact_history(record)
    assert compact["history"][0]["changes"] == "=data" and record["history"][0] is create  # not changed in place
    assert to_dict(record_from_dict(compact))["history"] == [create]
    for changes in ({**create["changes"], "name": [None, "ANI"]},  # edited since it was made
                    {key: create["changes"][key] for key in reversed(sorted(data))},  # another order
                    {**create["changes"], "age": [None, 3.0]},  # a float where the data has an int
                    {**create["changes"], "married": [None, 1]}):  # a number where the data has a boolean
        other = dict(record, history=[dict(create, changes=changes)])
        assert compact_history(other) is other
    assert compact_history(dict(record, history=[dict(create, action="update")]))["history"][0]["changes"] != "=data"


def test_the_announcement_picks_the_newest_dictionary_both_sides_have(monkeypatch):
    monkeypatch.setattr(compression, "shipped", lambda: {"records-1": b"", "records-2": b"", "photos-9": b""})
    assert compression.announced(None) == (False, None)
    assert compression.announced("history-ref") == (True, None)
    assert compression.announced("zstd-dictionary=records-1, zstd-dictionary=records-2, zstd-dictionary=records-7") \
        == (False, "records-2")
    assert compression.announced("history-ref,zstd-dictionary=photos-9") == (True, None)


def test_zstd_round_trip_is_smaller_than_gzip_for_a_small_batch():
    raw = json.dumps([{"kind": "ektp", "status": "submitted", "data": {"name": f"SITI {i}", "rt": "003"}}
                      for i in range(20)]).encode()
    packed = compression.zstd_bytes(raw, "records-1")
    assert compression.unzstd_capped(packed, "records-1", len(raw)) == raw
    assert len(packed) < len(gzip_bytes(raw))
    with pytest.raises(compression.PayloadTooLarge):
        compression.unzstd_capped(packed, "records-1", len(raw) - 1)
