"""The app's life after start-up: log in, work in the main window, log out and let the next person log in.

A laptop in a village hall is often shared (an officer and the supervisor who checks the day's work), so leaving
the main window offers to switch the user as well as to close the app. Each login gets its own ``UiContext``:
the password kept in memory for the sync goes with the person who typed it.

Left alone for ``Settings.idle_lock_minutes`` (no key, click or wheel anywhere in the app), the main window locks:
the open form writes what it holds (as on log-out: its draft is kept) and the login comes back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.settings import Settings
from app.workspace import Workspace
from ui.context import Changes, UiContext
from ui.shell.login import LoginDialog
from ui.shell.main_window import MainWindow
from ui.common.tasks import TaskRunner


class AppShell(QObject):
    window_opened = Signal(object)  # MainWindow, after each login
    login_shown = Signal(object)  # LoginDialog, at start and after each log-out

    def __init__(self, workspace: Workspace, runner: TaskRunner, settings: Settings, data_dir: Path, *,
                 make_window=None):
        super().__init__()
        self.workspace, self.runner, self.settings, self.data_dir = workspace, runner, settings, data_dir
        # Tests give a window whose sync talks to a client with short back-off; the app uses MainWindow.
        self.make_window = make_window or (lambda ctx: MainWindow(ctx))
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.timeout.connect(self.lock_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if self.window is not None and event.type() in self.ACTIVITY:
            self._restart_idle()
        return False

    def _restart_idle(self) -> None:
        minutes = self.settings.idle_lock_minutes
        if minutes > 0 and self.window is not None:
            self.idle_timer.start(int(minutes * 60_000))
        else:
            self.idle_timer.stop()

    def lock_idle(self) -> None:
        """Nobody used the app for the set time: save what is typed, show the login (the same as a log-out)."""
        window = self.window
        if window is None:
            return
        window.lock()

    def start(self) -> LoginDialog:
        """Shows the login; the main window follows it. Returns the dialog (open, not modal to the event loop)."""
        self.login = LoginDialog(self.workspace, self.runner, self.settings.language)
        self.login.accepted.connect(self._logged_in)
        self.login.open()
        self.login_shown.emit(self.login)
        return self.login

    def _logged_in(self) -> None:
        login = self.login
        if login is None or login.actor is None:
            return
        ctx = UiContext(workspace=self.workspace, actor=login.actor, runner=self.runner, settings=self.settings,
                        data_dir=self.data_dir, changes=Changes(), password=login.typed_password)
        login.deleteLater()
        self.login = None
        self.window = window = self.make_window(ctx)
        window.logged_out.connect(self._logged_out)
        window.show()
        window.purge_expired()
        self._restart_idle()
        self.window_opened.emit(window)

    def _logged_out(self) -> None:
        self.idle_timer.stop()
        window, self.window = self.window, None
        if window is not None:
            # The closed form's last save may still be on the DB worker: its announcement must not reach the
            # pages of a window being deleted (the next session has its own Changes).
            window.ctx.changes.blockSignals(True)
        # The login is shown before the window closes, so the app does not quit on "last window closed".
        self.start()
        if window is not None:
            window.close()
            window.deleteLater()
