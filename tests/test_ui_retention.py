from datetime import datetime, timedelta

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from app import registrations as regs, status
from app.settings import Settings
from db.models import Registration
from ui.shell.main_window import MainWindow
from ui.shell.settings_page import SettingsPage


def add_records(workspace, officer, *, finished: int, recent: int) -> None:
    now = workspace.now()
    with workspace.transaction() as s:
        for n in range(finished + recent):
            at = now - timedelta(days=200 if n < finished else 5)
            reg = regs.create_draft(s, actor=officer, kind="ektp", now=at, data={"name": f"WARGA {n}"})
            reg.status, reg.version, reg.synced_version, reg.sync_state = status.DONE, 2, 2, "synced"


def registrations(workspace) -> int:
    with workspace.transaction() as s:
        return s.scalar(select(func.count()).select_from(Registration))


def test_the_button_asks_with_the_count_then_purges_and_says_so(qtbot, ctx, workspace, officer, monkeypatch):
    add_records(workspace, officer, finished=2, recent=1)
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.retention.value() == 90
    with qtbot.waitSignal(ctx.changes.registrations_changed) as changed:
        page.purge_button.click()
    assert len(asked) == 1 and "2" in asked[0]
    assert len(changed.args[0]) == 2
    assert registrations(workspace) == 1
    assert "records: 2" in page.message.text()


def test_declining_the_confirmation_keeps_everything(qtbot, ctx, workspace, officer, monkeypatch):
    add_records(workspace, officer, finished=1, recent=0)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.purge_button.click()
    assert registrations(workspace) == 1


def test_retention_days_are_saved(qtbot, ctx, tmp_path):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.retention.setValue(30)
    page.save_button.click()
    assert Settings.load(tmp_path).retention_days == 30


def test_after_login_a_purge_shows_a_note_only_when_something_went(qtbot, ctx, workspace, officer):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.purge_expired()
    assert window.statusBar().currentMessage() == ""
    add_records(workspace, officer, finished=3, recent=0)
    window.purge_expired()
    assert window.statusBar().currentMessage().endswith(": 3")
    assert registrations(workspace) == 0
    window.close()
