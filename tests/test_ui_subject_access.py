"""The person page's data-subject rights (issue 11 item 9): export everything held about the person to PDF (read
back by poppler) and JSON, correct their data with a reason, each audited; and the receipt check dialog of the
records page, fed an image of a receipt."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime

import pytest
from sqlalchemy import select

from app import persons, registrations as regs
from db.models import AuditEvent
from ui.records.person_page import PersonPage

T0 = datetime(2026, 11, 2, 9, 0)
RINA = {"nik": "1603054506900003", "name": "RINA MARLINA", "sex": "2", "birth_place": "LAHAT",
        "birth_date": "1990-06-05"}


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="id")


@pytest.fixture
def page(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=RINA)
        person_id = persons.find_by_nik(s, RINA["nik"]).id
    page = PersonPage(ctx, person_id)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.export_pdf_button.isEnabled())
    return page


def audited(workspace, action) -> list[str]:
    with workspace.transaction() as s:
        return [e.detail for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def test_the_person_s_data_exports_to_pdf_and_json(qtbot, page, workspace, tmp_path):
    pdf, js = tmp_path / "rina.pdf", tmp_path / "rina.json"
    page.export("pdf", pdf)
    qtbot.waitUntil(lambda: len(audited(workspace, "subject_export")) == 1, timeout=10000)
    page.export("json", js)
    qtbot.waitUntil(lambda: len(audited(workspace, "subject_export")) == 2, timeout=10000)
    assert page.rights_message.isVisible() and str(js) in page.rights_message.text()
    assert json.loads(js.read_text(encoding="utf-8"))["person"]["nik"] == RINA["nik"]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert RINA["nik"] in text and "RINA MARLINA" in text and "LAHAT" in text
    assert [d.split()[1] for d in audited(workspace, "subject_export")] == ["format=pdf", "format=json"]


def test_a_correction_with_a_reason_shows_on_the_page(qtbot, page, workspace):
    dialog = page.open_correction()
    dialog.inputs["birth_place"].setText("MUARA ENIM")
    dialog.save()  # no reason: refused, nothing changed
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "alasan" in dialog.message.text().lower()
    dialog.reason.setPlainText("Sesuai KTP yang ditunjukkan warga")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    qtbot.waitUntil(lambda: page.corrections.isVisible())
    assert "LAHAT → MUARA ENIM" in page.corrections.text() and "Sesuai KTP" in page.corrections.text()
    assert len(audited(workspace, "subject_correction")) == 1


def test_the_receipt_check_dialog_reads_a_picture(qtbot, ctx, workspace, officer, tmp_path):
    from app.receipt_views import receipt_for
    from ui.media import receipt_render
    from ui.records.receipt_check_dialog import ReceiptCheckDialog

    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=RINA)
        content = receipt_for(s, registration_id=reg.id, language="id")
    pdf = tmp_path / "receipt.pdf"
    receipt_render.write_pdf(content, "a6", pdf)
    dialog = ReceiptCheckDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_image(pdf)
    qtbot.waitUntil(lambda: dialog.result_check is not None, timeout=10000)
    # This laptop has no key yet: its receipt says so, and the check says it proves nothing.
    assert dialog.result_check.verdict == "unsigned" and dialog.verdict.property("level") == "doubt"
    dialog.text.setPlainText("JB2:RUSAK")
    dialog.check()
    qtbot.waitUntil(lambda: dialog.result_check.verdict == "invalid")
    assert dialog.verdict.property("level") == "invalid"
    image = tmp_path / "blank.png"
    from PySide6.QtGui import QImage

    blank = QImage(200, 200, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    blank.save(str(image))
    dialog.open_image(image)
    assert dialog.verdict.property("level") == "doubt" and "QR" in dialog.verdict.text()
