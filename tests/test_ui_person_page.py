"""The person page: every registration a citizen appears in and as whom, and look-alikes flagged, never merged."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app import persons, registrations as regs
from ui.records.person_page import PersonPage
from ui.records.detail import RecordDetailPage

T0 = datetime(2026, 11, 2, 9, 0)
RINA = {"nik": "1603054506900003", "name": "RINA MARLINA", "sex": "2", "birth_place": "LAHAT",
        "birth_date": "1990-06-05"}


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="id")


def page_for(qtbot, ctx, person_id) -> PersonPage:
    page = PersonPage(ctx, person_id)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    return page


def test_ektp_registration_shows_with_its_role_and_opens(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=RINA)
        person_id = persons.find_by_nik(s, RINA["nik"]).id
    page = page_for(qtbot, ctx, person_id)
    assert page.title.text() == "RINA MARLINA"
    assert page.registrations.topLevelItemCount() == 1
    row = page.registrations.topLevelItem(0)
    assert row.text(0) == "Pemohon" and "KTP" in row.text(1)
    assert page.warning.isHidden()
    with qtbot.waitSignal(page.open_registration) as opened:
        page.registrations.itemDoubleClicked.emit(row, 0)
    assert opened.args == [reg.id]


def test_possible_duplicate_without_nik_is_flagged(qtbot, ctx, workspace, officer):
    same = {"name": "Maimunah", "birth_date": "1950-07-01", "village_code": "16.03.05.2001"}
    with workspace.transaction() as s:
        a = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=same)
        b = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=dict(same, name="MAIMUNAH "))
        s.flush()
        a_person, b_person = a.person_id, b.person_id
    page = page_for(qtbot, ctx, a_person)
    assert not page.warning.isHidden() and "orang yang sama" in page.warning.text()
    assert page.duplicates.count() == 1
    item = page.duplicates.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == b_person and "belum diketahui" in item.text()
    with workspace.transaction() as s:  # flagged only: both people are still there
        assert persons.registrations_of(s, a_person) and persons.registrations_of(s, b_person)


def test_record_detail_links_to_the_person_and_shows_attachments(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=RINA)
    page = RecordDetailPage(ctx, reg.id)
    qtbot.addWidget(page)
    assert page.person_id is not None and page.media.person_button.isEnabled()
    assert page.media.panel.read_only and page.media.panel.buttons.isHidden()
    assert page.media.receipt_button.text() == "Cetak tanda terima"
