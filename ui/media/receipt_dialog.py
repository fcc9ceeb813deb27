"""Preview of a registration's receipt, printed on the officer's printer or saved as a PDF.

The paper size is remembered per laptop (settings.receipt_paper): an officer with a 58 mm thermal printer picks it
once, not for every citizen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app.receipt_views import receipt_for
from app.receipts import ReceiptContent
from sync import device_keys
from ui.media import receipt_render
from ui.shell import style
from ui.context import UiContext
from ui.i18n import error_text
from ui.common.operations import query
from ui.common.screen_fit import fit_to_screen

PREVIEW_DPI = 110


def receipt_language(ctx: UiContext) -> str:
    # The citizen reads it, so Bahasa Indonesia unless the officer works in another language on purpose.
    return ctx.settings.language or "id"


class ReceiptDialog(QDialog):
    def __init__(self, ctx: UiContext, registration_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.registration_id = ctx, registration_id
        self.content: ReceiptContent | None = None
        self.setWindowTitle(self.tr("Receipt"))

        self.paper = QComboBox()
        for key, paper in receipt_render.PAPERS.items():
            self.paper.addItem(QCoreApplication.translate("ReceiptLayout", paper.label), key)
        self.paper.setCurrentIndex(max(0, self.paper.findData(receipt_render.paper(ctx.settings.receipt_paper).key)))
        self.paper.currentIndexChanged.connect(self._paper_changed)
        self.preview = QLabel(self.tr("Loading…"), alignment=Qt.AlignmentFlag.AlignHCenter)
        self.preview.setStyleSheet("background: #78909c; padding: 16px;")
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.preview)
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()

        self.print_button = QPushButton(self.tr("Print"), objectName="primary")
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button = QPushButton(self.tr("Save PDF"))
        self.pdf_button.clicked.connect(self.save_pdf_dialog)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Paper:")))
        top.addWidget(self.paper, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 720, 820)
        self._set_ready(False)
        language = receipt_language(ctx)
        query(ctx, lambda session: receipt_for(session, registration_id=registration_id, language=language,
                                               signer=device_keys.receipt_signer(session)),
              self._loaded, on_error=self._say)

    def paper_key(self) -> str:
        return self.paper.currentData()

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            self.preview.setText("")
            return
        self.content = result
        self._set_ready(True)
        self._render()

    def _paper_changed(self) -> None:
        settings = self.ctx.settings
        settings.receipt_paper = self.paper_key()
        try:
            settings.save(self.ctx.data_dir)
        except OSError as exc:  # the choice still holds for this session
            self._say(error_text(exc, settings.language))
        self.ctx.changes.settings_changed.emit()
        self._render()

    def _render(self) -> None:
        if self.content is None:
            return
        image = receipt_render.render_image(self.content, self.paper_key(), dpi=PREVIEW_DPI,
                                            language=receipt_language(self.ctx))
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _say(self, text: str, kind: str = "error") -> None:
        style.set_message(self.message, text, kind)

    def print_receipt(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.content.number)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not receipt_render.print_to(printer, self.content, self.paper_key(), language=receipt_language(self.ctx)):
            self._say(self.tr("The printer did not accept the receipt. Check that it is on and has paper, or save "
                              "the receipt as a PDF."))
        else:
            self._say("")

    def save_pdf_dialog(self) -> None:
        suggested = str(Path.home() / f"{self.content.number}.pdf")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save receipt as PDF"), suggested, "PDF (*.pdf)")
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> bool:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            receipt_render.write_pdf(self.content, self.paper_key(), path, language=receipt_language(self.ctx))
        except OSError:
            self._say(self.tr("The receipt could not be saved to {path}. Choose another folder or a USB stick.")
                      .format(path=path))
            return False
        self._say(self.tr("Saved: {path}").format(path=path), "success")
        return True
