"""Journey: a citizen's receipt and data, on an enrolled laptop against the real server on loopback (issue 11
items 5, 6, 9). The officer enrols the laptop and syncs (the province certifies its key) → sends an e-KTP: the
receipt is signed and says so → saves it as PDF → on the records page "Periksa tanda terima" opens that PDF and
says valid, offline; one changed character says invalid → from the record, the person's page: their data
exported to PDF and JSON, a correction with its reason shown on the page → Settings shows how the laptop reaches
the server → the laptop's audit log holds all of it and checks intact."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from journey_kit import WAIT, fill_ektp, finish_confirmation, submit

from app import audit_log
from db.models import AuditEvent
from ui.shell.main_window import SETTINGS


def test_a_signed_receipt_is_checked_and_the_citizen_gets_their_data(qtbot, laptop, journey_server, tmp_path):
    server = journey_server
    window = laptop.create_first_account("Siti Aminah", "siti")
    laptop.enrol(server.root, server.enrol_code())  # names nobody: the first session binds it
    laptop.sync()

    form = laptop.new_form("ektp")
    fill_ektp(qtbot, form)
    confirmation = submit(qtbot, window, form)
    number = confirmation.numbers[0].number
    qtbot.mouseClick(confirmation.receipt_button, Qt.MouseButton.LeftButton)
    receipt = confirmation.receipt_dialog
    qtbot.waitUntil(lambda: receipt is not None and receipt.content is not None, timeout=WAIT)
    assert receipt.content.signed and receipt.content.qr_payload.startswith("JB2:")
    qtbot.waitUntil(lambda: receipt.print_button.isEnabled(), timeout=WAIT)
    laptop.shot("30-receipt-signed", receipt)
    pdf = tmp_path / "receipt.pdf"
    assert receipt.save_pdf(pdf)
    receipt.accept()
    finish_confirmation(qtbot, window, confirmation)

    # Anyone with the key list checks it offline: here, from the PDF the officer saved.
    records = laptop.records()
    qtbot.mouseClick(records.check_receipt_button, Qt.MouseButton.LeftButton)
    check = records.receipt_check_dialog
    qtbot.waitUntil(check.isVisible, timeout=WAIT)
    check.open_image(pdf)
    qtbot.waitUntil(lambda: check.result_check is not None, timeout=WAIT)
    assert check.result_check.verdict == "valid", check.verdict.text()
    assert check.detail_labels["number"].text() == number and check.details_box.isVisible()
    assert "Sah" in check.verdict.text()
    laptop.shot("31-receipt-check-valid", check)
    text = check.text.toPlainText()
    flipped = text[:-5] + ("A" if text[-5] != "A" else "B") + text[-4:]
    check.text.setPlainText(flipped)
    qtbot.mouseClick(check.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: check.result_check.verdict == "invalid", timeout=WAIT)
    assert not check.details_box.isVisible()
    laptop.shot("32-receipt-check-invalid", check)
    check.accept()

    # The citizen asks what is held about them, and for a correction.
    page = laptop.open_record(number)
    qtbot.waitUntil(lambda: page.person_id is not None and page.media.person_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(page.media.person_button, Qt.MouseButton.LeftButton)
    person = page.media.person_dialog.page
    qtbot.waitUntil(lambda: person.export_pdf_button.isEnabled(), timeout=WAIT)
    laptop.shot("33-person-page", page.media.person_dialog)
    person.export("pdf", tmp_path / "data.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "data.pdf").exists() and person.rights_message.isVisible(), timeout=WAIT)
    person.export("json", tmp_path / "data.json")
    qtbot.waitUntil(lambda: (tmp_path / "data.json").exists(), timeout=WAIT)
    held = json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    assert held["registrations"][0]["data"]["nik"] == held["person"]["nik"]
    correction = person.open_correction()
    qtbot.waitUntil(correction.isVisible, timeout=WAIT)
    correction.inputs["birth_place"].setText("PALEMBANG")
    correction.reason.setPlainText("Sesuai KTP yang ditunjukkan warga")
    laptop.shot("34-person-correction", correction)
    with qtbot.waitSignal(correction.accepted, timeout=WAIT):
        correction.save()
    qtbot.waitUntil(lambda: person.corrections.isVisible(), timeout=WAIT)
    assert "PALEMBANG" in person.corrections.text()
    laptop.shot("35-person-corrected", page.media.person_dialog)
    page.media.person_dialog.reject()

    settings = laptop.go(SETTINGS)
    qtbot.waitUntil(lambda: settings.transport.text() != "", timeout=WAIT)
    assert "HTTPS" in settings.transport.text() and not settings.transport_button.isVisible()
    laptop.shot("36-settings-connection")
    laptop.log_out()
    laptop.log_in("siti")

    with laptop.workspace.transaction() as s:
        actions = set(s.scalars(select(AuditEvent.action)))
        assert {"account_created", "login", "device_enrolled", "status_submit", "subject_export",
                "subject_correction"} <= actions
        assert audit_log.check(s).intact
