"""Journey: a field officer's day in the real app, from a new laptop to the status that central sends back.

First run and first account → e-KTP, birth (the mother taken from her e-KTP) and cataract registrations → the
confirmation and the receipt → enrolment → sync → the records are still listed and every count is right → central
sets "done" by the number printed on the receipt → the officer sees it on Home and on the record. Driven through the
main window with clicks and keys, against a real server on loopback.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from journey_kit import (WAIT, fill_birth_with_mother_from_ektp, fill_cataract, fill_ektp,
                         finish_confirmation, submit)
from ui_helpers import add_file_through_form, draw_signature_through_form, make_png, thumbnails_on

from ui.shell.main_window import HOME
from ui.records.model import STATUS, SYNC


def statuses(records) -> set[tuple[str, str]]:
    """(status, server column) of every row the records list shows."""
    model = records.model
    return {(model.index(r, STATUS).data(), model.index(r, SYNC).data()) for r in range(model.rowCount())}


def wait_home(laptop, counts: tuple[str, str, str]) -> None:
    home = laptop.go(HOME)
    laptop.qtbot.waitUntil(lambda: (home.drafts.value.text(), home.waiting.value.text(),
                                    home.submitted.value.text()) == counts, timeout=WAIT)


def test_officers_day_from_first_run_to_the_status_from_central(qtbot, laptop, journey_server, tmp_path):
    server = journey_server  # tests/conftest.py
    window = laptop.create_first_account("Siti Aminah", "siti")
    assert window.home.hello.text() == "Halo, Siti Aminah"
    wait_home(laptop, ("0", "0", "0"))

    # e-KTP: typed field by field, sent, and the confirmation names the number; Enter opens the receipt.
    form = laptop.new_form("ektp")
    fill_ektp(qtbot, form)
    add_file_through_form(qtbot, form, make_png(tmp_path / "pas-foto.png"))
    draw_signature_through_form(qtbot, form)
    laptop.shot("02-ektp-form-with-photo")
    confirmation = submit(qtbot, window, form)
    laptop.shot("03-submitted", confirmation)
    assert "Terkirim ke supervisor" in confirmation.headline.text()
    number = confirmation.numbers[0].number
    assert number.startswith("KTP-") and number in confirmation.details.text()
    assert confirmation.receipt_button.isDefault()
    qtbot.keyClick(confirmation, Qt.Key.Key_Return)
    receipt = confirmation.receipt_dialog
    qtbot.waitUntil(lambda: receipt is not None and receipt.content is not None, timeout=WAIT)
    assert receipt.content.number == number
    qtbot.waitUntil(lambda: receipt.print_button.isEnabled(), timeout=WAIT)
    laptop.shot("04-receipt", receipt)
    assert receipt.print_button.isEnabled() and receipt.pdf_button.isEnabled()
    receipt.accept()
    qtbot.waitUntil(lambda: not confirmation.isVisible(), timeout=WAIT)
    window.submitted_dialog = None
    wait_home(laptop, ("0", "1", "1"))

    # Birth: the mother is found by her NIK from the e-KTP just recorded.
    form = laptop.new_form("birth")
    fill_birth_with_mother_from_ektp(qtbot, form, "1603075708900003")
    assert form.editors["mother_name"].text() == "Siti Rahmawati"
    # Saying which person it was linked to: the mother, by her NIK (not the reporter typed after her).
    qtbot.waitUntil(lambda: form.info.isVisible(), timeout=WAIT)
    assert "1603075708900003" in form.info.text()
    add_file_through_form(qtbot, form, make_png(tmp_path / "kk.png", "#cccccc"), purpose="kk")
    laptop.shot("05-birth-form")
    finish_confirmation(qtbot, window, submit(qtbot, window, form))

    # Cataract screening of a grandmother.
    form = laptop.new_form("cataract")
    fill_cataract(qtbot, form)
    add_file_through_form(qtbot, form, make_png(tmp_path / "mata.png", "#aa3333"))
    laptop.shot("06-cataract-form")
    finish_confirmation(qtbot, window, submit(qtbot, window, form))
    wait_home(laptop, ("0", "3", "3"))
    records = laptop.records()
    assert records.model.rowCount() == 3 and records.count_label.text() == "3 data"
    laptop.shot("07-records-before-enrol")
    # Any part of a name finds the record: Siti's own e-KTP and the birth that names her as the mother; not by
    # the reporter's name; two letters as well as more.
    records = laptop.records("rahmaw")
    assert records.model.rowCount() == 2 and records.count_label.text() == "2 data"
    laptop.shot("07b-records-searched-by-name")
    assert laptop.records("Ahmad Yani").model.rowCount() == 0
    assert laptop.records("ij").model.rowCount() == 1  # Mak Ijah

    # Enrolment: the account takes the server's id; nothing is lost and the counts stay right.
    laptop.enrol(server.root, server.enrol_code(for_user="siti"))
    qtbot.waitUntil(lambda: window.sync.pending == 3, timeout=WAIT)
    assert window.sync.status_text().startswith("3 ")
    wait_home(laptop, ("0", "3", "3"))
    records = laptop.records()
    assert records.model.rowCount() == 3

    result = laptop.sync()
    assert (result.sent, result.accepted, result.rejected) == (3, 3, 0)
    assert result.files_sent == 4  # the photo and signature, the KK scan, the eye photo
    assert server.scalar("SELECT count(*) FROM attachments WHERE received = size") == 4
    qtbot.waitUntil(lambda: window.sync.pending == 0, timeout=WAIT)
    records = laptop.records()
    assert records.model.rowCount() == 3 and records.count_label.text() == "3 data"
    # The list reloads after the sync (batched by a timer): the officer sees the ticks appear.
    qtbot.waitUntil(lambda: statuses(records) == {("Menunggu supervisor", "✔")}, timeout=WAIT)  # still for Ani
    laptop.shot("08-records-after-sync")
    wait_home(laptop, ("0", "3", "3"))

    # Central prints the KTP and types the number from the receipt.
    code, out = server.cli("set-status", number, "done", "--note", "KTP sudah dicetak")
    assert code == 0, out
    result = laptop.sync()
    assert result.changes_pulled >= 1
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: home.central_box.isVisible() and home.central_list.count() == 1, timeout=WAIT)
    news = home.central_list.item(0).text()
    assert "Siti Rahmawati" in news and "Selesai" in news and "KTP sudah dicetak" in news and "Kantor pusat" in news
    laptop.shot("09-home-news-from-central")

    # The record itself says it, credited to central, not to the officer who synced.
    page = laptop.open_record(number)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT)
    assert "Status: Selesai · sudah di server" in page.summary.text()
    qtbot.waitUntil(lambda: len(thumbnails_on(page)) == 2, timeout=WAIT)  # the photo and the signature
    laptop.shot("10-record-done")
    assert page.central.isVisible() and "Kantor pusat" in page.central.text()
    assert "KTP sudah dicetak" in page.central.text()
    top = page.history.topLevelItem(0)
    assert top.text(1) == "Kantor pusat"
    lines = [top.child(i).text(0) for i in range(top.childCount())]
    assert "Catatan dari kantor pusat: — → KTP sudah dicetak" in lines
