"""The record page's media block: the record's photos and documents, and the buttons that print its receipt and
open its person with their other records. The record page (``ui.records.detail``) places its two widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.media.attachments_panel import AttachmentsPanel
from ui.context import UiContext
from ui.records.person_page import PersonDialog
from ui.media.receipt_dialog import ReceiptDialog


class RecordMedia(QObject):
    """What a read-only record page shows beside its fields: the photos and documents, and buttons for the receipt
    and for the person's other records. ``attachments`` and ``actions`` are the two widgets the page places."""

    open_registration = Signal(str)

    def __init__(self, ctx: UiContext, registration_id: str, page: QWidget):
        super().__init__(page)
        self.person_dialog = None
        self.ctx, self.page, self.registration_id, self.person_id = ctx, page, registration_id, None
        self.panel = AttachmentsPanel(ctx, registration_id, read_only=True)
        self.attachments = QWidget()
        box = QVBoxLayout(self.attachments)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(QLabel(self.tr("Photos and documents"), objectName="subtitle"))
        box.addWidget(self.panel)
        self.attachments.setMaximumHeight(260)

        self.receipt_button = QPushButton(self.tr("Print receipt"))
        self.receipt_button.clicked.connect(self.open_receipt)
        self.person_button = QPushButton(self.tr("Person and other records"))
        self.person_button.clicked.connect(self.open_person)
        self.person_button.setEnabled(False)
        self.actions = QWidget()
        row = QHBoxLayout(self.actions)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.person_button)
        row.addWidget(self.receipt_button)

    def show_record(self, registration_id: str, person_id: str | None) -> None:
        if registration_id != self.registration_id:
            self.panel.set_registration(registration_id)
        self.registration_id, self.person_id = registration_id, person_id
        self.person_button.setEnabled(person_id is not None)

    def open_receipt(self) -> None:
        ReceiptDialog(self.ctx, self.registration_id, self.page).exec()

    def open_person(self) -> None:
        if self.person_id is None:
            return
        dialog = PersonDialog(self.ctx, self.person_id, self.page)
        dialog.open_registration.connect(self.open_registration)
        # Window-modal without a nested event loop: the record page waits behind it, and the export and
        # correction dialogs it opens run on the one loop.
        self.person_dialog = dialog
        dialog.open()
