"""Laptops for the hand-over tests: an officer's and a supervisor's, enrolled on the real server on loopback and
synced in the order that puts each in the other's key list, then used without signal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import attachments, auth
from app.attachments import AttachmentStore
from app.workspace import Workspace
from db import migrate
from sync.enrol import enrol

PASSWORD = "rahasia123"


@dataclass
class Laptop:
    ws: Workspace
    username: str

    @property
    def actor(self) -> auth.Actor:
        with self.ws.transaction() as s:
            return auth.login(s, username=self.username, password=PASSWORD, now=self.ws.now(),
                              device_id=self.ws.device_id)

    @property
    def store(self) -> AttachmentStore:
        return AttachmentStore.beside(self.ws.db_path)

    def attach(self, registration_id: str, data: bytes) -> str:
        with self.ws.transaction() as s:
            return attachments.attach(s, store=self.store, actor=self.actor, registration_id=registration_id,
                                      data=data, media_type="image/jpeg", purpose="photo", now=self.ws.now()).sha256


def enrolled(folder: Path, server, username: str, kit, name: str) -> Laptop:
    ws = Workspace.open(folder)
    enrol(ws, server.root, server.enrol_code(for_user=username), name)
    laptop = Laptop(ws, username)
    kit.sync(ws, username=username, client=kit.fast_client(ws))
    return laptop


def dump(ws: Workspace, *, skip: tuple[str, ...] = ("sync_log", "audit_events")) -> dict[str, list[tuple]]:
    """Every table's rows (but the logs a refusal writes to): equal dumps mean nothing changed."""
    con = migrate.connect(ws.db_path, ws.data_key, read_only=True)  # encrypted at rest
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
                  if t not in skip]
        # The audit log's remembered head (app_meta audit_head) belongs to the log: it moves with each entry.
        return {t: sorted(repr(row) for row in con.execute(f"SELECT * FROM {t}")
                          if not (t == "app_meta" and row[0] == "audit_head")) for t in tables}
    finally:
        con.close()


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
