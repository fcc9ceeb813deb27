"""Sending a record back with its reasons: coded reasons to tick, a comment for the whole record, and comments on
particular fields, each shown to the officer under the field it is about (``app.review``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from app import review
from app.i18n import translate
from app.kinds import KINDS


class ReturnDialog(QDialog):
    def __init__(self, kind: str, comment: str, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send back to the officer"))
        self.setMinimumWidth(640)
        self.reason_boxes: dict[str, QCheckBox] = {}
        reasons = QGridLayout()
        for n, (code, label) in enumerate(review.REASONS.items()):
            box = QCheckBox(translate(review.CONTEXT, label, language), objectName=f"reason_{code}")
            self.reason_boxes[code] = box
            reasons.addWidget(box, n // 2, n % 2)
        self.comment = QLineEdit(comment, placeholderText=self.tr("What to correct, for the whole record"))
        spec = KINDS.get(kind)
        self.field = QComboBox(objectName="returnField")
        for f in (spec.fields if spec else ()):
            if f.kind != "computed":
                self.field.addItem(translate("Form", f.label, language), f.key)
        self.field_comment = QLineEdit(placeholderText=self.tr("Comment on this field"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._add)
        self.field_comment.returnPressed.connect(self._add)
        self.comments = QListWidget(objectName="fieldComments")
        self.comments.setMaximumHeight(150)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("Send back"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        adding = QHBoxLayout()
        adding.addWidget(self.field, 2)
        adding.addWidget(self.field_comment, 3)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Reasons"), objectName="subtitle"))
        layout.addLayout(reasons)
        layout.addWidget(QLabel(self.tr("Comment"), objectName="subtitle"))
        layout.addWidget(self.comment)
        layout.addWidget(QLabel(self.tr("Comments on fields"), objectName="subtitle"))
        layout.addLayout(adding)
        layout.addWidget(self.comments)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter in the comment box adds the comment (returnPressed); it must never send the record back
        # half-explained, as a dialog's default button would. Sending is a click on "Send back".
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def _add(self) -> None:
        text = self.field_comment.text().strip()
        if not text or self.field.currentData() is None:
            return
        key = self.field.currentData()
        for row in range(self.comments.count()):  # one comment per field: a second replaces the first
            if self.comments.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.comments.takeItem(row)
                break
        item = QListWidgetItem(f"{self.field.currentText()}: {text}")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, text)
        self.comments.addItem(item)
        self.field_comment.clear()

    def _remove(self) -> None:
        for item in self.comments.selectedItems():
            self.comments.takeItem(self.comments.row(item))

    def reasons(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.reason_boxes.items() if box.isChecked())

    def field_comments(self) -> dict[str, str]:
        return {self.comments.item(row).data(Qt.ItemDataRole.UserRole):
                self.comments.item(row).data(Qt.ItemDataRole.UserRole + 1) for row in range(self.comments.count())}

    def _accept(self) -> None:
        if not (self.reasons() or self.field_comments() or self.comment.text().strip()):
            self.message.setText(translate(review.CONTEXT, review.MSG_NO_REASON))
            self.message.show()
            return
        self.accept()
