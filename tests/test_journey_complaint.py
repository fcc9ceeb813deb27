"""Journey: a citizen's complaint for SP4N-LAPOR!, from the village hall to "resolved" coming back down.

The officer records a confidential complaint (anonymous first, then the citizen changes their mind) with a photo
as evidence → the receipt carries its LPR- number → sync → the supervisor approves it on the same laptop →
central exports it in LAPOR!'s fields, without the name, and marks it forwarded → the officer sees "forwarded",
then "followed up" and "resolved" as central reports them. Driven through the main window with clicks and keys,
against a real server on loopback.
"""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtCore import Qt

from journey_kit import WAIT, choose, finish_confirmation, pick_village, submit, type_into
from ui_helpers import add_file_through_form, make_png

from ui.records.model import STATUS

TITLE = "Jembatan gantung Desa Tanjung Enim putus"
STORY = ("Sejak banjir bulan lalu jembatan gantung ke sekolah putus. Anak-anak menyeberang sungai dengan rakit, "
         "dua kali rakit terbalik.")


def test_a_confidential_complaint_goes_to_lapor_without_the_name_and_its_steps_come_back(qtbot, laptop,
                                                                                       journey_server, tmp_path):
    server = journey_server  # tests/conftest.py
    window = laptop.create_first_account("Siti Aminah", "siti")
    laptop.enrol(server.root, server.enrol_code(for_user="siti"))
    form = laptop.new_form("complaint")

    # Typed before the citizen asked not to be named: choosing "anonymous" empties and locks it.
    type_into(qtbot, form, "complainant_name", "Rusdi")
    choose(qtbot, form.editors["identity"], "3")
    qtbot.waitUntil(lambda: not form.boxes["complainant_name"].isEnabled(), timeout=WAIT)
    assert form.values()["complainant_name"] == ""
    assert "Anonim" in form.identity_hint.text()
    # They change their mind: confidential, so central can call back but the agency never sees the name.
    choose(qtbot, form.editors["identity"], "2")
    qtbot.waitUntil(lambda: form.boxes["complainant_name"].isEnabled(), timeout=WAIT)
    type_into(qtbot, form, "complainant_name", "Rusdi Hartono")
    type_into(qtbot, form, "complainant_phone", "081234567890")
    type_into(qtbot, form, "title", TITLE)
    choose(qtbot, form.editors["category"], "1")
    choose(qtbot, form.editors["agency"], "2")
    type_into(qtbot, form, "incident_date", date.today().strftime("%d%m%Y"))
    type_into(qtbot, form, "description", STORY)
    pick_village(qtbot, form.pickers[""], "16.03", "tanj", "Tanjung Enim")
    type_into(qtbot, form, "place_detail", "Jalan ke SD Negeri 12")
    form.scroll.verticalScrollBar().setValue(0)
    laptop.shot("20-complaint-form")
    add_file_through_form(qtbot, form, make_png(tmp_path / "jembatan.png", "#6d4c41"))
    laptop.shot("20-complaint-form-evidence")

    confirmation = submit(qtbot, window, form)
    number, rid = confirmation.numbers[0].number, confirmation.numbers[0].registration_id
    assert number.startswith("LPR-")
    qtbot.keyClick(confirmation, Qt.Key.Key_Return)
    receipt = confirmation.receipt_dialog
    qtbot.waitUntil(lambda: receipt is not None and receipt.content is not None, timeout=WAIT)
    assert receipt.content.number == number and receipt.content.title == "Tanda terima: pengaduan SP4N-LAPOR!"
    assert receipt.content.citizen_name == "Rusdi Hartono"  # the citizen's own receipt names them
    assert receipt.content.about == TITLE
    assert "lapor.go.id" in receipt.content.next_steps
    qtbot.waitUntil(lambda: receipt.print_button.isEnabled(), timeout=WAIT)
    laptop.shot("21-complaint-receipt", receipt)
    receipt.accept()
    finish_confirmation(qtbot, window, confirmation)

    result = laptop.sync()
    assert (result.accepted, result.files_sent) == (1, 1)
    assert server.scalar("SELECT status FROM registrations WHERE id = :id", id=rid) == "submitted"

    # The supervisor approves it on the same laptop.
    laptop.log_out()
    laptop.log_in("ani")
    page = laptop.open_record(number)
    qtbot.waitUntil(lambda: page.detail is not None and page.review.isVisible(), timeout=WAIT)
    qtbot.mouseClick(page.review.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.status == "approved", timeout=WAIT)
    laptop.sync()

    # Central: the approved complaint in LAPOR!'s fields, the name withheld, and marked forwarded.
    out_file = tmp_path / "lapor.csv"
    code, out = server.cli("export", "complaint", "--out", str(out_file), "--mark", "forwarded")
    assert code == 0, out
    assert "1 records for SP4N-LAPOR!" in out
    [row] = list(csv.DictReader(out_file.read_text(encoding="utf-8-sig").splitlines()))
    assert (row["nomor_pelacakan"], row["judul"], row["isi_laporan"]) == (number, TITLE, STORY)
    assert (row["anonim"], row["rahasia"], row["nama_pelapor"], row["telepon_pelapor"]) == ("0", "1", "", "")
    assert row["kategori"] == "Jalan, jembatan dan pekerjaan umum" and row["instansi_tujuan"] == "Dinas PUPR"
    assert row["lokasi"].startswith("Jalan ke SD Negeri 12, Tanjung Enim, Lawang Kidul")
    # A second export finds nothing new to forward.
    code, out = server.cli("export", "complaint", "--out", str(tmp_path / "again.csv"))
    assert code == 0 and out.startswith("0 records"), out

    # The officer sees each step as central reports it.
    laptop.log_out()
    laptop.log_in("siti")
    laptop.sync()
    records = laptop.records(number)
    qtbot.waitUntil(lambda: records.model.rowCount() == 1
                    and records.model.index(0, STATUS).data() == "Diteruskan ke instansi", timeout=WAIT)
    laptop.shot("22-records-complaint-forwarded")
    for step, shown in (("followed_up", "Ditindaklanjuti instansi"), ("resolved", "Selesai")):
        code, out = server.cli("set-status", number, step, "--note", "Jembatan diperbaiki Dinas PUPR")
        assert code == 0, out
        laptop.sync()
        records = laptop.records(number)
        qtbot.waitUntil(lambda shown=shown: records.model.rowCount() == 1
                        and records.model.index(0, STATUS).data() == shown, timeout=WAIT)
    assert server.scalar("SELECT status FROM registrations WHERE id = :id", id=rid) == "done"
    page = laptop.open_record(number)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT)
    assert "Status: Selesai" in page.summary.text()
    lines = [page.history.topLevelItem(0).child(i).text(0) for i in range(page.history.topLevelItem(0).childCount())]
    assert "Tahap layanan: Ditindaklanjuti instansi → Selesai" in lines, lines
    history = page.history
    every = [history.topLevelItem(n).child(i).text(0) for n in range(history.topLevelItemCount())
             for i in range(history.topLevelItem(n).childCount())]
    assert "Tahap layanan: — → Diteruskan ke instansi" in every
    assert not any(line.startswith("Catatan dari kantor pusat: — → —") for line in every), every
    laptop.shot("23-complaint-resolved")
