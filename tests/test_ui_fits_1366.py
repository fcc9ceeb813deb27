"""At 1366x768 nothing the officer reads is cut: the records list's service and status columns, and every label and
value on a birth record's page (long document names, long names), without moving a splitter first."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea

from app import registrations as regs, status
from app.kinds import KINDS
from ui.shell import style
from ui.records.model import (KIND, LIST_SYNC_LABELS, NAME, NIK, OFFICER, STATUS, SYNC, UPDATED, list_kind_label,
                              list_status_label, list_sync_label)

PAGE = (1366 - 230, 768 - 78)  # the main window's page beside the navigation (scripts/screens_common.py)
T0 = datetime(2026, 11, 2, 9, 0)
BIRTH = {
    "child_name": "Putri Anggraini", "child_sex": "2", "child_birth_place": "16.71", "child_kk_number": "1671011203150007",
    "mother_name": "Rina Marlina binti Haji Abdurrahman Wahid", "mother_nik": "1671014506900003",
    "father_name": "Budi Santoso", "reporter_name": "Budi Santoso", "doc_birth_letter": False,
    "doc_sptjm_birth": True, "doc_marriage_proof": False, "doc_sptjm_marriage": True, "doc_kk": True,
}


@pytest.fixture
def app_look(qapp):
    """The application's own font and style sheet, as the launcher sets them: the widths depend on them."""
    font, sheet = qapp.font(), qapp.styleSheet()
    style.apply(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture(params=["id", "en"])
def ctx(request, app_look, make_ui_context):
    return make_ui_context(translators=request.param, language=request.param)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(*PAGE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_records_columns_fit_every_service_and_status_label(qtbot, ctx):
    from ui.records.page import RecordsPage

    page = shown(qtbot, RecordsPage(ctx))
    table, metrics = page.table, page.table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    needed = {KIND: [list_kind_label(kind) for kind in KINDS], STATUS: [list_status_label(s) for s in status.LABELS],
              SYNC: [list_sync_label(**state) for state in LIST_SYNC_LABELS], NIK: ["0" * 16],
              UPDATED: ["28-12-26 23:59"]}
    for column, texts in needed.items():
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        assert table.columnWidth(column) >= widest + margin, (column, texts)
        assert table.columnWidth(column) >= table.horizontalHeader().sectionSizeHint(column)
    assert table.horizontalScrollBar().maximum() == 0  # every column on screen, nothing to scroll sideways


def test_a_supervisor_with_the_officer_column_still_reads_the_names(qtbot, ctx, workspace):
    from app import auth
    from ui.records.page import NAME_SAMPLE, RecordsPage

    with workspace.transaction() as s:
        user = auth.create_user(s, username="budi", full_name="Budi Hartono", password="rahasia123",
                                role="supervisor", now=T0)
    supervisor = auth.Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)
    page = shown(qtbot, RecordsPage(replace(ctx, actor=supervisor)))
    table = page.table
    assert not table.isColumnHidden(OFFICER)
    assert table.columnWidth(NAME) >= table.fontMetrics().horizontalAdvance(NAME_SAMPLE)
    assert table.horizontalScrollBar().maximum() == 0


def test_birth_record_page_cuts_no_label_and_no_value(qtbot, ctx, workspace, officer):
    from ui.records.detail import RecordDetailPage

    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="birth", now=T0, data=BIRTH)
    page = shown(qtbot, RecordDetailPage(ctx, reg.id))
    viewport = page.findChild(QScrollArea).viewport()
    labels = [w for w in viewport.findChildren(QLabel) if w.isVisible() and w.text()]
    assert len(labels) > 2 * 10
    for label in labels:
        right = label.mapTo(viewport, label.rect().topRight()).x()
        assert right < viewport.width(), label.text()  # inside what is shown, no sideways cut
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        else:
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), label.text()
