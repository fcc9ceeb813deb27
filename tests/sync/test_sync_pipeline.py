"""The push's pipeline (sync/engine.py): two batches are on the wire at once, the answer to the older one is applied
while the newer one is with the server, and every batch sent and not yet acknowledged stays stored as pending, so a
run that stops anywhere between loses and doubles nothing."""

import json
import threading

import pytest

from app import sync_state
from db.models import Meta
from sync import records as local
from sync.client import SyncClient
from sync.engine import LAST_BATCH
from sync.pending_batches import KEY as PENDING_BATCH


def pending_batches(ws) -> list[str]:
    with ws.transaction() as s:
        stored = s.get(Meta, PENDING_BATCH)
        return [b["batch_id"] for b in json.loads(stored.value)["batches"]] if stored else []


def assert_server_has_each_once(server, ids):
    marks = ",".join(f"'{i}'" for i in ids)
    assert server.scalar(f"SELECT count(*) FROM registrations WHERE id IN ({marks})") == len(ids)
    assert server.scalar(f"SELECT sum(version) FROM registrations WHERE id IN ({marks})") == len(ids)
    assert server.scalar(f"SELECT count(*) FROM registration_history WHERE registration_id IN ({marks})") == len(ids)


def test_each_answer_is_applied_while_the_next_batch_is_already_sent(laptop, server, kit, monkeypatch):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 2 * local.BATCH_SIZE + 100)  # 500, 500, 75 and the last 25
    seen, sizes, apply = [], [], local.apply_results

    def watched(session, **kw):
        stored = session.get(Meta, PENDING_BATCH)
        seen.append(len(json.loads(stored.value)["batches"]) if stored else 0)
        sizes.append(len(kw["sent"]))
        return apply(session, **kw)

    monkeypatch.setattr(local, "apply_results", watched)
    result = kit.sync(laptop)
    assert (result.sent, result.accepted) == (len(ids), len(ids))
    # Each answer was applied with the next batch already stored and sent. The last batch, which asks for the
    # pull's first page too, went once the others were answered, so that the page has what they changed; it is a
    # small one, so that the server is not idle while it is made and sent.
    assert sizes == [local.BATCH_SIZE, local.BATCH_SIZE, 100 - LAST_BATCH, LAST_BATCH]
    assert seen == [2, 2, 1, 1]
    assert pending_batches(laptop) == []
    assert_server_has_each_once(server, ids)


def test_the_next_batch_is_sent_before_the_answer_to_the_one_before_arrives(laptop, server, kit, monkeypatch):
    """So that the server never waits for the laptop between batches."""
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 2 * local.BATCH_SIZE + 100)
    push, calls, second_sent, overlapped = SyncClient.push, [], threading.Event(), []

    def watched(self, batch_id, *args, **kw):
        calls.append(batch_id)
        if len(calls) == 2:
            second_sent.set()
        answer = push(self, batch_id, *args, **kw)
        if batch_id == calls[0]:
            # The first answer is held back until the second batch went out: one batch at a time never gets there.
            overlapped.append(second_sent.wait(30))
        return answer

    monkeypatch.setattr(SyncClient, "push", watched)
    result = kit.sync(laptop)
    assert overlapped == [True]
    assert (result.sent, result.accepted) == (len(ids), len(ids))
    assert len(calls) == 4 and pending_batches(laptop) == []  # 500, 500, 75, 25
    assert_server_has_each_once(server, ids)


def test_the_first_batch_is_read_while_the_session_opens_and_what_changes_after_still_goes(
        laptop, server, kit, monkeypatch):
    """The laptop reads and builds its first batch while the server checks the password; a record submitted
    after that reading goes up in the same sync, and nothing is read twice."""
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 30)
    build, built, builds = local.build, threading.Event(), []

    def watched_build(session, wanted):
        records = build(session, wanted)
        builds.append(len(records))
        built.set()
        return records

    open_session, late = SyncClient.open_session, []

    def opening(self, *args, **kw):
        assert built.wait(30)  # read before the server answered (it has not been asked yet)
        late.extend(kit.submitted(laptop, actor, 1))
        return open_session(self, *args, **kw)

    monkeypatch.setattr(local, "build", watched_build)
    monkeypatch.setattr(SyncClient, "open_session", opening)
    result = kit.sync(laptop)
    assert (result.sent, result.accepted) == (31, 31)
    assert builds == [30, 1]  # the first batch as read ahead, then the record submitted after
    with laptop.transaction() as s:
        assert sync_state.pending_count(s) == 0
    assert_server_has_each_once(server, ids + late)


def test_a_run_stopped_before_an_answer_was_applied_resends_both_batches_and_doubles_nothing(
        laptop, server, kit, monkeypatch):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 2 * local.BATCH_SIZE + 100)
    apply = local.apply_results

    def fails_first(session, **kw):
        monkeypatch.setattr(local, "apply_results", apply)  # once: the laptop's disk was full for a moment
        raise OSError("disk full")

    monkeypatch.setattr(local, "apply_results", fails_first)
    with pytest.raises(OSError):
        kit.sync(laptop)
    # The first batch answered and not applied, the second sent (and answered) after it: both are pending.
    assert len(pending_batches(laptop)) == 2
    with laptop.transaction() as s:
        assert sync_state.pending_count(s) == len(ids)  # nothing marked as sent
    marks = ",".join(f"'{i}'" for i in ids)
    assert server.scalar(f"SELECT count(*) FROM registrations WHERE id IN ({marks})") == 2 * local.BATCH_SIZE

    result = kit.sync(laptop)
    assert (result.sent, result.accepted, result.duplicates) == (len(ids), len(ids), 0)  # the stored answers
    assert pending_batches(laptop) == []
    with laptop.transaction() as s:
        assert sync_state.pending_count(s) == 0
    assert_server_has_each_once(server, ids)


def test_a_batch_left_pending_by_the_version_before_is_resent_under_its_id(laptop, server, kit, monkeypatch):
    """Stored the older way, one batch alone: a laptop updated while a batch was on the wire."""
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 10)
    apply = local.apply_results

    def fails_first(session, **kw):
        monkeypatch.setattr(local, "apply_results", apply)
        raise OSError("disk full")

    monkeypatch.setattr(local, "apply_results", fails_first)
    with pytest.raises(OSError):
        kit.sync(laptop)
    [batch_id] = pending_batches(laptop)
    with laptop.transaction() as s:
        stored = s.get(Meta, PENDING_BATCH)
        value = json.loads(stored.value)
        stored.value = json.dumps({"batch_id": batch_id, "user": value["user"], "sent": value["batches"][0]["sent"]})
    batches = server.scalar("SELECT count(*) FROM push_batches")

    result = kit.sync(laptop)
    assert (result.sent, result.accepted) == (len(ids), len(ids))  # the server's stored answer, not duplicates
    assert server.scalar("SELECT count(*) FROM push_batches") == batches  # nothing new was applied
    assert pending_batches(laptop) == []
    assert_server_has_each_once(server, ids)
