"""Renders the e-KTP form as a field officer's 1366x768 laptop shows it, for a look before a release.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screens_form.py [OUT_DIR]   # default bench/out/screens

Writes form_empty.png, form_wrong_nik.png and form_submit_errors.png (the page as hosted beside the 230 px
navigation of the main window, so 1136x690).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from screens_common import PAGE_SIZE, Screens, officer_context

from PySide6.QtTest import QTest  # noqa: E402 - after screens_common has set up the path and Qt platform


def main() -> None:
    screens = Screens(sys.argv)
    shot = screens.shoot
    from ui.kinds.ektp import EktpFormPage

    with tempfile.TemporaryDirectory() as tmp:
        ctx = officer_context(Path(tmp))
        ws = ctx.workspace

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
