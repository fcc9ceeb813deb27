"""The QR codes in a picture of a receipt (a phone photo, a scan, or the receipt's PDF), read by zxing-cpp, the
decoder the receipt tests already read the printed PDFs with.

zxing-cpp gets plain grey bytes, never the QImage: its QImage path drops a reference and crashes the interpreter
at exit (tests/test_receipt_render.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

PDF_RENDER_PX = 2000  # the page's long side: a 32 mm QR code on A5 gets ~6 px per module
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is already more than a phone takes; beyond it, refuse


class UnreadableImage(Exception):
    """Not an image or PDF Qt can open."""


def load(path: Path) -> QImage:
    if path.suffix.lower() == ".pdf":
        return _pdf_page(path)
    image = QImage(str(path))
    if image.isNull() or image.width() * image.height() > MAX_PIXELS:
        raise UnreadableImage(str(path))
    return image


def _pdf_page(path: Path) -> QImage:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise UnreadableImage(str(path))
    size = document.pagePointSize(0)
    scale = PDF_RENDER_PX / max(size.width(), size.height(), 1)
    image = document.render(0, QSize(round(size.width() * scale), round(size.height() * scale)))
    document.close()
    if image.isNull():
        raise UnreadableImage(str(path))
    # A PDF page is transparent where nothing is drawn: on white, as on paper.
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(0xFFFFFF)
    from PySide6.QtGui import QPainter

    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def qr_texts(image: QImage) -> list[str]:
    import zxingcpp

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[:stride * h]
    pixels = memoryview(b"".join(raw[y * stride:y * stride + w] for y in range(h))).cast("B", (h, w))
    return [b.text for b in zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)]
