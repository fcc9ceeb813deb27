"""A finding appearing under a field while the officer types must not move the fields below it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.settings import Settings
from ui.context import Changes, UiContext
from ui.kinds.ektp import EktpFormPage
from ui.i18n import install_translators
from ui.common.tasks import TaskRunner


@pytest.fixture
def page(qtbot, qapp, workspace, officer, tmp_path):
    install_translators(QApplication.instance(), "id")
    ctx = UiContext(workspace, officer, TaskRunner(synchronous=True), Settings(language="id", autosave_seconds=5),
                    tmp_path, Changes())
    form = EktpFormPage(ctx)
    qtbot.addWidget(form)
    form.resize(1136, 690)
    form.show()
    qtbot.waitExposed(form)
    yield form
    install_translators(QApplication.instance(), "en")


def positions(page) -> dict[str, int]:
    return {key: box.mapTo(page.scroll.widget(), box.rect().topLeft()).y() for key, box in page.boxes.items()
            if box.isVisible()}


def test_fields_below_stay_put_when_a_message_appears_under_a_field(qtbot, page):
    before = positions(page)
    page.editors["nik"].setFocus()
    qtbot.keyClicks(page.editors["nik"], "1603073102900001")  # day 31, month 02: an error under the NIK
    qtbot.waitUntil(lambda: "tidak ada di kalender" in page.boxes["nik"].message_text(), timeout=2000)
    QApplication.processEvents()
    assert page.boxes["nik"].message.text()  # shown
    after = positions(page)
    moved = {key: (before[key], after[key]) for key in before if after.get(key) != before[key]}
    assert not moved


def test_a_finding_too_long_for_its_line_is_cut_and_whole_in_the_tooltip(qtbot, page):
    page.editors["nik"].setFocus()
    qtbot.keyClicks(page.editors["nik"], "1603073102900001")
    qtbot.waitUntil(lambda: "tidak ada di kalender" in page.boxes["nik"].message_text(), timeout=2000)
    line = page.boxes["nik"].message
    height = line.height()
    line.resize(120, height)  # far narrower than the message
    assert line.height() == height == line.fontMetrics().height()
    assert "…" in line.text()
    assert "tidak ada di kalender" in line.toolTip()
