"""Helper for test_crash_recovery: an officer typing into the real e-KTP form until the process is killed.

    python tests/crash_typist.py DATA_DIR

Opens the workspace in DATA_DIR (it must hold the account "siti"), types a name, a NIK and then the place of
birth on and on, and reports on stdout, one line each, with ``time.monotonic()`` stamps:

    KEY <t> <field> <length of the field now>     a key was typed and handled by the form
    TYPED <name> <nik>                            the name and the NIK are complete
    SAVED <t> <json of name, nik, birth_place>    a save of these values is committed in the database

Keys come from a timer in the running event loop, so that between two keys the loop is idle, as it is when
keys come from a keyboard. ``QTest.keyClicks(..., delay=)`` must not be used here: it waits inside the call
without releasing Python's GIL, so the database worker only got a slice now and then between keys, and saves
took 0.4 to 1.9 s to commit instead of a few milliseconds (one queued mid-NIK committed only when that
``keyClicks`` call returned).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import auth  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from ui.common.tasks import TaskRunner  # noqa: E402

NAME, NIK = "Siti Rahmawati", "1603075708900003"
PLACE = "Muara Enim "  # typed again and again into the place of birth
KEY_DELAY_MS = 120  # a quick typist on a laptop keyboard
REPORTED = ("name", "nik", "birth_place")
_out = threading.Lock()  # SAVED lines come from the database worker, the others from the UI thread


def report(*words) -> None:
    with _out:
        sys.stdout.write(" ".join(str(w) for w in words) + "\n")
        sys.stdout.flush()


def keys():
    """(field, character) in the order the officer types them; None once the NIK is complete."""
    yield from (("name", c) for c in NAME)
    yield from (("nik", c) for c in NIK)
    yield None
    while True:
        yield from (("birth_place", c) for c in PLACE)


def main() -> None:
    folder = Path(sys.argv[1])
    app = QApplication([])
    from ui.kinds.ektp import EktpFormPage

    class ReportingForm(EktpFormPage):
        """The real form; only says which values each committed save held. ``committed`` runs on the single
        database worker once the save's transaction is committed, so the report follows the commit."""

        def _save_job(self, data, submit=False):
            job, storing = super()._save_job(data, submit), {key: data.get(key) or "" for key in REPORTED}

            def reporting(result):
                job.committed(result)
                report("SAVED", time.monotonic(), json.dumps(storing))

            return dataclasses.replace(job, committed=reporting)

    ws = Workspace.open(folder)
    with ws.transaction() as s:
        actor = auth.login(s, username="siti", password="rahasia123", device_id=ws.device_id, now=ws.now())
    ctx = UiContext(ws, actor, TaskRunner(), Settings.load(folder), folder, Changes())
    page = ReportingForm(ctx)
    page.show()
    script = keys()

    def type_next_key() -> None:
        step = next(script)
        if step is None:
            report("TYPED", NAME, NIK)
            step = next(script)
        field, char = step
        editor = page.editors[field]
        if not editor.hasFocus():
            editor.setFocus()  # leaving the previous field saves it, as for the officer
        QTest.keyClick(editor, char)
        report("KEY", time.monotonic(), field, len(editor.text()))

    timer = QTimer(interval=KEY_DELAY_MS)
    timer.timeout.connect(type_next_key)
    timer.start()
    app.exec()  # typing on and on; the test kills this process somewhere in here


if __name__ == "__main__":
    main()
