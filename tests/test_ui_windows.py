import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app import registrations as regs
from app.paths import DB_FILENAME
from app.settings import Settings
from ui import launcher
from ui.kinds.ektp import EktpFormPage
from ui.shell.home_page import HomePage
from ui.shell.main_window import MainWindow
from ui.records.detail import RecordDetailPage
from ui.shell.settings_page import SettingsPage

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 11, 2, 9, 0)


def test_home_shows_counts_and_drafts(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Siti Aminah"})
    page = HomePage(ctx)
    qtbot.addWidget(page)
    assert page.drafts.value.text() == "1" and page.waiting.value.text() == "0"
    assert page.draft_list.count() == 1 and "Siti Aminah" in page.draft_list.item(0).text()
    with qtbot.waitSignal(page.new_registration):
        page.new_button.click()


def test_detail_shows_fields_status_comment_and_history(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                data={"name": "Siti Aminah", "sex": "2", "birth_date": "1990-01-01"})
        regs.transition(s, actor=officer, registration_id=reg.id, action="submit", now=T0)
        reg.review_comment = "Foto KK kurang jelas"
    page = RecordDetailPage(ctx, reg.id)
    qtbot.addWidget(page)
    assert page.title.text() == "Siti Aminah"
    assert "Waiting for supervisor" in page.summary.text()
    assert "Foto KK kurang jelas" in page.comment.text()
    texts = [page.fields.itemAt(i).widget().text() for i in range(page.fields.count())]
    assert "Female" in texts and "01-01-1990" in texts
    assert page.history.topLevelItemCount() == 2
    newest = page.history.topLevelItem(0)
    assert newest.text(2) == "submitted" and "Draft → Waiting for supervisor" in newest.child(0).text(0)


def test_main_window_navigates_and_opens_records(qtbot, ctx, workspace, officer):
    with workspace.transaction() as s:
        draft = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Draf"})
        sent = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Terkirim"})
        regs.transition(s, actor=officer, registration_id=sent.id, action="submit", now=T0)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Jemput Bola" and window.current_page() is window.home
    assert window.who.text() == "Logged in: Siti Aminah (Field officer)"
    window.nav.setCurrentRow(2)
    assert window.current_page() is window.records and window.records.model.rowCount() == 2
    rows = {window.records.model.row_at(i).subject_name: window.records.model.row_at(i) for i in range(2)}
    window.open_record(rows["Terkirim"])
    assert isinstance(window.current_page(), RecordDetailPage)
    window.current_page().back.click()
    assert window.current_page() is window.records
    window.open_record(rows["Draf"])
    form = window.current_page()
    assert isinstance(form, EktpFormPage)
    window.nav.setCurrentRow(0)
    assert window.current_page() is window.home and window.stack.indexOf(form) == -1
    window.nav.setCurrentRow(1)
    assert isinstance(window.current_page(), EktpFormPage)


def test_settings_saves_language(qtbot, ctx, tmp_path):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.language.setCurrentIndex(page.language.findData("id"))
    with qtbot.waitSignal(ctx.changes.settings_changed):
        page.save_button.click()
    assert json.loads((tmp_path / "settings.json").read_text())["language"] == "id"
    assert Settings.load(tmp_path).language == "id"


def test_launcher_refuses_a_foreign_file_untouched(qtbot, tmp_path, monkeypatch):
    db = tmp_path / DB_FILENAME
    db.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = db.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setenv("JEMPUT_DATA_DIR", str(tmp_path / "elsewhere"))
    assert launcher.main(["--data-dir", str(tmp_path), "--lang", "en"]) == 1
    # The option is passed on, not written into the environment for others to find.
    assert os.environ["JEMPUT_DATA_DIR"] == str(tmp_path / "elsewhere")
    assert db.read_bytes() == before
    assert shown and "not a Jemput Bola database" in shown[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux can lack a display")
def test_without_a_display_a_clear_message_and_exit_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["JEMPUT_DATA_DIR"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "app"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert "membutuhkan layar" in proc.stderr and "needs a screen" in proc.stderr


def test_an_answer_for_a_closed_view_is_dropped_quietly(qtbot):
    """Background work can finish after its page was closed; its callback must not crash the event loop."""
    import threading

    from PySide6.QtWidgets import QLabel

    from ui.common.tasks import TaskRunner

    runner = TaskRunner()
    label = QLabel()
    release = threading.Event()
    seen = []

    def done(result=None, error=None):
        seen.append(result)
        label.setText(str(result))  # the label is gone by now

    runner.run_db(lambda: release.wait(5) and 42, done)
    label.deleteLater()
    qtbot.wait(50)  # the label is deleted while the work still runs
    release.set()
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: seen == [42], timeout=5000)
