"""Starting the desktop app: options, Qt, translations, the database, the login, then the main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NO_DISPLAY_MESSAGE = (
    "Jemput Bola membutuhkan layar (tidak ada DISPLAY atau WAYLAND_DISPLAY). Jalankan dari desktop, atau set "
    "QT_QPA_PLATFORM=offscreen untuk pengujian.\n"
    "Jemput Bola needs a screen (no DISPLAY or WAYLAND_DISPLAY is set). Start it from the desktop, or set "
    "QT_QPA_PLATFORM=offscreen for testing."
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jemput", description="Jemput Bola: field registration")
    parser.add_argument("--self-test", action="store_true",
                        help="check that this installation works (database, window, fonts) and exit")
    parser.add_argument("--self-test-output", type=Path, metavar="DIR",
                        help="with --self-test: keep the receipt PDF it drew in DIR, for a checker to read back")
    parser.add_argument("--data-dir", type=Path, help="folder of the database (default: JEMPUT_DATA_DIR or the "
                                                      "user's data folder)")
    parser.add_argument("--lang", choices=("id", "en"), help="language for this run (default: the saved setting)")
    parser.add_argument("--verify-audit", action="store_true",
                        help="check that this laptop's audit log is intact (hash chain) and exit")
    return parser.parse_args(argv)


def has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str]) -> int:
    if argv[:1] == ["verify"]:  # `jemput verify CODE|--image FILE`: a receipt checked offline, no window
        from ui.shell.command_line import verify_receipts

        return verify_receipts(argv[1:])
    args = parse_args(argv)
    # Everything the app writes (settings, exports, the database's WAL) is the user's only (issue 11).
    os.umask(0o077)
    if args.verify_audit:
        from ui.shell.command_line import verify_audit

        return verify_audit(args.data_dir)
    if args.self_test:
        from ui.shell.selftest import run

        return run(args.self_test_output)
    if not has_display():
        # Qt would abort with a core dump and a message about xcb plugins nobody in the field can act on.
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2

    from PySide6.QtWidgets import QApplication, QMessageBox

    from app import paths
    from app.errors import UserFacingError
    from app.settings import Settings
    from app.workspace import Workspace
    from ui.shell import style
    from ui.shell.app_shell import AppShell
    from ui.i18n import error_text, install_translators
    from ui.common.tasks import TaskRunner

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "jemput"])
    app.setApplicationName("Jemput Bola")
    app.setApplicationDisplayName("Jemput Bola")
    style.apply(app)

    try:
        folder = paths.data_dir(args.data_dir)
    except OSError as exc:
        QMessageBox.critical(None, "Jemput Bola", f"{exc}")
        return 1
    settings = Settings.load(folder)
    if args.lang:
        settings.language = args.lang  # for this run; saved only if the officer saves the settings page
    install_translators(app, settings.language)

    try:
        workspace = Workspace.open(folder)
    except UserFacingError as err:
        # The file is left as it was: showing the reason is all there is to do.
        QMessageBox.critical(None, "Jemput Bola", err.text(settings.language))
        return 1
    except OSError as exc:
        QMessageBox.critical(None, "Jemput Bola", error_text(exc, settings.language))
        return 1

    runner = TaskRunner()
    try:
        shell = AppShell(workspace, runner, settings, folder)
        login = shell.start()
        if os.environ.get("JEMPUT_STARTUP_PROBE"):
            _report_first_window(login)
        _settle_collector_once_shown()
        return app.exec()
    finally:
        # Work already queued (an autosave) finishes before the database closes.
        runner.wait()
        workspace.close()


def _settle_collector_once_shown() -> None:
    """app/collector.py, once the event loop runs: the first window is on screen first, and what start-up made is
    then frozen. Collections happen on this, the UI, thread only."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app import collector
    from ui.common.main_thread_collector import MainThreadCollector

    QTimer.singleShot(0, collector.settle)
    # Created after Qt's application object, whose child it is: from then on cycles are freed on this thread only.
    MainThreadCollector(QApplication.instance())


def _report_first_window(dialog) -> None:
    """For bench/startup.py: say when the first window is on screen, then leave (no login, nothing changed)."""
    from PySide6.QtCore import QTimer

    def shown() -> None:
        print("FIRST_WINDOW", flush=True)
        dialog.reject()

    # A zero timer fires once the event loop runs, i.e. after the dialog has been shown and painted.
    QTimer.singleShot(0, shown)
