"""Enrolling this laptop: the server's address and a one-time code from the administrator, once per laptop."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from sync import transport
from sync.client import Offline, Refused, SyncClient, SyncError
from sync.enrol import Enrolled, Enrolment, enrol_as
from ui.context import UiContext
from ui.i18n import error_text

# An enrolment is done in town or at the office, on a usable link: a short wait says "wrong address" sooner.
ENROL_TIMEOUT = (8.0, 30.0)
ENROL_GIVE_UP = 20.0


class EnrolDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, server_url: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.result_enrolment: Enrolment | None = None
        self.give_up_after = ENROL_GIVE_UP
        self.setWindowTitle(self.tr("Enrol this laptop"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("Ask the administrator for the server address and a one-time enrolment code. "
                               "The code works once; after that this laptop sends and receives data by itself."),
                       objectName="hint", wordWrap=True)
        self.url = QLineEdit(server_url, placeholderText="https://jemput.example.go.id")
        # Shaped like what `jemput-server enrol-code` prints: four groups of four, no 0/O or 1/I/L to mix up.
        self.code = QLineEdit(placeholderText=self.tr("e.g. 7KQ2-M9XD-4HTW-R3PN"))
        self.device_name = QLineEdit(socket.gethostname()[:60])
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("Enrolment code"), self.code)
        form.addRow(self.tr("Name of this laptop"), self.device_name)
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        self.enrol_button = QPushButton(self.tr("Enrol"), objectName="primary", autoDefault=True)
        self.enrol_button.clicked.connect(self.submit)
        buttons = QDialogButtonBox()
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.code.returnPressed.connect(self.submit)

    def submit(self) -> None:
        url, code, name = self.url.text().strip(), self.code.text().strip(), self.device_name.text().strip()
        if not url or not code or not name:
            self.show_error(self.tr("Fill in the server address, the code and the name of this laptop."))
            return
        if not url.lower().startswith(("http://", "https://")):
            self.show_error(self.tr("The server address starts with https:// (as the administrator wrote it)."))
            return
        self.show_error("")
        self.enrol_button.setEnabled(False)
        self.enrol_button.setText(self.tr("Enrolling…"))
        ws, give_up, actor = self.ctx.workspace, self.give_up_after, self.ctx.actor

        def work():
            client = SyncClient(url.rstrip("/"), timeout=ENROL_TIMEOUT, give_up_after=give_up,
                                **transport.policy_of(ws).client_options())
            try:
                # On the network pool, not through ui.common.operations: the server's answer may take a while, and the
                # database worker must stay free for saving forms meanwhile.
                return enrol_as(ws, actor, url, code, name, client=client)
            finally:
                client.close()

        self.ctx.runner.run_net(work, self._done)

    def _done(self, result: Enrolled | None = None, error=None) -> None:
        self.enrol_button.setEnabled(True)
        self.enrol_button.setText(self.tr("Enrol"))
        if error is not None:
            self.show_error(self.explain(error))
            return
        self.result_enrolment = result.enrolment
        self.ctx.adopt_actor(result.actor)
        self.accept()

    def explain(self, error: BaseException) -> str:
        if isinstance(error, Refused) and error.code == "bad_code":
            return self.tr("The enrolment code is wrong, has expired or was already used. Check it, or ask the "
                           "administrator for a new one.")
        if isinstance(error, Offline):
            return self.tr("The server cannot be reached. Check the address and the signal, then try again.")
        if isinstance(error, Refused) and error.code.startswith("http_"):
            # Something answered, but not a Jemput Bola server (a wrong path or another web site).
            return self.tr("No Jemput Bola server answers at this address ({detail}). Check it with the "
                           "administrator.").format(detail=error.code.replace("http_", "HTTP "))
        if isinstance(error, SyncError):
            return error.text(self.ctx.settings.language)
        return error_text(error, self.ctx.settings.language)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
