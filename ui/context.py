"""What every window and page needs, passed down explicitly instead of through a global."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.auth import Actor
from app.settings import Settings
from app.workspace import Workspace
from ui.tasks import TaskRunner


class Changes(QObject):
    """Announces what an operation changed, so that each view refreshes only what it shows (Anki's habit)."""

    # ids of registrations created or changed; views showing them reload (batched by their own timer)
    registrations_changed = Signal(list)
    settings_changed = Signal()


@dataclass
class UiContext:
    workspace: Workspace
    actor: Actor
    runner: TaskRunner
    settings: Settings
    data_dir: Path
    changes: Changes
    # The password typed at login, kept in memory only so that a sync can open a server session when the link
    # returns (PROTOCOL.md "Authentication"); never written anywhere, and left out of repr() so no log shows it.
    password: str = field(default="", repr=False)
