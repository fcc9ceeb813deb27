"""Journey: two officers and their supervisor on three laptops against the real server.

Siti and Dewi each send a record from their own laptop → the supervisor's laptop, after one sync, holds both
(officers' laptops hold only their own) → she returns Dewi's with two field comments and approves Siti's behind
her password → Dewi's laptop shows each comment on its field; she fixes and resends → the supervisor sees what
changed and approves it with Ctrl+Enter → the server and both officers' laptops hold them approved.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt

from journey_kit import WAIT, Laptop, finish_confirmation, send_ektp, submit, type_into
from ui_helpers import make_png, thumbnails_on

from ui.records.model import STATUS
from ui.shell.main_window import REVIEW

ADDRESS_NOTE = "Tulis nomor rumah"
NIK_NOTE = "NIK tidak sama dengan KK"


def status_on(server, rid: str) -> str:
    return server.scalar("SELECT status FROM registrations WHERE id = :id", id=rid)


def officer_sends(qtbot, laptop, server, name: str, username: str, person: str, nik: str, photo=None) -> str:
    laptop.create_first_account(name, username)
    laptop.enrol(server.root, server.enrol_code(for_user=username))
    rid = send_ektp(qtbot, laptop, person, nik, photo=photo)
    result = laptop.sync()
    assert result.accepted == 1 and result.files_sent == (photo is not None)
    return rid


def queue_of(qtbot, laptop, count: int):
    queue = laptop.go(REVIEW)
    qtbot.waitUntil(lambda: queue.table.rowCount() == count, timeout=WAIT)
    return queue


def test_two_officers_and_their_supervisor_on_three_laptops(qtbot, laptop, journey_server, tmp_path):
    server = journey_server  # tests/conftest.py: supervisor ani, officer siti
    server.create_user("dewi", supervisor="ani")
    siti_laptop, dewi_laptop, ani_laptop = laptop, Laptop(tmp_path / "dewi", qtbot), Laptop(tmp_path / "ani", qtbot)
    try:
        siti_rid = officer_sends(qtbot, siti_laptop, server, "Siti Aminah", "siti", "Siti Rahmawati",
                                 "1603075708900003", photo=make_png(tmp_path / "pas-foto-siti.png"))
        dewi_rid = officer_sends(qtbot, dewi_laptop, server, "Dewi Lestari", "dewi", "Nur Aini", "1603075102920004")
        assert siti_laptop.records().model.rowCount() == 1  # an officer holds only their own

        # The supervisor's own laptop: one sync brings both records, whole.
        ani_laptop.create_first_account("Ani", "ani")
        ani_laptop.enrol(server.root, server.enrol_code(for_user="ani"))
        ani_laptop.log_out()
        window = ani_laptop.log_in("ani")
        assert ani_laptop.sync().files_received == 1  # Siti's photo, for the review
        queue = queue_of(qtbot, ani_laptop, 2)
        assert {queue.rows[r].owner_name for r in range(2)} == {"Siti", "Dewi"}
        ani_laptop.shot("40-team-queue-after-sync")

        # Siti's record shows her photo here, not a notice that it is elsewhere.
        queue.open_row(next(r for r in range(2) if queue.rows[r].id == siti_rid))
        page = window.current_page()
        qtbot.waitUntil(lambda: page.detail is not None and len(thumbnails_on(page)) == 1, timeout=WAIT)
        assert not page.attachments_missing.isVisible()
        ani_laptop.shot("40b-team-record-with-its-photo")
        qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
        queue = queue_of(qtbot, ani_laptop, 2)

        # Dewi's goes back with two field comments.
        queue.open_row(next(r for r in range(2) if queue.rows[r].id == dewi_rid))
        page = window.current_page()
        qtbot.waitUntil(lambda: page.detail is not None and page.review.isVisible(), timeout=WAIT)
        assert "Nur Aini" in page.title.text()
        qtbot.mouseClick(page.review.details_button, Qt.MouseButton.LeftButton)
        dialog = page.review.return_dialog
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
        box = dialog.reason_boxes["data_mismatch"]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        for key, note in (("address", ADDRESS_NOTE), ("nik", NIK_NOTE)):
            dialog.field.setCurrentIndex(dialog.field.findData(key))
            dialog.field_comment.setFocus()
            qtbot.keyClicks(dialog.field_comment, note)
            qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: status_of_local(ani_laptop, dewi_rid) == "returned", timeout=WAIT)

        # Siti's is approved behind the password.
        qtbot.mouseClick(window.current_page().back, Qt.MouseButton.LeftButton)
        queue = queue_of(qtbot, ani_laptop, 1)
        queue.table.selectAll()
        qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(queue.password_dialog.isVisible, timeout=WAIT)
        qtbot.keyClicks(queue.password_dialog.password, "rahasia123")
        qtbot.keyClick(queue.password_dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: queue.table.rowCount() == 0, timeout=WAIT)
        assert ani_laptop.sync().accepted == 2
        assert (status_on(server, siti_rid), status_on(server, dewi_rid)) == ("approved", "returned")
        # Approved here, the record keeps its photo on the server.
        kept = server.scalar("SELECT attachments FROM registrations WHERE id = :id", id=siti_rid)
        assert len(json.loads(kept)) == 1

        # Dewi's laptop: the comments sit on their fields; she fixes the address and sends it again.
        dewi_laptop.sync()
        records = dewi_laptop.records()
        qtbot.waitUntil(lambda: records.model.rowCount() == 1
                        and records.model.index(0, STATUS).data() == "Dikembalikan", timeout=WAIT)
        form = dewi_laptop.open_record("Nur Aini")
        qtbot.waitUntil(lambda: form.review_note.isVisible() and form.body.isEnabled(), timeout=WAIT)
        assert "oleh Ani" in form.review_note.text() and "Data tidak sesuai dokumen" in form.review_note.text()
        assert ADDRESS_NOTE in form.boxes["address"].message_text()
        assert NIK_NOTE in form.boxes["nik"].message_text()
        form.scroll.verticalScrollBar().setValue(0)
        dewi_laptop.shot("41-officer-sees-field-comments")
        type_into(qtbot, form, "address", "Jl. Merdeka No. 5, rumah 12")
        finish_confirmation(qtbot, dewi_laptop.window, submit(qtbot, dewi_laptop.window, form))
        assert dewi_laptop.sync().accepted == 1

        # The supervisor: the resent copy arrives with what changed; Ctrl+Enter approves it.
        ani_laptop.sync()
        queue = queue_of(qtbot, ani_laptop, 1)
        queue.table.setFocus()
        queue.table.selectRow(0)
        qtbot.keyClick(queue.table, Qt.Key.Key_Return)
        page = window.current_page()
        qtbot.waitUntil(lambda: page.detail is not None and page.since_return.isVisible(), timeout=WAIT)
        assert "Alamat: Jl. Merdeka No. 5 → Jl. Merdeka No. 5, rumah 12" in page.since_return.text()
        ani_laptop.shot("42-supervisor-sees-the-change")
        window.activateWindow()  # shortcuts belong to the active window, as on the officer's screen
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: status_of_local(ani_laptop, dewi_rid) == "approved", timeout=WAIT)
        ani_laptop.sync()
        assert (status_on(server, siti_rid), status_on(server, dewi_rid)) == ("approved", "approved")
        for officer_laptop in (siti_laptop, dewi_laptop):
            officer_laptop.sync()
            records = officer_laptop.records()
            qtbot.waitUntil(lambda records=records: records.model.rowCount() == 1
                            and records.model.index(0, STATUS).data() == "Disetujui", timeout=WAIT)
    finally:
        for machine in (dewi_laptop, ani_laptop):
            machine.close()


def status_of_local(machine, rid: str) -> str:
    with machine.workspace.reading() as session:
        from db.models import Registration

        return session.get(Registration, rid).status
