"""``jemput --self-test``: proves that this installation works, end to end, without touching the officer's data.

Run by the build script on the frozen app and by the tests on a checkout. Every step that failed in the field once
is here: the database is created (encrypted) and migrated, an account's password unlocks it again after a restart
(the key ring), a record is written and read back, the window opens, translations load, and text really renders
(without fonts Qt draws nothing and says nothing), on screen and in a receipt PDF, whose QR code the app's own
receipt checker reads back (QtPdf and zxing-cpp are in the build).

With ``--self-test-output DIR`` the receipt PDF is kept there with what it should say (receipt.json), so that a
checker outside the app (packaging/windows/check_receipt.py) can read its text and QR code back too.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

SELFTEST_PASSWORD = "kopi-susu-77"
# Lightness below which a pixel counts as ink; the page background is near white.
DARK = 100
MIN_DARK_PIXELS = 30


class SelfTestFailure(Exception):
    pass


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestFailure(reason)


def run(output: Path | None = None) -> int:
    started = time.monotonic()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        with tempfile.TemporaryDirectory(prefix="jemput-selftest-") as tmp:
            summary = _run_checks(Path(tmp), output)
    except SelfTestFailure as exc:
        print(f"SELF-TEST FAILED: {exc}", file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        print("SELF-TEST FAILED: unexpected error (see above)", file=sys.stderr)
        return 1
    print(f"Self-test OK: {summary} ({time.monotonic() - started:.1f} s)")
    return 0


def _run_checks(folder: Path, output: Path | None) -> str:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app import audit_log, auth, login, receipt_seal, receipts, registrations
    from app.settings import Settings
    from app.workspace import Workspace
    from ui.shell import style
    from ui.context import Changes, UiContext
    from ui.i18n import install_translators
    from ui.shell.main_window import DASHBOARD, MainWindow
    from ui.common.tasks import TaskRunner
    from ui.media import receipt_render

    app = QApplication.instance() or QApplication(["jemput-selftest"])
    style.apply(app)

    areas = install_translators(app, "id")
    _check("shell" in areas, f"Indonesian UI translation not found (loaded: {areas or 'none'})")
    _check(QCoreApplication.translate("MainWindow", "Home") == "Beranda", "Indonesian UI translation does not apply")

    first = Workspace.open(folder)
    revision = first.migration.to_revision if first.migration else "?"
    # The first account, as the first-run screen makes it: from then on its password unlocks the database.
    login.create_first_account(first, username="selftest", full_name="Uji Mandiri", password=SELFTEST_PASSWORD,
                               role="officer")
    first.close()
    workspace = Workspace.open(folder)
    try:
        _check(workspace.locked, "the database opened without a password")
        refused = login.attempt_login(workspace, username="selftest", password="salah-sekali-9")
        _check(not isinstance(refused, auth.Actor) and workspace.locked, "a wrong password opened the database")
        actor = login.attempt_login(workspace, username="selftest", password=SELFTEST_PASSWORD)
        _check(isinstance(actor, auth.Actor) and not workspace.locked, "the password did not open the database")
        now = workspace.now()
        data = {"nik": "1671014101900001", "name": "Siti Uji Mandiri"}
        with workspace.transaction() as session:
            reg_id = registrations.create_draft(session, actor=actor, kind="ektp", now=now, data=data).id
        with workspace.transaction() as session:
            found = registrations.search(session, text=data["nik"])
            stored = registrations.get(session, reg_id).data
        _check([r.id for r in found] == [reg_id] and stored == data, "the record read back differs from the one written")
        # The audit log's chain (hashlib, the packaged migration's column): the account and the login linked.
        check = audit_log.check_in(workspace)
        _check(check.intact and check.entries >= 2, f"the audit log does not check ({check.reason or check.entries})")
        # A signed receipt code and its check (cryptography's Ed25519, the CBOR and Base45 code): round trip.
        from datetime import date

        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        key = Ed25519PrivateKey.generate()
        code = receipt_seal.seal(receipt_seal.Statement(reg_id, "KTP-000000-AAAAAA", "ektp", date.today(), "-"),
                                 device_id=workspace.device_id, key=key)
        _check(receipt_seal.unseal(code).signature_by(key.public_key()), "a signed receipt code does not verify")
        with workspace.transaction() as session:
            receipt = receipts.build_receipt(session, registration=registrations.get(session, reg_id),
                                             officer_name="Uji Mandiri", village_name="Desa Uji")
        pdf = folder / "receipt.pdf"
        receipt_render.write_pdf(receipt, receipt_render.DEFAULT_PAPER, pdf)
        _check(pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000, "the receipt PDF was not written")
        # What "Periksa tanda terima" does with a receipt's file (QtPdf draws it, zxing-cpp reads the QR): both
        # must be in the build for a photographed or saved receipt to be checked offline.
        from ui.records import receipt_image

        _check(receipt.qr_payload in receipt_image.qr_texts(receipt_image.load(pdf)),
               "the receipt's QR code does not read back from its PDF")
        drawn = receipt_render.render_image(receipt, receipt_render.DEFAULT_PAPER)
        receipt_ink = _dark_pixels(drawn)
        _check(receipt_ink >= MIN_DARK_PIXELS, "the receipt draws no text")
        if output is not None:
            output.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, output / "receipt.pdf")
            (output / "receipt.json").write_text(json.dumps(
                {"registration_id": reg_id, "number": receipt.number, "name": receipt.citizen_name,
                 "qr_payload": receipt.qr_payload}), encoding="utf-8")

        runner = TaskRunner(synchronous=True)
        ctx = UiContext(workspace=workspace, actor=actor, runner=runner, settings=Settings(), data_dir=folder,
                        changes=Changes())
        window = MainWindow(ctx)
        window.show()
        app.processEvents()
        _check(window.isVisible(), "the main window did not show")
        _check(window.records.model.rowCount() == 1, "the records list does not show the record")
        dark = _dark_pixels(window.home.hello.grab().toImage())
        _check(dark >= MIN_DARK_PIXELS, "text does not render (no fonts installed? e.g. fonts-dejavu-core)")
        # The dashboard draws with QtCharts, which a build could leave out: its chart must hold the record.
        window.nav.setCurrentRow(DASHBOARD)
        app.processEvents()
        board = window.dashboard
        _check(board.figures is not None and board.figures.total == 1 and board.per_day_series is not None
               and sum(s.sum() for s in board.per_day_series.barSets()) == 1, "the dashboard does not draw")
        size = f"{window.width()}x{window.height()}"
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        workspace.close()
    return (f"database {revision} created encrypted and unlocked by the account's password, 1 record written and "
            f"read back, "
            f"receipt PDF {pdf.stat().st_size // 1024} KB ({receipt_ink} dark pixels drawn), window {size}, "
            f"dashboard, text renders ({dark} dark pixels), translations: {', '.join(areas)}")


def _dark_pixels(image) -> int:
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).lightness() < DARK)
