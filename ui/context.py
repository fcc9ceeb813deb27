"""What every window and page needs, passed down explicitly instead of through a global."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.account_rules import Actor
from app.settings import Settings
from app.workspace import Workspace
from ui.common.tasks import TaskRunner


class Changes(QObject):
    """Announces what an operation changed, so that each view refreshes only what it shows (Anki's habit)."""

    # ids of registrations created or changed; views showing them reload (batched by their own timer)
    registrations_changed = Signal(list)
    settings_changed = Signal()
    # the logged-in account got the server's id, name or role (enrolment, pull): labels showing it redraw
    actor_changed = Signal()


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

    def adopt_actor(self, actor: Actor) -> None:
        """Takes the account as the database now has it. Every list filters on the actor's id, so when the id
        changed (the server's id replaced the laptop's at enrolment) all of them reload."""
        if actor == self.actor:
            return
        self.actor = actor
        self.changes.actor_changed.emit()
        self.changes.registrations_changed.emit([])
