"""Push bodies in zstd with the shipped dictionary (sync/compression.py): announced on the session answer, taken
when well made, a 4xx that changes nothing when hostile (a bomb, a window too large, an unknown dictionary,
garbage); the history shorthand ("=data") is kept as it came and handed on as the full history."""

import json
import uuid

import zstandard

from live_server import TIMEOUT, make_record
from sync import compression
from sync.payload import compact_history

DICTIONARY = "records-1"


def zstd_push(device, raw: bytes, dictionary: str | None = DICTIONARY):
    headers = device.headers(**{"Content-Type": "application/json", "Content-Encoding": "zstd"})
    if dictionary is not None:
        headers[compression.DICTIONARY_HEADER] = dictionary
    return device.http.post(device.base + "/push", data=raw, headers=headers, timeout=TIMEOUT)


def body(records: list[dict]) -> bytes:
    return json.dumps({"batch_id": str(uuid.uuid4()), "records": records}).encode()


def test_the_session_answer_names_the_dictionaries_and_the_shorthand(live, team):
    r = team.budi.login("budi")
    assert r.status_code == 200
    history_ref, dictionary = compression.announced(r.headers[compression.ACCEPTS_HEADER])
    assert history_ref and dictionary == DICTIONARY
    assert compression.ACCEPTS_HEADER not in team.budi.get("/pull").headers  # only on the session answer


def test_a_zstd_push_with_the_shorthand_is_kept_short_and_handed_on_with_the_full_history(live, team):
    record = make_record(team.ids["siti"], team.siti)
    record["history"] = [{"at": "2026-11-20T08:00:00Z", "user_id": team.ids["siti"], "action": "create",
                          "changes": {key: [None, record["data"][key]] for key in sorted(record["data"])}}]
    compact = compact_history(record)
    assert compact["history"][0]["changes"] == "=data"
    r = zstd_push(team.siti, compression.zstd_bytes(body([compact]), DICTIONARY))
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["result"] == "accepted"
    stored = live.scalar("SELECT device_history FROM registrations WHERE id = :id", id=record["id"])
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert stored == compact["history"]  # beside the data it stands for, not written out a second time
    # A copy on a stale base: the conflict shows the server's copy, whose history is written out whole again.
    stale = dict(record, data=dict(record["data"], address="JL. MERDEKA NO. 2"), base_version=0)
    r = zstd_push(team.siti, compression.zstd_bytes(body([stale]), DICTIONARY))
    assert r.status_code == 200, r.text
    (result,) = r.json()["results"]
    assert result["result"] == "conflict"
    assert result["server_record"]["history"] == record["history"]
    assert list(result["server_record"]["history"][0]["changes"]) == sorted(record["data"])


def test_hostile_zstd_bodies_are_refused_and_change_nothing(live, team):
    before = live.snapshot()
    good = body([make_record(team.ids["siti"], team.siti)])
    plain = zstandard.ZstdCompressor(level=3)
    # 64 MB of zeros in a few kilobytes: the server stops at its 8 MB cap while inflating.
    bomb = plain.compress(b"\0" * (64 * 1024 * 1024))
    assert len(bomb) < 64 * 1024
    # A streamed frame asking for a 1 GB window and not stating its size: refused before anything is decoded.
    wider = zstandard.ZstdCompressor(compression_params=zstandard.ZstdCompressionParameters(
        window_log=30, enable_ldm=True)).compressobj()
    wide = wider.compress(good) + wider.flush()
    made = compression.zstd_bytes(good, DICTIONARY)
    cases = [
        (bomb, None, 413), (compression.zstd_bytes(b"\0" * (9 * 1024 * 1024), DICTIONARY), DICTIONARY, 413),
        (wide, None, 400),
        (made, "records-999", 400), (made, "../../etc/passwd", 400), (made, None, 400),
        (b"not zstd at all", DICTIONARY, 400), (b"", DICTIONARY, 400), (made[:-8], DICTIONARY, 400),
        (made + b"trailing", DICTIONARY, 400),
    ]
    for raw, dictionary, expected in cases:
        r = zstd_push(team.siti, raw, dictionary)
        assert r.status_code == expected, (raw[:16], dictionary, r.status_code, r.text[:300])
        assert r.json()["detail"]["code"] in ("too_large", "bad_body", "bad_dictionary")
    assert zstd_push(team.siti, made, "records-999").json()["detail"]["code"] == "bad_dictionary"
    assert live.snapshot() == before
