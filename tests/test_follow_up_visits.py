"""A follow-up visit recorded on a screening already sent for review: the surgery and the post-operative checks
move the patient along the follow-up list and off it, and the record goes to the server again."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app import auth, registrations, status
from app.errors import NotAllowed
from app.follow_up import FOLLOW_UP_KEYS, follow_ups, record_follow_up
from app.reference.regions import shipped_regions
from db.models import Registration
from sync import records

R = shipped_regions()
NOW = datetime(2025, 3, 1, 9, 0)
SCREENED = dict(
    patient_name="Rohani", patient_nik="1603075507600003", patient_sex="2", patient_birth_date="1960-07-15",
    patient_province_code="16", patient_regency_code="16.03", patient_district_code="16.03.07",
    patient_village_code="16.03.07.1001", screening_date="2025-01-10", exam_status="1",
    right_presenting_va="5", right_pinhole_va="5", right_lens="2",
    left_presenting_va="3", left_pinhole_va="3", left_lens="2",
    principal_cause="3", surgery_barriers=["2", "3"],
    referred=True, referral_eye="1", referral_facility="RSUD Dr. H.M. Rabain Muara Enim",
    referral_date="2025-01-10", bpjs_status="1", surgery_scheduled_date="2025-03-20",
)
SURGERY = {"surgery_attended": True, "operated_eye": "1", "surgery_date": "2025-03-20"}


def submitted(workspace, actor) -> str:
    with workspace.transaction() as s:
        reg = registrations.create_draft(s, actor=actor, kind="cataract", now=NOW, data=SCREENED)
        assert not registrations.submit(s, actor=actor, registration_id=reg.id, now=NOW, today=date(2025, 3, 1),
                                        regions=R)
        return reg.id


def record(workspace, actor, rid, updates, today):
    with workspace.transaction() as s:
        return record_follow_up(s, actor=actor, registration_id=rid, updates=updates,
                                now=datetime.combine(today, datetime.min.time()), today=today, regions=R)


def user(workspace, username, role):
    with workspace.transaction() as s:
        u = auth.create_user(s, username=username, full_name=username.title(), password="rahasia123", role=role,
                             now=NOW)
        return auth.Actor(u.id, u.username, u.full_name, u.role, workspace.device_id)


def test_follow_up_keys_are_the_referral_surgery_and_postop_sections():
    keys = FOLLOW_UP_KEYS["cataract"]
    assert {"referred", "referral_facility", "bpjs_status", "surgery_attended", "operated_eye", "surgery_date",
            "right_postop_day1_va", "left_postop_week4_va", "postop_week4_date"} <= set(keys)
    assert "patient_name" not in keys and "right_presenting_va" not in keys


def test_surgery_then_checks_move_the_patient_along_and_off_the_list(workspace, officer):
    rid = submitted(workspace, officer)
    with workspace.transaction() as s:
        [due] = follow_ups(s)
        assert (due.registration_id, due.action, due.due_date) == (rid, "surgery", date(2025, 3, 20))

    assert not [i for i in record(workspace, officer, rid, SURGERY, date(2025, 3, 21)) if i.is_error]
    with workspace.transaction() as s:
        [due] = follow_ups(s)
        assert (due.action, due.due_date) == ("postop_day1", date(2025, 3, 21))
        reg = registrations.get(s, rid)
        assert reg.status == status.SUBMITTED  # the review goes on; only the follow-up fields changed
        assert reg.data["patient_name"] == "Rohani"

    record(workspace, officer, rid, {"right_postop_day1_va": "3", "postop_day1_date": "2025-03-21"},
           date(2025, 3, 21))
    with workspace.transaction() as s:
        assert [d.action for d in follow_ups(s)] == ["postop_week4"]
    issues = record(workspace, officer, rid, {"right_postop_week4_va": "1", "postop_week4_date": "2025-04-20"},
                    date(2025, 4, 20))
    assert not [i for i in issues if i.is_error]
    with workspace.transaction() as s:
        assert follow_ups(s) == []


def test_a_visit_makes_the_record_pending_with_a_follow_up_history_entry(workspace, officer):
    rid = submitted(workspace, officer)
    with workspace.transaction() as s:
        # As after a sync and a status from the server: nothing waits to be sent.
        reg = s.get(Registration, rid)
        reg.status, reg.server_version, reg.synced_version, reg.sync_state = status.ACCEPTED, 4, reg.version, "synced"
        assert rid not in [r for r, _v in records.pending(s, owners=None)]
        version = reg.version

    record(workspace, officer, rid, SURGERY, date(2025, 3, 21))
    with workspace.transaction() as s:
        reg = s.get(Registration, rid)
        assert (reg.version, reg.sync_state, reg.status) == (version + 1, "pending", status.ACCEPTED)
        assert (rid, version + 1) in records.pending(s, owners=None)
        [sent] = records.build(s, [rid])
        assert (sent.base_version, sent.status, sent.data["surgery_date"]) == (4, "accepted", "2025-03-20")
        last = registrations.history(s, rid)[-1]
        assert last.action == "follow_up"
        assert last.changes == {"operated_eye": [None, "1"], "surgery_attended": [None, True],
                                "surgery_date": [None, "2025-03-20"]}


def test_invalid_visit_changes_nothing_and_says_why(workspace, officer):
    rid = submitted(workspace, officer)
    with workspace.transaction() as s:
        before = (s.get(Registration, rid).version, dict(s.get(Registration, rid).data))
    issues = record(workspace, officer, rid, {**SURGERY, "surgery_date": "2025-01-05"}, date(2025, 3, 21))
    assert [(i.field, i.code) for i in issues if i.is_error] == [("surgery_date", "date_order")]
    with workspace.transaction() as s:
        reg = s.get(Registration, rid)
        assert (reg.version, reg.data) == before
        assert reg.due_action == "surgery"
        assert registrations.history(s, rid)[-1].action == "submit"


def test_only_follow_up_fields_and_only_past_draft(workspace, officer):
    rid = submitted(workspace, officer)
    with pytest.raises(NotAllowed):
        record(workspace, officer, rid, {"patient_name": "Orang Lain"}, date(2025, 3, 21))
    with pytest.raises(NotAllowed):
        record(workspace, officer, rid, {**SURGERY, "right_lens": "4"}, date(2025, 3, 21))
    with workspace.transaction() as s:
        draft = registrations.create_draft(s, actor=officer, kind="cataract", now=NOW, data=SCREENED).id
    with pytest.raises(NotAllowed):  # a draft has its form
        record(workspace, officer, draft, SURGERY, date(2025, 3, 21))
    with workspace.transaction() as s:
        # unchanged, but for the WHO category the domain worked out when the screening was stored
        assert registrations.get(s, rid).data == {**SCREENED, "who_category": "3"}


def test_officers_record_only_their_own_patients_supervisors_any(workspace, officer):
    rid = submitted(workspace, officer)
    other = user(workspace, "budi", "officer")
    with pytest.raises(NotAllowed):
        record(workspace, other, rid, SURGERY, date(2025, 3, 21))
    supervisor = user(workspace, "wati", "supervisor")
    record(workspace, supervisor, rid, SURGERY, date(2025, 3, 21))
    with workspace.transaction() as s:
        assert registrations.get(s, rid).due_action == "postop_day1"
        assert registrations.history(s, rid)[-1].user_name == "Wati"


def test_a_saved_visit_names_the_record_it_changed_and_a_refused_one_none(workspace, officer):
    from app.follow_up_visit import save_visit

    rid = submitted(workspace, officer)
    today = date(2025, 3, 21)
    with workspace.transaction() as s:
        refused = save_visit(s, actor=officer, registration_id=rid, updates={**SURGERY, "surgery_date": "2025-01-05"},
                             now=NOW, today=today, regions=R)
    assert not refused.stored and refused.changed_ids == []
    assert [i.field for i in refused.issues if i.is_error] == ["surgery_date"]
    with workspace.transaction() as s:
        saved = save_visit(s, actor=officer, registration_id=rid, updates=SURGERY, now=NOW, today=today, regions=R)
    assert saved.stored and saved.changed_ids == [rid]
