"""A record sent for review reaches the supervisor's laptops whole through the pull (SQLite and PostgreSQL), so
that review works after a sync and offline; officers receive only their own."""

from __future__ import annotations

from live_server import make_record

from sync.answers import RecordChange, change_from_dict


def pull_all(device, cursor=0):
    r = device.get("/pull", cursor=cursor, limit=500)
    assert r.status_code == 200, r.text
    return r.json()


def records_in(page) -> list[RecordChange]:
    return [change_from_dict(c) for c in page["changes"] if c["type"] == "record"]


def test_a_submitted_record_goes_whole_to_the_supervisor_and_nobody_else(live, team):
    cursors = {name: pull_all(getattr(team, name))["cursor"] for name in ("sup", "siti", "ani", "budi")}
    sent = make_record(team.ids["siti"], team.siti)
    outsider = make_record(team.ids["budi"], team.budi)  # budi has no supervisor
    assert team.siti.push([sent]).status_code == 200
    assert team.budi.push([outsider]).status_code == 200
    [change] = records_in(pull_all(team.sup, cursors["sup"]))
    assert change.record.id == sent["id"] and change.record.data == sent["data"]
    assert change.record.base_version == 1 and change.record.history[0].action == "create"
    for officer in ("siti", "ani", "budi"):
        assert records_in(pull_all(getattr(team, officer), cursors[officer])) == []
    # Sent again after a correction: the new copy follows.
    returned = sent | {"status": "returned", "base_version": 1, "review_comment": "Alamat kurang lengkap"}
    assert team.sup.push([returned]).json()["results"][0]["result"] == "accepted"
    cursor = pull_all(team.sup)["cursor"]
    again = returned | {"status": "submitted", "base_version": 2, "version": 5,
                        "data": sent["data"] | {"address": "JL. MERDEKA NO. 7"}}
    assert team.siti.push([again]).json()["results"][0]["result"] == "accepted"
    [change] = records_in(pull_all(team.sup, cursor))
    assert change.record.base_version == 3 and change.record.data["address"] == "JL. MERDEKA NO. 7"


def test_a_record_sent_with_the_history_shorthand_reaches_the_supervisor_with_the_whole_history(live, team):
    cursor = pull_all(team.sup)["cursor"]
    sent = make_record(team.ids["siti"], team.siti)
    full = [{"at": "2026-11-20T08:00:00Z", "user_id": team.ids["siti"], "action": "create",
             "changes": {key: [None, sent["data"][key]] for key in sorted(sent["data"])}}]
    assert team.siti.push([sent | {"history": [dict(full[0], changes="=data")]}]).status_code == 200
    # The page as it travels: the server keeps the shorthand and writes the entry out for the supervisor's laptop.
    [raw] = [c for c in pull_all(team.sup, cursor)["changes"] if c["type"] == "record"]
    assert raw["record"]["history"] == full
    assert list(raw["record"]["history"][0]["changes"]) == sorted(sent["data"])
