"""Enrolment, a clean sync, refusals with a clear message, and a rejected record that blocks nothing."""

from datetime import date

import pytest
from sqlalchemy import text

from app import registrations as regs, status, sync_state
from app.reference.regions import shipped_regions
from sync import records as local
from sync.client import Refused, SyncError


def test_enrolment_stores_the_token_and_accounts_so_login_works_offline(laptop, kit):
    actor = kit.actor_for(laptop, "siti")
    assert actor.role == "officer"
    with laptop.transaction() as s:
        assert sync_state.is_enrolled(s)


def test_submitted_records_go_up_once_and_drafts_stay(laptop, server, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 5)
    from app import registrations as regs
    with laptop.transaction() as s:
        draft = regs.create_draft(s, actor=actor, kind="ektp", now=laptop.now(), data={"name": "Draf"}).id
        assert sync_state.pending_count(s) == 5
    progress = []
    result = kit.sync(laptop, progress=progress.append)
    assert (result.sent, result.accepted) == (5, 5)
    assert progress[-1].phase == "done" and progress[-1].bytes_up > 0
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :d", d=draft) == 0
    assert all(server.scalar("SELECT version FROM registrations WHERE id = :i", i=i) == 1 for i in ids)
    with laptop.transaction() as s:
        assert sync_state.pending_count(s) == 0
        assert {regs.get(s, i).status for i in ids} == {status.SUBMITTED}
        log = sync_state.sync_log(s)[0]
        assert (log.result, log.accepted, log.username) == ("ok", 5, "siti") and log.bytes_up > 0
    again = kit.sync(laptop)
    assert again.sent == 0 and again.requests <= 3  # session, pull; nothing to push


def test_wrong_password_is_refused_with_a_clear_message(laptop, kit):
    with pytest.raises(Refused) as caught:
        kit.sync(laptop, password="salah-sekali")
    assert caught.value.code == "bad_login"
    assert "kata sandi salah" in caught.value.text()
    with laptop.transaction() as s:
        assert sync_state.sync_log(s)[0].result == "refused"


def test_a_revoked_device_is_refused_with_a_clear_message(laptop, server, kit):
    from sync.enrol import SERVER_DEVICE_ID
    from db.models import Meta

    with laptop.transaction() as s:
        device_id = s.get(Meta, SERVER_DEVICE_ID).value
    assert server.cli("revoke-device", device_id)[0] == 0
    with pytest.raises(SyncError) as caught:
        kit.sync(laptop)
    assert caught.value.code == "device_revoked" and "dicabut" in caught.value.text()


def test_a_rejected_record_shows_its_reason_and_blocks_nothing(laptop, server, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 4)
    bad = ids[1]
    with laptop.transaction() as s:
        # Valid when submitted, but the server's checks say otherwise (e.g. rules changed since).
        s.execute(text("UPDATE registrations SET data = json_set(data, '$.nik', '1234') WHERE id = :i"), {"i": bad})
    result = kit.sync(laptop)
    assert (result.accepted, result.rejected) == (3, 1)
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=bad) == 0
    with laptop.transaction() as s:
        [rejected] = sync_state.rejected(s)
        assert rejected.registration_id == bad and "NIK" in rejected.reason
        assert sync_state.pending_count(s) == 0  # not resent until someone changes it
    assert kit.sync(laptop).sent == 0
    # Back with the officer as returned: corrected and submitted again, it goes through.
    with laptop.transaction() as s:
        record = regs.get(s, bad)
        assert record.status == "returned" and "NIK" in record.review_comment
        good_nik = regs.get(s, ids[0]).data["nik"][:12] + "0999"
        regs.save_draft(s, actor=actor, registration_id=bad, data=dict(record.data, nik=good_nik), now=laptop.now())
        issues = regs.submit(s, actor=actor, registration_id=bad, now=laptop.now(), today=laptop.today(),
                             regions=shipped_regions())
        assert not [i for i in issues if i.severity == "error"]
        assert regs.get(s, bad).status == "submitted"
    retry = kit.sync(laptop)
    assert (retry.accepted, retry.rejected) == (1, 0)
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=bad) == 1
    with laptop.transaction() as s:
        assert sync_state.rejected(s) == []


def test_what_changes_while_a_push_runs_goes_up_in_the_same_sync(laptop, server, kit):
    # The push draws its batches from one reading of what waits (sync/engine.py); a draft submitted after that
    # reading, and a record made after it, must still go up before the sync ends.
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, local.BATCH_SIZE + 20)
    with laptop.transaction() as s:
        draft = regs.create_draft(s, actor=actor, kind="ektp", now=laptop.now(),
                                  data=dict(kit.valid, nik=kit.valid["nik"][:12] + "9001")).id
    changed = {}

    def meanwhile(progress):
        if progress.phase == "push" and progress.records_done and not changed:
            with laptop.transaction() as s:
                issues = regs.submit(s, actor=actor, registration_id=draft, now=laptop.now(), today=date.today(),
                                     regions=shipped_regions())
                assert not [x for x in issues if x.severity == "error"], issues
            changed["new"] = kit.submitted(laptop, actor, 1)[0]

    result = kit.sync(laptop, progress=meanwhile)
    assert changed and (result.sent, result.accepted) == (len(ids) + 2, len(ids) + 2)
    for rid in (draft, changed["new"]):
        assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=rid) == 1
    with laptop.transaction() as s:
        assert sync_state.pending_count(s) == 0
