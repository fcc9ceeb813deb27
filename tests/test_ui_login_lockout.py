"""The lock-out after wrong passwords counts down on screen and gives the button back at zero."""

import time
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import auth
from ui.shell import login
from ui.shell.login import LoginDialog
from ui.common.tasks import TaskRunner

pytestmark = pytest.mark.usefixtures("english")


def _lock(qtbot, dialog):
    dialog.username.setText("siti")
    for _ in range(auth.FREE_ATTEMPTS):
        qtbot.keyClicks(dialog.password, "salah-salah")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


class Clock:
    """The laptop's clock, moved on by the test: the real QTimer ticks, but a second passes when the test says."""

    def __init__(self, workspace):
        self.offset = 0.0
        self._wall, self._mono = workspace.now(), time.monotonic()

    def now(self):
        return self._wall + timedelta(seconds=self.offset)

    def monotonic(self):
        return self._mono + self.offset


def test_lock_out_counts_down_every_second_then_lets_the_officer_try(qtbot, workspace, officer, monkeypatch):
    clock = Clock(workspace)
    monkeypatch.setattr(workspace, "now", clock.now)
    monkeypatch.setattr(login, "monotonic", clock.monotonic)  # the dialog's clock only
    monkeypatch.setattr(auth, "FIRST_LOCK", timedelta(seconds=2))
    dialog = LoginDialog(workspace, TaskRunner(synchronous=True), "en")
    qtbot.addWidget(dialog)
    _lock(qtbot, dialog)
    assert dialog.error.text() == "Too many wrong passwords. Try again in 2 seconds."
    assert not dialog.login_button.isEnabled()
    clock.offset = 1.0
    qtbot.waitUntil(lambda: dialog.error.text() == "Too many wrong passwords. Try again in 1 second.", timeout=3000)
    assert not dialog.login_button.isEnabled()
    clock.offset = 2.0
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=3000)
    assert dialog.error.isHidden()
    qtbot.keyClicks(dialog.password, "rahasia123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "siti"


def test_enter_during_the_countdown_tries_nothing(qtbot, workspace, officer):
    dialog = LoginDialog(workspace, TaskRunner(synchronous=True), "en")
    qtbot.addWidget(dialog)
    _lock(qtbot, dialog)
    assert "Try again in 30 seconds" in dialog.error.text()
    qtbot.keyClicks(dialog.password, "rahasia123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None and dialog.password.text() == "rahasia123"  # nothing was sent, nothing lost


def test_window_title_leaves_the_application_name_to_the_window_system(qtbot, workspace, officer):
    """Qt adds the application display name after every window title: a title naming the app shows it twice."""
    app_name = QApplication.applicationDisplayName()
    QApplication.setApplicationDisplayName("Jemput Bola")
    try:
        dialog = LoginDialog(workspace, TaskRunner(synchronous=True), "en")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Log in"
        assert "Jemput Bola" not in dialog.windowTitle()
    finally:
        QApplication.setApplicationDisplayName(app_name)


def test_the_lock_is_on_the_account_so_another_officer_may_log_in(qtbot, workspace, officer):
    with workspace.transaction() as s:
        auth.create_user(s, username="budi", full_name="Budi Hartono", password="rahasia456", role="officer",
                         now=workspace.now())
    dialog = LoginDialog(workspace, TaskRunner(synchronous=True), "en")
    qtbot.addWidget(dialog)
    _lock(qtbot, dialog)
    assert not dialog.login_button.isEnabled()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    dialog.username.setFocus()
    dialog.username.selectAll()
    qtbot.keyClicks(dialog.username, "budi")
    assert dialog.login_button.isEnabled() and dialog.error.isHidden()
    assert dialog.username.text() == "budi" and dialog.username.hasFocus()
    qtbot.keyClicks(dialog.password, "rahasia456")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "budi"


def test_a_dialog_closed_during_the_countdown_stops_counting(qtbot, workspace, officer):
    dialog = LoginDialog(workspace, TaskRunner(synchronous=True), "en")
    qtbot.addWidget(dialog)
    _lock(qtbot, dialog)
    assert dialog._countdown.isActive()
    dialog.close()
    assert not dialog._countdown.isActive()
