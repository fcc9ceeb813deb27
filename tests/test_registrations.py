import importlib.util
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from app import errors, registrations as regs
from app.auth import Actor
from db import name_search
from db.models import Person, Registration

T0 = datetime(2026, 11, 2, 9, 0)


def test_draft_saved_with_search_columns_and_person(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0)
        regs.save_draft(s, actor=officer, registration_id=reg.id, now=T0,
                        data={"nik": "1603054506900003", "name": "Rina  Marlina", "village_code": "16.03.05.2001"})
    with workspace.transaction() as s:
        reg = regs.get(s, reg.id)
        assert reg.status == "draft" and reg.version == 2
        assert reg.subject_name_key == "rina marlina"
        assert reg.person.nik == "1603054506900003" and reg.person.name == "Rina  Marlina"


def test_same_nik_links_to_existing_person_instead_of_a_second_one(workspace, officer):
    data = {"nik": "1603054506900003", "name": "Rina Marlina"}
    with workspace.transaction() as s:
        first = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=data)
        second = regs.create_draft(s, actor=officer, kind="ektp", now=T0)
        result = regs.save_draft(s, actor=officer, registration_id=second.id, data=data, now=T0)
        assert result.linked_existing_person
        assert first.person_id == second.person_id
        assert s.query(Person).count() == 1


def test_changing_nik_to_a_known_one_drops_the_orphan_person(workspace, officer):
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"nik": "1603054506900003", "name": "A"})
        other = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "A"})
        assert s.query(Person).count() == 2
        regs.save_draft(s, actor=officer, registration_id=other.id, now=T0,
                        data={"nik": "1603054506900003", "name": "A"})
        assert s.query(Person).count() == 1


def test_autosave_edits_coalesce_into_one_history_entry_with_first_old_value(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0)
        for i, name in enumerate(["R", "Ri", "Rin", "Rina"]):
            regs.save_draft(s, actor=officer, registration_id=reg.id, data={"name": name},
                            now=T0 + timedelta(seconds=i))
        regs.save_draft(s, actor=officer, registration_id=reg.id, data={"name": "Rina", "sex": "2"},
                        now=T0 + timedelta(minutes=30))
        entries = regs.history(s, reg.id)
    assert [e.action for e in entries] == ["create", "edit", "edit"]
    assert entries[1].changes == {"name": [None, "Rina"]}
    assert entries[2].changes == {"sex": [None, "2"]}
    assert entries[1].user_name == "Siti Aminah"


def test_stale_version_is_refused(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "A"})
        regs.save_draft(s, actor=officer, registration_id=reg.id, data={"name": "B"}, now=T0, expected_version=1)
        # A second window still holding version 1 must not overwrite what the first one saved.
        with pytest.raises(errors.StaleRecord):
            regs.save_draft(s, actor=officer, registration_id=reg.id, data={"name": "C"}, now=T0,
                            expected_version=1)
        assert regs.get(s, reg.id).data == {"name": "B"}


def test_officer_cannot_edit_someone_elses_record_or_approve(workspace, officer):
    intruder = Actor("someone-else", "budi", "Budi", "officer", workspace.device_id)
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "A"})
        with pytest.raises(errors.NotAllowed):
            regs.save_draft(s, actor=intruder, registration_id=reg.id, data={"name": "B"}, now=T0)
        with pytest.raises(errors.NotAllowed):
            regs.transition(s, actor=officer, registration_id=reg.id, action="approve", now=T0)


def test_search_by_nik_prefix_and_name_part_newest_first(workspace, officer):
    people = [("1603054506900003", "Rina Marlina"), ("1603051201850001", "Ahmad Rifai"),
              ("1671014107600002", "Marlina Sari")]
    with workspace.transaction() as s:
        for i, (nik, name) in enumerate(people):
            regs.create_draft(s, actor=officer, kind="ektp", now=T0 + timedelta(minutes=i),
                              data={"nik": nik, "name": name})
        assert [r.subject_name for r in regs.search(s, text="160305")] == ["Ahmad Rifai", "Rina Marlina"]
        assert [r.subject_name for r in regs.search(s, text="MARLINA")] == ["Marlina Sari", "Rina Marlina"]
        assert regs.search(s, text="50%")== []  # wildcard characters are literal
        assert regs.count(s, text="marlina") == 2
        assert regs.count(s, kind="ektp", state="draft") == 3
        assert [r.subject_name for r in regs.search(s, offset=1, limit=1)] == ["Ahmad Rifai"]


def test_filter_by_village_or_any_region_above_it(workspace, officer):
    with workspace.transaction() as s:
        for village, name in [("16.03.05.2001", "A"), ("16.03.07.1001", "B"), ("16.71.01.1001", "C")]:
            regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": name, "village_code": village})
        assert sorted(r.subject_name for r in regs.search(s, village="16.03")) == ["A", "B"]
        assert [r.subject_name for r in regs.search(s, village="16.03.07.1001")] == ["B"]
        assert regs.count(s, village="16.71") == 1


def test_search_finds_a_record_by_its_receipt_number_or_qr_content(workspace, officer):
    """What the citizen holds (the printed number, the QR code) finds the record, typed in any case."""
    from app.registration_number import parse_number, qr_payload, registration_number

    with workspace.transaction() as s:
        made = [regs.create_draft(s, actor=officer, kind=kind, now=T0 + timedelta(hours=i), data={"name": f"P{i}"})
                for i, kind in enumerate(["ektp", "ektp", "birth", "ektp"])]
        s.flush()
        for reg in made:
            number = registration_number(reg.id, reg.kind, reg.created_at)
            for typed in (number, number.lower(), f"  {number[:4]} {number[4:]} "):
                assert [r.id for r in regs.search(s, text=typed)] == [reg.id], typed
            assert [r.id for r in regs.search(s, text=qr_payload(reg.id, "CODE1234"))] == [reg.id]
            assert regs.count(s, text=reg.id.upper()) == 1
        # The same tail on another day or for another service is another record.
        number = registration_number(made[0].id, "ektp", made[0].created_at)
        assert regs.search(s, text=number.replace("KTP", "AKL")) == []
        assert regs.search(s, text=number[:4] + "261103" + number[10:]) == []
        assert parse_number("KTP-261302-ABCDEF") is None  # month 13


def like_ids(session, text: str) -> list[str]:
    """What the name search gave before the index (a LIKE over every name), newest first."""
    query = (select(Registration.id).where(regs._name_like(regs.name_key(text)))
             .order_by(Registration.updated_at.desc(), Registration.id.desc()))
    return list(session.scalars(query))


def found_ids(session, text: str, **kw) -> list[str]:
    return [r.id for r in regs.search(session, text=text, limit=1000, **kw)]


NAMES = ("Siti Aminah", "Ahmad Rifa'i", "Nur   Aini", "ANI SURYANI", 'Dewi "Ica" Lestari', "Çağlar Öztürk",
         "50% Amin_ah", "Maria\tUlfa", "Muhammad Ali bin Abdullah")


def test_name_search_finds_exactly_what_a_like_over_every_name_found(workspace, officer, monkeypatch):
    """Every part of every name, with the index and without: the same records in the same order, and the same
    count, whether the page is looked up from few matches or found walking the list's order."""
    with workspace.transaction() as s:
        for i, name in enumerate(NAMES):
            regs.create_draft(s, actor=officer, kind="ektp", now=T0 + timedelta(minutes=i), data={"name": name})
            regs.create_draft(s, actor=officer, kind="birth", now=T0 + timedelta(minutes=i, seconds=30), data={
                "child_name": NAMES[-1 - i], "mother_name": NAMES[(i + 2) % len(NAMES)],
                "father_name": NAMES[(i + 5) % len(NAMES)] if i % 2 else "", "reporter_name": "Pak Lurah Darmawan"})
        keys = {regs.name_key(n) for n in NAMES}
        queries = {k[a:a + n] for k in keys for n in range(1, 7) for a in range(len(k) - n + 1)}
        queries |= {"lurah", "darmawan", "zzz", 'a "ica"', "50%", "n_a", "i a", "ÇAĞ", "ulfa", "MARIA ULFA"}
        queries = {q for q in queries if not q.strip().isdigit()}  # digits search the NIK
        for few in (0, 10_000):
            monkeypatch.setattr(regs, "FEW_MATCHES", few)
            for q in sorted(queries):
                expected = like_ids(s, q)
                assert found_ids(s, q) == expected, (q, few)
                assert regs.count(s, text=q) == len(expected), q
                assert [r.id for r in regs.search(s, text=q, offset=1, limit=2)] == expected[1:3], q
        assert found_ids(s, "lurah") == []  # a reporter is not whom a birth is looked up by
        assert len(found_ids(s, "amin")) == 7  # 2 e-KTPs; births of 2 children, of 2 mothers, of 1 father


def test_a_renamed_or_removed_record_is_found_by_what_it_holds_now(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Rina Marlina"})
        other = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Marlina Sari"})
    with workspace.transaction() as s:
        assert found_ids(s, "marlina") == sorted([reg.id, other.id], reverse=True)
        regs.save_draft(s, actor=officer, registration_id=reg.id, now=T0 + timedelta(minutes=1),
                        data={"name": "Rini Susanti"})
    with workspace.transaction() as s:
        assert found_ids(s, "marlina") == [other.id] and found_ids(s, "rina") == []
        assert found_ids(s, "susan") == [reg.id] and regs.count(s, text="rini sus") == 1
        s.execute(delete(Registration).where(Registration.id == other.id))
        assert found_ids(s, "marlina") == [] and regs.count(s, text="sari") == 0
        # Nothing of it stays in the index either.
        assert s.scalar(select(func.count()).select_from(name_search.ids)) == 1
        assert s.scalar(select(func.count()).select_from(name_search.names)) == 1


def test_the_name_index_holds_the_roles_the_kinds_search_by():
    """Migration 0015's triggers name the roles as they were then: a change of ``searched_roles`` needs a new one."""
    from app.kinds import KINDS

    path = Path(regs.__file__).parent.parent / "db" / "migrations" / "versions" / "0015_name_search.py"
    spec = importlib.util.spec_from_file_location("name_search_migration", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert migration.ROLES == tuple(sorted({r for k in KINDS.values() for r in k.searched_roles}))
