"""What the screen-rendering scripts share: an offscreen Qt app in Bahasa Indonesia, an officer's workspace, and
a shot of a widget at the size a 1366x768 laptop gives it."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app import auth  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from ui.shell import style  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.common.tasks import TaskRunner  # noqa: E402

PAGE_SIZE = (1366 - 230, 768 - 78)  # the screen minus navigation, title bar, status bar and task bar


class Screens:
    """The Qt application and the folder the PNGs go to (first command-line argument, or bench/out/screens)."""

    def __init__(self, argv: list[str]):
        self.out = Path(argv[1]) if len(argv) > 1 else ROOT / "bench" / "out" / "screens"
        self.out.mkdir(parents=True, exist_ok=True)
        self.app = QApplication([])
        style.apply(self.app)
        install_translators(self.app, "id")

    def shoot(self, widget, name: str, size=PAGE_SIZE, passes: int = 3) -> Path:
        widget.resize(*size)
        widget.show()
        for _ in range(passes):  # deferred layouts (wrapped rows) settle over a few passes
            self.app.processEvents()
        path = self.out / name
        widget.grab().save(str(path))
        print(path)
        return path


def officer_context(folder: Path, now: datetime = datetime(2026, 1, 1)) -> UiContext:
    """A fresh workspace in ``folder`` with one field officer logged in; work runs inline."""
    ws = Workspace.open(folder)
    with ws.transaction() as s:
        user = auth.create_user(s, username="siti", full_name="Siti Aminah", password="rahasia123",
                                role="officer", now=now)
        actor = auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)
    return UiContext(ws, actor, TaskRunner(synchronous=True), Settings(), folder, Changes())
