"""The whole hand-over without signal, Qt-free, with the real server on loopback: officer laptop -> batch file ->
supervisor laptop (review queue, a decision offline) -> sync -> server (records as the officer's, signed by the
officer's laptop) -> receipt file -> officer laptop (what arrived, the decision)."""

from __future__ import annotations

from handover_kit import dump

from app import attachments, guardrails, record_views, registrations as regs, review_queue, sync_state
from db.models import AuditEvent, SyncLog
from server.core.db import transaction
from server.models import Registration as ServerRegistration
from server.services.record_signatures import vouching_device
from sync import device_keys
from sync.handover import (export_batch, files, handed_over_in, import_batch, import_receipt, missing_sequences,
                           read_batch_header, write_receipt)


def test_officer_to_supervisor_to_server_and_the_receipt_back(tmp_path, handover_server, pair, kit):
    officer, sup = pair
    ids = kit.submitted(officer.ws, officer.actor, 3)
    photo = officer.attach(ids[0], b"\xff\xd8\xff" + bytes(range(256)) * 400)
    stick = tmp_path / "stick"
    stick.mkdir()

    result = export_batch(officer.ws, officer.actor, stick)
    assert (result.sequence, result.records, result.files, result.to_supervisor) == (1, 3, 1, True)
    assert result.path.name == "berkas-siti-0001.jbb" and result.bytes == result.path.stat().st_size
    with officer.ws.reading() as s:
        assert handed_over_in(s, ids) == {i: 1 for i in ids}
        # Handed over: no longer counted as held back, and the file is a hand-over for the guardrails.
        assert guardrails._not_handed_over(s, officer.actor.user_id) == 0
        assert guardrails._days_since_handover(s, officer.actor.user_id, officer.ws.now()) == 0
        assert s.query(AuditEvent).filter_by(action="batch_exported").count() == 1
    # Nothing new to hand over now; written again on purpose (a lost stick) it is file 2 with the same records.
    again = export_batch(officer.ws, officer.actor, stick, ids=ids)
    assert again.sequence == 2 and again.records == 3

    preview = read_batch_header(result.path, sup.ws)
    assert (preview.sequence, preview.records, preview.sender_name, preview.already_imported) == (1, 3, "Siti", False)

    imported = import_batch(sup.ws, sup.actor, result.path)
    assert (imported.records_new, imported.files, imported.already_imported, imported.gaps) == (3, 1, False, [])
    assert imported.receipt_path is not None and imported.receipt_path.suffix == ".jbr"
    assert sup.store.read(photo) == officer.store.read(photo)  # each sealed with its own laptop's key
    with sup.ws.reading() as s:
        waiting = review_queue.waiting(s, actor=sup.actor)
        assert sorted(r.id for r in waiting) == sorted(ids)
        assert {r.owner_id for r in waiting} == {officer.actor.user_id}  # the officer's, not the supervisor's
        detail = record_views.load_detail(s, ids[0])
        assert detail.owner_name == "Siti" and detail.remote_files == 0
        # The photo is on this laptop, filed under the record as what it is.
        assert [(f.sha256, f.purpose) for f in attachments.attachments_of(s, ids[0])] == [(photo, "photo")]
        assert sync_state.pending_count(s) == 0  # nothing of the supervisor's own to send for them
        # Listed and found by a part of the name, as the supervisor's own records are.
        assert sorted(r.id for r in regs.search(s, text="aminah")) == sorted(ids) == sorted(
            r.id for r in regs.search(s, text="ti ami"))
    with officer.ws.reading() as s:
        assert [(f.sequence, f.counterpart_name) for f in files(s, "out")] == [(2, "Sup"), (1, "Sup")]
    with sup.ws.reading() as s:
        assert sorted((f.direction, f.file_type, f.counterpart_name) for f in files(s, "out") + files(s, "in")) == [
            ("in", "batch", "Siti"), ("out", "receipt", "Siti")]
    # The same file again changes nothing and says so.
    before = dump(sup.ws)
    assert import_batch(sup.ws, sup.actor, result.path).already_imported
    assert dump(sup.ws) == before
    # The supervisor decides offline: one approved, one returned with a comment.
    boss = sup.actor
    with sup.ws.transaction() as s:
        regs.transition(s, actor=boss, registration_id=ids[0], action="approve", now=sup.ws.now())
        regs.transition(s, actor=boss, registration_id=ids[1], action="return", now=sup.ws.now(),
                        comment="Foto buram")

    # In town: the relay goes first, exactly as the officer's laptop signed, then the decisions on top.
    synced = kit.sync(sup.ws, username="sup")
    assert not synced.problems and synced.conflicts == 0 and synced.rejected == 0
    with transaction(handover_server.factory) as s:
        rows = {r.id: r for r in s.query(ServerRegistration).filter(ServerRegistration.id.in_(ids))}
        assert {r.owner_id for r in rows.values()} == {officer.actor.user_id}
        with officer.ws.reading() as o:
            officers_laptop = device_keys.server_device_id(o)
        with sup.ws.reading() as o:
            supervisors_laptop = device_keys.server_device_id(o)
        # Untouched since: as the officer's laptop signed it; decided: the supervisor's laptop sealed the decision.
        assert rows[ids[2]].origin_device == vouching_device(s, rows[ids[2]]) == officers_laptop
        assert vouching_device(s, rows[ids[0]]) == vouching_device(s, rows[ids[1]]) == supervisors_laptop
        assert (rows[ids[0]].status, rows[ids[1]].status, rows[ids[2]].status) == ("approved", "returned",
                                                                                     "submitted")
    with sup.ws.reading() as s:
        assert sync_state.pending_count(s) == 0

    # The receipt written at the import goes back on the stick: what arrived (not yet the decisions).
    receipt = import_receipt(officer.ws, officer.actor, imported.receipt_path)
    assert (receipt.confirmed, receipt.files_confirmed, receipt.already_imported) == (3, 1, False)
    with officer.ws.reading() as s:
        assert handed_over_in(s, ids) == {}
        assert sync_state.pending_count(s) == 0  # the supervisor's laptop relays them
    # A receipt written after the review brings the decisions, as the pull would.
    later = write_receipt(sup.ws, sup.actor, tmp_path / "stick", for_sender_device=imported.sender_device)
    applied = import_receipt(officer.ws, officer.actor, later)
    assert applied.decisions_applied == 2
    with officer.ws.reading() as s:
        assert regs.get(s, ids[0]).status == "approved"
        returned = regs.get(s, ids[1])
        assert (returned.status, returned.review_comment) == ("returned", "Foto buram")
        assert regs.get(s, ids[2]).status == "submitted"
    before = dump(officer.ws)
    assert import_receipt(officer.ws, officer.actor, later).already_imported
    assert dump(officer.ws) == before
    # The officer's next sync with signal: nothing conflicts, the statuses stay.
    synced = kit.sync(officer.ws, username="siti")
    assert synced.conflicts == 0 and not synced.problems
    with officer.ws.reading() as s:
        assert regs.get(s, ids[0]).status == "approved" and regs.get(s, ids[1]).status == "returned"
        assert s.query(SyncLog).filter_by(result="refused").count() == 0
    with sup.ws.reading() as s:
        assert missing_sequences(s) == {imported.sender_device: []}
