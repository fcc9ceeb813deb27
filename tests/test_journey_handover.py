"""Journey: hand-over without signal, through the Sync page's "USB stick" tab of the real app on two laptops.

Both laptops were enrolled and synced once in town (so each knows the other's keys). In the village Siti sends a
record she cannot sync → saves it to the stick → Ani's laptop opens the file: the record is in her review queue as
Siti's, and a receipt is written back to the stick → Ani approves → writes a fresh receipt → Siti's laptop opens it:
the record arrived and is approved → Ani syncs in town: the server holds it as Siti's, approved. A file opened
twice changes nothing and says so; a damaged file is refused whole with the reason in Indonesian.
"""

from __future__ import annotations

from unittest import mock

from PySide6.QtCore import Qt

from journey_kit import WAIT, Laptop, send_ektp

from db.models import Registration
from ui.records.model import STATUS
from ui.shell.main_window import REVIEW, SYNC
from ui.sync import handover_panel


def handover_tab(laptop):
    page = laptop.go(SYNC)
    page.tabs.setCurrentWidget(page.handover)
    return page.handover


def click(qtbot, panel, button, *, folder=None, file=None) -> None:
    """Clicks ``button`` with the folder or file the officer would pick in the dialog, and waits for the work."""
    with mock.patch.object(handover_panel, "choose_folder", lambda *_a: str(folder) if folder else ""), \
            mock.patch.object(handover_panel, "choose_file", lambda *_a: str(file) if file else ""):
        panel.last_result = None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.last_result is not None and not panel.running, timeout=WAIT)


def status_of(machine, rid: str) -> str:
    with machine.workspace.reading() as session:
        return session.get(Registration, rid).status


def test_a_record_goes_to_the_supervisor_on_a_stick_and_the_decision_comes_back(qtbot, laptop, journey_server,
                                                                               tmp_path):
    server = journey_server  # supervisor ani, officer siti
    siti, ani = laptop, Laptop(tmp_path / "ani", qtbot)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        # In town: both laptops enrolled and synced once, so each knows the other's keys.
        ani.create_first_account("Ani", "ani")
        ani.enrol(server.root, server.enrol_code(for_user="ani"))
        ani.log_out()
        ani.log_in("ani")  # as the supervisor the server knows
        ani.sync()
        siti.create_first_account("Siti Aminah", "siti")
        siti.enrol(server.root, server.enrol_code(for_user="siti"))
        siti.sync()
        ani.sync()  # the key list now names Siti's laptop too

        # In the village, no signal: the record goes on the stick.
        rid = send_ektp(qtbot, siti, "Siti Rahmawati", "1603075708900003")
        panel = handover_tab(siti)
        qtbot.waitUntil(lambda: "1 catatan belum diserahkan" in panel.waiting.text(), timeout=WAIT)
        click(qtbot, panel, panel.export_button, folder=stick)
        exported = panel.last_result
        assert exported.sequence == 1 and exported.to_supervisor and "Berkas 1 disimpan" in panel.message.text()
        assert exported.path.parent == stick and exported.path.exists()
        qtbot.waitUntil(lambda: panel.files.topLevelItemCount() == 1, timeout=WAIT)
        row = panel.files.topLevelItem(0)
        assert (row.text(1), row.text(5)) == ("ke Ani", "diserahkan, belum ada tanda terima")
        siti.shot("50-handover-saved-to-stick")
        page = siti.open_record("Siti Rahmawati")
        qtbot.waitUntil(lambda: "diserahkan lewat berkas 1" in page.summary.text(), timeout=WAIT)
        panel = handover_tab(siti)

        ani_panel = handover_tab(ani)
        # A copy damaged on the stick is refused whole, in Indonesian, and nothing enters the queue.
        damaged = stick / "rusak.jbb"
        raw = bytearray(exported.path.read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        damaged.write_bytes(bytes(raw))
        click(qtbot, ani_panel, ani_panel.open_button, file=damaged)
        assert isinstance(ani_panel.last_result, Exception)
        assert ani_panel.message.objectName() == "error" and "rusak" in ani_panel.message.text().lower()
        ani.shot("52-handover-refused")
        assert ani.go(REVIEW).table.rowCount() == 0

        # The supervisor's laptop opens the file itself: the record waits in her queue as Siti's.
        ani_panel = handover_tab(ani)
        click(qtbot, ani_panel, ani_panel.open_button, file=exported.path)
        opened = ani_panel.last_result
        assert (opened.records_new, opened.already_imported, opened.sender_name) == (1, False, "Siti")
        assert "Berkas 1 dari Siti dibuka" in ani_panel.message.text()
        qtbot.waitUntil(lambda: ani_panel.files.topLevelItemCount() == 2, timeout=WAIT)  # the file, its receipt
        assert not ani_panel.export_button.isEnabled()  # nothing of her own to hand over
        ani.shot("51-handover-opened")
        click(qtbot, ani_panel, ani_panel.open_button, file=exported.path)
        assert ani_panel.last_result.already_imported and "sudah pernah dibuka" in ani_panel.message.text()

        queue = ani.go(REVIEW)
        qtbot.waitUntil(lambda: queue.table.rowCount() == 1, timeout=WAIT)
        assert queue.rows[0].id == rid and queue.rows[0].owner_name == "Siti"
        queue.open_row(0)
        page = ani.window.current_page()
        qtbot.waitUntil(lambda: page.detail is not None and page.review.isVisible(), timeout=WAIT)
        qtbot.mouseClick(page.review.approve_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: status_of(ani, rid) == "approved", timeout=WAIT)

        # A fresh receipt with the decision, for Siti's stick.
        ani_panel = handover_tab(ani)
        qtbot.waitUntil(lambda: ani_panel.files.topLevelItemCount() >= 1, timeout=WAIT)
        rows = [ani_panel.files.topLevelItem(i) for i in range(ani_panel.files.topLevelItemCount())]
        ani_panel.files.setCurrentItem(next(item for item in rows if item.text(0) == "Berkas 1"
                                            and item.text(1) == "Siti"))
        assert ani_panel.receipt_button.isEnabled()
        receipts = stick / "receipts"
        receipts.mkdir()
        click(qtbot, ani_panel, ani_panel.receipt_button, folder=receipts)
        receipt = ani_panel.last_result
        assert receipt.parent == receipts and receipt.suffix == ".jbr"

        # Siti's laptop opens the receipt: the record arrived and is approved.
        panel = handover_tab(siti)
        click(qtbot, panel, panel.open_button, file=receipt)
        answered = panel.last_result
        assert answered.confirmed == 1 and answered.decisions_applied == 1
        assert "Tanda terima dari Ani" in panel.message.text()
        siti.shot("53-handover-receipt-opened")
        records = siti.records()
        qtbot.waitUntil(lambda: records.model.rowCount() == 1
                        and records.model.index(0, STATUS).data() == "Disetujui", timeout=WAIT)

        # In town, the supervisor's sync relays it: on the server as Siti's, approved.
        ani.sync()
        owner, status = server.scalar("SELECT owner_id || ' ' || status FROM registrations WHERE id = :id",
                                      id=rid).split()
        assert (owner, status) == (server.users["siti"], "approved")
    finally:
        ani.close()
