"""“Periksa tanda terima”: is a citizen's receipt genuine? The officer or supervisor pastes the QR code's text (a
scanner types it) or opens a photo, scan or PDF of the receipt; the answer comes from the province's key list on
this laptop, with no network (sync/receipt_check.py), and says what the receipt claims when it is signed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from sync import receipt_check
from ui.common.operations import query
from ui.common.screen_fit import fit_to_screen
from ui.context import UiContext
from ui.i18n import error_text
from ui.records import receipt_image
from ui.records.model import kind_label

LEVELS = {receipt_check.VALID: "valid", receipt_check.INVALID: "invalid", receipt_check.REVOKED: "invalid"}


class ReceiptCheckDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_check: receipt_check.ReceiptCheck | None = None
        self.setWindowTitle(self.tr("Check a receipt"))
        intro = QLabel(self.tr("Scan the receipt's QR code into the box below, paste its text, or open a photo, "
                               "scan or PDF of the receipt. The check uses the province's key list on this laptop "
                               "and needs no signal."), objectName="hint", wordWrap=True)
        self.text = QPlainTextEdit(placeholderText=self.tr("JB2:…"))
        self.text.setFixedHeight(90)
        self.open_button = QPushButton(self.tr("Open image or PDF…"))
        self.open_button.clicked.connect(self.open_image_dialog)
        self.check_button = QPushButton(self.tr("Check"), objectName="primary")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.verdict = QLabel(objectName="verdict", wordWrap=True)
        self.verdict.setProperty("level", "doubt")  # styled (padding included) from its first polish
        self.verdict.hide()
        self.details = QFormLayout()
        self.detail_labels = {key: QLabel(wordWrap=True) for key in ("number", "service", "date", "nik", "laptop")}
        titles = {"number": self.tr("Registration number"), "service": self.tr("Service"),
                  "date": self.tr("Date"), "nik": self.tr("NIK"), "laptop": self.tr("Signed by laptop")}
        for key, label in self.detail_labels.items():
            self.details.addRow(titles[key], label)
        self.details_box = QWidget()
        self.details_box.setLayout(self.details)
        self.details_box.hide()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        inputs = QHBoxLayout()
        inputs.addWidget(self.open_button)
        inputs.addStretch(1)
        inputs.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addLayout(inputs)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details_box)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(close)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        fit_to_screen(self, 640, 560)

    def open_image_dialog(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a picture of the receipt"), folder,
                                              self.tr("Pictures and PDF (*.png *.jpg *.jpeg *.bmp *.pdf)"))
        if name:
            self.open_image(Path(name))

    def open_image(self, path: Path) -> None:
        try:
            texts = receipt_image.qr_texts(receipt_image.load(path))
        except receipt_image.UnreadableImage:
            self._say(self.tr("The file %1 is not a picture or PDF this laptop can open.").replace("%1", path.name),
                      "invalid")
            return
        except OSError as exc:
            self._say(error_text(exc, self.ctx.settings.language), "invalid")
            return
        if not texts:
            self._say(self.tr("No QR code was found in %1. Take the photo closer, straight on and in good light, "
                              "or scan the code.").replace("%1", path.name), "doubt")
            return
        self.text.setPlainText(texts[0])
        self.check()

    def check(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self._say(self.tr("Scan, paste or open a receipt's QR code first."), "doubt")
            return
        self.check_button.setEnabled(False)
        query(self.ctx, lambda session: receipt_check.check(session, text), self._checked, on_error=self._failed)

    def _checked(self, result: receipt_check.ReceiptCheck | None = None, error=None) -> None:
        self.check_button.setEnabled(True)
        if error is not None:
            return  # said by _failed
        answer = result
        self.result_check = answer
        message = self.ctx_translate(receipt_check.VERDICTS[answer.verdict])
        if answer.verdict == receipt_check.REVOKED and answer.revoked_at:
            message += " " + self.tr("Revoked on %1.").replace("%1", f"{answer.revoked_at:%d-%m-%Y}")
        self._say(message, LEVELS.get(answer.verdict, "doubt"))
        statement = answer.statement
        if statement is None:
            return
        values = {"number": statement.number, "service": kind_label(statement.service),
                  "date": f"{statement.issued_on:%d-%m-%Y}", "nik": statement.masked_nik,
                  "laptop": answer.device_name or answer.device_id}
        for key, value in values.items():
            self.detail_labels[key].setText(value)
        self.details_box.show()

    @staticmethod
    def ctx_translate(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ReceiptCheck", text)

    def _failed(self, text: str) -> None:
        self._say(text, "invalid")

    def _say(self, text: str, level: str) -> None:
        self.details_box.hide()
        # Restyled before the text is set: setText then lays the label out again with the new padding.
        self.verdict.setProperty("level", level)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.setText(text)
        self.verdict.show()
