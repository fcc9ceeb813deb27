"""Records that travel by batch file reach the server once: relayed by the supervisor's laptop exactly as the
officer's laptop signed them (a changed copy is refused by the server), the same records over HTTP from the
officer and through the relay are one record; a stick brought to the central office is imported there with
``jemput-server import-batch``; and a gap in an officer's file numbers is shown."""

from __future__ import annotations

import os

from app import registrations as regs, sync_state
from app.i18n import translate
from db.models import RelayQueue
from server.core.db import transaction
from server.models import Conflict, Registration as ServerRegistration, RegistrationHistory
from sync.handover import export_batch, gaps, import_batch, import_receipt
from sync.handover.errors import GAP


def on_server(server, ids: list[str]) -> dict:
    with transaction(server.factory) as s:
        rows = s.query(ServerRegistration).filter(ServerRegistration.id.in_(ids)).all()
        creates = s.query(RegistrationHistory).filter(RegistrationHistory.registration_id.in_(ids),
                                                      RegistrationHistory.action == "create").count()
        conflicts = s.query(Conflict).filter(Conflict.registration_id.in_(ids)).count()
        return {"rows": len(rows), "creates": creates, "conflicts": conflicts,
                "owners": {r.owner_id for r in rows}, "statuses": sorted(r.status for r in rows)}


def stick(tmp_path, name="stick"):
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return folder


def test_the_same_records_by_http_and_by_the_relay_are_stored_once(tmp_path, handover_server, pair, kit):
    officer, sup = pair
    first = kit.submitted(officer.ws, officer.actor, 3)
    exported = export_batch(officer.ws, officer.actor, stick(tmp_path))
    # The officer finds signal first: HTTP, then the supervisor's relay of the same file.
    assert kit.sync(officer.ws, username="siti").accepted == 3
    import_batch(sup.ws, sup.actor, exported.path)
    relayed = kit.sync(sup.ws, username="sup")
    assert (relayed.duplicates, relayed.accepted, relayed.conflicts, relayed.rejected) == (3, 0, 0, 0)
    assert on_server(handover_server, first) == {"rows": 3, "creates": 3, "conflicts": 0,
                                                 "owners": {officer.actor.user_id}, "statuses": ["submitted"] * 3}
    # The other way round: the relay first, then the officer's HTTP push of the same records.
    second = kit.submitted(officer.ws, officer.actor, 2, data=dict(kit.valid, nik="1603074502900500"))
    exported = export_batch(officer.ws, officer.actor, stick(tmp_path, "stick-2"))
    assert exported.records == 2
    import_batch(sup.ws, sup.actor, exported.path)
    assert kit.sync(sup.ws, username="sup").accepted == 2
    late = kit.sync(officer.ws, username="siti")
    assert (late.duplicates, late.accepted, late.conflicts) == (2, 0, 0)
    with officer.ws.reading() as s:
        # The server's word that the supervisor relayed it moves nothing the officer sees: no history entry.
        assert [h.action for h in regs.history(s, second[0])] == ["create", "submit"]
    assert on_server(handover_server, second)["rows"] == 2 and on_server(handover_server, second)["conflicts"] == 0
    with sup.ws.reading() as s:
        assert s.query(RelayQueue).count() == 0 and sync_state.pending_count(s) == 0
        assert {regs.get(s, i).server_version for i in second} == {1}


def test_a_record_changed_on_the_relaying_laptop_is_refused_by_the_server(tmp_path, handover_server, pair, kit):
    officer, sup = pair
    ids = kit.submitted(officer.ws, officer.actor, 2, data=dict(kit.valid, nik="1603074502900600"))
    import_batch(sup.ws, sup.actor, export_batch(officer.ws, officer.actor, stick(tmp_path)).path)
    with sup.ws.transaction() as s:
        row = s.get(RelayQueue, ids[0])
        forged = dict(row.record)
        forged["data"] = dict(forged["data"], name="ORANG LAIN")
        row.record = forged
    result = kit.sync(sup.ws, username="sup")
    assert (result.accepted, result.rejected) == (1, 1) and len(result.problems) == 1
    assert on_server(handover_server, ids)["rows"] == 1


def test_a_stick_brought_to_the_central_office(tmp_path, handover_server, pair, kit):
    officer, sup = pair
    ids = kit.submitted(officer.ws, officer.actor, 2, data=dict(kit.valid, nik="1603074502900700"))
    photo = officer.attach(ids[0], b"\xff\xd8\xff" + os.urandom(80_000))
    exported = export_batch(officer.ws, officer.actor, stick(tmp_path))
    before = handover_server.snapshot()
    bad = tmp_path / "stick" / "rusak.jbb"
    raw = bytearray(exported.path.read_bytes())
    raw[len(raw) // 2] ^= 1
    bad.write_bytes(bytes(raw))
    code, out = handover_server.cli("import-batch", str(bad))
    assert code != 0 and "not imported" in out and "rusak.jbb" in out
    assert handover_server.snapshot() == before

    back = stick(tmp_path, "back")
    code, out = handover_server.cli("import-batch", str(exported.path), "--receipt", str(back))
    assert code == 0, out
    assert "2 records: 2 accepted, 0 duplicate, 0 conflict, 0 rejected; 1 files stored" in out
    assert on_server(handover_server, ids)["owners"] == {officer.actor.user_id}
    assert handover_server.scalar("SELECT complete FROM attachments WHERE sha256 = :s", s=photo) in (1, True)
    # The same file again: the stored answer, nothing applied twice.
    code, out = handover_server.cli("import-batch", str(exported.path))
    assert code == 0 and "2 accepted" in out
    assert on_server(handover_server, ids)["creates"] == 2

    # The officer's laptop reads the office's receipt (signed by the province root key): what arrived, and the
    # server's versions, so that its next sync sends nothing again and conflicts with nothing.
    receipt = next(p for p in (back).iterdir() if p.suffix == ".jbr")
    result = import_receipt(officer.ws, officer.actor, receipt)
    assert result.confirmed == 2
    with officer.ws.reading() as s:
        assert sync_state.pending_count(s) == 0
        assert {regs.get(s, i).server_version for i in ids} == {1}
    synced = kit.sync(officer.ws, username="siti")
    assert (synced.sent, synced.conflicts) == (0, 0)


def test_a_gap_in_an_officers_file_numbers_is_shown(tmp_path, pair, kit):
    officer, sup = pair
    files = []
    for n in range(3):
        kit.submitted(officer.ws, officer.actor, 1, data=dict(kit.valid, nik=f"160307450290080{n}"))
        files.append(export_batch(officer.ws, officer.actor, stick(tmp_path, f"stick-{n}")))
    assert [f.sequence for f in files] == [1, 2, 3]
    import_batch(sup.ws, sup.actor, files[0].path)
    third = import_batch(sup.ws, sup.actor, files[2].path)
    assert third.gaps == [2]
    with sup.ws.reading() as s:
        [gap] = gaps(s)
    assert translate("Handover", GAP).format(sequence=gap.missing[0], name=gap.sender_name) == \
        "Berkas 2 dari Siti belum diterima."
    assert import_batch(sup.ws, sup.actor, files[1].path).gaps == []
    with sup.ws.reading() as s:
        assert gaps(s) == []


def test_a_large_file_is_relayed_in_pushes_of_at_most_500(tmp_path, handover_server, pair, kit):
    officer, sup = pair
    ids = kit.submitted(officer.ws, officer.actor, 620, data=dict(kit.valid, nik="1603074502901000"))
    import_batch(sup.ws, sup.actor, export_batch(officer.ws, officer.actor, stick(tmp_path)).path)
    result = kit.sync(sup.ws, username="sup")
    assert (result.sent, result.accepted, result.rejected) == (620, 620, 0)
    assert on_server(handover_server, ids)["rows"] == 620
    with sup.ws.reading() as s:
        assert s.query(RelayQueue).count() == 0
