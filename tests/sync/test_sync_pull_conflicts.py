"""Pull applies central status (set-status CSV) and returns; a conflict keeps both copies until a person chooses."""

from datetime import date

import pytest

from app import registrations as regs
from app import sync_state
from app.reference.regions import shipped_regions
from app.status import DONE, RETURNED, SUBMITTED


def set_status(server, tmp_path, rows):
    csv = tmp_path / "status.csv"
    csv.write_text("registration_id,status,note\n" + "".join(f"{i},{s},{n}\n" for i, s, n in rows), "utf-8")
    code, out = server.cli("set-status", "--csv", str(csv))
    assert code == 0, out


def test_pull_applies_done_and_returned_from_a_status_csv(laptop, server, kit, tmp_path):
    actor = kit.actor_for(laptop, "siti")
    done, returned = kit.submitted(laptop, actor, 2)
    kit.sync(laptop)
    set_status(server, tmp_path, [(done, "done", "KTP sudah dicetak"), (returned, "returned", "Foto KK buram")])
    result = kit.sync(laptop)
    assert result.changes_pulled >= 2 and result.sent == 0
    with laptop.transaction() as s:
        a, b = regs.get(s, done), regs.get(s, returned)
        assert (a.status, a.status_note, a.server_version) == (DONE, "KTP sudah dicetak", 2)
        assert (b.status, b.review_comment) == (RETURNED, "Foto KK buram")
        assert sync_state.pending_count(s) == 0
        assert regs.history(s, done)[-1].changes["status"][1] == DONE
    # The cursor was stored: the next run pulls nothing again.
    assert kit.sync(laptop).changes_pulled == 0


@pytest.mark.parametrize("keep", ["device", "server", "merged"])
def test_a_conflict_keeps_both_versions_and_resolving_drops_neither(laptop, server, kit, tmp_path, keep):
    actor = kit.actor_for(laptop, "siti")
    [rid] = kit.submitted(laptop, actor, 1)
    kit.sync(laptop)
    set_status(server, tmp_path, [(rid, "returned", "Foto KK buram")])
    kit.sync(laptop)
    # The officer fixes the record on the laptop while central staff return it again with another reason.
    with laptop.transaction() as s:
        regs.transition(s, actor=actor, registration_id=rid, action="reopen", now=laptop.now())
        data = dict(regs.get(s, rid).data, phone="081299998888")
        regs.save_draft(s, actor=actor, registration_id=rid, data=data, now=laptop.now())
        assert not [i for i in regs.submit(s, actor=actor, registration_id=rid, now=laptop.now(),
                                           today=date.today(), regions=shipped_regions()) if i.severity == "error"]
    set_status(server, tmp_path, [(rid, "returned", "Tanda tangan kurang")])
    result = kit.sync(laptop)
    assert result.conflicts == 1
    with laptop.transaction() as s:
        [conflict] = sync_state.conflicts(s)
        assert conflict.device["data"]["phone"] == "081299998888"
        assert conflict.server["review_comment"] == "Tanda tangan kurang"
        assert conflict.differences["data.phone"][0] == "081299998888"
        assert sync_state.pending_count(s) == 0  # held until a person chooses
        choice = dict(conflict.device["data"], address="Jl. Gabungan 5") if keep == "merged" else keep
        sync_state.resolve_conflict(s, actor=actor, conflict_id=conflict.id, keep=choice, now=laptop.now())
        assert sync_state.conflicts(s) == []
        entry = regs.history(s, rid)[-1]
        assert entry.action == "resolve"
        # The losing side's values are in the history.
        if keep == "server":
            assert entry.changes["data.phone"][0] == "081299998888"
        else:
            assert entry.changes["review_comment"][0] == "Tanda tangan kurang"
    after = kit.sync(laptop)
    assert after.conflicts == 0
    phone = server.scalar("SELECT data FROM registrations WHERE id = :i", i=rid)
    status = server.scalar("SELECT status FROM registrations WHERE id = :i", i=rid)
    with laptop.transaction() as s:
        reg = regs.get(s, rid)
        if keep == "server":
            assert after.sent == 0 and reg.status == RETURNED and reg.review_comment == "Tanda tangan kurang"
            assert "081299998888" not in phone and reg.data["phone"] != "081299998888"
        else:
            assert after.accepted == 1 and "081299998888" in phone and status == SUBMITTED
            assert ("Jl. Gabungan 5" in phone) == (keep == "merged")
        assert server.scalar("SELECT count(*) FROM conflicts WHERE registration_id = :i", i=rid) == 1


def test_the_pull_comes_with_the_last_push_one_round_trip_less(laptop, server, kit, tmp_path):
    actor = kit.actor_for(laptop, "siti")
    [done] = kit.submitted(laptop, actor, 1)
    kit.sync(laptop)
    set_status(server, tmp_path, [(done, "done", "KTP sudah dicetak")])
    [new] = kit.submitted(laptop, actor, 1)
    result = kit.sync(laptop)
    # The session, then the push whose answer carries the pull's page: no GET /pull of its own.
    assert (result.sent, result.accepted, result.requests) == (1, 1, 2)
    assert result.changes_pulled >= 1
    with laptop.transaction() as s:
        assert (regs.get(s, done).status, regs.get(s, done).status_note) == (DONE, "KTP sudah dicetak")
        assert regs.get(s, new).server_version == 1 and sync_state.pending_count(s) == 0
    # The cursor moved with that page: nothing is pulled twice.
    assert kit.sync(laptop).changes_pulled == 0
