"""One family across the three services: the mother's e-KTP, her baby's birth application (twins), and the
grandmother's cataract screening, each person on their own page with every role they play."""

from datetime import date, datetime, timedelta

from app import follow_up, persons, registrations as regs
from app.kinds.birth import group

T0 = datetime(2026, 11, 2, 9, 0)
MOTHER_NIK = "1603054506900003"  # born 05-06-1990, female
GRANDMA_NIK = "1603054107550001"  # born 01-07-1955, female


def test_family_across_services_on_person_pages(workspace, officer):
    with workspace.transaction() as s:
        ektp = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                 data={"nik": MOTHER_NIK, "name": "RINA MARLINA", "birth_date": "1990-06-05"})
        shared = {"mother_nik": MOTHER_NIK, "mother_name": "RINA MARLINA", "father_name": "AHMAD RIFAI",
                  "reporter_name": "AHMAD RIFAI", "child_birth_date": "2026-10-30", "child_birth_place": "16.03"}
        twins = group.create_multiple_birth(s, actor=officer, shared=shared, now=T0,
                                           children=[{"child_name": "PUTRA", "child_sex": "1"},
                                                     {"child_name": "PUTRI", "child_sex": "2"}])
        screening = regs.create_draft(s, actor=officer, kind="cataract", now=T0, data={
            "patient_nik": GRANDMA_NIK, "patient_name": "MAIMUNAH", "patient_village_code": "16.03.05.2001",
            "screening_date": "2026-11-02", "referred": True, "referral_date": "2026-11-20"})
        s.flush()

        mother = persons.find_by_nik(s, MOTHER_NIK)
        roles = sorted((link.role, link.kind) for link in persons.registrations_of(s, mother.id))
        assert roles == [("mother", "birth"), ("mother", "birth"), ("subject", "ektp")]
        grandma = persons.find_by_nik(s, GRANDMA_NIK)
        assert [(link.role, link.registration_id) for link in persons.registrations_of(s, grandma.id)] == [
            ("patient", screening.id)]
        # Each twin is the subject of their own application; the list shows the child.
        assert sorted(t.subject_name for t in twins) == ["PUTRA", "PUTRI"]
        assert twins[0].group_id == twins[1].group_id
        assert [r.id for r in regs.siblings(s, twins[0].id)] == [twins[1].id]
        child = regs.get(s, twins[0].id).person
        assert child.birth_place != "16.03" and child.birth_place  # the regency's name, not its code
        assert ektp.person_id == mother.id


def test_referred_patient_appears_on_the_follow_up_list_until_operated(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="cataract", now=T0, data={
            "patient_name": "MAIMUNAH", "patient_village_code": "16.03.05.2001", "screening_date": "2026-11-02",
            "referred": True, "referral_date": "2026-11-20"})
        due = follow_up.follow_ups(s, until=date(2026, 12, 31))
        assert [(f.registration_id, f.due_date, f.action) for f in due] == [(reg.id, date(2026, 11, 20), "surgery")]
        assert follow_up.follow_ups(s, until=date(2026, 11, 19)) == []
        assert follow_up.follow_ups(s, village_prefix="16.71") == []
        regs.save_draft(s, actor=officer, registration_id=reg.id, now=T0 + timedelta(days=20), data=dict(
            reg.data, surgery_attended=True, operated_eye="1", surgery_date="2026-11-20"))
        after = follow_up.follow_ups(s)
        assert [(f.due_date, f.action) for f in after] == [(date(2026, 11, 21), "postop_day1")]
