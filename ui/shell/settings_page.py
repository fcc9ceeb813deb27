"""Settings of this laptop: the language, the server it syncs with, and where the data lives (for backups)."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from app import retention, sync_state

from ui.shell import style
from ui.context import UiContext
from sync import transport
from ui.sync.enrol_dialog import EnrolDialog
from ui.sync.transport_dialog import TransportDialog, describe as describe_transport
from ui.i18n import error_text
from ui.common.operations import query

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}  # each in its own language, never translated


def app_version() -> str:
    try:
        return metadata.version("jemput-bola")
    except metadata.PackageNotFoundError:  # a checkout that was never pip-installed
        return "dev"


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGE_NAMES).index(ctx.settings.language))
        self.save_button = QPushButton(self.tr("Save"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        # Honest about when it applies: rebuilding every open page under an officer's half-typed form is riskier
        # than asking for a restart, and the form saves itself anyway.
        self.note = QLabel(self.tr("A new language takes effect the next time the app starts."), objectName="hint",
                           wordWrap=True)
        self.message = QLabel(wordWrap=True)
        self.retention = QSpinBox(minimum=0, maximum=3650, value=ctx.settings.retention_days)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setSpecialValueText(self.tr("Keep them all"))
        self.purge_button = QPushButton(self.tr("Remove finished records now"))
        self.purge_button.clicked.connect(self.purge_now)
        retention_row = QHBoxLayout()
        retention_row.addWidget(self.retention)
        retention_row.addWidget(self.purge_button)
        retention_note = QLabel(
            self.tr("Records the server has finished leave this laptop after this many days unchanged."),
            objectName="hint", wordWrap=True)

        self.idle_lock = QSpinBox(minimum=0, maximum=240, value=ctx.settings.idle_lock_minutes)
        self.idle_lock.setSuffix(self.tr(" minutes"))
        self.idle_lock.setSpecialValueText(self.tr("Never"))
        idle_note = QLabel(self.tr("Then the login screen comes back, so that nobody else reads the records; what is "
                                   "typed is saved first."), objectName="hint", wordWrap=True)

        folder = QLabel(str(ctx.data_dir))
        database = QLabel(ctx.workspace.db_path.name if ctx.workspace.db_path.parent == ctx.data_dir
                          else str(ctx.workspace.db_path), wordWrap=True)
        for label in (folder, database):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language.setMinimumWidth(260)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.note)
        form.addRow(self.tr("Keep finished records"), retention_row)
        form.addRow("", retention_note)
        form.addRow(self.tr("Lock when unused for"), self.idle_lock)
        form.addRow("", idle_note)
        form.addRow("", self.save_button)
        form.addRow("", self.message)
        self.server = QLabel(wordWrap=True)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_button = QPushButton(self.tr("Enrol with a server…"))
        self.enrol_button.clicked.connect(self.enrol)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server)
        server_row.addWidget(self.enrol_button)
        form.addRow(self.tr("Server"), server_row)
        self.transport = QLabel()  # one line: wrapped, the form's size hint cut it in half
        self.transport_button = QPushButton(self.tr("Change…"))
        self.transport_button.clicked.connect(self.open_transport)
        self.transport_button.setVisible(ctx.actor is not None and ctx.actor.role == "admin")
        transport_row = QHBoxLayout()
        transport_row.addWidget(self.transport, 1)
        transport_row.addWidget(self.transport_button)
        form.addRow(self.tr("Connection"), transport_row)
        form.addRow(self.tr("Data folder"), folder)
        form.addRow(self.tr("Database file"), database)
        form.addRow(self.tr("Device ID"), QLabel(ctx.workspace.device_id))
        form.addRow(self.tr("App version"), QLabel(app_version()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(QLabel(self.tr("Settings"), objectName="title"))
        layout.addLayout(form)
        layout.addStretch(1)
        self.note.setMinimumWidth(420)
        retention_note.setMinimumWidth(420)
        ctx.changes.settings_changed.connect(self.show_server)
        self.show_server()

    def show_server(self) -> None:
        def server_url(session) -> str | None:
            return sync_state.server_url(session) if sync_state.is_enrolled(session) else None

        def shown(result=None, error=None):
            self.server.setText(result or self.tr("Not enrolled yet"))
            self.enrol_button.setText(self.tr("Enrol again…") if result else self.tr("Enrol with a server…"))

        query(self.ctx, server_url, shown)
        folder = self.ctx.workspace.db_path.parent

        def policy_shown(result=None, error=None):
            if result is not None:
                self.policy = result
                self.transport.setText(describe_transport(result))

        query(self.ctx, lambda session: transport.policy(session, folder), policy_shown)

    def open_transport(self) -> TransportDialog:
        self.transport_dialog = TransportDialog(self.ctx, getattr(self, "policy", transport.Policy()), self)
        self.transport_dialog.open()
        return self.transport_dialog

    def enrol(self):
        dialog = EnrolDialog(self.ctx, self, server_url=self.server.text() if "://" in self.server.text() else "")
        dialog.accepted.connect(self.ctx.changes.settings_changed)
        dialog.open()
        self.enrol_dialog = dialog
        return dialog

    def save(self) -> None:
        settings = self.ctx.settings
        settings.language = self.language.currentData()
        settings.retention_days = self.retention.value()
        settings.idle_lock_minutes = self.idle_lock.value()
        try:
            settings.save(self.ctx.data_dir)
        except OSError as exc:
            self._say(error_text(exc, settings.language), "error")
            return
        self._say(self.tr("Saved. Close and open the app again to switch the language."), "success")
        self.ctx.changes.settings_changed.emit()

    def purge_now(self) -> None:
        """Counts first, so that the officer confirms a number, then removes what the shown period allows."""
        ctx, days = self.ctx, self.retention.value()
        if days == 0:
            self._say(self.tr("Set how many days to keep finished records first: 0 keeps them all."), "hint")
            return

        def counted(result=None, error=None):
            self.purge_button.setEnabled(True)
            if error is not None:
                self._say(error_text(error, ctx.settings.language), "error")
            elif not result:
                self._say(self.tr("Nothing to remove: no finished record is older than %n day(s).", "",
                                  days), "hint")
            elif QMessageBox.question(
                    self, self.tr("Remove finished records"),
                    self.tr("Remove %n finished record(s) from this laptop? The server keeps them.", "",
                            result),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes:
                self.purge_button.setEnabled(False)
                ctx.runner.run_db(lambda: retention.purge_in(ctx.workspace, actor_or_none=ctx.actor,
                                                             retention_days=days), purged)

        def purged(result=None, error=None):
            self.purge_button.setEnabled(True)
            if error is not None:
                self._say(error_text(error, ctx.settings.language), "error")
                return
            self._say(self.tr("Removed from this laptop — records: {count}, people: {persons}, files: {files}.")
                      .format(count=result.registrations, persons=result.persons, files=result.files), "success")
            if result.ids:
                ctx.changes.registrations_changed.emit(list(result.ids))

        self.purge_button.setEnabled(False)
        ctx.runner.run_db(lambda: retention.count_in(ctx.workspace, retention_days=days), counted)

    def _say(self, text: str, kind: str) -> None:
        style.set_message(self.message, text, kind)
