"""The photos, scans, signatures and thumbprints of one registration, as thumbnails, with buttons to add and remove.

Files are read and checked (SHA-256) off the UI thread. A file that is missing or damaged on this laptop gets a
placeholder tile and a message saying what to do; the rest of the panel works as usual. A form embeds the panel
and gives it ``ensure_record``: a draft with no id yet is saved first, as autosave would, and the photo goes to it.

The signature and camera dialogs open without a nested event loop (``open()``, not ``exec()``): the form keeps
saving behind them, and a test can draw on the pad as an officer does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QDialog, QFileDialog, QLabel, QListView, QListWidget, QListWidgetItem,
                               QMenu, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from app.attachments import (PURPOSES, AttachmentInfo, AttachmentProblem, AttachmentStore, attach_files,
                             attachments_of, detach)
from ui.media import photo_import
from ui.media.camera_capture import CameraDialog, setup_camera_button
from ui.context import UiContext
from ui.common.flow_layout import FlowLayout
from ui.common.operations import operation, query
from ui.common.screen_fit import fit_to_screen
from ui.media.signature_pad import SignatureDialog

THUMB = 120
DOCUMENT_PURPOSES = ("kk", "birth_letter", "marriage_proof", "sptjm", "document")
IMAGE_FILTER = "*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff"


def choose_file(parent: QWidget, title: str, pattern: str) -> str:
    """The OS file dialog; the path picked, or "" when cancelled. A module function so that a test, which has no
    OS dialog to click in, can put the file an officer would pick in its place."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return name


@dataclass(frozen=True)
class Tile:
    info: AttachmentInfo
    thumb: QImage | None  # None: a PDF, or a file that could not be read
    problem: str = ""


def purpose_label(purpose: str) -> str:
    return QCoreApplication.translate("Attachments", PURPOSES.get(purpose, purpose))


def load_tiles(store: AttachmentStore, infos: list[AttachmentInfo], language: str) -> list[Tile]:
    """Reads and checks every file; runs on a worker (QImage, unlike QPixmap, is safe there)."""
    tiles = []
    for info in infos:
        label = info.label or purpose_label(info.purpose)
        try:
            data = store.read(info.sha256, label=label)
        except AttachmentProblem as problem:
            tiles.append(Tile(info, None, problem.text(language)))
            continue
        if info.media_type == photo_import.PDF:
            tiles.append(Tile(info, None))
            continue
        image = photo_import.decode(data)
        if image.isNull():
            tiles.append(Tile(info, None, QCoreApplication.translate(
                "AttachmentsPanel", "The file for \"{label}\" is not a picture this laptop can show.")
                .format(label=label)))
            continue
        tiles.append(Tile(info, image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)))
    return tiles


def placeholder_icon(text: str, *, problem: bool) -> QIcon:
    """A drawn tile: a red one with "!" for a missing or damaged file, a grey page for a PDF."""
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(QColor("#fdecea" if problem else "#eceff1"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#b3261e" if problem else "#37474f"))
    font = QFont()
    font.setPixelSize(44)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(0, 4, THUMB, 54), Qt.AlignmentFlag.AlignCenter, "!" if problem else "PDF")
    font.setPixelSize(14)
    painter.setFont(font)
    painter.drawText(QRect(4, 58, THUMB - 8, THUMB - 60), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                     text)
    painter.end()
    return QIcon(pixmap)


class AttachmentsPanel(QWidget):
    changed = Signal()  # an attachment was added or removed
    shown = Signal()  # the tiles on screen are up to date with the database

    def __init__(self, ctx: UiContext, registration_id: str | None = None, *, read_only: bool = False,
                 photo_purpose: str | None = "photo", document_purposes: tuple[str, ...] = DOCUMENT_PURPOSES,
                 ensure_record: Callable[[Callable[[str], None]], None] | None = None,
                 parent: QWidget | None = None):
        """``photo_purpose`` is what a photo from file or camera is stored as (None: no photo buttons);
        ``ensure_record(then)`` saves a record that has no id yet and calls ``then(id)``."""
        super().__init__(parent)
        self.ctx, self.registration_id, self.read_only = ctx, registration_id, read_only
        self.photo_purpose, self.ensure_record = photo_purpose, ensure_record
        self.store = AttachmentStore.beside(ctx.workspace.db_path)
        self.tiles: list[Tile] = []
        self.dialog: QDialog | None = None  # the signature or camera dialog while it is open

        self.list = QListWidget(viewMode=QListView.ViewMode.IconMode, movement=QListView.Movement.Static,
                                resizeMode=QListView.ResizeMode.Adjust, wordWrap=True)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 52))
        self.list.setMinimumHeight(THUMB + 64)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No photos or documents yet."), objectName="hint")
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()

        self.photo_button = QPushButton(self.tr("Photo from file…"))
        self.photo_button.clicked.connect(lambda: self.pick_file(self.photo_purpose))
        self.camera_button = QPushButton(self.tr("Photo from camera"))
        self.camera_button.clicked.connect(self.take_photo)
        self.document_button = QPushButton(self.tr("Scanned document"))
        menu = QMenu(self.document_button)
        self.document_actions = {}
        for purpose in document_purposes:
            self.document_actions[purpose] = menu.addAction(purpose_label(purpose),
                                                            lambda p=purpose: self.pick_file(p))
        self.document_button.setMenu(menu)
        self.signature_button = QPushButton(self.tr("Signature"))
        self.signature_button.clicked.connect(lambda: self.draw("signature"))
        self.thumbprint_button = QPushButton(self.tr("Thumbprint"))
        self.thumbprint_button.clicked.connect(lambda: self.draw("thumbprint"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.buttons = QWidget()
        row = FlowLayout(self.buttons)  # wraps in a narrow form instead of pushing it sideways
        add = QLabel(self.tr("Add:"))
        add.setMinimumHeight(self.photo_button.sizeHint().height())
        row.addWidget(add)
        for button in (self.photo_button, self.camera_button, self.document_button, self.signature_button,
                       self.thumbprint_button, self.remove_button):
            row.addWidget(button)
        self.buttons.setVisible(not read_only)
        setup_camera_button(self.camera_button)
        self.camera_available = self.camera_button.isEnabled()
        self.photo_button.setVisible(photo_purpose is not None)
        self.camera_button.setVisible(photo_purpose is not None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self._update_buttons()
        self.reload()

    # -- loading

    def set_registration(self, registration_id: str | None) -> None:
        self.registration_id = registration_id
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        rid, store, lang = self.registration_id, self.store, self.ctx.settings.language
        if rid is None:
            self._show([])
            return

        # The files are read in the transaction too; in WAL mode this read holds up no writer.
        query(self.ctx, lambda session: load_tiles(store, attachments_of(session, rid), lang), self._loaded,
              on_error=self._say)

    def _loaded(self, result=None, error=None) -> None:
        if error is None:
            self._show(result)

    def _show(self, tiles: list[Tile]) -> None:
        self.tiles = tiles
        self.list.clear()
        problems = []
        for tile in tiles:
            name = tile.info.label or purpose_label(tile.info.purpose)
            if tile.problem:
                icon = placeholder_icon(self.tr("File missing or damaged"), problem=True)
                problems.append(tile.problem)
            elif tile.thumb is None:
                icon = placeholder_icon(self.tr("Document"), problem=False)
            else:
                icon = QIcon(QPixmap.fromImage(tile.thumb))
            item = QListWidgetItem(icon, name)
            item.setToolTip(tile.problem or name)
            item.setData(Qt.ItemDataRole.UserRole, tile)
            self.list.addItem(item)
        self.empty.setVisible(not tiles)
        self.list.setVisible(bool(tiles))
        self._say("\n".join(problems))
        self.shown.emit()

    def purposes(self) -> set[str]:
        """The purposes of the files shown now (for a checklist of what the service still needs)."""
        return {tile.info.purpose for tile in self.tiles}

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_buttons(self) -> None:
        # A form that can save its draft on demand can take a photo before it has an id.
        has_record = self.registration_id is not None or self.ensure_record is not None
        for button in (self.photo_button, self.document_button, self.signature_button, self.thumbprint_button):
            button.setEnabled(has_record)
            button.setToolTip("" if has_record else self.tr("Save the form first, then add photos and documents."))
        self.camera_button.setEnabled(has_record and self.camera_available)
        self.remove_button.setEnabled(has_record and bool(self.list.selectedItems()))

    # -- adding

    def _with_record(self, action: Callable[[], None]) -> None:
        """Runs ``action`` once the record has an id: at once, or after the form saved its draft."""
        if self.registration_id is not None:
            action()
        elif self.ensure_record is not None:
            def saved(registration_id: str) -> None:
                self.set_registration(registration_id)
                action()

            self.ensure_record(saved)

    def pick_file(self, purpose: str) -> None:
        if purpose in ("photo", "eye_photo"):
            pattern = self.tr("Photos ({patterns})").format(patterns=IMAGE_FILTER)
        else:
            pattern = self.tr("Scans: photos or PDF ({patterns})").format(patterns=IMAGE_FILTER + " *.pdf")
        name = choose_file(self, purpose_label(purpose), pattern)
        if name:
            self.add_file(Path(name), purpose)

    def add_file(self, path: Path, purpose: str) -> None:
        settings = self.ctx.settings
        self._store(lambda: photo_import.prepare_file(path, purpose=purpose, settings=settings))

    def add_image(self, image: QImage, purpose: str) -> None:
        settings = self.ctx.settings
        self._store(lambda: photo_import.prepare_image(image, purpose=purpose, settings=settings))

    def add_bytes(self, data: bytes, media_type: str, purpose: str) -> None:
        self._store(lambda: [photo_import.Prepared(data, media_type, purpose)])

    def _store(self, prepare) -> None:
        rid, ws, store, actor = self.registration_id, self.ctx.workspace, self.store, self.ctx.actor
        if rid is None:
            self._with_record(lambda: self._store(prepare))
            return

        def store_files(session) -> None:
            # Refused files stop in prepare(), before anything is written. Nothing is announced: the panel
            # tells its form and record page itself (``changed``), the lists show no attachments.
            attach_files(session, store=store, actor=actor, registration_id=rid, files=prepare(), now=ws.now())

        operation(self.ctx, store_files, self._stored, on_error=self._say)

    def _stored(self, result=None, error=None) -> None:
        if error is not None:
            return
        self.reload()
        self.changed.emit()

    def take_photo(self) -> None:
        dialog = CameraDialog(self)
        purpose = self.photo_purpose or "photo"

        def taken() -> None:
            if dialog.image is not None:
                self.add_image(dialog.image, purpose)

        self._open_dialog(dialog, taken)

    def draw(self, purpose: str) -> None:
        dialog = SignatureDialog(self, thumbprint=purpose == "thumbprint")

        def signed() -> None:
            if dialog.png:
                self.add_bytes(dialog.png, dialog.media_type, purpose)

        self._open_dialog(dialog, signed)

    def _open_dialog(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    # -- removing and viewing

    def remove_selected(self, *, confirm: bool = True) -> None:
        items = self.list.selectedItems()
        if not items or self.read_only:
            return
        tile: Tile = items[0].data(Qt.ItemDataRole.UserRole)
        if confirm and QMessageBox.question(
                self, self.tr("Remove"), self.tr("Remove \"{name}\" from this record?").format(
                    name=items[0].text())) != QMessageBox.StandardButton.Yes:
            return
        link_id = tile.info.id
        operation(self.ctx, lambda session: detach(session, attachment_id=link_id), self._stored,
                  on_error=self._say)

    def _open_item(self, item: QListWidgetItem) -> None:
        tile: Tile = item.data(Qt.ItemDataRole.UserRole)
        if tile.problem:
            self._say(tile.problem)
            return
        try:
            data = self.store.read(tile.info.sha256, label=item.text())
        except AttachmentProblem as problem:
            self._say(problem.text(self.ctx.settings.language))
            return
        if tile.info.media_type == photo_import.PDF:
            # Drawn here, page by page, from memory: handing it to the system's PDF viewer would leave a plaintext
            # copy of a family card in the temporary folder (issue 11: no temporary file in the clear).
            self.pdf_viewer = PdfViewer(data, item.text(), self)
            self.pdf_viewer.open()
            return
        ImageViewer(photo_import.decode(data), item.text(), self).exec()


class PdfViewer(QDialog):
    """A scanned document's pages, rendered in memory (QtPdf), one under the other, as wide as the dialog."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None):
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtPdf import QPdfDocument

        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 1040, 780)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        width = max(400, self.width() - 80)  # the dialog less its margins and the scroll bar
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.page_labels: list[QLabel] = []
        for n in range(self.document.pageCount()):
            points = self.document.pagePointSize(n)
            size = QSize(width, int(width * points.height() / max(points.width(), 1)))
            sheet = QImage(size, QImage.Format.Format_RGB32)
            sheet.fill(QColor("white"))  # a page is paper: transparent parts would show the dialog's grey
            painter = QPainter(sheet)
            painter.drawImage(0, 0, self.document.render(n, size))
            painter.end()
            label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
            label.setPixmap(QPixmap.fromImage(sheet))
            column.addWidget(label)
            self.page_labels.append(label)
        if not self.page_labels:
            column.addWidget(QLabel(self.tr("This PDF cannot be shown.")))
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(pages)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class ImageViewer(QDialog):
    def __init__(self, image: QImage, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        label.setPixmap(QPixmap.fromImage(image.scaled(1000, 700, Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation)))
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(label)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        fit_to_screen(self, 1040, 780)
