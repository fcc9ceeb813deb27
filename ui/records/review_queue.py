"""The supervisor's queue: every record waiting for a decision, oldest first, with how long it has waited.

Filter by officer, village, service and the day it was sent; Enter opens a record for review (the record page
then steps to the next and previous ones of the queue); a selection is approved at once after the supervisor
types their password again (``app.review_queue.approve_many``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import record_views, review_queue
from app.kinds import KINDS
from app.review_queue import QueueFilter, QueueRow
from app.validation.dates import parse_date
from ui.context import UiContext
from ui.common.operations import operation, query
from ui.records.model import kind_label
from ui.records.village_filter import VillageFilter

NAME, KIND, OFFICER, VILLAGE, SENT, WAITED = range(6)


def nav_title() -> str:
    return QCoreApplication.translate("ReviewQueuePage", "Review")


class PasswordDialog(QDialog):
    """The supervisor's password again, before a set of decisions is taken in their name."""

    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm with your password"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="confirmPassword")
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Approve %n record(s)", "", count),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Type your password to approve these records in your name."), wordWrap=True))
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(buttons)


class ReviewQueuePage(QWidget):
    open_queue = Signal(list, int)  # the queue's record ids and the one to open

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[QueueRow] = []
        self.password_dialog: PasswordDialog | None = None
        title = QLabel(self.tr("Waiting for your review"), objectName="title")
        self.count_label = QLabel(objectName="subtitle")
        self.officer = QComboBox(objectName="queueOfficer")
        self.kind = QComboBox(objectName="queueKind")
        self.kind.addItem(self.tr("All services"), "")
        for key in KINDS:
            self.kind.addItem(kind_label(key), key)
        self.villages = VillageFilter(ctx.workspace.regions)
        self.sent_from = QLineEdit(placeholderText=self.tr("sent from DD-MM-YYYY"), objectName="queueFrom")
        self.sent_from.setMaximumWidth(170)
        self.sent_until = QLineEdit(placeholderText=self.tr("until DD-MM-YYYY"), objectName="queueUntil")
        self.sent_until.setMaximumWidth(170)
        self.sent_until.editingFinished.connect(self.reload)
        for widget in (self.officer, self.kind):
            widget.currentIndexChanged.connect(self.reload)
        self.villages.changed.connect(lambda _code: self.reload())
        self.sent_from.editingFinished.connect(self.reload)
        self.table = QTableWidget(0, 6, objectName="queue")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Service"), self.tr("Officer"),
                                              self.tr("Desa/kel."), self.tr("Sent"), self.tr("Waiting")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The name takes what is left; the rest are read whole ("Biodata KTP-el", "01-12-2026 09:30").
        for column in (KIND, OFFICER, VILLAGE, SENT, WAITED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda item: self.open_row(item.row()))
        self.open_button = QPushButton(self.tr("Review"))
        self.open_button.clicked.connect(lambda: self.open_row(max(self.table.currentRow(), 0)))
        self.approve_button = QPushButton(self.tr("Approve selected…"), objectName="primary")
        self.approve_button.clicked.connect(self.approve_selected)
        self.message = QLabel(wordWrap=True)
        self.message.hide()

        filters = QHBoxLayout()
        filters.addWidget(self.officer)
        filters.addWidget(self.kind)
        filters.addWidget(self.sent_from)
        filters.addWidget(self.sent_until)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addWidget(self.villages)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        ctx.changes.registrations_changed.connect(lambda _ids: self.reload())
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.reload()

    def where(self) -> QueueFilter:
        today = self.ctx.workspace.today()
        days = [parse_date(box.text().strip(), today=today)[0] if box.text().strip() else None
                for box in (self.sent_from, self.sent_until)]
        return QueueFilter(officer_id=self.officer.currentData() or None, village_prefix=self.villages.code() or None,
                           kind=self.kind.currentData() or None, sent_from=days[0], sent_until=days[1])

    def reload(self) -> None:
        actor, where = self.ctx.actor, self.where()

        def load(session):
            return (review_queue.waiting(session, actor=actor, where=where),
                    review_queue.officers_waiting(session, actor=actor))

        query(self.ctx, load, self._loaded)

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            return
        self.rows, officers = result
        chosen = self.officer.currentData()
        self.officer.blockSignals(True)
        self.officer.clear()
        self.officer.addItem(self.tr("All officers"), "")
        for uid, name in officers:
            self.officer.addItem(name, uid)
        self.officer.setCurrentIndex(max(0, self.officer.findData(chosen or "")))
        self.officer.blockSignals(False)
        now, regions = self.ctx.workspace.now(), self.ctx.workspace.regions
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            sent = record_views.local_time(row.submitted_at).strftime("%d-%m-%Y %H:%M") if row.submitted_at else ""
            days = row.waited_days(now)
            waited = self.tr("%n day(s)", "", days) if days else self.tr("today")
            for column, text in ((NAME, row.subject_name or self.tr("(no name yet)")), (KIND, kind_label(row.kind)),
                                 (OFFICER, row.owner_name),
                                 (VILLAGE, record_views.village_name(row.village_code, regions)),
                                 (SENT, sent), (WAITED, waited)):
                self.table.setItem(n, column, QTableWidgetItem(text))
        self.count_label.setText(self.tr("%n record(s) waiting", "", len(self.rows)))
        self.approve_button.setEnabled(bool(self.rows))
        self.open_button.setEnabled(bool(self.rows))

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[r].id for r in rows if r < len(self.rows)]

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_queue.emit([r.id for r in self.rows], row)

    def approve_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self._say(self.tr("Select the records to approve first (Ctrl or Shift and click, or Ctrl+A)."))
            return
        self.password_dialog = dialog = PasswordDialog(len(ids), self)
        dialog.accepted.connect(lambda: self._approve(ids, dialog.password.text()))
        dialog.open()

    def _approve(self, ids: list[str], password: str) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        operation(self.ctx, lambda session: review_queue.approve_many(
            session, actor=actor, password=password, registration_ids=ids, now=ws.now()),
            lambda result=None, error=None: self._approved(len(ids), error), on_error=self._say)

    def _approved(self, count: int, error) -> None:
        if error is None:
            self._say(self.tr("%n record(s) approved.", "", count))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
