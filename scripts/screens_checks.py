"""Renders the checks panel, the record history, the receipt dialog and Qt's own dialogs in Bahasa Indonesia, as a
1366x768 laptop shows them, for a look before a release.

    .venv/bin/python scripts/screens_checks.py [OUT_DIR]   # default bench/out/screens

The offscreen screen is the laptop's (tests/data/laptop_screen.json), so dialogs size themselves as they would
there. Writes checks_<kind>_empty.png, checks_wrong_value.png, record_history.png, receipt_<paper>.png,
qt_file_dialog.png and qt_print_dialog.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

# The screen's file is named relative to the project folder: a drive letter's colon would end the platform
# argument. The output folder given is taken from where the script was started.
sys.argv[1:2] = [str(Path(arg).resolve()) for arg in sys.argv[1:2]]
os.chdir(Path(__file__).resolve().parent.parent)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen:configfile=tests/data/laptop_screen.json")

from screens_common import PAGE_SIZE, Screens, officer_context  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from app import registrations as regs  # noqa: E402
from db.models import RegistrationChange  # noqa: E402

RINA = {"nik": "1603054506900003", "name": "RINA MARLINA BINTI SULAIMAN", "sex": "2", "birth_place": "LAHAT",
        "birth_date": "1990-06-05"}
T0 = datetime(2026, 11, 2, 9, 0)


def forms(screens: Screens, ctx) -> None:
    from ui.kinds.birth import BirthFormPage
    from ui.kinds.cataract import CataractFormPage
    from ui.kinds.ektp import EktpFormPage

    for page_class, kind in ((EktpFormPage, "ektp"), (BirthFormPage, "birth"), (CataractFormPage, "cataract")):
        screens.shoot(page_class(ctx), f"checks_{kind}_empty.png")
    page = EktpFormPage(ctx)
    page.resize(*PAGE_SIZE)
    page.show()  # shown before typing, so that keys and focus go where an officer's would
    QTest.keyClicks(page.editors["name"], "Siti Rahmawati")
    combo = page.editors["occupation"]
    combo.lineEdit().setFocus()
    QTest.keyClicks(combo.lineEdit(), "pasar tanjung")
    QTest.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    page.validate()
    page.scroll.ensureWidgetVisible(page.boxes["occupation"])
    screens.shoot(page, "checks_wrong_value.png")


def history(screens: Screens, ctx, registration_id: str) -> None:
    from ui.records.detail import RecordDetailPage

    with ctx.workspace.transaction() as s:
        regs.transition(s, actor=ctx.actor, registration_id=registration_id, action="submit", now=T0)
        # What a sync writes when central sets the status, and when two versions were reconciled.
        s.add(RegistrationChange(registration_id=registration_id, version=3, user_id=ctx.actor.user_id, at=T0,
                                 action="status", changes={"status_note": [None, "KTP sudah dicetak"],
                                                           "status": ["submitted", "done"]}))
        s.add(RegistrationChange(registration_id=registration_id, version=4, user_id=ctx.actor.user_id, at=T0,
                                 action="resolve", changes={"data.name": ["RINA M", RINA["name"]],
                                                            "device.data.birth_place": ["LAHAT", "MUARA ENIM"],
                                                            "resolution": [None, "merged"]}))
    page = RecordDetailPage(ctx, registration_id)
    page.history.expandAll()
    screens.shoot(page, "record_history.png")


def dialogs(screens: Screens, ctx, registration_id: str) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog

    from ui.media.receipt_dialog import ReceiptDialog

    for paper in ("a6", "a5", "thermal58"):
        ctx.settings.receipt_paper = paper
        dialog = ReceiptDialog(ctx, registration_id)
        screens.shoot(dialog, f"receipt_{paper}.png", size=(dialog.width(), dialog.height()))
    files = QFileDialog(None, "Simpan tanda terima sebagai PDF", str(Path.home()), "PDF (*.pdf)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on a Linux laptop
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    screens.shoot(files, "qt_file_dialog.png", size=(800, 500))
    printer = QPrinter()
    printing = QPrintDialog(printer)
    screens.shoot(printing, "qt_print_dialog.png", size=(printing.sizeHint().width(), printing.sizeHint().height()))


def main() -> None:
    screens = Screens(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = officer_context(Path(tmp))
        with ctx.workspace.transaction() as s:
            registration_id = regs.create_draft(s, actor=ctx.actor, kind="ektp", now=T0, data=RINA).id
        forms(screens, ctx)
        dialogs(screens, ctx, registration_id)
        history(screens, ctx, registration_id)
        ctx.workspace.close()


if __name__ == "__main__":
    main()
