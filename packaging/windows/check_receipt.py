"""Reads back the receipt that ``jemput --self-test --self-test-output DIR`` drew, from outside the app:

    .venv/bin/python packaging/windows/check_receipt.py DIR

Its text must be in the PDF (poppler's pdftotext: blank fonts would leave nothing) and its QR code, rasterized by
poppler as a printer would, must decode (zxing-cpp) to what the app says it encoded, for the registration it wrote.
The self-test cannot do this itself on Windows: the app ships no QR decoder. Prints one line; exit 1 on a mismatch.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def read_qr(png: Path) -> list[str]:
    import zxingcpp
    from PySide6.QtGui import QImage

    gray = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[:stride * h]
    # Plain bytes, not the QImage: zxing-cpp crashes at exit on a QImage (see tests/test_receipt_render.py).
    pixels = memoryview(b"".join(raw[y * stride:y * stride + w] for y in range(h))).cast("B", (h, w))
    return [b.text for b in zxingcpp.read_barcodes(pixels) if b.format == zxingcpp.BarcodeFormat.QRCode]


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    expected = json.loads((folder / "receipt.json").read_text(encoding="utf-8"))
    pdf = folder / "receipt.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    problems = [f"{what} {expected[what]!r} is not in the PDF's text" for what in ("name", "number")
                if expected[what] not in text]
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "receipt"
        subprocess.run(["pdftoppm", "-png", "-r", "203", "-singlefile", str(pdf), str(prefix)], check=True)
        codes = read_qr(prefix.with_suffix(".png"))
    if codes != [expected["qr_payload"]]:
        problems.append(f"QR read back {codes!r}, expected [{expected['qr_payload']!r}]")
    elif expected["registration_id"] not in codes[0]:
        problems.append("the QR code does not name the registration")
    if problems:
        print("RECEIPT CHECK FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"Receipt read back: text has {expected['number']} and {expected['name']}, QR {codes[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
