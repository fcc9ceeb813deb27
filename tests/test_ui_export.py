"""From the main window: the records page's Export button, the dialog, the file chosen in the save dialog (the
only thing patched: Qt's static ``QFileDialog.getSaveFileName``), the export running off the UI thread with its
progress bar, and the Indonesian message saying where the file is."""

from __future__ import annotations

import dataclasses
import threading

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app import auth, registrations as regs
from app.record_views import local_time
from app.reports.labels import month_label
from app.workspace import utcnow
from ui.shell.main_window import RECORDS, MainWindow

# Now: the dialog offers the recent months only, counted from the laptop's today.
T0 = utcnow()
MONTH = local_time(T0).date().replace(day=1)
WAIT = 20_000


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="id", language="id", threaded=True)


@pytest.fixture
def records(workspace, officer):
    with workspace.transaction() as s:
        for i in range(3):
            regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={
                "nik": f"160305450690000{i + 1}", "name": f"WARGA {i}", "village_code": "16.03.07.1001"})


def records_page(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.nav.setCurrentRow(RECORDS)
    page = window.current_page()
    qtbot.waitUntil(lambda: page.shown_count is not None, timeout=WAIT)
    return window, page


def save_as(monkeypatch, path, asked: list | None = None):
    def answer(_parent, _title, suggested, _filter, *_args, **_kw):
        if asked is not None:
            asked.append(suggested)
        return str(path), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def test_an_officer_exports_the_list_from_the_records_page(qtbot, ctx, records, tmp_path, monkeypatch):
    window, page = records_page(qtbot, ctx)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "(3 data)" in dialog.list_choice.text()
    assert dialog.full_nik.isHidden()  # an officer is never offered whole NIKs
    asked = []
    target = tmp_path / "out" / "data"
    target.parent.mkdir()
    save_as(monkeypatch, target, asked)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith(".xlsx") and "data-jemput-" in asked[0]
    qtbot.waitUntil(lambda: dialog.result_export is not None, timeout=WAIT)
    written = target.with_name("data.xlsx")  # the format's suffix added to a name typed without it
    assert dialog.result_export.path == written and written.exists()
    assert "3 baris disimpan ke:\ndata.xlsx\ndi folder " in dialog.message.text()
    assert str(written.parent) in dialog.message.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    rows = list(openpyxl.load_workbook(written, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0].startswith("DATA PRIBADI")
    niks = [row[3] for row in rows[4:]]
    assert len(niks) == 3 and all(nik.startswith("160305******") for nik in niks)
    assert dialog.export_button.isEnabled() and dialog.close_button.text() == "Tutup"


def test_a_supervisor_may_ask_for_full_niks_and_the_recap_needs_none(qtbot, ctx, workspace, records, tmp_path,
                                                                     monkeypatch):
    with workspace.transaction() as s:
        user = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor", now=T0)
        ctx = dataclasses.replace(ctx, actor=auth.Actor(user.id, user.username, user.full_name, user.role,
                                                         workspace.device_id))
    _window, page = records_page(qtbot, ctx)
    dialog = page.open_export()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.full_nik.isVisible() and dialog.full_nik.isEnabled()
    dialog.full_nik.setChecked(True)
    target = tmp_path / "full.xlsx"
    save_as(monkeypatch, target)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.result_export is not None, timeout=WAIT)
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert sorted(row[3] for row in rows[4:]) == ["1603054506900001", "1603054506900002", "1603054506900003"]

    dialog.choose_month(MONTH)
    assert dialog.month.currentText() == month_label(MONTH, "id")
    assert not dialog.full_nik.isEnabled() and not dialog.full_nik.isChecked()
    assert dialog.suggested_name() == f"rekap-jemput-{MONTH:%Y-%m}.xlsx"
    assert dialog.csv_hint.isHidden()
    dialog.csv.setChecked(True)
    assert not dialog.csv_hint.isHidden() and "XLSX" in dialog.csv_hint.text()  # Excel would round the NIKs
    dialog.layout().activate()
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())  # nothing pushed off the bottom
    recap = tmp_path / "rekap.csv"
    dialog.result_export = None
    save_as(monkeypatch, recap)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.result_export is not None, timeout=WAIT)
    text = recap.read_text(encoding="utf-8-sig")
    assert month_label(MONTH, "id") in text and text.splitlines()[-1].startswith("Jumlah")


def test_stopping_leaves_no_file_and_says_so(qtbot, ctx, records, tmp_path, monkeypatch):
    _window, page = records_page(qtbot, ctx)
    dialog = page.open_export()
    # Hold the database worker, so that the stop is asked for before the export has written its first row.
    release = threading.Event()
    ctx.runner.run_db(lambda: release.wait(WAIT / 1000))
    target = tmp_path / "stopped.xlsx"
    save_as(monkeypatch, target)
    dialog.choose_file()
    assert dialog.running and dialog.close_button.text() == "Hentikan" and not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    assert dialog.isVisible()  # "Hentikan" stops; it does not close
    assert dialog.message.text() == "Ekspor dihentikan; tidak ada berkas yang disimpan."
    assert not target.exists() and not list(tmp_path.glob(".stopped-*"))


def test_a_folder_that_cannot_be_written_is_said_in_indonesian(qtbot, ctx, records, tmp_path, monkeypatch):
    _window, page = records_page(qtbot, ctx)
    dialog = page.open_export()
    save_as(monkeypatch, tmp_path / "no-such-folder" / "data.xlsx")
    dialog.choose_file()
    qtbot.waitUntil(lambda: not dialog.running and dialog.message.isVisible(), timeout=WAIT)
    assert dialog.message.objectName() == "error"
    assert dialog.message.text().startswith("Folder ") and "tidak disimpan" in dialog.message.text()
    assert dialog.progress.isHidden() and dialog.export_button.isEnabled()
