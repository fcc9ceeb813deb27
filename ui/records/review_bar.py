"""The supervisor's part of a record page: approve it, or send it back to the officer with a comment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import registrations, status
from app.record_views import RecordDetail
from ui.context import UiContext
from ui.common.operations import operation
from ui.records.return_dialog import ReturnDialog

REVIEWERS = ("supervisor", "admin")


class ReviewBar(QWidget):
    reviewed = Signal(str)  # the registration id, after its status changed

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.registration_id: str | None = None
        self.comment = QLineEdit(placeholderText=self.tr("Comment for the officer: what to correct"))
        self.approve_button = QPushButton(self.tr("Approve"), objectName="primary")
        self.approve_button.setShortcut(QKeySequence("Ctrl+Return"))  # the keyboard's way through a queue
        self.approve_button.setToolTip(self.tr("Approve (Ctrl+Enter)"))
        self.return_button = QPushButton(self.tr("Send back to the officer"))
        # Reasons and comments on particular fields, for a return that needs more than one line.
        self.details_button = QPushButton(self.tr("Send back with reasons…"))
        self.details_button.clicked.connect(self._return_with_details)
        self.return_dialog = None
        self.kind = ""
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        self.approve_button.clicked.connect(lambda: self._decide("approve"))
        self.return_button.clicked.connect(lambda: self._decide("return"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Review:"), objectName="subtitle"))
        row.addWidget(self.comment, 1)
        row.addWidget(self.return_button)
        row.addWidget(self.details_button)
        row.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.hide()

    def show_for(self, detail: RecordDetail) -> None:
        """Shown only to a reviewer, and only while the record waits for a decision it can still take."""
        self.registration_id = detail.id
        self.kind = detail.kind
        role = self.ctx.actor.role
        can_approve = status.can("approve", detail.status, role)
        can_return = status.can("return", detail.status, role)
        self.approve_button.setVisible(can_approve)
        self.return_button.setVisible(can_return)
        self.details_button.setVisible(can_return)
        self.comment.clear()
        self.message.hide()
        self.setVisible(role in REVIEWERS and (can_approve or can_return))

    def _return_with_details(self) -> None:
        self.return_dialog = dialog = ReturnDialog(self.kind, self.comment.text().strip(),
                                                   self.ctx.settings.language, self)
        dialog.accepted.connect(lambda: self._decide("return", dialog.comment.text().strip(), dialog.reasons(),
                                                     dialog.field_comments()))
        dialog.open()

    def _decide(self, action: str, comment: str | None = None, reasons: tuple[str, ...] = (),
                field_comments: dict[str, str] | None = None) -> None:
        comment = self.comment.text().strip() if comment is None else comment
        if action == "return" and not (comment or reasons or field_comments):
            # A record sent back without a reason leaves the officer guessing in a village with no signal.
            self._say(self.tr("Write what the officer must correct before sending it back."))
            self.comment.setFocus()
            return
        ws, actor, rid = self.ctx.workspace, self.ctx.actor, self.registration_id

        def decide(session):
            return registrations.transition(session, actor=actor, registration_id=rid, action=action, now=ws.now(),
                                            comment=comment if action == "return" else None, reasons=reasons,
                                            field_comments=field_comments)

        self.approve_button.setEnabled(False)
        self.return_button.setEnabled(False)
        operation(self.ctx, decide, self._done, on_error=self._say)

    def _done(self, result=None, error=None) -> None:
        self.approve_button.setEnabled(True)
        self.return_button.setEnabled(True)
        if error is None:
            self.reviewed.emit(self.registration_id)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
