"""The app's checks that need no window: ``jemput --verify-audit`` (is this laptop's audit log intact?) and
``jemput verify CODE|--image FILE`` (is a citizen's receipt genuine?), offline, against the database in the data
folder. They print one Indonesian line per answer (the officer's language; the English follows in parentheses for
the help desk) and exit 0 when all is well, 1 when not, 2 when the question could not be asked.

The database is encrypted (docs/ENCRYPTION.md): when it has accounts, both ask for one (the username, then the
password without echo; from standard input when it is not a terminal, for scripts), and that login is audited like
the window's."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.i18n import translate

AUDIT_OK = "Log audit utuh: {n} catatan, rantai hash tidak terputus. (audit log intact)"
AUDIT_BROKEN = ("Log audit rusak: catatan nomor {id} diubah atau ada catatan yang dihapus ({reason}). "
                "(audit log broken)")


class CannotOpen(Exception):
    """The database could not be opened or unlocked; the message is the officer's, in Indonesian."""


def _workspace(folder: Path | None):
    from app import auth, errors, login, paths
    from app.workspace import Workspace

    try:
        workspace = Workspace.open(paths.data_dir(folder))
    except errors.UserFacingError as exc:
        raise CannotOpen(exc.text("id")) from exc
    if workspace.locked:
        username, password = _credentials()
        answer = login.attempt_login(workspace, username=username, password=password)
        if not isinstance(answer, auth.Actor):
            workspace.close()
            raise CannotOpen(answer.text("id"))
    return workspace


def _credentials() -> tuple[str, str]:
    if sys.stdin.isatty():
        return input("Nama pengguna: ").strip(), getpass.getpass("Kata sandi: ")
    return sys.stdin.readline().strip(), sys.stdin.readline().rstrip("\r\n")


def verify_audit(folder: Path | None) -> int:
    from app import audit_log

    try:
        workspace = _workspace(folder)
    except CannotOpen as exc:
        print(f"Basis data tidak dapat dibuka: {exc}", file=sys.stderr)
        return 2
    try:
        result = audit_log.check_in(workspace)
    finally:
        workspace.close()
    if result.intact:
        print(AUDIT_OK.format(n=result.entries))
        return 0
    print(AUDIT_BROKEN.format(id=result.broken_at, reason=result.reason))
    return 1


def verify_receipts(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="jemput verify", description="Check receipts' QR codes offline")
    parser.add_argument("codes", nargs="*", help="the text of a receipt's QR code (JB2:...)")
    parser.add_argument("--image", action="append", type=Path, default=[],
                        help="a photo, scan or PDF of a receipt (may be given more than once)")
    parser.add_argument("--data-dir", type=Path, help="folder of the database")
    args = parser.parse_args(argv)
    texts: list[tuple[str, str]] = [(code, code) for code in args.codes]
    if args.image:
        from PySide6.QtGui import QGuiApplication

        from ui.records import receipt_image

        app = QGuiApplication.instance() or QGuiApplication(["jemput"])  # noqa: F841 - QtPdf wants one
        for path in args.image:
            try:
                found = receipt_image.qr_texts(receipt_image.load(path))
            except (receipt_image.UnreadableImage, OSError):
                print(f"{path}: bukan gambar atau PDF yang dapat dibuka")
                return 2
            if not found:
                print(f"{path}: tidak ada kode QR")
                return 1
            texts += [(str(path), text) for text in found]
    if not texts:
        parser.error("give a code or --image FILE")
    from sync import receipt_check

    try:
        workspace = _workspace(args.data_dir)
    except CannotOpen as exc:
        print(f"Basis data tidak dapat dibuka: {exc}", file=sys.stderr)
        return 2
    all_valid = True
    try:
        answers = receipt_check.check_all(workspace, [text for _name, text in texts])
        for (name, _text), answer in zip(texts, answers):
            all_valid &= answer.valid
            line = translate("ReceiptCheck", receipt_check.VERDICTS[answer.verdict], "id")
            if answer.statement is not None:
                st = answer.statement
                line += (f" [{st.number}, {st.service}, {st.issued_on:%d-%m-%Y}, NIK {st.masked_nik}, "
                         f"laptop {answer.device_name or answer.device_id}]")
            print(f"{name[:40]}: {answer.verdict}: {line}")
    finally:
        workspace.close()
    return 0 if all_valid else 1
