"""Journey: the supervisor's decision and the officer's correction, on a shared, enrolled laptop.

An officer's record has already synced (the server holds it as submitted) → the supervisor logs in on the same
laptop, finds it, sends it back with a comment → sync → the officer logs in, syncs, and reads the comment (who,
when) on Home and on the form → corrects and sends it again → sync → the supervisor approves → sync → the server
holds it approved and the laptop shows it approved, with being on the server said beside the status.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from journey_kit import WAIT, fill_ektp, finish_confirmation, submit, type_into

from ui.shell.main_window import HOME
from ui.records.model import STATUS, SYNC

COMMENT = "Alamat kurang lengkap: tulis nomor rumah"


def on_server(server, registration_id: str) -> tuple[str, str | None]:
    return (server.scalar("SELECT status FROM registrations WHERE id = :id", id=registration_id),
            server.scalar("SELECT review_comment FROM registrations WHERE id = :id", id=registration_id))


def test_supervisor_returns_a_synced_record_the_officer_corrects_it_and_it_is_approved(qtbot, laptop,
                                                                                     journey_server):
    server = journey_server  # tests/conftest.py
    # The officer's record, sent and synced: on the server it waits for the supervisor.
    window = laptop.create_first_account("Siti Aminah", "siti")
    form = laptop.new_form("ektp")
    fill_ektp(qtbot, form)
    confirmation = submit(qtbot, window, form)
    rid, number = confirmation.numbers[0].registration_id, confirmation.numbers[0].number
    finish_confirmation(qtbot, window, confirmation)
    laptop.enrol(server.root, server.enrol_code(for_user="siti"))
    laptop.sync()
    assert on_server(server, rid) == ("submitted", None)

    # The supervisor, on the same laptop: the synced record can still be decided on.
    laptop.log_out()
    window = laptop.log_in("ani")
    assert "Ani" in window.who.text() and "Supervisor" in window.who.text()
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: home.waiting.value.text() == "1", timeout=WAIT)
    page = laptop.open_record(number)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT)
    assert "Menunggu supervisor · sudah di server" in page.summary.text()
    assert page.review.isVisible() and page.review.return_button.isVisible()
    laptop.shot("11-supervisor-review")
    page.review.comment.setFocus()
    qtbot.keyClicks(page.review.comment, COMMENT)
    qtbot.mouseClick(page.review.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.status == "returned", timeout=WAIT)
    assert not page.review.isVisible()
    result = laptop.sync()
    assert result.accepted == 1
    assert on_server(server, rid) == ("returned", COMMENT)

    # The officer syncs and reads what to correct, who asked, and when.
    laptop.log_out()
    window = laptop.log_in("siti")
    laptop.sync()
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: home.draft_list.count() == 1, timeout=WAIT)
    item = home.draft_list.item(0)
    assert "DIKEMBALIKAN" in item.text() and COMMENT in item.text()
    laptop.shot("12-officer-home-returned")
    home.draft_list.setFocus()
    home.draft_list.setCurrentRow(0)
    qtbot.keyClick(home.draft_list, Qt.Key.Key_Return)
    form = window.current_page()
    assert form.KIND == "ektp"
    qtbot.waitUntil(lambda: form.review_note.isVisible(), timeout=WAIT)
    note = form.review_note.text()
    assert "Dikembalikan untuk perbaikan oleh Ani" in note and COMMENT in note
    laptop.shot("13-form-with-comment")
    qtbot.waitUntil(lambda: form.body.isEnabled(), timeout=WAIT)
    type_into(qtbot, form, "address", "Jl. Merdeka No. 5, rumah 12")
    finish_confirmation(qtbot, window, submit(qtbot, window, form))
    laptop.sync()
    assert on_server(server, rid)[0] == "submitted"

    # The supervisor approves; the server holds it approved and the laptop still shows it approved.
    laptop.log_out()
    window = laptop.log_in("ani")
    page = laptop.open_record(number)
    qtbot.waitUntil(lambda: page.detail is not None and page.review.isVisible(), timeout=WAIT)
    qtbot.mouseClick(page.review.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.status == "approved", timeout=WAIT)
    laptop.sync()
    assert on_server(server, rid)[0] == "approved"
    assert "rumah 12" in str(server.scalar("SELECT data FROM registrations WHERE id = :id", id=rid))
    laptop.log_out()
    laptop.log_in("siti")
    records = laptop.records(number)
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: (records.model.index(0, STATUS).data(), records.model.index(0, SYNC).data())
                    == ("Disetujui", "✔"), timeout=WAIT)
    laptop.shot("14-records-approved")
    window = laptop.window
    qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.leave_box is not None and window.leave_box.isVisible(), timeout=WAIT)
    laptop.shot("15-exit-choice", window.leave_box)
    window.leave_box.reject()
