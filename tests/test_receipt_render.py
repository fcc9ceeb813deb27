"""Receipts rendered to PDF on every paper size, rasterized by poppler like a printer would, and read back by a QR
decoder: what the citizen's phone or the supervisor's scanner will see."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtGui import QImage

from app import receipts, registrations as regs
from app.registration_number import registration_id_in
from ui.media import receipt_render

zxingcpp = pytest.importorskip("zxingcpp")
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="pdftoppm missing (Debian: apt-get install poppler-utils)")
T0 = datetime(2026, 11, 2, 9, 0)
DPI = 203  # a cheap thermal printer's head


FORMS = {
    "ektp": {"nik": "1603054506900003", "name": "RINA MARLINA BINTI SULAIMAN"},
    "birth": {"child_name": "PUTRI AULIA RAMADHANI", "mother_nik": "1603054506900003",
              "mother_name": "RINA MARLINA BINTI SULAIMAN", "child_birth_date": "2026-10-30"},
    "cataract": {"patient_nik": "1603054107550001", "patient_name": "MAIMUNAH BINTI ABDULLAH", "referred": True,
                 "referral_date": "2026-11-02", "surgery_scheduled_date": "2026-11-20",
                 "referral_facility": "RS Khusus Mata Provinsi Sumatera Selatan"},
}


# The signed code (app/receipt_seal.py) is the densest a receipt carries: version 9 against the unsigned 4.
SIGNER = receipts.ReceiptSigner("01a2f000-0000-7000-8000-0000000000aa", Ed25519PrivateKey.generate())


def make_content(workspace, officer, kind, *, signed: bool = True):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind=kind, now=T0, data=FORMS[kind])
        return reg.id, receipts.build_receipt(s, registration=reg, officer_name="Siti Aminah",
                                              village_name="Tanjung Enim Selatan", signer=SIGNER if signed else None)


@pytest.fixture
def content(workspace, officer):
    return make_content(workspace, officer, "ektp")


def rasterize(pdf, tmp_path, dpi=DPI) -> QImage:
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(prefix)], check=True)
    image = QImage(str(prefix) + ".png")
    assert not image.isNull()
    return image


def luminance(image: QImage) -> memoryview:
    """Grey pixels as a (height, width) buffer. Handing zxing-cpp the QImage itself crashes the interpreter at exit
    (a reference-count bug in its QImage path), so it gets plain bytes."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[:stride * h]
    return memoryview(b"".join(raw[y * stride:y * stride + w] for y in range(h))).cast("B", (h, w))


def dark_pixels(image: QImage, top: int, bottom: int) -> int:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    count = 0
    for y in range(top, bottom, 2):
        row = bytes(gray.constScanLine(y))[:gray.width()]
        count += sum(1 for value in row[::2] if value < 100)
    return count


@pytest.mark.parametrize("kind", sorted(FORMS))
@pytest.mark.parametrize("paper", ["a5", "a6", "thermal58", "thermal80"])
def test_receipt_pdf_qr_reads_back_to_the_registration(qapp, tmp_path, workspace, officer, kind, paper):
    registration_id, receipt = make_content(workspace, officer, kind)
    pdf = tmp_path / f"receipt-{paper}.pdf"
    receipt_render.write_pdf(receipt, paper, pdf)
    image = rasterize(pdf, tmp_path)

    found = zxingcpp.read_barcodes(luminance(image))
    texts = [b.text for b in found if b.format == zxingcpp.BarcodeFormat.QRCode]
    assert texts == [receipt.qr_payload] and texts[0].startswith("JB2:")
    assert registration_id_in(texts[0]) == registration_id

    spec = receipt_render.PAPERS[paper]
    mm = 25.4 / DPI
    assert abs(image.width() * mm - spec.width_mm) < 0.6  # PDF page sizes are whole points (0.35 mm)
    if spec.height_mm:
        assert abs(image.height() * mm - spec.height_mm) < 0.6
    else:  # a roll is cut to the content: no metre of blank paper, nothing cut off
        assert 60 / 25.4 * DPI < image.height() < 260 / 25.4 * DPI
    # Text above the QR code is really drawn (without fonts Qt leaves it blank and the test above still passes).
    assert dark_pixels(image, 0, image.height() // 4) > 200


def test_thermal_receipt_is_black_only(qapp, tmp_path, content):
    _, receipt = content
    pdf = tmp_path / "receipt.pdf"
    receipt_render.write_pdf(receipt, "thermal58", pdf)
    image = rasterize(pdf, tmp_path, dpi=100).convertToFormat(QImage.Format.Format_RGB32)
    colours = {image.pixelColor(x, y).name() for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)}
    # Only black, white and the anti-aliased edges of black text: no coloured pixel anywhere.
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours)


def test_long_content_shrinks_to_fit_a6(qapp, content):
    _, receipt = content
    long_steps = receipt.__class__(**{**receipt.__dict__, "next_steps": "Bawa dokumen asli. " * 40})
    result = receipt_render.layout(long_steps, receipt_render.PAPERS["a6"], 150)
    bottom = max(op.rect.bottom() for op in result.ops)
    assert bottom <= result.height_px


def test_dialog_remembers_the_paper_and_saves_a_pdf(qtbot, workspace, officer, tmp_path, content):
    from app.settings import Settings
    from ui.context import Changes, UiContext
    from ui.media.receipt_dialog import ReceiptDialog
    from ui.common.tasks import TaskRunner

    registration_id, _ = content
    ctx = UiContext(workspace, officer, TaskRunner(synchronous=True), Settings(), tmp_path, Changes())
    dialog = ReceiptDialog(ctx, registration_id)
    qtbot.addWidget(dialog)
    assert dialog.paper_key() == "a6" and dialog.print_button.isEnabled()
    dialog.paper.setCurrentIndex(dialog.paper.findData("thermal58"))
    assert Settings.load(tmp_path).receipt_paper == "thermal58"
    narrow = dialog.preview.pixmap().width()
    assert abs(narrow - 58 / 25.4 * 110) < 3
    assert dialog.save_pdf(tmp_path / "tanda-terima")
    assert (tmp_path / "tanda-terima.pdf").read_bytes().startswith(b"%PDF")
    again = ReceiptDialog(ctx, registration_id)
    qtbot.addWidget(again)
    assert again.paper_key() == "thermal58"
