"""An administrator's choice of how this laptop reaches the server (sync/transport.py): plain HTTP to another
machine allowed or not, and the province's certificate pinned or the system's authorities trusted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from sync import transport
from ui.common.operations import operation
from ui.context import UiContext


def describe(policy: transport.Policy) -> str:
    translate = QCoreApplication.translate
    tls = (translate("TransportDialog", "Province certificate pinned") if policy.ca_file
           else translate("TransportDialog", "System certificate authorities"))
    plain = (translate("TransportDialog", "plain HTTP allowed (not safe)") if policy.allow_plain_http
             else translate("TransportDialog", "HTTPS only"))
    return f"{plain}; {tls}"


class TransportDialog(QDialog):
    def __init__(self, ctx: UiContext, policy: transport.Policy, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ca_source: Path | None = None
        self.clear_ca = False
        self.setWindowTitle(self.tr("Connection security"))
        self.plain = QCheckBox(self.tr("Allow plain HTTP to other machines (passwords and data travel unencrypted)"))
        self.plain.setChecked(policy.allow_plain_http)
        # Wide enough for the check box's whole warning, which does not wrap (it was cut off at 560 px).
        self.setMinimumWidth(max(560, self.plain.sizeHint().width() + 48))
        self.ca_label = QLabel(self.tr("Pinned: the province's certificate") if policy.ca_file
                               else self.tr("Not pinned: the system's certificate authorities are trusted"),
                               wordWrap=True)
        choose = QPushButton(self.tr("Choose certificate…"))
        choose.clicked.connect(self.choose_certificate)
        clear = QPushButton(self.tr("Trust the system again"))
        clear.clicked.connect(self._clear)
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        self.save_button = save = QPushButton(self.tr("Save"), objectName="primary")
        save.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        ca_row = QHBoxLayout()
        ca_row.addWidget(choose)
        ca_row.addWidget(clear)
        ca_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The laptop gives the server its key and the officers' passwords: only "
                                        "an administrator changes this."), objectName="hint", wordWrap=True))
        layout.addWidget(self.plain)
        layout.addWidget(self.ca_label)
        layout.addLayout(ca_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def choose_certificate(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("The province's certificate"), "",
                                              self.tr("Certificates (*.pem *.crt)"))
        if name:
            self.set_certificate(Path(name))

    def set_certificate(self, path: Path) -> None:
        self.ca_source, self.clear_ca = path, False
        self.ca_label.setText(self.tr("To pin: %1").replace("%1", path.name))

    def _clear(self) -> None:
        self.ca_source, self.clear_ca = None, True
        self.ca_label.setText(self.tr("Not pinned: the system's certificate authorities are trusted"))

    def save(self) -> None:
        ctx, folder = self.ctx, self.ctx.workspace.db_path.parent
        allow, source, keep = self.plain.isChecked(), self.ca_source, not self.clear_ca and self.ca_source is None
        operation(ctx, lambda session: transport.set_policy(session, folder, actor=ctx.actor, now=ctx.workspace.now(),
                                                            allow_plain_http=allow, ca_source=source, keep_ca=keep),
                  self._saved, on_error=self._failed)

    def _saved(self, result=None, error=None) -> None:
        if error is None:
            self.ctx.changes.settings_changed.emit()
            self.accept()

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
