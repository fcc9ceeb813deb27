"""Drawing a receipt (``app.receipts.ReceiptContent``) on paper: A5, A6, or a 58 mm or 80 mm thermal roll.

The layout is computed first (a list of things to draw, in device pixels) and painted second, so that a thermal
page can be exactly as long as its content, and a sheet too small for it shrinks the text instead of cutting it.
Everything is pure black on white: a cheap thermal printer has no grey, and dithered grey text is unreadable. The
QR code is drawn from segno's matrix as whole-pixel black squares without anti-aliasing, with its quiet zone, so
that a phone camera reads it even from a faded print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import segno
from PySide6.QtCore import QMarginsF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPainterPath,
                           QPdfWriter, QPen, QRegion)

from app.i18n import QT_TRANSLATE_NOOP, translate
from app.receipts import ReceiptContent

BLACK = QColor(0, 0, 0)
PDF_DPI = 300
QR_QUIET_MODULES = 4  # the QR standard's quiet zone; scanners fail without it next to text


@dataclass(frozen=True)
class Paper:
    key: str
    label: str
    width_mm: float
    height_mm: float | None  # None: a roll; the page is as long as the content
    margin_mm: float  # each side; on a roll, what the print head cannot reach
    body_pt: float
    qr_mm: float

    @property
    def thermal(self) -> bool:
        return self.height_mm is None


# Thermal body text is large: 9-10 pt on a 203 dpi head is what stays readable after weeks in a wallet.
PAPERS = {
    "a5": Paper("a5", QT_TRANSLATE_NOOP("ReceiptLayout", "A5 sheet (148 × 210 mm)"), 148, 210, 14, 12, 45),
    "a6": Paper("a6", QT_TRANSLATE_NOOP("ReceiptLayout", "A6 sheet (105 × 148 mm)"), 105, 148, 8, 9.5, 32),
    "thermal58": Paper("thermal58", QT_TRANSLATE_NOOP("ReceiptLayout", "Thermal roll 58 mm"), 58, None, 5, 9.5, 32),
    "thermal80": Paper("thermal80", QT_TRANSLATE_NOOP("ReceiptLayout", "Thermal roll 80 mm"), 80, None, 4, 10.5, 38),
}
DEFAULT_PAPER = "a6"
TEAR_OFF_MM = 12  # blank paper after the content, so the tear does not cut through the code

L_NUMBER = QT_TRANSLATE_NOOP("ReceiptLayout", "Registration number")
L_NAME = QT_TRANSLATE_NOOP("ReceiptLayout", "Name")
L_NIK = QT_TRANSLATE_NOOP("ReceiptLayout", "NIK")
L_SERVICE = QT_TRANSLATE_NOOP("ReceiptLayout", "Service")
L_DATE = QT_TRANSLATE_NOOP("ReceiptLayout", "Date")
L_OFFICER = QT_TRANSLATE_NOOP("ReceiptLayout", "Officer")
L_VILLAGE = QT_TRANSLATE_NOOP("ReceiptLayout", "Village")
L_NEXT = QT_TRANSLATE_NOOP("ReceiptLayout", "What happens next")
L_COME_BACK = QT_TRANSLATE_NOOP("ReceiptLayout", "Come back")
L_FROM = QT_TRANSLATE_NOOP("ReceiptLayout", "from {date}")
L_ON = QT_TRANSLATE_NOOP("ReceiptLayout", "on {date}")
L_REPORTER = QT_TRANSLATE_NOOP("ReceiptLayout", "Reported by")
L_ABOUT = QT_TRANSLATE_NOOP("ReceiptLayout", "About")
L_AT = QT_TRANSLATE_NOOP("ReceiptLayout", "at {place}")
L_SIGNED = QT_TRANSLATE_NOOP("ReceiptLayout", "Digitally signed: the QR code can be checked")
L_UNSIGNED = QT_TRANSLATE_NOOP("ReceiptLayout", "Not signed yet: this laptop has no key from the province (before "
                                                "its first sync). The QR code only gives the number.")
# Only what is true: the QR holds the record's id and a check code, which an officer's laptop finds when scanned or
# typed into the records search; it is no web link a citizen could open.
L_KEEP = QT_TRANSLATE_NOOP("ReceiptLayout", "Keep this receipt. To ask about the status, give its number or show "
                                            "its code to an officer.")


def paper(key: str) -> Paper:
    return PAPERS.get(key, PAPERS[DEFAULT_PAPER])


@dataclass(frozen=True)
class _Op:
    kind: str  # "text" | "line" | "qr"
    rect: QRectF
    text: str = ""
    font: QFont | None = None
    flags: int = 0
    module: float = 0.0
    matrix: tuple = ()


@dataclass
class Layout:
    ops: list[_Op]
    width_px: float
    height_px: float  # the whole page, margins included
    dpi: float


def layout(content: ReceiptContent, paper_: Paper, dpi: float, language: str = "id") -> Layout:
    """Places everything; on a sheet, shrinks the type until it fits the page."""
    scale = 1.0
    while True:
        result = _Builder(content, paper_, dpi, language, scale).build()
        if paper_.thermal or scale < 0.5:
            return result
        if result.ops and result.ops[-1].rect.bottom() <= result.height_px - _px(paper_.margin_mm, dpi):
            return result
        scale *= 0.92


def _px(mm: float, dpi: float) -> float:
    return mm * dpi / 25.4


class _Builder:
    def __init__(self, content: ReceiptContent, paper_: Paper, dpi: float, language: str, scale: float):
        self.c, self.paper, self.dpi, self.lang, self.scale = content, paper_, dpi, language, scale
        self.left = _px(paper_.margin_mm, dpi)
        self.width = _px(paper_.width_mm - 2 * paper_.margin_mm, dpi)
        self.y = self.left
        self.ops: list[_Op] = []
        # Narrow paper puts each label above its value; wider paper has a label column.
        self.columns = paper_.width_mm - 2 * paper_.margin_mm >= 70

    def t(self, text: str) -> str:
        return translate("ReceiptLayout", text, self.lang)

    def font(self, pt: float, bold: bool = False, mono: bool = False) -> QFont:
        font = QFont("DejaVu Sans Mono" if mono else "DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.Monospace if mono else QFont.StyleHint.SansSerif)
        font.setPixelSize(max(6, round(pt * self.scale * self.dpi / 72)))
        font.setBold(bold)
        return font

    def gap(self, pt: float) -> None:
        self.y += pt * self.scale * self.dpi / 72

    def text(self, text: str, font: QFont, *, align=Qt.AlignmentFlag.AlignLeft, left: float | None = None,
             width: float | None = None, advance: bool = True) -> float:
        x = self.left if left is None else left
        w = self.width if width is None else width
        flags = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        text = keep_hyphenated(text, font)
        bound = QFontMetricsF(font).boundingRect(QRectF(0, 0, w, 1e7), flags, text)
        height = bound.height() * 1.04  # PDF text is unhinted, a hair wider than measured; never clip it
        self.ops.append(_Op("text", QRectF(x, self.y, w, height), text, font, flags))
        if advance:
            self.y += height
        return height

    def fitted(self, text: str, pt: float) -> QFont:
        """The largest bold font up to ``pt`` that puts ``text`` on one line (a split number is misread)."""
        font = self.font(pt, bold=True)
        wide = QFontMetricsF(font).horizontalAdvance(text)
        if wide > self.width * 0.97:
            # Text width grows in proportion to the font size; one step, then a check for rounding.
            font.setPixelSize(max(6, math.floor(font.pixelSize() * self.width * 0.97 / wide)))
            if QFontMetricsF(font).horizontalAdvance(text) > self.width * 0.97:
                font.setPixelSize(max(6, font.pixelSize() - 1))
        return font

    def rule(self) -> None:
        self.gap(3)
        self.ops.append(_Op("line", QRectF(self.left, self.y, self.width, 0)))
        self.gap(4)

    def row(self, label: str, value: str) -> None:
        body = self.paper.body_pt
        if self.columns:
            label_w = self.width * 0.32
            h1 = self.text(self.t(label), self.font(body), width=label_w, advance=False)
            h2 = self.text(value, self.font(body, bold=True), left=self.left + label_w,
                           width=self.width - label_w, advance=False)
            self.y += max(h1, h2)
        else:
            self.text(self.t(label), self.font(body * 0.85))
            self.text(value, self.font(body, bold=True))
        self.gap(2)

    def build(self) -> Layout:
        c, body = self.c, self.paper.body_pt
        center = Qt.AlignmentFlag.AlignHCenter
        self.text(c.title, self.font(body * 1.15, bold=True), align=center)
        self.rule()
        self.text(c.number_label or self.t(L_NUMBER), self.font(body * 0.9), align=center)
        self.text(c.number, self.fitted(c.number, body * 2.0), align=center)
        self.rule()
        self.row(L_NAME, c.citizen_name or "-")
        if c.citizen_nik != "-":  # a newborn has none yet: a dash row only raises questions
            self.row(L_NIK, c.citizen_nik)
        if c.reporter:
            self.row(L_REPORTER, c.reporter)
        self.row(L_SERVICE, c.service)
        if c.about:
            self.row(L_ABOUT, c.about)
        self.row(L_DATE, f"{c.issued_on:%d-%m-%Y}")
        self.row(L_OFFICER, c.officer or "-")
        self.row(L_VILLAGE, c.village or "-")
        self.rule()
        if c.next_steps:
            self.text(self.t(L_NEXT), self.font(body, bold=True))
            self.text(c.next_steps, self.font(body))
            self.gap(4)
        come_back = []
        if c.come_back_on:
            when = L_FROM if c.come_back_from else L_ON
            come_back.append(self.t(when).format(date=f"{c.come_back_on:%d-%m-%Y}"))
        if c.come_back_where:
            come_back.append(self.t(L_AT).format(place=c.come_back_where))
        if come_back:
            self.row(L_COME_BACK, " ".join(come_back))
        self.gap(4)
        self.qr(c.qr_payload)
        self.text(self.t(L_SIGNED if c.signed else L_UNSIGNED), self.font(body * (1 if c.signed else 0.85), bold=True),
                  align=center)
        self.gap(2)
        self.text(self.t(L_KEEP), self.font(body * 0.85), align=center)
        if self.paper.thermal:
            height = self.y + _px(self.paper.margin_mm + TEAR_OFF_MM, self.dpi)
        else:
            height = _px(self.paper.height_mm, self.dpi)
        return Layout(self.ops, _px(self.paper.width_mm, self.dpi), height, self.dpi)

    def qr(self, payload: str) -> None:
        matrix = segno.make(payload, error="m", micro=False).matrix
        modules = len(matrix) + 2 * QR_QUIET_MODULES
        target = min(_px(self.paper.qr_mm * max(self.scale, 0.7), self.dpi), self.width)
        # Whole device pixels per module: no module is a pixel wider than its neighbour when rasterized.
        module = max(1, math.floor(target / modules))
        size = module * modules
        x = round(self.left + (self.width - size) / 2)
        y = round(self.y)
        self.ops.append(_Op("qr", QRectF(x, y, size, size), module=module, matrix=matrix))
        self.y = y + size


def keep_hyphenated(text: str, font: QFont) -> str:
    """"KTP-el" broken after its hyphen reads as two words, and so does a date. A word joiner (U+2060) after each
    hyphen forbids that break; it is invisible and needs no glyph (DejaVu Sans Bold has no non-breaking hyphen)."""
    return text.replace("-", "-\u2060")


def paint(painter: QPainter, result: Layout) -> None:
    text_pen, rule_pen = QPen(BLACK), QPen(BLACK, max(1.0, _px(0.3, result.dpi)))
    for op in result.ops:
        if op.kind == "text":
            painter.setFont(op.font)
            painter.setPen(text_pen)
            painter.drawText(op.rect, op.flags, op.text)
        elif op.kind == "line":
            painter.setPen(rule_pen)
            painter.drawLine(op.rect.topLeft(), op.rect.topRight())
        elif op.kind == "qr":
            _paint_qr(painter, op)


def _paint_qr(painter: QPainter, op: _Op) -> None:
    # The modules are merged into one region and filled at once: separate squares leave hairline seams in PDF
    # viewers, and (PySide6 6.12 on Python 3.11) every void Qt call costs a reference to None, so one call per
    # module would add up to a crash.
    m = int(op.module)
    x0 = int(op.rect.left()) + QR_QUIET_MODULES * m
    y0 = int(op.rect.top()) + QR_QUIET_MODULES * m
    region = QRegion()
    for row, bits in enumerate(op.matrix):
        col = 0
        while col < len(bits):
            if not bits[col]:
                col += 1
                continue
            start = col
            while col < len(bits) and bits[col]:
                col += 1
            region = region.united(QRect(x0 + start * m, y0 + row * m, (col - start) * m, m))
    path = QPainterPath()
    path.addRegion(region)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillPath(path, BLACK)
    painter.restore()


def page_size(result: Layout, paper_: Paper) -> QPageSize:
    height_mm = paper_.height_mm or result.height_px / result.dpi * 25.4
    return QPageSize(QSizeF(paper_.width_mm, height_mm), QPageSize.Unit.Millimeter, f"receipt-{paper_.key}",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def write_pdf(content: ReceiptContent, paper_key: str, path: Path, *, language: str = "id") -> None:
    paper_ = paper(paper_key)
    result = layout(content, paper_, PDF_DPI, language)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(content.number)
    writer.setCreator("Jemput Bola")
    writer.setPageLayout(QPageLayout(page_size(result, paper_), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    paint(painter, result)
    if not painter.end():
        raise OSError(f"could not write {path}")


def print_to(printer, content: ReceiptContent, paper_key: str, *, language: str = "id") -> bool:
    """Prints on a QPrinter the officer picked; the page is set to the receipt's paper."""
    paper_ = paper(paper_key)
    printer.setFullPage(True)  # our own margins: coordinates from the paper's corner
    result = layout(content, paper_, printer.resolution(), language)
    printer.setPageLayout(QPageLayout(page_size(result, paper_), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    paint(painter, result)
    return painter.end()


def render_image(content: ReceiptContent, paper_key: str, *, dpi: float = 110, language: str = "id") -> QImage:
    """The receipt as the paper will look: for the preview on screen."""
    result = layout(content, paper(paper_key), dpi, language)
    image = QImage(math.ceil(result.width_px), math.ceil(result.height_px), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint(painter, result)
    painter.end()
    return image
