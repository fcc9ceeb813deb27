"""Saving and sending a form (app.form_service), without Qt: what every form page's autosave and "Send" call."""

from datetime import date, datetime

import pytest

from app import errors, form_service, registrations, status
from app.kinds.birth import group
from app.reference.regions import shipped_regions
from sample_records import valid_birth

TODAY = date(2025, 3, 1)
NOW = datetime(2025, 3, 1, 9, 0)
R = shipped_regions()
VALID = valid_birth()
FIRST = {"child_name": "Putri Aulia", "child_sex": "2", "child_birth_time": "07:30", "child_weight": "2,8"}
SECOND = {"child_name": "Putra Aulia", "child_weight": "2,9"}  # sex and time still to type


def save(session, actor, *, registration_id=None, expected_version=None, data=VALID, submit=False):
    return form_service.save_form(session, actor=actor, kind="birth", registration_id=registration_id,
                                  expected_version=expected_version, data=data, submit=submit, now=NOW,
                                  today=TODAY, regions=R)


def twins(session, actor, *, group_ids=(), children=(FIRST, SECOND), submit=False):
    return group.save_multiple_birth(session, actor=actor, group_ids=group_ids, shared=VALID,
                                            children=list(children), submit=submit, now=NOW, today=TODAY, regions=R)


def test_the_first_save_creates_the_record_and_later_saves_name_its_version(workspace, officer):
    with workspace.transaction() as s:
        first = save(s, officer, data={"child_name": "Ahmad"})
        assert first.status == status.DRAFT and first.issues == () and first.changed_ids == (first.id,)
        again = save(s, officer, registration_id=first.id, expected_version=first.version)
        assert again.id == first.id and again.version > first.version
        assert registrations.get(s, first.id).data["child_name"] == "Ahmad Fauzi"


def test_a_stale_version_is_refused_and_changes_nothing(workspace, officer):
    with workspace.transaction() as s:
        saved = save(s, officer, data={"child_name": "Ahmad"})
        save(s, officer, registration_id=saved.id, expected_version=saved.version)  # e.g. another window
    with pytest.raises(errors.StaleRecord), workspace.transaction() as s:
        save(s, officer, registration_id=saved.id, expected_version=saved.version, data={"child_name": "Lain"})
    with workspace.transaction() as s:
        assert registrations.get(s, saved.id).data["child_name"] == "Ahmad Fauzi"


def test_submit_sends_a_valid_form_and_keeps_an_invalid_one_a_draft_with_its_errors(workspace, officer):
    with workspace.transaction() as s:
        invalid = save(s, officer, data={**VALID, "child_sex": ""}, submit=True)
        assert invalid.status == status.DRAFT
        assert any(i.is_error and i.field == "child_sex" for i in invalid.issues)
        sent = save(s, officer, registration_id=invalid.id, expected_version=invalid.version, submit=True)
        assert sent.status == status.SUBMITTED and not any(i.is_error for i in sent.issues)


def test_a_person_already_on_the_laptop_is_named_by_nik(workspace, officer):
    with workspace.transaction() as s:
        save(s, officer)
        second = save(s, officer, data={**VALID, "child_name": "Adik Fauzi", "child_birth_order": "2"})
    assert second.linked_nik in (VALID["mother_nik"], VALID["father_nik"])


def test_twins_are_created_together_one_application_per_child(workspace, officer):
    with workspace.transaction() as s:
        saved = twins(s, officer)
        assert len(saved.group_ids) == 2 and saved.id == saved.group_ids[0]
        assert saved.changed_ids == saved.group_ids
        first, second = (registrations.get(s, rid) for rid in saved.group_ids)
        assert first.group_id == second.group_id is not None
        assert (first.data["child_name"], second.data["child_name"]) == ("Putri Aulia", "Putra Aulia")
        again = twins(s, officer, group_ids=saved.group_ids)
        assert again.group_ids == saved.group_ids  # saved again, not created again


def test_twins_are_sent_all_or_none(workspace, officer):
    with workspace.transaction() as s:
        saved = twins(s, officer, submit=True)
        # The second baby's sex is missing: neither is sent, and the error names the second child's row.
        assert saved.status == status.DRAFT
        assert [registrations.get(s, rid).status for rid in saved.group_ids] == [status.DRAFT] * 2
        assert any(i.is_error and i.field == "twin2_child_sex" for i in saved.issues)
        complete = {**SECOND, "child_sex": "1", "child_birth_time": "07:42"}
        sent = twins(s, officer, group_ids=saved.group_ids, children=(FIRST, complete), submit=True)
        assert sent.status == status.SUBMITTED
        assert [registrations.get(s, rid).status for rid in sent.group_ids] == [status.SUBMITTED] * 2


def test_opening_a_form_reads_its_data_version_and_whether_it_may_be_edited(workspace, officer):
    with workspace.transaction() as s:
        sent = save(s, officer, submit=True)
        opened = form_service.open_form(s, registration_id=sent.id)
    assert opened.data["child_name"] == "Ahmad Fauzi" and opened.version == sent.version
    assert opened.status == status.SUBMITTED and not opened.editable and opened.review_note is None
