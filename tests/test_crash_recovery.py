"""A power cut in the middle of typing: kill -9 the app while the officer types, then open the record again.

The typist is a real process with the real form (tests/crash_typist.py). What was typed more than about
autosave_seconds + a little before the kill must be in the database and come back into the form.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from app import auth, registrations
from app.settings import Settings
from app.workspace import Workspace

HERE = Path(__file__).resolve().parent
NAME, NIK = "Siti Rahmawati", "1603075708900003"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def test_kill_while_typing_loses_at_most_the_last_seconds(tmp_path, qtbot):
    settings = Settings(autosave_seconds=1.0)
    settings.save(tmp_path)
    ws = Workspace.open(tmp_path)
    with ws.transaction() as s:
        auth.create_user(s, username="siti", full_name="Siti Aminah", password="rahasia123", role="officer",
                         now=datetime(2026, 1, 1))
    ws.close()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    typist = subprocess.Popen([sys.executable, str(HERE / "crash_typist.py"), str(tmp_path)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = typist.stdout.readline()  # blocks until the name and the NIK are typed
        assert line.startswith("TYPED "), line + typist.stderr.read()
        time.sleep(settings.autosave_seconds + 1.5)
        assert typist.poll() is None, "the typist stopped before the kill: " + typist.stderr.read()
        os.kill(typist.pid, signal.SIGKILL)
        typist.wait(10)
    finally:
        if typist.poll() is None:
            typist.kill()
            typist.wait(10)
        typist.stdout.close()
        typist.stderr.close()

    ws = Workspace.open(tmp_path)
    try:
        with ws.transaction() as s:
            rows = registrations.search(s, text="rahmawati")
            assert len(rows) == 1
            assert rows[0].subject_name == NAME and rows[0].subject_nik == NIK
            actor = auth.login(s, username="siti", password="rahasia123", device_id=ws.device_id, now=ws.now())
        record_id = rows[0].id

        from ui.context import Changes, UiContext
        from ui.ektp_form import EktpFormPage
        from ui.tasks import TaskRunner

        ctx = UiContext(ws, actor, TaskRunner(), settings, tmp_path, Changes())
        page = EktpFormPage(ctx, registration_id=record_id)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.editors["nik"].text() == NIK, timeout=5000)
        assert page.editors["name"].text() == NAME
        # Typed after the line, so only part of it may have been saved; but never anything garbled.
        assert ("Muara Enim " * 20).startswith(page.editors["birth_place"].text())
        ctx.runner.wait()
    finally:
        ws.close()
