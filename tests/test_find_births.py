"""A birth application is found by its parents' names and NIKs, and listed with the mother's NIK and village."""

from datetime import datetime, timedelta

from app import record_views, registrations as regs

T0 = datetime(2026, 11, 2, 9, 0)
MOTHER_NIK, FATHER_NIK = "1603054506900003", "1603051201850001"
VILLAGE = "16.71.01.1001"  # Tiga-puluh-lima Ilir, Palembang


def _family(session, officer):
    """The mother's e-KTP recording first (it gives her village), then her baby's birth application."""
    ektp = regs.create_draft(session, actor=officer, kind="ektp", now=T0,
                             data={"name": "Rina Marlina", "nik": MOTHER_NIK, "village_code": VILLAGE})
    birth = regs.create_draft(session, actor=officer, kind="birth", now=T0 + timedelta(minutes=1),
                              data={"child_name": "Putri", "mother_name": "Rina Marlina", "mother_nik": MOTHER_NIK,
                                    "father_name": "Budi Santoso", "father_nik": FATHER_NIK,
                                    "reporter_name": "Pak Lurah"})
    return ektp, birth


def test_birth_is_found_by_the_mothers_and_fathers_name_and_nik(workspace, officer):
    with workspace.transaction() as s:
        ektp, birth = _family(s, officer)
        assert [r.id for r in regs.search(s, text="marlina")] == [birth.id, ektp.id]
        assert [r.id for r in regs.search(s, text=MOTHER_NIK[:8])] == [birth.id, ektp.id]
        assert [r.id for r in regs.search(s, text="SANTOSO")] == [birth.id]
        assert [r.id for r in regs.search(s, text=FATHER_NIK)] == [birth.id]
        assert regs.count(s, text="santoso") == 1 and regs.count(s, text=MOTHER_NIK) == 2
        assert [r.id for r in regs.search(s, text="putri")] == [birth.id]  # the child, as before
        assert regs.search(s, text="lurah") == []  # the reporter is not whom the family is looked up by
        assert regs.search(s, text="santoso", kind="ektp") == []


def test_birth_row_shows_the_mothers_nik_and_her_village(workspace, officer):
    with workspace.transaction() as s:
        ektp, birth = _family(s, officer)
        rows = {r.id: r for r in regs.search(s)}
        assert rows[birth.id].subject_nik is None
        assert (rows[birth.id].other_nik, rows[birth.id].other_nik_role) == (MOTHER_NIK, "mother")
        assert rows[birth.id].village_code == VILLAGE
        assert rows[ektp.id].other_nik is None  # an e-KTP row has its own NIK
        assert [r.id for r in regs.search(s, village="16.71.01")] == [birth.id, ektp.id]
        [page_row] = [r for r in record_views.fetch_page(s, record_views.RecordQuery(kind="birth"), 0, 10)]
        assert page_row.village_name == "Tiga-puluh-lima Ilir"


def test_birth_village_follows_the_mother_and_survives_later_saves(workspace, officer):
    with workspace.transaction() as s:
        _, birth = _family(s, officer)
        regs.save_draft(s, actor=officer, registration_id=birth.id, now=T0 + timedelta(minutes=2),
                        data={**birth.data, "child_birth_time": "07:30"})
        assert regs.get(s, birth.id).village_code == VILLAGE
        # Another mother, not known on this laptop: no village to claim.
        regs.save_draft(s, actor=officer, registration_id=birth.id, now=T0 + timedelta(minutes=3),
                        data={**birth.data, "mother_nik": "1603054506900011", "mother_name": "Sari"})
        assert regs.get(s, birth.id).village_code is None


def test_a_birth_is_found_by_its_parents_as_they_are_now(workspace, officer):
    """The parents' names come from their person records: a correction on the mother's e-KTP, or another mother
    or father typed on the birth, moves what the birth is found by, the moment it is saved."""
    with workspace.transaction() as s:
        ektp, birth = _family(s, officer)
    with workspace.transaction() as s:
        regs.save_draft(s, actor=officer, registration_id=ektp.id, now=T0 + timedelta(minutes=2),
                        data={**ektp.data, "name": "Rina Marliana"})
        assert [r.id for r in regs.search(s, text="marliana")] == [ektp.id, birth.id]
        assert regs.search(s, text="marlina") == [] and regs.count(s, text="marlina") == 0
    with workspace.transaction() as s:
        regs.save_draft(s, actor=officer, registration_id=birth.id, now=T0 + timedelta(minutes=3),
                        data={**birth.data, "mother_nik": "1603054506900011", "mother_name": "Sari Dewi",
                              "father_nik": "", "father_name": "Joko Susilo"})
        assert [r.id for r in regs.search(s, text="sari dewi")] == [birth.id]
        assert [r.id for r in regs.search(s, text="marliana")] == [ektp.id]  # no longer the birth's mother
        assert [r.id for r in regs.search(s, text="susilo")] == [birth.id]
        assert regs.search(s, text="santoso") == []
        assert [r.id for r in regs.search(s, text="putri")] == [birth.id]
