"""Complaints on the central server (SQLite and PostgreSQL): checked on push like every service, exported in
SP4N-LAPOR!'s fields once approved, and their steps sent down to the officer's laptop."""

from __future__ import annotations

import csv

from live_server import make_record

COMPLAINT = {
    "identity": "2", "complainant_name": "Rusdi Hartono", "complainant_phone": "081234567890",
    "title": "Puskesmas pembantu tutup", "category": "3", "agency": "4", "incident_date": "2026-11-18",
    "description": "Pustu di desa sudah tiga minggu tutup, ibu hamil harus ke kecamatan naik ojek.",
    "province_code": "16", "regency_code": "16.03", "district_code": "16.03.07",
}


def pull_all(device, cursor=0):
    r = device.get("/pull", cursor=cursor, limit=500)
    assert r.status_code == 200, r.text
    return r.json()


def complaint(team, **changes) -> dict:
    return make_record(team.ids["siti"], team.siti, data=COMPLAINT | changes) | {"kind": "complaint"}


def test_the_server_checks_a_pushed_complaint_by_the_service_s_own_rules(live, team):
    named_anonymously = complaint(team, identity="3")
    answer = team.siti.push([named_anonymously, complaint(team)]).json()["results"]
    assert [r["result"] for r in answer] == ["rejected", "accepted"]
    assert "anonim" in answer[0]["reason"]


def test_approved_complaints_are_exported_without_a_confidential_name_and_marked_forwarded(live, team, tmp_path):
    waiting, approved = complaint(team), complaint(team, title="Lampu jalan mati")
    assert team.siti.push([waiting]).status_code == 200
    assert team.sup.push([approved | {"status": "approved"}]).status_code == 200
    cursor = pull_all(team.siti)["cursor"]
    out = tmp_path / "lapor.csv"
    code, said = live.cli("export", "complaint", "--out", str(out), "--mark", "forwarded")
    assert code == 0 and said.startswith("1 records for SP4N-LAPOR!"), said
    [row] = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert (row["registration_id"], row["judul"], row["rahasia"], row["nama_pelapor"]) == (
        approved["id"], "Lampu jalan mati", "1", "")
    assert row["instansi_tujuan"] == "Dinas Kesehatan"
    # The step goes down to the officer with the status it belongs to.
    [change] = [c for c in pull_all(team.siti, cursor)["changes"] if c["type"] == "status"]
    assert (change["registration_id"], change["status"], change["stage"]) == (approved["id"], "accepted",
                                                                              "forwarded")
    assert live.cli("set-status", approved["id"], "resolved")[0] == 0
    assert live.scalar("SELECT status FROM registrations WHERE id = :id", id=approved["id"]) == "done"
    assert live.scalar("SELECT stage FROM registrations WHERE id = :id", id=approved["id"]) == "resolved"


def test_an_export_or_a_step_that_does_not_exist_is_refused_and_changes_nothing(live, team, tmp_path):
    assert team.sup.push([complaint(team) | {"status": "approved"}]).status_code == 200
    before = live.snapshot()
    out = tmp_path / "x.csv"
    code, said = live.cli("export", "ektp", "--out", str(out))
    assert code == 2 and "services with one: complaint" in said and not out.exists()
    code, said = live.cli("export", "complaint", "--out", str(out), "--mark", "printed")
    assert code == 2 and "not a step of complaint" in said and not out.exists()
    code, said = live.cli("export", "complaint", "--out", str(tmp_path / "no-such-folder" / "x.csv"),
                          "--mark", "forwarded")
    assert code == 2 and "cannot write" in said
    assert live.snapshot() == before  # nothing marked forwarded when the file could not be written
