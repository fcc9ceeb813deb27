"""The one writer of versions, history and sync state (app.record_changes), without Qt and without a server."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app import auth, record_changes as rc
from app import registrations as regs
from app import status
from db.ids import new_id
from db.models import Registration, RegistrationChange, SyncConflict

T0 = datetime(2026, 11, 2, 9, 0)


def _new(s, officer, **data):
    reg = Registration(id=new_id(), kind="ektp", status=status.DRAFT,
                       owner_id=officer.user_id, device_id=officer.device_id, created_at=T0, updated_at=T0,
                       data=data, subject_name="", subject_name_key="")
    changed = rc.created(s, reg, user_id=officer.user_id, now=T0, changes={k: [None, v] for k, v in data.items()})
    s.flush()
    return reg, changed


def _entries(s, reg):
    return s.scalars(select(RegistrationChange).where(RegistrationChange.registration_id == reg.id)
                     .order_by(RegistrationChange.id)).all()


def _waiting_ids(s):
    return set(s.scalars(select(Registration.id).where(rc.waiting())))


def _edit(s, reg, officer, at, **values):
    changes = {k: [(reg.data or {}).get(k), v] for k, v in values.items()}
    reg.data = {**(reg.data or {}), **values}
    return rc.new_version(s, reg, user_id=officer.user_id, now=at, action="edit", changes=changes)


def _submitted(s, reg, officer, at=T0):
    old = reg.status
    reg.status = status.SUBMITTED
    return rc.new_version(s, reg, user_id=officer.user_id, now=at, action="submit",
                          changes={"status": [old, reg.status]})


def test_a_new_record_is_version_1_local_with_a_create_entry(workspace, officer):
    with workspace.transaction() as s:
        reg, changed = _new(s, officer, name="Rina")
        assert (reg.version, reg.synced_version, reg.server_version, reg.sync_state) == (1, 0, 0, rc.LOCAL)
        assert [(e.action, e.version, e.changes) for e in _entries(s, reg)] == [("create", 1, {"name": [None, "Rina"]})]
        assert changed == rc.Changed(frozenset({reg.id}), content=True, status=True, sync=True)
        assert reg.id not in _waiting_ids(s)  # a draft is never sent


def test_autosave_edits_coalesce_but_not_across_people_or_the_window(workspace, officer):
    with workspace.transaction() as s:
        other = auth.create_user(s, username="budi", full_name="Budi", password="rahasia123", role="officer",
                                 now=T0)
        s.flush()
        reg, _ = _new(s, officer)
        for i, name in enumerate(["R", "Ri", "Rina"]):
            _edit(s, reg, officer, T0 + timedelta(seconds=i), name=name)
        assert reg.version == 4
        _edit(s, reg, officer, T0 + timedelta(seconds=5), sex="2")
        _edit(s, reg, officer, T0 + timedelta(seconds=6), sex=None)  # typed and undone
        entries = _entries(s, reg)
        assert [e.action for e in entries] == ["create", "edit"]
        assert entries[1].changes == {"name": [None, "Rina"]} and entries[1].version == 6
        _edit(s, reg, officer, T0 + rc.COALESCE_EDITS + timedelta(seconds=6), name="Rina M")  # the window slides
        rc.new_version(s, reg, user_id=other.id, now=T0 + rc.COALESCE_EDITS + timedelta(seconds=7),
                       action="edit", changes={"name": ["Rina M", "Rina Marlina"]})
        assert [e.action for e in _entries(s, reg)] == ["create", "edit", "edit", "edit"]
        assert reg.version == 8


def test_submit_is_a_new_version_waiting_to_be_sent(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        changed = _submitted(s, reg, officer)
        assert (reg.version, reg.sync_state) == (2, rc.PENDING)
        assert changed.status and not changed.content and changed.sync
        assert reg.id in _waiting_ids(s)
        assert rc.is_waiting(reg.status, reg.version, reg.synced_version)


def test_acknowledgement_of_the_version_sent_leaves_it_synced(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        _submitted(s, reg, officer)
        changed = rc.acknowledged(s, reg, sent_version=2, server_version=1)
        assert (reg.synced_version, reg.server_version, reg.sync_state) == (2, 1, rc.SYNCED)
        assert changed == rc.Changed(frozenset({reg.id}), sync=True)
        assert reg.id not in _waiting_ids(s)


def test_acknowledgement_with_a_local_edit_in_between_keeps_the_edit_waiting(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        _submitted(s, reg, officer)
        sent = reg.version
        reg.status = status.RETURNED  # sent back by the supervisor here while the push was on the wire
        rc.new_version(s, reg, user_id=officer.user_id, now=T0, action="return",
                       changes={"status": [status.SUBMITTED, status.RETURNED]})
        rc.acknowledged(s, reg, sent_version=sent, server_version=1)
        assert (reg.version, reg.synced_version, reg.server_version, reg.sync_state) == (3, 2, 1, rc.PENDING)
        assert reg.id in _waiting_ids(s)


def test_a_status_from_the_server_without_a_new_version(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        _submitted(s, reg, officer)
        rc.acknowledged(s, reg, sent_version=2, server_version=1)
        changed = rc.status_moved(s, reg, status.APPROVED, user_id=officer.user_id, now=T0)
        assert (reg.status, reg.version, reg.sync_state) == (status.APPROVED, 2, rc.SYNCED)
        assert _entries(s, reg)[-1].version == 2 and _entries(s, reg)[-1].changes == {
            "status": [status.SUBMITTED, status.APPROVED]}
        assert changed.status and not changed.sync


def test_a_pulled_change_is_the_servers_content_only_when_nothing_local_waits(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        _submitted(s, reg, officer)
        rc.acknowledged(s, reg, sent_version=2, server_version=1)
        reg.status = status.ACCEPTED
        rc.new_version(s, reg, user_id=officer.user_id, now=T0, action="status",
                       changes={"status": [status.SUBMITTED, status.ACCEPTED]}, at=T0 - timedelta(hours=1))
        rc.server_has(s, reg, server_version=3, this_version=True)
        assert (reg.version, reg.synced_version, reg.server_version, reg.sync_state) == (3, 3, 3, rc.SYNCED)
        assert _entries(s, reg)[-1].at == T0 - timedelta(hours=1) and reg.updated_at == T0
        rc.server_has(s, reg, server_version=2, this_version=False)
        assert reg.server_version == 3  # never backwards


def test_a_conflict_waits_for_a_person_and_keeping_the_servers_copy_leaves_nothing_to_send(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        _submitted(s, reg, officer)
        changed = rc.conflicted(s, reg, sent_version=2, server_version=4, server_copy={"status": "accepted"},
                                device_copy={"status": "submitted"}, now=T0)
        s.flush()
        assert reg.sync_state == rc.CONFLICT and changed.sync
        assert reg.id not in _waiting_ids(s)
        _edit(s, reg, officer, T0, name="Rina M")  # still a conflict, whatever else happens here
        assert reg.sync_state == rc.CONFLICT
        conflict = s.scalar(select(SyncConflict).where(SyncConflict.registration_id == reg.id))
        rc.resolved(s, reg, conflict, user_id=officer.user_id, now=T0, changes={"resolution": [None, "server"]},
                    resolution="server", server_version=4, took_server=True)
        assert (reg.version, reg.synced_version, reg.server_version, reg.sync_state) == (4, 4, 4, rc.SYNCED)
        assert conflict.resolved_at == T0 and _entries(s, reg)[-1].action == "resolve"


def test_keeping_the_laptops_copy_sends_it_again_on_top_of_the_servers_version(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        _submitted(s, reg, officer)
        rc.conflicted(s, reg, sent_version=2, server_version=4, server_copy={}, device_copy={}, now=T0)
        s.flush()
        conflict = s.scalar(select(SyncConflict).where(SyncConflict.registration_id == reg.id))
        rc.resolved(s, reg, conflict, user_id=officer.user_id, now=T0, changes={"resolution": [None, "device"]},
                    resolution="device", server_version=4, took_server=False)
        assert (reg.version, reg.synced_version, reg.server_version, reg.sync_state) == (3, 2, 4, rc.PENDING)
        assert reg.id in _waiting_ids(s)


def test_a_rejected_record_is_not_resent_until_it_is_edited(workspace, officer):
    with workspace.transaction() as s:
        reg, _ = _new(s, officer, name="Rina")
        _submitted(s, reg, officer)
        rc.rejected(s, reg, sent_version=2, reason="NIK tidak valid")
        assert (reg.sync_error, reg.sync_state) == ("NIK tidak valid", rc.REJECTED)
        assert reg.id not in _waiting_ids(s)
        rc.status_moved(s, reg, status.RETURNED, user_id=officer.user_id, now=T0,
                        review_comment=[None, "NIK tidak valid"])
        assert (reg.version, reg.sync_state) == (2, rc.REJECTED)
        _edit(s, reg, officer, T0, nik="1603054506900003")
        assert reg.sync_state == rc.PENDING and reg.id in _waiting_ids(s)
        rc.acknowledged(s, reg, sent_version=reg.version, server_version=1)
        assert (reg.sync_error, reg.sync_state) == (None, rc.SYNCED)


@pytest.mark.parametrize("fields, expected", [
    (dict(status_=status.DRAFT, version=3, synced_version=0, sync_error=None, in_conflict=False), rc.LOCAL),
    (dict(status_=status.SUBMITTED, version=3, synced_version=2, sync_error=None, in_conflict=False), rc.PENDING),
    (dict(status_=status.SUBMITTED, version=3, synced_version=3, sync_error=None, in_conflict=False), rc.SYNCED),
    (dict(status_=status.RETURNED, version=3, synced_version=3, sync_error="x", in_conflict=False), rc.REJECTED),
    (dict(status_=status.RETURNED, version=4, synced_version=3, sync_error="x", in_conflict=False), rc.PENDING),
    (dict(status_=status.SUBMITTED, version=3, synced_version=2, sync_error=None, in_conflict=True), rc.CONFLICT),
])
def test_sync_state_is_derived_from_the_fields(fields, expected):
    assert rc.state_of(**fields) == expected


def test_many_acknowledgements_say_which_records_they_touched_and_whether_any_sync_state_moved(workspace, officer):
    with workspace.transaction() as s:
        regs_ = [_new(s, officer, name=name)[0] for name in ("A", "B", "C")]
        for reg in regs_:
            _submitted(s, reg, officer)
        start = rc.mark(s)
        answers = {reg.id: (2, 1) for reg in regs_}
        assert rc.acknowledged_many(s, answers | {new_id(): (2, 1)}) == rc.Changed(
            frozenset(answers), sync=True)  # a record not on this laptop is skipped
        assert rc.changed_in(s, since=start) == rc.Changed(frozenset(answers), sync=True)
        s.expire_all()
        assert {reg.sync_state for reg in regs_} == {rc.SYNCED}
        again = rc.mark(s)
        # The same answer once more (a resent batch): every record is touched, none of their states moves.
        assert rc.acknowledged_many(s, answers) == rc.Changed(frozenset(answers))
        assert rc.changed_in(s, since=again) == rc.Changed(frozenset(answers))


def test_a_transaction_says_what_it_changed_from_a_mark_on(workspace, officer):
    with workspace.transaction() as s:
        first, _ = _new(s, officer, name="A")
        start = rc.mark(s)
        second, _ = _new(s, officer, name="B", sex="1")
        _submitted(s, second, officer)
        assert rc.changed_in(s, since=start).ids == {second.id}
        assert rc.changed_in(s).ids == {first.id, second.id}
    with workspace.transaction() as s:
        assert rc.changed_in(s) == rc.NOTHING and not rc.NOTHING


def test_services_return_what_they_changed(workspace, officer):
    from app import form_service

    with workspace.transaction() as s:
        saved = form_service.save_form(s, actor=officer, kind="ektp", registration_id=None, expected_version=None,
                                       data={"name": "Rina"}, submit=False, now=T0, today=T0.date(), regions=None)
        assert saved.changed.ids == {saved.id} and saved.changed.content
        again = form_service.save_form(s, actor=officer, kind="ektp", registration_id=saved.id,
                                       expected_version=saved.version, data={"name": "Rina"}, submit=False,
                                       now=T0, today=T0.date(), regions=None)
        assert again.changed == rc.NOTHING  # the form was as stored
        result = regs.save_draft(s, actor=officer, registration_id=saved.id, data={"name": "Rina M"}, now=T0)
        assert result.changed == rc.Changed(frozenset({saved.id}), content=True)
        changed = regs.transition(s, actor=officer, registration_id=saved.id, action="submit", now=T0)
        assert changed.ids == {saved.id} and changed.status


def test_the_push_answer_says_what_it_changed(workspace, officer):
    from sync import records
    from sync.answers import PushResult

    with workspace.transaction() as s:
        kept, _ = _new(s, officer, name="A")
        refused, _ = _new(s, officer, name="B", sex="1")
        for reg in (kept, refused):
            _submitted(s, reg, officer)
        sent = {kept.id: 2, refused.id: 2}
        _edit(s, kept, officer, T0, name="A2")  # edited while the batch was on the wire
        counts = records.apply_results(s, sent=sent, records={}, user_id=officer.user_id, now=T0, results=[
            PushResult(kept.id, "accepted", 1), PushResult(refused.id, "rejected", 0, reason="NIK tidak valid")])
        assert (counts.accepted, counts.rejected) == (1, 1)
        assert counts.changed.ids == {kept.id, refused.id} and counts.changed.sync and counts.changed.status
        assert (kept.sync_state, refused.sync_state, refused.status) == (rc.PENDING, rc.REJECTED, status.RETURNED)
