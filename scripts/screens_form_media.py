"""Renders the "Photos and documents" section of each form, the signature pad over a form, and the record page
with its thumbnails and what is still missing, as a 1366x768 laptop shows them, for a look before a release.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screens_form_media.py [OUT_DIR]   # default bench/out/screens
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from screens_common import PAGE_SIZE, Screens, officer_context
from screens_media import fake_photo, signature_points

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from app import registrations as regs  # noqa: E402


def sign(pad) -> None:
    for stroke in signature_points(pad.width(), pad.height()):
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*stroke[0]))
        for point in stroke[1:]:
            QTest.mouseMove(pad, QPoint(*point))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*stroke[-1]))


def main() -> None:
    screens = Screens(sys.argv)
    shot, app = screens.shoot, screens.app
    from ui.kinds.birth import BirthFormPage
    from ui.kinds.cataract import CataractFormPage
    from ui.kinds.ektp import EktpFormPage
    from ui.records.detail import RecordDetailPage

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ctx = officer_context(tmp)
        ws = ctx.workspace

        ektp = EktpFormPage(ctx)
        ektp.resize(*PAGE_SIZE)
        ektp.show()
        ektp.show_attachments()
        shot(ektp, "form_media_ektp_empty.png")
        QTest.keyClicks(ektp.editors["name"], "Rina Marlina")
        panel = ektp.attachments.panel
        panel.add_file(fake_photo(tmp / "IMG_0001.jpg", "RINA", "#5c7cfa"), "photo")
        panel.draw("signature")
        app.processEvents()
        sign(panel.dialog.pad)
        shot(panel.dialog, "form_media_signature_dialog.png", (panel.dialog.width(), panel.dialog.height()))
        panel.dialog.save_button.click()
        ektp.show_attachments()
        shot(ektp, "form_media_ektp.png")
        rid = ektp.record_id()
        ektp.close()

        birth = BirthFormPage(ctx)
        birth.resize(*PAGE_SIZE)
        birth.show()
        QTest.keyClicks(birth.editors["child_name"], "Putri Aulia")
        panel = birth.attachments.panel
        panel.add_file(fake_photo(tmp / "kk.jpg", "KARTU KELUARGA", "#f8f9fa", (4000, 3000)), "kk")
        birth.show_attachments()
        shot(birth, "form_media_birth.png")
        birth_id = birth.record_id()
        birth.close()

        eyes = CataractFormPage(ctx)
        eyes.resize(*PAGE_SIZE)
        eyes.show()
        eyes.show_attachments()
        for _ in range(3):
            app.processEvents()
        shot(eyes, "form_media_cataract.png")
        eyes.close()

        with ws.transaction() as s:
            regs.transition(s, actor=ctx.actor, registration_id=rid, action="submit", now=ws.now())
            regs.transition(s, actor=ctx.actor, registration_id=birth_id, action="submit", now=ws.now())
        shot(RecordDetailPage(ctx, rid), "form_media_record_detail.png")
        shot(RecordDetailPage(ctx, birth_id), "form_media_record_birth_missing.png")  # only the KK: says what lacks
        ws.close()


if __name__ == "__main__":
    main()
