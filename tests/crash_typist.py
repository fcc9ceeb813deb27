"""Helper for test_crash_recovery: an officer typing into the real e-KTP form until the process is killed.

    python tests/crash_typist.py DATA_DIR

Opens the workspace in DATA_DIR (it must hold the account "siti"), types a name and a NIK at human speed, prints
"TYPED <name> <nik>" and then keeps typing into the place of birth, so that the kill lands mid-typing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import auth  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

NAME, NIK = "Siti Rahmawati", "1603075708900003"
KEY_DELAY_MS = 120  # a quick typist on a laptop keyboard


def main() -> None:
    folder = Path(sys.argv[1])
    app = QApplication([])
    from ui.ektp_form import EktpFormPage

    ws = Workspace.open(folder)
    with ws.transaction() as s:
        actor = auth.login(s, username="siti", password="rahasia123", device_id=ws.device_id, now=ws.now())
    ctx = UiContext(ws, actor, TaskRunner(), Settings.load(folder), folder, Changes())
    page = EktpFormPage(ctx)
    page.show()
    for key, text in (("name", NAME), ("nik", NIK)):
        page.editors[key].setFocus()
        QTest.keyClicks(page.editors[key], text, delay=KEY_DELAY_MS)
    print(f"TYPED {NAME} {NIK}", flush=True)
    page.editors["birth_place"].setFocus()
    while True:  # typing on and on; the test kills this process somewhere in here
        QTest.keyClicks(page.editors["birth_place"], "Muara Enim ", delay=KEY_DELAY_MS)
        app.processEvents()


if __name__ == "__main__":
    main()
