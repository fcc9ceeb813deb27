"""A batch's seal against the real server on loopback (both backends): one signature of the pushing laptop over its
unsigned records, checked against the key certified for the token's device, kept with the batch so that each record
it vouches for can be checked later; a seal that does not hold refuses every record it covers and nothing else."""

from __future__ import annotations

import uuid

from live_server import make_record
from test_server_keys import enrol_with_keys, result_of, signed

from server.services.record_signatures import vouching_device
from sync import device_keys, signing
from sync.payload import record_from_dict, to_dict


def sealed_push(device, records: list[dict], key, *, batch_id: str | None = None, device_id: str | None = None):
    batch_id = batch_id or str(uuid.uuid4())
    seal = signing.seal_batch(batch_id, [record_from_dict(r) for r in records], device_id=device_id or device.id,
                              key=key)
    return device.post("/push", {"batch_id": batch_id, "records": records, "seal": to_dict(seal)})


def vouched(live, record_id: str) -> str | None:
    from server.models import Registration

    with live.factory() as session:
        return vouching_device(session, session.get(Registration, record_id))


def answers(r) -> list[str]:
    assert r.status_code == 200, r.text
    return [a["result"] for a in r.json()["results"]]


def test_a_sealed_batch_is_taken_and_each_record_is_provably_its_laptops(live, team):
    device, keys, _answer = enrol_with_keys(live, "Laptop Siti segel", login="siti")
    records = [make_record(team.ids["siti"], device) for _ in range(3)]
    batch_id = str(uuid.uuid4())
    r = sealed_push(device, records, keys.signing, batch_id=batch_id)
    assert answers(r) == ["accepted"] * 3
    # No signature of their own on the rows: the batch's seal is kept once and vouches for each.
    for record in records:
        assert live.scalar("SELECT signature FROM registrations WHERE id = :r", r=record["id"]) is None
        assert live.scalar("SELECT seal_batch_id FROM registrations WHERE id = :r", r=record["id"]) == batch_id
        assert vouched(live, record["id"]) == device.id
    # Sent again after a cut: the stored answer, nothing changed.
    again = sealed_push(device, records, keys.signing, batch_id=batch_id)
    assert again.json() == r.json()
    # Central's own change is no device's: the seal no longer vouches for that record.
    assert live.cli("set-status", records[0]["id"], "accepted")[0] == 0
    assert vouched(live, records[0]["id"]) is None and vouched(live, records[1]["id"]) == device.id


def test_a_record_changed_under_the_seal_refuses_what_the_seal_covers_and_nothing_else(live, team):
    device, keys, _answer = enrol_with_keys(live, "Laptop Siti segel 2", login="siti")
    records = [make_record(team.ids["siti"], device) for _ in range(3)]
    relayed = signed(make_record(team.ids["siti"], device), device, keys)  # carries its own signature
    batch_id = str(uuid.uuid4())
    seal = signing.seal_batch(batch_id, [record_from_dict(r) for r in records + [relayed]], device_id=device.id,
                              key=keys.signing)
    records[1]["data"] = dict(records[1]["data"], name="Siti Palsu")  # flipped on the way, after sealing
    r = device.post("/push", {"batch_id": batch_id, "records": records + [relayed], "seal": to_dict(seal)})
    assert answers(r) == ["rejected", "rejected", "rejected", "accepted"]
    assert all("Tanda tangan" in a["reason"] for a in r.json()["results"][:3])
    assert live.scalar("SELECT count(*) FROM registrations WHERE id IN (:a, :b, :c)",
                       a=records[0]["id"], b=records[1]["id"], c=records[2]["id"]) == 0
    assert vouched(live, relayed["id"]) == device.id


def test_a_seal_vouches_only_for_the_device_whose_token_sent_it(live, team):
    device, keys, _answer = enrol_with_keys(live, "Laptop Siti segel 3", login="siti")
    other, other_keys, _answer = enrol_with_keys(live, "Laptop Siti segel 4", login="siti")
    # The other laptop's true seal, sent with this laptop's token: it vouches for nothing here.
    records = [make_record(team.ids["siti"], device)]
    assert answers(sealed_push(device, records, other_keys.signing, device_id=other.id)) == ["rejected"]
    # This laptop's name on a seal made with another key.
    assert answers(sealed_push(device, records, device_keys.generate().signing)) == ["rejected"]
    # A laptop without certified keys has no seal to give.
    answer = sealed_push(team.siti, [make_record(team.ids["siti"], team.siti)], keys.signing).json()["results"][0]
    assert answer["result"] == "rejected" and "tidak dikenal" in answer["reason"]
    # The right seal is taken, and an unsigned batch without one as before.
    assert answers(sealed_push(device, records, keys.signing)) == ["accepted"]
    assert result_of(device, make_record(team.ids["siti"], device))["result"] == "accepted"


def test_a_seal_of_the_wrong_shape_is_refused_whole(live, team):
    device, keys, _answer = enrol_with_keys(live, "Laptop Siti segel 5", login="siti")
    record = make_record(team.ids["siti"], device)
    for seal in ({"device": device.id}, {"device": "laptop", "signature": "A" * 86 + "=="},
                 {"device": device.id, "signature": "bukan tanda tangan"}, "segel"):
        r = device.post("/push", {"batch_id": str(uuid.uuid4()), "records": [record], "seal": seal})
        assert r.status_code == 422, (seal, r.text)
    assert live.scalar("SELECT count(*) FROM registrations WHERE id = :r", r=record["id"]) == 0
