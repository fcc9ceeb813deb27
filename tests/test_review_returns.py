"""Returns that point at fields, the diff the supervisor reads before deciding again, and the review queue with
its all-or-none approval behind the password (app.review, app.record_views, app.review_queue), Qt-free."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from app import auth, errors, record_views, registrations as regs, review, review_queue
from app.review_queue import QueueFilter
from bench.realistic import person
from db.models import AuditEvent
from sync.payload import REVIEW_REASON_CODES, PayloadError, record_from_dict, to_dict
from sync.records import to_record

T0 = datetime(2026, 11, 20, 2, 0)
TODAY = date(2026, 11, 20)


@pytest.fixture
def supervisor(workspace):
    with workspace.transaction() as s:
        user = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor", now=T0)
        return auth.Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)


def sent(workspace, actor, seed: int, at: datetime = T0) -> str:
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=actor, kind="ektp", now=at,
                                data=person(random.Random(seed), "16.03.07.1001", TODAY))
        assert not [i for i in regs.submit(s, actor=actor, registration_id=reg.id, now=at, today=TODAY,
                                           regions=workspace.regions) if i.is_error]
        return reg.id


def test_a_return_keeps_its_reasons_and_field_comments_and_every_round_stays(workspace, officer, supervisor):
    rid = sent(workspace, officer, 1)
    with workspace.transaction() as s:
        regs.transition(s, actor=supervisor, registration_id=rid, action="return", now=T0, comment="",
                        reasons=("photo_unclear", "typo"), field_comments={"address": "Tulis nomor rumah",
                                                                          "rt": "  ", "name": "Ejaan nama?"})
        reg = regs.get(s, rid)
        # Codes in their fixed order, an empty comment dropped, keys sorted.
        assert reg.review_details == {"reasons": ["typo", "photo_unclear"],
                                      "fields": {"address": "Tulis nomor rumah", "name": "Ejaan nama?"}}
        [entry] = [e for e in regs.history(s, rid) if e.action == "return"]
        assert entry.changes["review_details"] == [None, reg.review_details]
        [audit] = s.query(AuditEvent).filter(AuditEvent.action == "review_return").all()
        assert (audit.user_id, audit.detail) == (supervisor.user_id, rid)


def test_a_return_without_any_reason_is_refused_and_changes_nothing(workspace, officer, supervisor):
    rid = sent(workspace, officer, 2)
    with pytest.raises(review.ReturnWithoutReason) as refused:
        with workspace.transaction() as s:
            regs.transition(s, actor=supervisor, registration_id=rid, action="return", now=T0, comment="  ")
    assert "alasan" in refused.value.text("id")
    with pytest.raises(ValueError):
        review.details(["not_a_reason"])
    with workspace.transaction() as s:
        assert regs.get(s, rid).status == "submitted"


def test_the_supervisor_sees_what_changed_since_the_return(workspace, officer, supervisor):
    rid = sent(workspace, officer, 3)
    with workspace.transaction() as s:
        before = dict(regs.get(s, rid).data)
        regs.transition(s, actor=supervisor, registration_id=rid, action="return", now=T0, reasons=("typo",),
                        field_comments={"address": "Tulis nomor rumah"})
    later = T0 + timedelta(hours=1)
    with workspace.transaction() as s:
        regs.save_draft(s, actor=officer, registration_id=rid, data=before | {"address": "JL. MERDEKA NO. 5",
                                                                            "rt": "009"}, now=later)
        regs.save_draft(s, actor=officer, registration_id=rid, data=before | {"address": "JL. MERDEKA NO. 7"},
                        now=later)
        regs.submit(s, actor=officer, registration_id=rid, now=later, today=TODAY, regions=workspace.regions)
    with workspace.transaction() as s:
        detail = record_views.load_detail(s, rid)
    # The RT was changed and changed back: nothing to look at; the address from its value at the return.
    assert detail.since_return == [("address", before["address"], "JL. MERDEKA NO. 7")]


def test_the_queue_is_oldest_first_and_filters(workspace, officer, supervisor):
    with workspace.transaction() as s:
        other = auth.create_user(s, username="budi", full_name="Budi", password="rahasia123", role="officer", now=T0)
        budi = auth.Actor(other.id, "budi", "Budi", "officer", workspace.device_id)
    newest = sent(workspace, officer, 4, T0 + timedelta(days=2))
    oldest = sent(workspace, budi, 5, T0 - timedelta(days=3))
    middle = sent(workspace, officer, 6, T0)
    with workspace.transaction() as s:
        rows = review_queue.waiting(s, actor=supervisor)
        assert [r.id for r in rows] == [oldest, middle, newest]
        assert rows[0].waited_days(T0) == 3 and rows[0].owner_name == "Budi"
        assert [r.id for r in review_queue.waiting(s, actor=supervisor, where=QueueFilter(officer_id=officer.user_id))
                ] == [middle, newest]
        assert review_queue.waiting(s, actor=supervisor, where=QueueFilter(kind="birth")) == []
        assert [r.id for r in review_queue.waiting(
            s, actor=supervisor, where=QueueFilter(sent_from=TODAY + timedelta(days=1)))] == [newest]
        assert [r.id for r in review_queue.waiting(
            s, actor=supervisor, where=QueueFilter(sent_until=TODAY))] == [oldest, middle]
        assert [name for _uid, name in review_queue.officers_waiting(s, actor=supervisor)] == ["Budi", "Siti Aminah"]
        # An officer's queue is only their own (nothing for them to decide, but nobody else's either).
        assert {r.id for r in review_queue.waiting(s, actor=officer)} == {middle, newest}


def test_approving_a_set_needs_the_password_and_is_all_or_none(workspace, officer, supervisor):
    ids = [sent(workspace, officer, n) for n in (7, 8, 9)]
    with pytest.raises(errors.NotAllowed):
        with workspace.transaction() as s:
            review_queue.approve_many(s, actor=supervisor, password="salah", registration_ids=ids, now=T0)
    with workspace.transaction() as s:
        assert {regs.get(s, rid).status for rid in ids} == {"submitted"}
        regs.transition(s, actor=supervisor, registration_id=ids[2], action="return", now=T0, comment="Foto")
    with pytest.raises(errors.NotAllowed):  # one of them was decided meanwhile: none is approved
        with workspace.transaction() as s:
            review_queue.approve_many(s, actor=supervisor, password="rahasia123", registration_ids=ids, now=T0)
    with workspace.transaction() as s:
        assert [regs.get(s, rid).status for rid in ids] == ["submitted", "submitted", "returned"]
        changed = review_queue.approve_many(s, actor=supervisor, password="rahasia123", registration_ids=ids[:2],
                                            now=T0)
        assert sorted(changed.changed_ids) == sorted(ids[:2])
        assert [regs.get(s, rid).status for rid in ids[:2]] == ["approved", "approved"]
        assert all(e.user_name == "Ani" for rid in ids[:2] for e in regs.history(s, rid) if e.action == "approve")
        [audit] = s.query(AuditEvent).filter(AuditEvent.action == "review_approved").all()
        assert audit.user_id == supervisor.user_id and audit.detail.startswith("2 records")


def test_the_return_travels_in_the_protocol_and_a_bad_one_is_refused(workspace, officer, supervisor):
    assert REVIEW_REASON_CODES == set(review.REASONS)
    rid = sent(workspace, officer, 10)
    with workspace.transaction() as s:
        plain = to_record(regs.get(s, rid), [], [])
        regs.transition(s, actor=supervisor, registration_id=rid, action="return", now=T0, reasons=("duplicate",),
                        field_comments={"nik": "Sudah terdaftar"})
        returned = to_record(regs.get(s, rid), [], [])
    assert "review_details" not in plain.content()  # a record never returned hashes as before
    again = record_from_dict(to_dict(returned))
    assert again.review_details == {"reasons": ["duplicate"], "fields": {"nik": "Sudah terdaftar"}}
    assert again.content_hash() == returned.content_hash() != plain.content_hash()
    for bad in ({"reasons": ["bogus"]}, {"fields": {"nik": "x" * 501}}, {"fields": {"NIK; DROP": "x"}},
                {"reasons": "typo"}, {"other": 1}, [1]):
        with pytest.raises(PayloadError):
            record_from_dict(to_dict(returned) | {"review_details": bad})
