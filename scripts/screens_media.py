"""Renders the attachments panel, the signature pad, the receipts and the person page, for a look before a release.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screens_media.py [OUT_DIR]   # default bench/out/screens

Receipts go through PDF and poppler's pdftoppm at 203 dpi (a cheap thermal printer's head), so the PNG is what
the printer gets, not what Qt's screen preview shows.
"""

from __future__ import annotations

import math
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from screens_common import Screens, officer_context

from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from app import persons, receipts, registrations as regs  # noqa: E402
from app.attachments import AttachmentStore, attachments_of  # noqa: E402
from ui.media import receipt_render  # noqa: E402
T0 = datetime(2026, 11, 2, 9, 0)
RINA = {"nik": "1603054506900003", "name": "RINA MARLINA BINTI SULAIMAN", "sex": "2", "birth_place": "LAHAT",
        "birth_date": "1990-06-05", "village_code": "16.03.05.2001"}


def fake_photo(path: Path, text: str, colour: str, size=(3000, 4000)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setBrush(QColor("#f1c27d"))
    painter.drawEllipse(QRect(size[0] // 4, size[1] // 6, size[0] // 2, size[1] // 2))
    font = QFont()
    font.setPixelSize(size[0] // 10)
    painter.setFont(font)
    painter.drawText(QRect(0, size[1] * 3 // 4, size[0], size[1] // 4), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    image.save(str(path))
    return path


def signature_points(width: int, height: int) -> list[list[tuple[int, int]]]:
    """A hand-like scrawl: a looping first name and an underline."""
    loop = [(int(40 + t * 3.2), int(height * 0.55 - 40 * math.sin(t / 6) * (1 + (t % 25) / 25)))
            for t in range(0, 120, 3)]
    return [loop, [(60, int(height * 0.72)), (width - 120, int(height * 0.68))]]


def main() -> None:
    screens = Screens(sys.argv)
    out, shot = screens.out, screens.shoot
    from ui.media.attachments_panel import AttachmentsPanel
    from ui.records.person_page import PersonPage
    from ui.records.detail import RecordDetailPage
    from ui.media.signature_pad import SignatureDialog

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ctx = officer_context(tmp, now=T0)
        ws, actor = ctx.workspace, ctx.actor
        with ws.transaction() as s:
            reg = regs.create_draft(s, actor=actor, kind="ektp", now=T0, data=RINA)
            regs.create_draft(s, actor=actor, kind="ektp", now=T0,
                              data={k: v for k, v in RINA.items() if k != "nik"} | {"name": "Rina Marlina Binti Sulaiman"})
            rid = reg.id

        panel = AttachmentsPanel(ctx, rid)
        panel.add_file(fake_photo(tmp / "IMG_0001.jpg", "RINA", "#5c7cfa"), "photo")
        panel.add_file(fake_photo(tmp / "kk.jpg", "KARTU KELUARGA", "#f8f9fa", (4000, 3000)), "kk")
        pdf = tmp / "surat.pdf"
        pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
        panel.add_file(pdf, "birth_letter")
        dialog = SignatureDialog()
        dialog.pad.resize(600, 240)
        for stroke in signature_points(600, 240):
            QTest.mousePress(dialog.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*stroke[0]))
            for point in stroke[1:]:
                QTest.mouseMove(dialog.pad, QPoint(*point))
            QTest.mouseRelease(dialog.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                               QPoint(*stroke[-1]))
        shot(dialog, "media_signature_pad.png", (720, 420))
        panel.add_bytes(dialog.pad.to_png(), "image/png", "signature")
        panel.add_file(fake_photo(tmp / "ibu.jpg", "IBU", "#e599f7"), "photo")
        with ws.transaction() as s:
            lost = attachments_of(s, rid)[-1]
        AttachmentStore.beside(ws.db_path).path(lost.sha256).unlink()  # a file gone missing on this laptop
        panel.reload()
        shot(panel, "media_attachments_panel.png", (1100, 330))

        with ws.transaction() as s:
            content = receipts.build_receipt(s, registration=regs.get(s, rid), officer_name="Siti Aminah",
                                             village_name="Tanjung Enim Selatan")
        for key in receipt_render.PAPERS:
            target = out / f"media_receipt_{key}.pdf"
            receipt_render.write_pdf(content, key, target)
            subprocess.run(["pdftoppm", "-png", "-r", "203", "-singlefile", str(target),
                            str(target.with_suffix(""))], check=True)
            target.unlink()
            print(target.with_suffix(".png"))

        with ws.transaction() as s:
            person_id = persons.find_by_nik(s, RINA["nik"]).id
        shot(PersonPage(ctx, person_id), "media_person_page.png")
        shot(RecordDetailPage(ctx, rid), "media_record_detail.png")
        ws.close()


if __name__ == "__main__":
    main()
