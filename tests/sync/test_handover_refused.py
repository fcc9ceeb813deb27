"""Every bad file of issue 10 is refused whole on the supervisor's laptop: nothing imported, the database exactly
as before (every table compared), the staging folder empty, a clear Indonesian message, and the refusal in the
sync log and the audit trail. Real files, real keys, the real server on loopback."""

from __future__ import annotations

import os
import zipfile

import pytest
from handover_kit import dump, enrolled, files_in

from db.models import AuditEvent, SyncLog
from sync import device_keys
from sync.handover import BatchRefused, export_batch, import_batch, read_batch_header
from sync.handover import export as export_module
from sync.handover.trust import staging_folder

PHOTO = b"\xff\xd8\xff" + os.urandom(150_000)


def logged(ws) -> tuple[int, int]:
    with ws.reading() as s:
        return (s.query(SyncLog).filter_by(result="refused").count(),
                s.query(AuditEvent).filter(AuditEvent.action.like("%_refused")).count())


def assert_refused(laptop, path, *codes: str) -> BatchRefused:
    before, logs, store = dump(laptop.ws), logged(laptop.ws), files_in(laptop.store.root)
    with pytest.raises(BatchRefused) as caught:
        import_batch(laptop.ws, laptop.actor, path)
    assert caught.value.code in codes, caught.value
    assert dump(laptop.ws) == before
    assert files_in(laptop.store.root) == store
    assert not staging_folder(laptop.ws).exists() or not list(staging_folder(laptop.ws).iterdir())
    assert logged(laptop.ws) == (logs[0] + 1, logs[1] + 1)
    text = caught.value.text("id")
    assert "Nothing" not in text and text.strip(), text  # said in Bahasa Indonesia
    with laptop.ws.reading() as s:
        entry = s.query(SyncLog).order_by(SyncLog.id.desc()).first()
        assert entry.message == text and entry.server_url == f"berkas: {path.name}"
    return caught.value


def variant(good, name: str, data: bytes):
    path = good.parent / name
    path.write_bytes(data)
    return path


@pytest.fixture
def exported(tmp_path, pair, kit):
    officer, sup = pair
    ids = kit.submitted(officer.ws, officer.actor, 2)
    officer.attach(ids[0], PHOTO)
    stick = tmp_path / "stick"
    stick.mkdir()
    return officer, sup, export_batch(officer.ws, officer.actor, stick), ids


def test_damaged_foreign_and_strange_files_are_refused_whole(exported):
    officer, sup, result, _ids = exported
    good = result.path
    raw = good.read_bytes()
    header_end = 14 + int.from_bytes(raw[10:14], "big")
    for n, at in enumerate((20, header_end + 40, header_end + 5000, len(raw) // 2, len(raw) - 200, len(raw) - 1)):
        flipped = bytearray(raw)
        flipped[at] ^= 0x01
        assert_refused(sup, variant(good, f"flip-{n}.jbb", bytes(flipped)), "tampered", "bad_signature")
    assert_refused(sup, variant(good, "short.jbb", raw[:-100]), "truncated")
    assert_refused(sup, variant(good, "half.jbb", raw[:len(raw) // 2]), "truncated")
    newer = bytearray(raw)
    newer[8:10] = (2).to_bytes(2, "big")
    assert_refused(sup, variant(good, "newer.jbb", bytes(newer)), "newer_version")
    zipped = good.parent / "photos.jbb"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("foto.jpg", PHOTO)
    assert_refused(sup, zipped, "not_a_batch")
    assert_refused(sup, variant(good, "random.jbb", os.urandom(50_000)), "not_a_batch")
    assert_refused(sup, variant(good, "empty.jbb", b""), "not_a_batch", "truncated")
    assert_refused(sup, variant(good, "berkas.jbb.part", raw), "truncated")
    # A receipt is not a batch, and the good file still imports after all of that.
    imported = import_batch(sup.ws, sup.actor, good)
    assert imported.records_new == 2 and imported.files == 1
    assert_refused(sup, imported.receipt_path, "wrong_type_batch")
    # The officer's laptop cannot open what was written for the supervisor's.
    assert_refused(officer, good, "not_for_us")


def test_unknown_revoked_and_outside_the_team_senders_are_refused(tmp_path, exported, handover_server, kit,
                                                                  monkeypatch):
    officer, sup, result, _ids = exported
    # A laptop enrolled after the supervisor's last sync: not in the supervisor's key list.
    other = enrolled(tmp_path / "siti-2", handover_server, "siti", kit, "laptop-siti-2")
    try:
        kit.submitted(other.ws, other.actor, 1, data=dict(kit.valid, nik="1603074502900100"))
        stranger = export_batch(other.ws, other.actor, mkdir(tmp_path / "stick-2"))
        assert_refused(sup, stranger.path, "unknown_sender")
    finally:
        other.ws.close()

    # Budi is in another supervisor's team: a file that names Sup's laptop as recipient holds records Sup may not
    # take (and a file for his own supervisor's laptop is not for Sup's at all).
    budi = enrolled(tmp_path / "budi", handover_server, "budi", kit, "laptop-budi")
    try:
        kit.submitted(budi.ws, budi.actor, 1, data=dict(kit.valid, nik="1603074502900200"))
        kit.sync(sup.ws, username="sup")  # Budi's laptop is in Sup's key list now
        not_for_sup = export_batch(budi.ws, budi.actor, mkdir(tmp_path / "stick-3"))
        assert not not_for_sup.to_supervisor  # Sup2 has no laptop: only the central office can open it
        assert_refused(sup, not_for_sup.path, "not_for_us")
        with sup.ws.reading() as s:
            sups = device_keys.device_keys_of_user(s, sup.actor.user_id)
        real = export_module._recipients
        monkeypatch.setattr(export_module, "_recipients", lambda s, a: (sups + real(s, a)[0], "Sup"))
        foreign = export_batch(budi.ws, budi.actor, mkdir(tmp_path / "stick-4"), ids=_ids_of(budi))
        refusal = assert_refused(sup, foreign.path, "outside_team")
        # Sup's laptop does not hold Budi's account (a laptop gets only its team's): named by his laptop.
        assert "laptop-budi" in refusal.text("id")
    finally:
        budi.ws.close()

    # The officer's laptop revoked at the office (stolen): its files are refused once the key list says so.
    with officer.ws.reading() as s:
        device = device_keys.server_device_id(s)
    code, out = handover_server.cli("revoke-device", device)
    assert code == 0, out
    kit.sync(sup.ws, username="sup")
    assert read_batch_header(result.path, sup.ws).sender_name == "Siti"
    assert_refused(sup, result.path, "unknown_sender")


def _ids_of(laptop) -> list[str]:
    from app import registrations as regs

    with laptop.ws.reading() as s:
        return [r.id for r in regs.search(s)]


def mkdir(path):
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_bad_receipts_are_refused_and_a_late_old_one_decides_nothing(tmp_path, exported):
    from app import registrations as regs
    from sync.handover import import_receipt, write_receipt

    officer, sup, result, ids = exported
    imported = import_batch(sup.ws, sup.actor, result.path)
    first = imported.receipt_path
    boss = sup.actor
    with sup.ws.transaction() as s:
        regs.transition(s, actor=boss, registration_id=ids[0], action="return", now=sup.ws.now(),
                        comment="NIK ibu salah")
    second = write_receipt(sup.ws, boss, mkdir(tmp_path / "back"), for_sender_device=imported.sender_device)

    def refused_receipt(path, *codes):
        before, logs = dump(officer.ws), logged(officer.ws)
        with pytest.raises(BatchRefused) as caught:
            import_receipt(officer.ws, officer.actor, path)
        assert caught.value.code in codes, caught.value
        assert dump(officer.ws) == before and logged(officer.ws) == (logs[0] + 1, logs[1] + 1)

    raw = bytearray(second.read_bytes())
    raw[len(raw) - 10] ^= 0x40
    refused_receipt(variant(second, "rusak.jbr", bytes(raw)), "tampered", "bad_signature")
    refused_receipt(result.path, "wrong_type_receipt")
    refused_receipt(variant(second, "random.jbr", os.urandom(3000)), "not_a_batch")
    with pytest.raises(BatchRefused) as caught:
        import_receipt(sup.ws, sup.actor, second)  # written for the officer's laptop
    assert caught.value.code == "not_for_us"

    # The newer receipt (with the return) first, then the older one that came late: it confirms, decides nothing.
    newer = import_receipt(officer.ws, officer.actor, second)
    assert (newer.decisions_applied, newer.stale) == (1, False)
    older = import_receipt(officer.ws, officer.actor, first)
    assert older.stale and older.decisions_applied == 0
    with officer.ws.reading() as s:
        assert regs.get(s, ids[0]).status == "returned"


def test_an_export_that_cannot_be_made_says_why_and_writes_nothing(tmp_path, exported, kit):
    from app import auth
    from app.workspace import Workspace

    officer, sup, _result, ids = exported
    target = mkdir(tmp_path / "stick-x")
    for actor, chosen, code in ((officer.actor, None, "nothing_to_export"),  # all of it is in berkas 1
                                (sup.actor, ids, "not_exportable")):  # not the supervisor's own records
        laptop = officer if actor.username == "siti" else sup
        with pytest.raises(BatchRefused) as caught:
            export_batch(laptop.ws, actor, target, ids=chosen)
        assert caught.value.code == code and caught.value.text("id") != caught.value.template
    # A laptop that never synced has no keys and no list of laptops: nothing can be signed or addressed.
    fresh = Workspace.open(tmp_path / "fresh")
    try:
        with fresh.transaction() as s:
            user = auth.create_user(s, username="rina", full_name="Rina", password="rahasia123", role="officer",
                                    now=fresh.now())
            actor = auth.Actor(user.id, "rina", "Rina", "officer", fresh.device_id)
        kit.submitted(fresh, actor, 1)
        with pytest.raises(BatchRefused) as caught:
            export_batch(fresh, actor, target)
        assert caught.value.code == "no_keys"
        assert logged(fresh) == (1, 1)
    finally:
        fresh.close()
    assert list(target.iterdir()) == []
