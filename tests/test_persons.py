from datetime import datetime

from app import persons, registrations as regs
from db.models import Person, RegistrationPerson

T0 = datetime(2026, 11, 2, 9, 0)


def test_registration_links_its_subject_and_person_page_lists_it(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                data={"nik": "1603054506900003", "name": "RINA MARLINA"})
        person = persons.find_by_nik(s, "1603054506900003")
        links = persons.registrations_of(s, person.id)
    assert [(link.role, link.registration_id, link.kind) for link in links] == [("subject", reg.id, "ektp")]


def test_empty_form_field_never_erases_what_another_form_recorded(workspace, officer):
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                          data={"nik": "1603054506900003", "name": "RINA MARLINA", "birth_place": "LAHAT"})
        regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                          data={"nik": "1603054506900003", "name": "RINA MARLINA"})
        person = persons.find_by_nik(s, "1603054506900003")
        assert person.birth_place == "LAHAT"
        assert len(persons.registrations_of(s, person.id)) == 2


def test_typing_a_different_nik_over_a_linked_person_does_not_rename_them(workspace, officer):
    with workspace.transaction() as s:
        first = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                  data={"nik": "1603054506900003", "name": "RINA"})
        second = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                   data={"nik": "1603054506900003", "name": "RINA"})
        regs.save_draft(s, actor=officer, registration_id=second.id, now=T0,
                        data={"nik": "1603051201850001", "name": "AHMAD"})
        assert persons.find_by_nik(s, "1603054506900003").name == "RINA"
        assert regs.get(s, first.id).person.nik == "1603054506900003"
        assert regs.get(s, second.id).person.nik == "1603051201850001"


def test_same_name_and_birth_date_without_nik_is_flagged_not_merged(workspace, officer):
    data = {"name": "Maimunah", "birth_date": "1950-07-01", "village_code": "16.03.05.2001"}
    with workspace.transaction() as s:
        a = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=data)
        b = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=dict(data, name="MAIMUNAH "))
        c = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                              data=dict(data, village_code="16.71.01.1001"))
        s.flush()
        assert s.query(Person).count() == 3
        dups = persons.possible_duplicates(s, a.person)
        assert [p.id for p in dups] == [b.person_id]
        assert c.person_id not in [p.id for p in dups]


def test_person_search_by_nik_prefix_or_name_part(workspace, officer):
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"nik": "1603054506900003", "name": "RINA"})
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"nik": "1671014107600002", "name": "SARI"})
        assert [p.name for p in persons.search(s, "16030")] == ["RINA"]
        assert [p.name for p in persons.search(s, "ar")] == ["SARI"]
        assert s.query(RegistrationPerson).count() == 2
