"""The app's life after start-up: log in, work in the main window, log out and let the next person log in.

A laptop in a village hall is often shared (an officer and the supervisor who checks the day's work), so leaving
the main window offers to switch the user as well as to close the app. Each login gets its own ``UiContext``:
the password kept in memory for the sync goes with the person who typed it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

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
        self.window_opened.emit(window)

    def _logged_out(self) -> None:
        window, self.window = self.window, None
        # The login is shown before the window closes, so the app does not quit on "last window closed".
        self.start()
        if window is not None:
            window.close()
            window.deleteLater()
