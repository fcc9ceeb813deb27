"""Renders the e-KTP form as a field officer's 1366x768 laptop shows it, for a look before a release.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screens_form.py [OUT_DIR]   # default bench/out/screens

Writes form_empty.png, form_wrong_nik.png and form_submit_errors.png (the page as hosted beside the 230 px
navigation of the main window, so 1136x690).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import auth  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from ui import style  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

PAGE_SIZE = (1366 - 230, 768 - 78)  # the screen minus navigation, title bar, status bar and task bar


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "out" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    style.apply(app)
    install_translators(app, "id")
    from ui.ektp_form import EktpFormPage

    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp))
        with ws.transaction() as s:
            user = auth.create_user(s, username="siti", full_name="Siti Aminah", password="rahasia123",
                                    role="officer", now=datetime(2026, 1, 1))
            actor = auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)
        ctx = UiContext(ws, actor, TaskRunner(synchronous=True), Settings(), Path(tmp), Changes())

        def shot(page, name: str) -> None:
            page.resize(*PAGE_SIZE)
            page.show()
            for _ in range(3):  # deferred layouts (wrapped list rows) settle over a few passes
                app.processEvents()
            page.grab().save(str(out / name))
            print(out / name)

        page = EktpFormPage(ctx)
        shot(page, "form_empty.png")
        page.close()

        page = EktpFormPage(ctx)
        page.resize(*PAGE_SIZE)
        page.show()
        QTest.keyClicks(page.editors["name"], "Siti Rahmawati")
        QTest.keyClicks(page.editors["nik"], "1603073102900001")
        page.validate()
        page.focus_field("nik")
        shot(page, "form_wrong_nik.png")
        page.submit()
        page.focus_field("head_of_family")
        page.scroll.verticalScrollBar().setValue(0)
        shot(page, "form_submit_errors.png")
        page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
        shot(page, "form_submit_errors_bottom.png")
        page.close()
        ws.close()


if __name__ == "__main__":
    main()
