"""The first window of a laptop with an account (every officer's, from the second day) loads only what the login
needs: SQLAlchemy, the models, the main window and the network stack load after it is on screen (issue 12,
start-up). Checked from the interpreter's own import log, in the order it was written beside FIRST_WINDOW."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import login
from app.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
LATER = ("sqlalchemy", "alembic", "db.models", "ui.shell.main_window", "requests", "app.login", "sync.client")


def imported_before_first_window(data_dir: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JEMPUT_STARTUP_PROBE="1", JEMPUT_DATA_DIR=str(data_dir),
               PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "app"], env=env, cwd=ROOT, timeout=120,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = run.stdout.splitlines()
    assert "FIRST_WINDOW" in lines, run.stdout[-2000:]
    return [line.rsplit("|", 1)[-1].strip() for line in lines[:lines.index("FIRST_WINDOW")]
            if line.startswith("import time:")]


def test_the_login_of_a_laptop_with_an_account_shows_before_the_database_stack_loads(tmp_path):
    ws = Workspace.open(tmp_path)
    login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                               role="officer")
    ws.close()
    modules = imported_before_first_window(tmp_path)
    assert "PySide6.QtWidgets" in modules and "ui.shell.login" in modules  # the log is read right
    early = sorted({m for m in modules if any(m == name or m.startswith(name + ".") for name in LATER)})
    assert early == []
