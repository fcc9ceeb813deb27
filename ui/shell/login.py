"""The first screen: create the first account on a new laptop, or log in. Both end with an ``app.auth.Actor``."""

from __future__ import annotations

import math
from time import monotonic

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import account_rules
from app.account_rules import AccountLocked, Actor, LoginError
from app.workspace import Workspace
from ui.i18n import error_text
from ui.common.tasks import TaskRunner

# A new laptop most often belongs to a field officer, and a supervisor account may approve its own records, so
# the stronger role must be a deliberate choice: the first account defaults to officer.
FIRST_ACCOUNT_ROLE = "officer"
# How often the lock-out countdown looks at the clock: often enough that the shown second is never late.
COUNTDOWN_TICK_MS = 200


def _login():
    """app.login, loaded on the DB worker at the first question: it brings SQLAlchemy, which the first window
    does not wait for (issue 12, start-up)."""
    from app import login

    return login


class LoginDialog(QDialog):
    def __init__(self, workspace: Workspace, runner: TaskRunner, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.runner, self.language = workspace, runner, language
        self.actor: Actor | None = None
        # Set only once a login succeeded, for the launcher to hand to the sync (in memory, never saved).
        self.typed_password = ""
        self.page: QWidget | None = None  # the login or the create form, once it is known which one applies
        # Only what this window is: the window system adds the application's name after it.
        self.setWindowTitle(self.tr("Log in"))
        self.setMinimumWidth(520)

        self.title = QLabel(objectName="title")
        self.intro = QLabel(objectName="hint", wordWrap=True)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        # Plain widgets shown one at a time rather than a stack: a stack is as tall as its tallest page, which
        # pushed the error message far below the short login form.
        self.opening = QLabel(self.tr("Opening…"))
        # A lock-out counts down on screen, so the officer knows when to try again without pressing the button.
        self._locked_until: float | None = None
        self._locked_username = ""  # the lock is on one account: another officer on this laptop may log in
        self._countdown = QTimer(self, interval=COUNTDOWN_TICK_MS)
        self._countdown.timeout.connect(self._tick)
        self._build_login()
        self._build_create()
        self.login_page.hide()
        self.create_page.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        for widget in (self.title, self.intro, self.opening, self.login_page, self.create_page, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        if workspace.locked:
            # Its key ring wraps the data key for its accounts, so it has some: the login form at once, with
            # nothing loaded or asked of the database before the first window.
            self._got_has_accounts(True)
        else:
            self.runner.run_db(lambda: _login().has_accounts(workspace), self._got_has_accounts)

    def _build_login(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.username = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.login_button = QPushButton(self.tr("Log in"), objectName="primary", autoDefault=True)
        self.login_button.clicked.connect(self.log_in)
        # Enter moves on and then logs in, as officers expect from paper-like forms.
        self.username.returnPressed.connect(self.password.setFocus)
        self.username.textEdited.connect(self._username_edited)
        self.password.returnPressed.connect(self.log_in)
        form.addRow("", self.login_button)
        self.login_page = page

    def _build_create(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.new_name = QLineEdit()
        self.new_username = QLineEdit(placeholderText=self.tr("small letters, e.g. siti.aminah"))
        self.new_password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("at least {n} characters").format(n=account_rules.MIN_PASSWORD))
        self.new_repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new_role = QComboBox()
        for role in account_rules.FIRST_ACCOUNT_ROLES:
            self.new_role.addItem(QCoreApplication.translate("Roles", account_rules.ROLE_LABELS[role]), role)
        self.new_role.setCurrentIndex(account_rules.FIRST_ACCOUNT_ROLES.index(FIRST_ACCOUNT_ROLE))
        self.role_hint = QLabel(self.tr("Administrator accounts come from the server when the laptop is enrolled."),
                                objectName="hint", wordWrap=True)
        form.addRow(self.tr("Full name"), self.new_name)
        form.addRow(self.tr("Username"), self.new_username)
        form.addRow(self.tr("Password"), self.new_password)
        form.addRow(self.tr("Repeat password"), self.new_repeat)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow("", self.role_hint)
        self.create_button = QPushButton(self.tr("Create account"), objectName="primary", autoDefault=True)
        self.create_button.clicked.connect(self.create_account)
        self.new_repeat.returnPressed.connect(self.create_account)
        form.addRow("", self.create_button)
        self.create_page = page

    def _got_has_accounts(self, result=None, error=None) -> None:
        if error is not None:
            self.show_error(error_text(error, self.language))
            return
        if result:
            self.title.setText(self.tr("Log in"))
            self.intro.setText(self.tr("Log in with your own account. It works without a signal."))
            self._show_page(self.login_page)
            self.username.setFocus()
        else:
            self.setWindowTitle(self.tr("First account"))
            self.title.setText(self.tr("Create the first account on this laptop"))
            self.intro.setText(self.tr(
                "This laptop has no account yet. The person who will use it creates one here. Remember the password: it is needed every time the app starts."))
            self._show_page(self.create_page)
            self.new_name.setFocus()

    def _show_page(self, page: QWidget) -> None:
        self.opening.hide()
        self.page = page
        page.show()
        self._fit()

    def current_page(self) -> QWidget | None:
        return self.page

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """The dialog opened while it only said "Opening…": grow it to what it shows now, or the button at the
        bottom is cut off on a real screen (it never shrinks, so it does not jump while the officer types)."""
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))
        self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """Growing keeps the top-left corner where the small dialog was centred, so on a 768-pixel-high laptop the
        create form's button ended below the screen's bottom, under the taskbar: centre it again when it no longer
        fits where it is (seen under Wine; any window system that does not re-place a growing window does it)."""
        screen = self.screen()
        if not self.isVisible() or screen is None:
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        if area.contains(frame):
            return
        frame.moveCenter(area.center())
        # Too tall for the screen at all: the title, not the button, is what may go off the top edge.
        frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height())))
        self.move(frame.topLeft())

    def log_in(self) -> None:
        if self._locked_until is not None:
            return  # Enter in the password field while the countdown runs
        username, password = self.username.text(), self.password.text()
        if not username.strip() or not password:
            self.show_error(self.tr("Fill in the username and the password."))
            return
        self.show_error("")
        self.login_button.setEnabled(False)
        self.login_button.setText(self.tr("Checking…"))
        ws = self.workspace
        self.runner.run_db(lambda: _login().attempt_login(ws, username=username, password=password), self._logged_in)

    def _logged_in(self, result=None, error=None) -> None:
        password = self.password.text()
        self.login_button.setEnabled(True)
        self.login_button.setText(self.tr("Log in"))
        if error is None and isinstance(result, LoginError):
            error = result
        if error is not None:
            self.password.clear()
            self.password.setFocus()
            if isinstance(error, AccountLocked):
                self._start_countdown(error.seconds)
            else:
                self.show_error(error_text(error, self.language))
            return
        self.actor = result
        self.typed_password = password
        self.accept()

    def _start_countdown(self, seconds: int) -> None:
        self._locked_until = monotonic() + seconds
        self._locked_username = self.username.text().strip().lower()
        self.login_button.setEnabled(False)
        self._countdown.start()
        self._tick()

    def _username_edited(self, text: str) -> None:
        if self._locked_until is not None and text.strip().lower() != self._locked_username:
            self._end_countdown()  # the officer goes on typing the other username: the focus stays there

    def _tick(self) -> None:
        """Shows the seconds left from the clock, not from counting ticks: a busy laptop delays ticks, not time."""
        left = math.ceil(self._locked_until - monotonic()) if self._locked_until is not None else 0
        if left > 0:
            self.show_error(self.tr("Too many wrong passwords. Try again in %n second(s).", "", left))
            return
        self._end_countdown()
        self.password.setFocus()

    def _end_countdown(self) -> None:
        self._countdown.stop()
        self._locked_until = None
        self.login_button.setEnabled(True)
        self.show_error("")

    def create_account(self) -> None:
        if self.new_password.text() != self.new_repeat.text():
            self.show_error(self.tr("The two passwords are not the same."))
            return
        self.show_error("")
        self.create_button.setEnabled(False)
        ws, account = self.workspace, dict(username=self.new_username.text(), full_name=self.new_name.text(),
                                           password=self.new_password.text(), role=self.new_role.currentData())
        self.runner.run_db(lambda: _login().create_first_account(ws, **account), self._created)

    def _created(self, result=None, error=None) -> None:
        self.create_button.setEnabled(True)
        if error is not None:
            self.show_error(error_text(error, self.language))
            return
        self.actor = result
        self.typed_password = self.new_password.text()
        self.accept()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # A dialog closed during a lock-out no longer ticks: a timer left running on a closed window is one more
        # thing that may fire after the window is gone.
        self._countdown.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Escape would close the dialog and with it the app; an officer pressing it by mistake loses nothing,
        # but it is confusing, so only the window's close button quits.
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
