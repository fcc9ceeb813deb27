"""The server is the authority on who moves a registration (ARCHITECTURE.md "Who may move a registration"): every
role against every start status and every status a push can claim, over HTTP, on SQLite and PostgreSQL. The policy
is written out here on its own, from the table in ARCHITECTURE.md, not read from the code it checks."""

from __future__ import annotations

import itertools

import pytest

from live_server import VALID_EKTP, make_record
from server.api.deps import utcnow
from server.core.db import transaction
from server.services.status import set_status

STATUSES = ("draft", "submitted", "approved", "returned", "accepted", "done")
# How the record got where it starts: "new" is not on the server yet; "central_returned" was returned by central.
STARTS = ("new", "submitted", "approved", "returned", "central_returned", "accepted", "done")
ACTORS = ("owner", "teammate", "supervisor", "outsider", "other_supervisor", "admin")


def allowed(actor: str, start: str, target: str) -> bool:
    """The policy: an officer submits and corrects; the owner's supervisor (or an admin) approves or returns;
    accepted, done and central's return are central's alone; nobody else touches the record."""
    if actor not in ("owner", "supervisor", "admin"):
        return False
    returned = start in ("returned", "central_returned")
    if start == target or (returned and target == "returned"):
        return returned  # the same status with the form changed: open only while returned
    if target in ("draft", "accepted", "done") or start in ("accepted", "done"):
        return False
    if target == "submitted":
        return start == "new" or returned
    reviewer = actor in ("supervisor", "admin")
    if target == "approved":
        return reviewer and start in ("new", "submitted")
    if target == "returned":
        return reviewer and start in ("new", "submitted", "approved")
    raise AssertionError((actor, start, target))


@pytest.fixture(scope="module")
def people(live):
    live.create_user("m_sup", "supervisor")
    live.create_user("m_sup2", "supervisor")
    live.create_user("m_admin", "admin")
    live.create_user("m_siti", supervisor="m_sup")
    live.create_user("m_ani", supervisor="m_sup")
    live.create_user("m_budi", supervisor="m_sup2")
    names = {"owner": "m_siti", "teammate": "m_ani", "supervisor": "m_sup", "outsider": "m_budi",
             "other_supervisor": "m_sup2", "admin": "m_admin"}
    return {role: live.enrol(f"{name}-laptop", name) for role, name in names.items()}, live.users["m_siti"]


def _result(response, record_id):
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    assert result["id"] == record_id
    return result


def _prepare(live, people, start):
    """A record of the owner's in ``start``, and the dict that is the server's copy of it now."""
    devices, owner_id = people
    record = make_record(owner_id, devices["owner"])
    if start == "new":
        return record
    assert _result(devices["owner"].push([record]), record["id"])["result"] == "accepted"
    record["base_version"] = 1
    if start in ("approved", "returned"):
        decided = record | {"status": start, "review_comment": "Periksa lagi" if start == "returned" else None}
        assert _result(devices["supervisor"].push([decided]), record["id"])["result"] == "accepted"
        record = decided | {"base_version": 2}
    elif start in ("central_returned", "accepted", "done"):
        status = "returned" if start == "central_returned" else start
        with transaction(live.factory) as session:
            set_status(session=session, now=utcnow(), registration_id=record["id"], status=status, note="pusat")
        record |= {"status": status, "base_version": 2, "review_comment": "pusat" if status == "returned"
                   else record.get("review_comment")}
    return record


def _claim(record, target):
    """What a laptop would send to move ``record`` to ``target``: a return says why; keeping the status is an
    edit of the form."""
    claim = dict(record, status=target, version=record["version"] + 1)
    if target == "returned" and record["status"] != "returned":
        claim["review_comment"] = "Foto KK buram"
    if target == record["status"]:
        claim["data"] = VALID_EKTP | {"address": "Jl. Sudirman 9"}
    return claim


def test_no_push_moves_a_record_beyond_the_policy(live, people):
    devices, _ = people
    beyond, refused_within, rows, accepted = [], [], 0, 0
    for start, target, actor in itertools.product(STARTS, STATUSES, ACTORS):
        record = _prepare(live, people, start)
        before = live.scalar("SELECT version FROM registrations WHERE id = :i", i=record["id"])
        result = _result(devices[actor].push([_claim(record, target)]), record["id"])
        after = live.scalar("SELECT version FROM registrations WHERE id = :i", i=record["id"])
        status = live.scalar("SELECT status FROM registrations WHERE id = :i", i=record["id"])
        rows += 1
        applied = result["result"] == "accepted"
        accepted += applied
        assert result["result"] in ("accepted", "rejected"), (start, target, actor, result)
        if applied:
            assert status == target and after == (before or 0) + 1, (start, target, actor)
        else:
            assert after == before, (start, target, actor)  # nothing changed
            assert result.get("reason"), (start, target, actor)
            assert "server_record" not in result
        if applied and not allowed(actor, start, target):
            beyond.append((start, target, actor))
        if allowed(actor, start, target) and not applied:
            refused_within.append((start, target, actor, result.get("reason")))
    assert rows == len(STARTS) * len(STATUSES) * len(ACTORS) == 252
    assert beyond == []
    assert refused_within == []
    assert accepted == 25  # the moves the policy allows; the other 227 are refused


def test_a_refusal_about_someone_elses_record_tells_nothing_about_it(live, people):
    devices, owner_id = people
    record = _prepare(live, people, "approved")
    probe = dict(record, owner_id=live.users["m_budi"], status="submitted", base_version=7)
    result = _result(devices["outsider"].push([probe]), record["id"])
    unknown = make_record(live.users["m_siti"], devices["outsider"])
    other = _result(devices["outsider"].push([unknown]), unknown["id"])
    # The same answer as for a record that does not exist and is not theirs: no version, no copy, one reason.
    assert result["result"] == other["result"] == "rejected"
    assert result["server_version"] == other["server_version"] == 0
    assert result["reason"] == other["reason"]
    assert "server_record" not in result


def test_the_creating_device_is_the_one_that_sent_it_not_the_bodys_word(live, people):
    devices, owner_id = people
    record = make_record(owner_id, devices["owner"]) | {"device_id": devices["admin"].id}
    assert _result(devices["owner"].push([record]), record["id"])["result"] == "accepted"
    assert live.scalar("SELECT device_id FROM registrations WHERE id = :i", i=record["id"]) == devices["owner"].id


@pytest.mark.parametrize("data, word", [
    (VALID_EKTP | {"favourite_colour": "biru"}, "favourite_colour"),
    (VALID_EKTP | {"address": "x" * 1001}, "address"),
    (VALID_EKTP | {"address": {"street": {"no": 1}}}, "address"),
    (VALID_EKTP | {"rt": ["003"]}, "rt"),
    (VALID_EKTP | {"phone": 10**20}, "phone"),
])
def test_form_data_holds_only_the_kinds_fields_as_flat_values(live, people, data, word):
    devices, owner_id = people
    record = make_record(owner_id, devices["owner"], data=data)
    result = _result(devices["owner"].push([record]), record["id"])
    assert result["result"] == "rejected" and word in result["reason"]
    assert live.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=record["id"]) == 0


def test_a_follow_up_visit_may_change_its_own_fields_after_the_review(live, people):
    from app.follow_up import FOLLOW_UP_KEYS
    from app.kinds import kind_spec

    devices, owner_id = people
    screening = kind_spec("cataract").with_computed(dict(
        patient_name="Rohani", patient_nik="1603075507600003", patient_sex="2", patient_birth_date="1960-07-15",
        patient_province_code="16", patient_regency_code="16.03", patient_district_code="16.03.07",
        patient_village_code="16.03.07.1001", screening_date="2025-01-10", exam_status="1",
        right_presenting_va="5", right_pinhole_va="5", right_lens="2", left_presenting_va="3",
        left_pinhole_va="3", left_lens="2", principal_cause="3", surgery_barriers=["2", "3"]))
    record = make_record(owner_id, devices["owner"], data=screening) | {"kind": "cataract"}
    assert _result(devices["owner"].push([record]), record["id"])["result"] == "accepted"
    approved = record | {"status": "approved", "base_version": 1}
    assert _result(devices["supervisor"].push([approved]), record["id"])["result"] == "accepted"
    key = next(k for k in FOLLOW_UP_KEYS["cataract"] if "surgery" in k and "date" in k)
    visit = approved | {"base_version": 2, "data": screening | {key: "2025-02-01"}}
    out = _result(devices["owner"].push([visit]), record["id"])
    assert out["result"] == "accepted", out
    # The screening itself stays as the supervisor approved it.
    edit = visit | {"base_version": 3, "data": visit["data"] | {"patient_name": "Rohana"}}
    out = _result(devices["owner"].push([edit]), record["id"])
    assert out["result"] == "rejected" and "patient_name" in out["reason"]
