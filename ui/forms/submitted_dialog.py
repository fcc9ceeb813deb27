"""The end of a registration: it went to the supervisor, this is its number, and the receipt is one key away.

An officer in a village hall hands the citizen a receipt before the next person sits down: the confirmation says
what happened in one line, shows the number the citizen will quote, and Enter opens the receipt to print.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import record_views
from app.record_views import Numbered
from ui.context import UiContext
from ui.common.operations import query
from ui.records.model import kind_label


class SubmittedDialog(QDialog):
    def __init__(self, ctx: UiContext, registration_ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.ids = ctx, list(registration_ids)
        self.numbers: list[Numbered] = []
        self.receipt_dialog = None
        self.setWindowTitle(self.tr("Sent to the supervisor"))
        self.setMinimumWidth(520)
        self.headline = QLabel(self.tr("✔ Sent to the supervisor."), objectName="subtitle")
        self.details = QLabel(self.tr("Loading…"), wordWrap=True,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self.tr("Give the citizen the receipt: its number is how they ask about the status."),
                           objectName="hint", wordWrap=True)
        self.receipt_button = QPushButton(self.tr("Print receipt"), objectName="primary", default=True,
                                          autoDefault=True)
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.open_receipt)
        self.done_button = QPushButton(self.tr("Done"), autoDefault=False)
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        ids = self.ids
        query(ctx, lambda session: record_views.numbered(session, ids), self._loaded, on_error=self.details)

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            return
        self.numbers = result
        lines = [self.tr("{service} for {name}: registration number {number}").format(
            service=kind_label(n.kind), name=n.subject_name or self.tr("(no name yet)"), number=f"<b>{n.number}</b>")
            for n in result]
        self.details.setText("<br>".join(lines))
        self.receipt_button.setEnabled(True)
        self.receipt_button.setFocus()

    def open_receipt(self) -> None:
        """The receipt of each record in turn (twins: one per child), over this dialog."""
        from ui.media.receipt_dialog import ReceiptDialog

        pending = list(self.ids)

        def next_receipt(_code=None) -> None:
            if not pending:
                self.accept()
                return
            self.receipt_dialog = ReceiptDialog(self.ctx, pending.pop(0), self)
            self.receipt_dialog.finished.connect(next_receipt)
            self.receipt_dialog.open()

        next_receipt()
