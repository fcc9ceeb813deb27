"""Pushing batches: accepted, duplicate, conflict, rejected with a reason in Bahasa Indonesia, idempotent replay."""

from datetime import date

from app.kinds.ektp import validate_ektp
from app.reference.regions import shipped_regions
from live_server import VALID_EKTP, make_record


def results(response):
    assert response.status_code == 200, response.text
    return {r["id"]: r for r in response.json()["results"]}


def test_one_invalid_record_is_rejected_in_indonesian_and_the_rest_accepted(live, team):
    siti = team.ids["siti"]
    good = [make_record(siti, team.siti) for _ in range(3)]
    bad = make_record(siti, team.siti, data=VALID_EKTP | {"nik": "1234", "rt": "abc"})
    response = team.siti.push([good[0], bad, good[1], good[2]])
    out = results(response)
    assert [r["id"] for r in response.json()["results"]] == [good[0]["id"], bad["id"], good[1]["id"], good[2]["id"]]
    assert all(out[r["id"]]["result"] == "accepted" and out[r["id"]]["server_version"] == 1 for r in good)
    rejected = out[bad["id"]]
    assert rejected["result"] == "rejected" and rejected["server_version"] == 0
    expected = [i.text("id") for i in validate_ektp(bad["data"], today=date.today(), regions=shipped_regions(),
                                                     for_submit=True) if i.is_error]
    assert expected and all(text in rejected["reason"] for text in expected)
    english = [i.text("en") for i in validate_ektp(bad["data"], today=date.today(), regions=shipped_regions(),
                                                    for_submit=True) if i.is_error]
    assert not any(text in rejected["reason"] for text in english if text not in expected)
    assert live.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=bad["id"]) == 0


def test_resending_a_batch_gets_the_same_answer_and_changes_nothing(live, team):
    record = make_record(team.ids["siti"], team.siti)
    first = team.siti.push([record], batch_id="0196f0a0-0000-7000-8000-000000000001")
    before = live.snapshot()
    again = team.siti.push([record], batch_id="0196f0a0-0000-7000-8000-000000000001")
    assert again.json() == first.json() and results(again)[record["id"]]["result"] == "accepted"
    assert live.snapshot() == before
    new = team.siti.push([record])  # a new batch with the same record
    assert results(new)[record["id"]] == {"id": record["id"], "result": "duplicate", "server_version": 1}
    assert live.snapshot()["versions"] == before["versions"]


def test_an_edit_based_on_the_server_version_is_accepted(live, team):
    # A correction: the form is open again once the supervisor returned it.
    record = make_record(team.ids["siti"], team.siti)
    results(team.siti.push([record]))
    returned = record | {"status": "returned", "base_version": 1, "review_comment": "Alamat salah"}
    assert results(team.sup.push([returned]))[record["id"]]["server_version"] == 2
    record = returned | {"status": "submitted", "base_version": 2, "version": 5,
                         "data": VALID_EKTP | {"address": "Jl. Sudirman 2"}}
    assert results(team.siti.push([record]))[record["id"]]["server_version"] == 3
    changes = live.scalar("SELECT changes FROM registration_history WHERE registration_id = :i AND version = 3",
                          i=record["id"])
    assert "Jl. Sudirman 2" in str(changes)


def test_a_supervisor_return_then_an_officer_edit_is_a_conflict_with_both_kept(live, team):
    record = make_record(team.ids["siti"], team.siti)
    results(team.siti.push([record]))
    returned = record | {"status": "returned", "base_version": 1, "review_comment": "Foto KK buram"}
    assert results(team.sup.push([returned]))[record["id"]]["server_version"] == 2
    edit = record | {"base_version": 1, "data": VALID_EKTP | {"phone": "081299998888"}}
    out = results(team.siti.push([edit]))[record["id"]]
    assert out["result"] == "conflict" and out["server_version"] == 2
    assert out["server_record"]["status"] == "returned"
    assert out["server_record"]["review_comment"] == "Foto KK buram"
    assert live.scalar("SELECT count(*) FROM conflicts WHERE registration_id = :i", i=record["id"]) == 1
    assert live.scalar("SELECT status FROM registrations WHERE id = :i", i=record["id"]) == "returned"
    # The officer's laptop learns of the return through the feed.
    changes = team.siti.get("/pull", cursor=0).json()["changes"]
    assert {"type": "returned", "registration_id": record["id"], "comment": "Foto KK buram",
            "server_version": 2}.items() <= next(c for c in changes if c.get("registration_id") == record["id"]
                                                  and c["type"] == "returned").items()


def test_an_officer_cannot_push_another_officers_record(live, team):
    theirs = make_record(team.ids["budi"], team.siti)
    out = results(team.siti.push([theirs]))[theirs["id"]]
    assert out["result"] == "rejected" and "petugas lain" in out["reason"]
    # Nor take over one that exists by claiming to own it.
    budi_record = make_record(team.ids["budi"], team.budi)
    results(team.budi.push([budi_record]))
    hijack = budi_record | {"owner_id": team.ids["siti"], "base_version": 1, "status": "approved"}
    out = results(team.siti.push([hijack]))[budi_record["id"]]
    assert out["result"] == "rejected" and "server_record" not in out
    # Nor can a supervisor push for an officer outside the team.
    outside = make_record(team.ids["budi"], team.sup)
    assert results(team.sup.push([outside]))[outside["id"]]["result"] == "rejected"


def test_drafts_unknown_kinds_and_unreadable_data_are_rejected_without_failing_the_batch(live, team):
    siti = team.ids["siti"]
    draft = make_record(siti, team.siti, status="draft")
    unknown = make_record(siti, team.siti) | {"kind": "passport"}
    weird = make_record(siti, team.siti, data={"nik": 1603074502900001, "name": ["Siti"], "birth_date": {"y": 1}})
    good = make_record(siti, team.siti)
    out = results(team.siti.push([draft, unknown, weird, good]))
    assert [out[r["id"]]["result"] for r in (draft, unknown, weird, good)] == ["rejected"] * 3 + ["accepted"]
    assert "passport" in out[unknown["id"]]["reason"]


def test_a_computed_value_that_does_not_follow_from_the_form_is_refused(live, team):
    """The WHO category is the app's rule applied to the acuities, never the laptop's word for it."""
    from app.kinds import kind_spec

    screened = kind_spec("cataract").with_computed(dict(
        patient_name="Rohani", patient_nik="1603075507600003", patient_sex="2", patient_birth_date="1960-07-15",
        patient_province_code="16", patient_regency_code="16.03", patient_district_code="16.03.07",
        patient_village_code="16.03.07.1001", screening_date="2025-01-10", exam_status="1",
        right_presenting_va="5", right_pinhole_va="5", right_lens="2", left_presenting_va="3",
        left_pinhole_va="3", left_lens="2", principal_cause="3", surgery_barriers=["2", "3"]))
    assert screened["who_category"]  # a real category, worked out as the laptop works it out
    good = make_record(team.ids["siti"], team.siti, data=screened) | {"kind": "cataract"}
    forged = make_record(team.ids["siti"], team.siti, data=screened | {"who_category": "0"}) | {"kind": "cataract"}
    results = team.siti.push([good, forged]).json()["results"]
    assert [r["result"] for r in results] == ["accepted", "rejected"]
    assert "Nilai hitungan tidak sesuai" in results[1]["reason"] and "who_category" in results[1]["reason"]
