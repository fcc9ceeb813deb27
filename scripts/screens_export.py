"""Renders the records page's export at 1366x768: the dialog over the main window (a supervisor's, with the full-NIK
choice), and the same dialog once a file was written. Offscreen, over a throwaway database.

    python scripts/screens_export.py [OUT_DIR]
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from screens_common import Screens, officer_context  # noqa: E402  (sets up sys.path and offscreen Qt)

from PySide6.QtGui import QPainter, QPixmap  # noqa: E402

from app import auth, registrations as regs  # noqa: E402
from bench.realistic import person, sumsel_villages  # noqa: E402
from ui.shell.main_window import RECORDS, MainWindow  # noqa: E402

WINDOW = (1366, 728)  # the screen less the task bar


def over(window_shot: QPixmap, dialog_shot: QPixmap) -> QPixmap:
    """The dialog drawn centred over the window, as the person sees it."""
    painter = QPainter(window_shot)
    painter.drawPixmap((window_shot.width() - dialog_shot.width()) // 2,
                       (window_shot.height() - dialog_shot.height()) // 2, dialog_shot)
    painter.end()
    return window_shot


def main() -> None:
    screens = Screens(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="jemput-screens-export-"))
    ctx = officer_context(folder)
    ws = ctx.workspace
    with ws.transaction() as s:
        user = auth.create_user(s, username="ani", full_name="Ani Supervisor", password="rahasia123",
                                role="supervisor", now=ws.now())
        ctx.actor = auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)
        rng, villages = random.Random(3), sumsel_villages(40)
        for _ in range(120):
            regs.create_draft(s, actor=ctx.actor, kind="ektp", now=ws.now(),
                              data=person(rng, rng.choice(villages), date.today()))
    window = MainWindow(ctx)
    window.nav.setCurrentRow(RECORDS)
    screens.shoot(window, "export-records-page.png", WINDOW)
    page = window.current_page()
    dialog = page.open_export()
    dialog.full_nik.setChecked(False)
    screens.app.processEvents()
    for _ in range(3):
        screens.app.processEvents()
    over(window.grab(), dialog.grab()).save(str(screens.out / "export-dialog.png"))
    print(screens.out / "export-dialog.png")
    dialog.start(folder / "data-jemput.xlsx")  # the synchronous runner: done when this returns
    for _ in range(3):
        screens.app.processEvents()
    over(window.grab(), dialog.grab()).save(str(screens.out / "export-done.png"))
    print(screens.out / "export-done.png")
    dialog.choose_month(date.today())
    dialog.start(Path("/proc/no-such-place/rekap.xlsx"))
    for _ in range(3):
        screens.app.processEvents()
    over(window.grab(), dialog.grab()).save(str(screens.out / "export-error.png"))
    print(screens.out / "export-error.png")
    ws.close()


if __name__ == "__main__":
    main()
