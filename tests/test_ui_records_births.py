"""The records page finds a birth by the mother's name as the officer types it, and lists her NIK and village."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app import registrations as regs
from app.settings import Settings
from ui.context import Changes, UiContext
from ui.records.model import KIND, NAME, NIK, VILLAGE
from ui.records.page import RecordsPage
from ui.common.tasks import TaskRunner

T0 = datetime(2026, 11, 2, 9, 0)
MOTHER_NIK = "1671014506900003"
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def page(qtbot, workspace, officer, tmp_path):
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                          data={"name": "Rina Marlina", "nik": MOTHER_NIK, "village_code": "16.71.01.1001"})
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Ahmad Rifai"})
        regs.create_draft(s, actor=officer, kind="birth", now=T0,
                          data={"child_name": "Putri", "mother_name": "Rina Marlina", "mother_nik": MOTHER_NIK})
    ctx = UiContext(workspace, officer, TaskRunner(synchronous=True), Settings(language="en"), tmp_path, Changes())
    records = RecordsPage(ctx)
    qtbot.addWidget(records)
    return records


def test_typing_the_mothers_name_lists_her_babys_birth_with_her_nik_and_village(qtbot, page):
    qtbot.keyClicks(page.search, "marlina")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)  # after the debounce
    rows = {page.model.index(r, KIND).data(): r for r in range(2)}
    birth = rows["Birth certificate"]
    assert page.model.index(birth, NAME).data() == "Putri"
    nik = page.model.index(birth, NIK)
    assert nik.data() == MOTHER_NIK and nik.data(Qt.ItemDataRole.ToolTipRole) == "Mother's NIK"
    assert nik.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed: not the child's own
    assert page.model.index(birth, VILLAGE).data() == "Tiga-puluh-lima Ilir"
    own = page.model.index(rows["e-KTP"], NIK)
    assert own.data() == MOTHER_NIK and own.data(Qt.ItemDataRole.ForegroundRole) is None


def test_typing_the_mothers_nik_finds_the_birth_too(qtbot, page):
    qtbot.keyClicks(page.search, MOTHER_NIK)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.rowCount() == 2 and page.count_label.text() == "2 records"
