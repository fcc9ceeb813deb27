"""The pull feed: service status set centrally from a CSV, returns, accounts; cursors and paging."""

from live_server import make_record


def pull_all(device, cursor=0, limit=500):
    r = device.get("/pull", cursor=cursor, limit=limit)
    assert r.status_code == 200, r.text
    return r.json()


def test_status_from_a_csv_reaches_the_officers_laptop(live, team, tmp_path):
    records = [make_record(team.ids["siti"], team.siti) for _ in range(2)]
    assert team.siti.push(records).status_code == 200
    cursor = pull_all(team.siti)["cursor"]
    budi_cursor = pull_all(team.budi)["cursor"]
    csv = tmp_path / "status.csv"
    csv.write_text(
        "registration_id,status,note\n"
        f"{records[0]['id']},done,KTP sudah dicetak\n"
        f"{records[1]['id']},shipped,salah status\n"
        "0196f0a0-0000-7000-8000-00000000dead,done,tidak ada\n"
        "bukan-id,done,\n"
        f"{records[1]['id'].upper()},accepted,Sedang diproses\n", encoding="utf-8")
    code, out = live.cli("set-status", "--csv", str(csv))
    assert code == 1  # some rows were not applied
    lines = out.splitlines()
    assert f"line 2: {records[0]['id']}: done (version 2)" in lines
    assert "line 3: not applied: status must be one of" in lines[1]
    assert "no registration" in lines[2] and "not a registration id" in lines[3]
    assert lines[4].endswith("accepted (version 2)") and lines[-1] == "2 applied, 3 not applied"

    page = pull_all(team.siti, cursor)
    assert [(c["type"], c["registration_id"], c["status"], c["note"], c["server_version"]) for c in page["changes"]] \
        == [("status", records[0]["id"], "done", "KTP sudah dicetak", 2),
            ("status", records[1]["id"], "accepted", "Sedang diproses", 2)]
    assert page["more"] is False and page["cursor"] > cursor
    # Pulling again from the new cursor repeats nothing; the same cursor repeats the page (a cut is safe).
    assert pull_all(team.siti, page["cursor"])["changes"] == []
    assert pull_all(team.siti, cursor) == page
    # The supervisor sees the team's changes; an officer outside the team does not.
    sup_ids = {c.get("registration_id") for c in pull_all(team.sup)["changes"]}
    assert records[0]["id"] in sup_ids
    assert pull_all(team.budi, budi_cursor)["changes"] == []
    # Same status and note again: nothing new.
    csv.write_text(f"registration_id,status,note\n{records[0]['id']},done,KTP sudah dicetak\n", encoding="utf-8")
    assert live.cli("set-status", "--csv", str(csv)) == (0, f"line 2: {records[0]['id']}: already done\n"
                                                            "1 applied, 0 not applied\n")
    # The laptop takes server_version as its base: its next push of the same content is a duplicate.
    synced = records[0] | {"status": "done", "base_version": 2}
    assert team.siti.push([synced]).json()["results"][0] == {"id": synced["id"], "result": "duplicate",
                                                             "server_version": 2}


def test_a_csv_without_the_columns_is_refused_whole(live, tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text("id;status\n1;done\n", encoding="utf-8")
    code, out = live.cli("set-status", "--csv", str(csv))
    assert code == 2 and "registration_id" in out
    assert live.cli("set-status", "--csv", str(tmp_path / "missing.csv"))[0] == 2


def test_new_accounts_reach_their_teams_laptops_and_pages_have_a_limit(live, team):
    cursor = pull_all(team.sup)["cursor"]
    budi_cursor = pull_all(team.budi)["cursor"]
    for name in ("dewi", "eko", "fitri"):
        live.create_user(name, supervisor="sup")
    first = pull_all(team.sup, cursor, limit=2)
    assert first["more"] is True and len(first["changes"]) == 2
    rest = pull_all(team.sup, first["cursor"], limit=100)
    names = [c["username"] for c in first["changes"] + rest["changes"] if c["type"] == "account"]
    assert {"dewi", "eko", "fitri"} <= set(names) and "password_hash" in first["changes"][0]
    assert "sup" in names  # the supervisor's team changed
    # Budi's laptop (another team) gets none of them: a laptop holds only its people's verifiers.
    assert [c for c in pull_all(team.budi, budi_cursor, limit=100)["changes"] if c["type"] == "account"] == []
    assert team.budi.get("/pull", cursor=-1).status_code == 422
    assert team.budi.get("/pull", limit=0).status_code == 422
    assert team.budi.get("/pull", cursor="abc").status_code == 422


def test_central_staff_set_status_by_the_number_printed_on_the_receipt(live, team):
    """The citizen brings the receipt; staff type its number (or scan its QR) instead of an internal id."""
    from datetime import datetime

    from app.registration_number import qr_payload, registration_number

    records = [make_record(team.ids["siti"], team.siti) for _ in range(2)]
    assert team.siti.push(records).status_code == 200
    cursor = pull_all(team.siti)["cursor"]
    # make_record's created_at is 08:00 WIB on 20 November: 01:00 UTC, the day the number carries.
    number = registration_number(records[0]["id"], "ektp", datetime(2026, 11, 20, 1, 0))
    code, out = live.cli("set-status", number.lower(), "done", "--note", "KTP sudah dicetak")
    assert code == 0, out
    assert out.splitlines()[0].endswith(f"{number.lower()}: done (version 2)")
    code, out = live.cli("set-status", qr_payload(records[1]["id"], "ABCDEFGH"), "accepted")
    assert code == 0, out
    changes = pull_all(team.siti, cursor)["changes"]
    assert [(c["registration_id"], c["status"], c["by"]) for c in changes] == [
        (records[0]["id"], "done", None), (records[1]["id"], "accepted", None)]
    # A number that fits no record, or is not a number at all, is refused with the reason; nothing changes.
    wrong_day = number[:4] + "991231" + number[10:]
    assert live.cli("set-status", wrong_day, "done")[0] == 1
    code, out = live.cli("set-status", "KTP-261120-ZZZZZZ", "done")
    assert code == 1 and "no registration with receipt number KTP-261120-ZZZZZZ" in out
    code, out = live.cli("set-status", "nomor-asal", "done")
    assert code == 1 and "not a registration id or receipt number" in out
    assert pull_all(team.siti, cursor)["changes"] == changes
