"""Journey: the supervisor's desk on a shared laptop — the queue, a return that points at fields, the
officer's correction beside each comment, the diff, and approving the rest at once behind the password.

Two e-KTP records synced → the supervisor opens the queue (oldest first), sends the first back with a reason and
two field comments, and the page steps on to the next → sync → the officer sees "Dikembalikan" on Home and each
comment under its field, corrects one, sends it again → the supervisor sees what changed since the return,
selects both, types a wrong password (nothing happens), then the right one → both approved, on the server too.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from journey_kit import WAIT, finish_confirmation, send_ektp, submit, type_into

from ui.shell.main_window import HOME, REVIEW

ADDRESS_NOTE = "Tulis nomor rumah dan nama dusun"
NAME_NOTE = "Ejaan nama berbeda dengan KK"


def on_server(server, rid: str) -> str:
    return server.scalar("SELECT status FROM registrations WHERE id = :id", id=rid)


def open_queue(qtbot, laptop, count: int):
    queue = laptop.go(REVIEW)
    qtbot.waitUntil(lambda: queue.table.rowCount() == count, timeout=WAIT)
    return queue


def test_a_return_with_field_comments_is_corrected_and_the_rest_approved_at_once(qtbot, laptop, journey_server):
    server = journey_server  # tests/conftest.py
    window = laptop.create_first_account("Siti Aminah", "siti")
    assert window.nav.item(REVIEW).isHidden()  # nothing for an officer to decide
    first = send_ektp(qtbot, laptop, "Siti Rahmawati", "1603075708900003")
    second = send_ektp(qtbot, laptop, "Nur Aini", "1603075102920004")
    laptop.enrol(server.root, server.enrol_code(for_user="siti"))
    laptop.sync()

    # The supervisor's queue, oldest first; Enter opens the first for review.
    laptop.log_out()
    window = laptop.log_in("ani")
    assert not window.nav.item(REVIEW).isHidden()
    queue = open_queue(qtbot, laptop, 2)
    assert [queue.table.item(r, 0).text() for r in range(2)] == ["Siti Rahmawati", "Nur Aini"]
    assert queue.count_label.text() == "2 data menunggu"
    laptop.shot("30-review-queue")
    queue.table.setFocus()
    queue.table.selectRow(0)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    page = window.current_page()
    qtbot.waitUntil(lambda: page.detail is not None and page.review.isVisible(), timeout=WAIT)
    assert page.detail.id == first and page.next_button.isEnabled() and not page.previous_button.isEnabled()

    # Sent back with a reason and two comments on fields.
    qtbot.mouseClick(page.review.details_button, Qt.MouseButton.LeftButton)
    dialog = page.review.return_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    typo = dialog.reason_boxes["typo"]
    qtbot.mouseClick(typo, Qt.MouseButton.LeftButton, pos=QPoint(8, typo.height() // 2))
    assert typo.isChecked()
    for key, note in (("address", ADDRESS_NOTE), ("name", NAME_NOTE)):
        dialog.field.setCurrentIndex(dialog.field.findData(key))
        dialog.field_comment.setFocus()
        qtbot.keyClicks(dialog.field_comment, note)
        qtbot.keyClick(dialog.field_comment, Qt.Key.Key_Return)
    assert dialog.comments.count() == 2
    laptop.shot("31-return-with-field-comments", dialog)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    # The decision taken, the page steps on to the next record of the queue by itself.
    qtbot.waitUntil(lambda: window.current_page() is not page, timeout=WAIT)
    page = window.current_page()
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT)
    assert page.detail.id == second and page.previous_button.isEnabled()
    laptop.sync()
    assert on_server(server, first) == "returned"

    # The officer: "Dikembalikan" on Home, and each comment under its own field.
    laptop.log_out()
    window = laptop.log_in("siti")
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: home.returned.value.text() == "1", timeout=WAIT)
    home.draft_list.setFocus()
    home.draft_list.setCurrentRow(0)
    qtbot.keyClick(home.draft_list, Qt.Key.Key_Return)
    form = window.current_page()
    qtbot.waitUntil(lambda: form.review_note.isVisible() and form.body.isEnabled(), timeout=WAIT)
    assert "oleh Ani" in form.review_note.text() and "Salah ketik/ejaan" in form.review_note.text()
    assert form.boxes["address"].review_comment == ADDRESS_NOTE
    assert ADDRESS_NOTE in form.boxes["address"].message_text()
    assert NAME_NOTE in form.boxes["name"].message_text() and form.boxes["rt"].review_comment == ""
    form.scroll.verticalScrollBar().setValue(0)
    laptop.shot("32-officer-form-with-field-comments")
    type_into(qtbot, form, "address", "Jl. Merdeka No. 5, Dusun II")
    finish_confirmation(qtbot, window, submit(qtbot, window, form))
    laptop.sync()
    assert on_server(server, first) == "submitted"

    # The supervisor reads what changed since the return, then approves both at once with the password.
    laptop.log_out()
    window = laptop.log_in("ani")
    queue = open_queue(qtbot, laptop, 2)
    row = next(r for r in range(2) if queue.rows[r].id == first)
    queue.open_row(row)
    page = window.current_page()
    qtbot.waitUntil(lambda: page.detail is not None and page.since_return.isVisible(), timeout=WAIT)
    assert "Alamat: Jl. Merdeka No. 5 → Jl. Merdeka No. 5, Dusun II" in page.since_return.text()
    laptop.shot("33-changed-since-return")
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    queue = open_queue(qtbot, laptop, 2)
    queue.table.setFocus()
    queue.table.selectAll()
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    dialog = queue.password_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    qtbot.keyClicks(dialog.password, "salah-sandi")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.message.isVisible() and "Kata sandi salah" in queue.message.text(), timeout=WAIT)
    assert queue.table.rowCount() == 2  # nothing was decided
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    dialog = queue.password_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    qtbot.keyClicks(dialog.password, "rahasia123")
    laptop.shot("34-approve-with-password", dialog)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.table.rowCount() == 0, timeout=WAIT)
    assert "2 data disetujui" in queue.message.text()
    laptop.sync()
    assert (on_server(server, first), on_server(server, second)) == ("approved", "approved")
