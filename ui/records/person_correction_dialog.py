"""Correcting a citizen's data at their request, with the reason (app/subject_access.py ``correct``): the old
values stay in the person's corrections and the audit log says that it happened."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from app import subject_access
from app.person_view import PersonView
from ui.common.operations import operation
from ui.context import UiContext


class PersonCorrectionDialog(QDialog):
    def __init__(self, ctx: UiContext, person: PersonView, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person = ctx, person
        self.result_correction: subject_access.Corrected | None = None
        self.setWindowTitle(self.tr("Correct this person's data"))
        self.setMinimumWidth(560)
        self.inputs = {
            "nik": QLineEdit(person.nik or "", maxLength=16),
            "name": QLineEdit(person.name or "", maxLength=200),
            "birth_place": QLineEdit(person.birth_place or "", maxLength=100),
            "birth_date": QLineEdit(person.birth_date or "", placeholderText="YYYY-MM-DD", maxLength=10),
            "kk_number": QLineEdit(person.kk_number or "", maxLength=16),
        }
        labels = {"nik": self.tr("NIK"), "name": self.tr("Name"), "birth_place": self.tr("Place of birth"),
                  "birth_date": self.tr("Date of birth (YYYY-MM-DD)"), "kk_number": self.tr("Family card (KK)")}
        self.reason = QPlainTextEdit(placeholderText=self.tr("Why, e.g. \"as on the KTP shown by the citizen\""))
        self.reason.setFixedHeight(70)
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        form = QFormLayout()
        for key, edit in self.inputs.items():
            form.addRow(labels[key], edit)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save correction"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The forms already recorded stay as they were; this corrects the person's "
                                        "data on this laptop and keeps the old values with the reason."),
                                objectName="hint", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        ctx, pid = self.ctx, self.person.id
        values = {key: edit.text() for key, edit in self.inputs.items()}
        reason = self.reason.toPlainText()
        operation(ctx, lambda session: subject_access.correct(session, actor=ctx.actor, person_id=pid, values=values,
                                                              reason=reason, now=ctx.workspace.now()),
                  self._saved, on_error=self._failed)

    def _saved(self, result=None, error=None) -> None:
        if error is None:
            self.result_correction = result
            self.accept()

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
