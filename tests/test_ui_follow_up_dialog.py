"""A screening already sent to the supervisor: double-clicking its follow-up row opens the visit dialog, where the
surgery is recorded and the row moves on to the day-1 check."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from app import registrations, status
from app.reference.regions import shipped_regions
from ui.follow_up.dialog import FollowUpDialog
from ui.follow_up.page import FollowUpPage
from ui.records.detail import RecordDetailPage

TODAY = date.today()
SCREENED = dict(
    patient_name="Rohani", patient_nik="1603075507600003", patient_sex="2", patient_birth_date="1960-07-15",
    patient_province_code="16", patient_regency_code="16.03", patient_district_code="16.03.07",
    patient_village_code="16.03.07.1001", screening_date=(TODAY - timedelta(days=30)).isoformat(), exam_status="1",
    right_presenting_va="5", right_pinhole_va="5", right_lens="2",
    left_presenting_va="3", left_pinhole_va="3", left_lens="2",
    principal_cause="3", surgery_barriers=["2", "3"],
    referred=True, referral_eye="1", referral_facility="RSUD Dr. H.M. Rabain Muara Enim",
    referral_date=(TODAY - timedelta(days=30)).isoformat(), bpjs_status="1",
)


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="en", language="en", autosave_seconds=0.05)


def submitted(ctx) -> str:
    with ctx.workspace.transaction() as s:
        reg = registrations.create_draft(s, actor=ctx.actor, kind="cataract", now=ctx.workspace.now(), data=SCREENED)
        assert not registrations.submit(s, actor=ctx.actor, registration_id=reg.id, now=ctx.workspace.now(),
                                        today=TODAY, regions=shipped_regions())
        return reg.id


def type_into(qtbot, editor, text: str) -> None:
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def test_double_click_a_sent_screening_records_the_surgery(qtbot, ctx):
    rid = submitted(ctx)
    page = FollowUpPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.table.item(0, 3).text() == "Bring to surgery"
    opened = []
    page.open_registration.connect(lambda *args: opened.append(args))
    cell = page.table.visualItemRect(page.table.item(0, 1)).center()
    # A double click is a press, release and a second press: the view opens on the second.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened == []  # not the locked form: the visit dialog instead
    dialog = page.follow_up_dialog
    assert isinstance(dialog, FollowUpDialog) and dialog.isVisible()
    assert "Rohani" in dialog.patient.text()
    assert "Bring to surgery" in dialog.due.text()
    assert "patient_name" not in dialog.editors and "surgery_date" in dialog.editors
    assert not dialog.save_button.isEnabled()  # nothing recorded yet

    surgery = TODAY - timedelta(days=2)
    qtbot.mouseClick(dialog.editors["surgery_attended"], Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    combo = dialog.editors["operated_eye"]
    combo.setCurrentIndex(combo.findData("1"))
    combo.activated.emit(combo.currentIndex())
    # Before the referral first: the dialog says so and will not save.
    type_into(qtbot, dialog.editors["surgery_date"], (TODAY - timedelta(days=40)).strftime("%d%m%Y"))
    dialog.validate()
    assert "before" in dialog.boxes["surgery_date"].message_text()
    assert not dialog.save_button.isEnabled()
    dialog.editors["surgery_date"].clear()
    type_into(qtbot, dialog.editors["surgery_date"], surgery.strftime("%d%m%Y"))
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert dialog.boxes["surgery_date"].message_text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: page.table.item(0, 3).text() == "Post-operative check, day 1")
    with ctx.workspace.transaction() as s:
        reg = registrations.get(s, rid)
        assert (reg.status, reg.sync_state, reg.data["surgery_date"]) == (status.SUBMITTED, "pending",
                                                                           surgery.isoformat())


def test_record_page_offers_the_visit_for_a_sent_screening(qtbot, ctx):
    rid = submitted(ctx)
    detail = RecordDetailPage(ctx, rid)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.follow_up_button.isVisible()
    qtbot.mouseClick(detail.follow_up_button, Qt.MouseButton.LeftButton)
    assert detail.follow_up_dialog.isVisible()
    detail.follow_up_dialog.reject()

    with ctx.workspace.transaction() as s:
        draft = registrations.create_draft(s, actor=ctx.actor, kind="cataract", now=ctx.workspace.now(),
                                           data={"patient_name": "Draf"}).id
    other = RecordDetailPage(ctx, draft)
    qtbot.addWidget(other)
    other.show()
    assert not other.follow_up_button.isVisible()  # a draft has its form
