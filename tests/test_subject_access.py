"""A citizen's rights over their data (issue 11 item 9): everything held about them exported (JSON here, the PDF
in tests/test_ui_subject_access.py), a correction with a reason kept beside the old value, both audited without
the data; an officer reaches only the people in their own records."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from app import auth, person_view, registrations as regs, subject_access
from db.models import AuditEvent, Person

T0 = datetime(2026, 11, 2, 9, 0)
NIK = "1603054506900003"


@pytest.fixture
def rina(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                data={"nik": NIK, "name": "RINA MARLINA", "birth_place": "MUARA ENIM",
                                      "birth_date": "1990-06-05"})
        person = s.scalar(select(Person).where(Person.nik == NIK))
        return person.id, reg.id


def audit_details(workspace, action):
    with workspace.transaction() as s:
        return [e.detail for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def test_the_json_export_holds_everything_and_the_audit_nothing(workspace, officer, rina, tmp_path):
    person_id, reg_id = rina
    out = tmp_path / "rina.json"
    with workspace.transaction() as s:
        subject_access.export_json(s, actor=officer, person_id=person_id, path=out, now=T0)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == subject_access.FORMAT
    assert data["person"]["nik"] == NIK and data["person"]["name"] == "RINA MARLINA"
    (held,) = data["registrations"]
    assert held["id"] == reg_id and held["role"] == "subject" and held["data"]["birth_place"] == "MUARA ENIM"
    assert held["history"][0]["action"] == "create" and held["owner"] == "Siti Aminah"
    (detail,) = audit_details(workspace, "subject_export")
    assert detail == f"person={person_id} format=json registrations=1"
    assert NIK not in detail and "RINA" not in detail


def test_a_correction_keeps_the_old_value_and_the_reason(workspace, officer, rina):
    person_id, _ = rina
    with workspace.transaction() as s:
        done = subject_access.correct(s, actor=officer, person_id=person_id,
                                      values={"name": "RINA  MARLINAH ", "birth_place": "MUARA ENIM"},
                                      reason="Sesuai KTP yang ditunjukkan", now=T0)
    assert done.changes == {"name": ["RINA MARLINA", "RINA MARLINAH"]}
    with workspace.transaction() as s:
        shown = person_view.load_person(s, person_id=person_id)
    assert shown.person.name == "RINA MARLINAH"
    (correction,) = shown.corrections
    assert correction["changes"] == {"name": ["RINA MARLINA", "RINA MARLINAH"]}
    assert correction["reason"] == "Sesuai KTP yang ditunjukkan" and correction["by"] == "Siti Aminah"
    assert audit_details(workspace, "subject_correction") == [f"person={person_id} fields=name"]


@pytest.mark.parametrize("values, reason, message", [
    ({"name": "X"}, "  ", subject_access.MSG_NO_REASON),
    ({"name": "RINA MARLINA"}, "sama", subject_access.MSG_NOTHING),
    ({"nik": "123"}, "salah ketik", subject_access.MSG_BAD_NIK),
    ({"birth_date": "05-06-1990"}, "salah ketik", subject_access.MSG_BAD_DATE),
])
def test_a_bad_correction_changes_nothing(workspace, officer, rina, values, reason, message):
    person_id, _ = rina
    with workspace.transaction() as s, pytest.raises(subject_access.SubjectAccessError) as refused:
        subject_access.correct(s, actor=officer, person_id=person_id, values=values, reason=reason, now=T0)
    assert refused.value.template == message and refused.value.text("id") != message  # said in Indonesian
    with workspace.transaction() as s:
        assert person_view.load_person(s, person_id=person_id).corrections == []
    assert audit_details(workspace, "subject_correction") == []


def test_an_officer_reaches_only_the_people_in_their_own_records(workspace, officer, rina, tmp_path):
    person_id, _ = rina
    with workspace.transaction() as s:
        other = auth.create_user(s, username="budi", full_name="Budi", password="kebun-kopi-7", role="officer",
                                 now=T0)
        budi = auth.Actor(other.id, "budi", "Budi", "officer", officer.device_id)
        with pytest.raises(subject_access.SubjectAccessError):
            subject_access.gather(s, actor=budi, person_id=person_id, now=T0)
        with pytest.raises(subject_access.SubjectAccessError):
            subject_access.correct(s, actor=budi, person_id=person_id, values={"name": "X"}, reason="r", now=T0)
