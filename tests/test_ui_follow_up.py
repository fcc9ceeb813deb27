"""A referral typed on the cataract form appears on the follow-up list, earliest first, overdue marked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from app import registrations
from ui.kinds.cataract import CataractFormPage
from ui.follow_up.page import FollowUpPage, FollowUpsDue

TODAY = date.today()


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="en", language="en", autosave_seconds=0.05)


def screening(ctx, name: str, village: str, referral: date) -> str:
    with ctx.workspace.transaction() as s:
        return registrations.create_draft(s, actor=ctx.actor, kind="cataract", now=ctx.workspace.now(), data={
            "patient_name": name, "patient_village_code": village, "referred": True,
            "referral_date": referral.isoformat()}).id


def test_referral_typed_on_the_form_is_listed_by_date_and_opens(qtbot, ctx):
    screening(ctx, "Nenek Jauh", "16.03.07.1001", TODAY + timedelta(days=20))
    screening(ctx, "Kakek Lama", "16.03.07.1001", TODAY - timedelta(days=5))
    form = CataractFormPage(ctx)
    qtbot.addWidget(form)
    form.show()
    form.editors["patient_name"].setFocus()
    qtbot.keyClicks(form.editors["patient_name"], "Nenek Aminah")
    form.pickers["patient_"].set_values({"province_code": "16", "regency_code": "16.03", "district_code": "16.03.07",
                                         "village_code": "16.03.07.1001"})
    qtbot.mouseClick(form.editors["referred"], Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    form.editors["referral_date"].setFocus()
    qtbot.keyClicks(form.editors["referral_date"], (TODAY + timedelta(days=3)).strftime("%d%m%Y"))
    form.save_now()
    assert not form.is_dirty()

    page = FollowUpPage(ctx)
    qtbot.addWidget(page)
    page.show()
    names = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    assert names == ["Kakek Lama", "Nenek Aminah", "Nenek Jauh"]
    assert "late" in page.table.item(0, 0).text()
    assert page.table.item(0, 0).foreground().color().name() == "#b3261e"
    assert page.table.item(1, 2).text() == "Tanjung Enim"
    assert page.table.item(1, 3).text() == "Bring to surgery"
    opened = []
    page.open_registration.connect(lambda *args: opened.append(args))
    page.open_row(1)
    assert opened == [(form.record_id(), "cataract", "draft")]

    page.villages.set_code("16.01")  # another regency: nobody to visit there
    assert page.table.rowCount() == 0

    soon = FollowUpsDue(ctx)
    qtbot.addWidget(soon)
    soon.refresh()
    assert soon.count() == 2  # the one due in 20 days is beyond the coming week
