"""Opening the local database file: refuse what is not ours, back up, then migrate to the current schema.

Nothing here ever modifies a file it cannot fully handle: a file that is not a SQLite database, or one written by a
newer version of the app, is refused before the first write.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from db import migrations


class DatabaseOpenError(Exception):
    """The file cannot be used; ``path`` is untouched."""

    def __init__(self, path: Path, detail: str = ""):
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class NotADatabaseError(DatabaseOpenError):
    pass


class NewerDatabaseError(DatabaseOpenError):
    def __init__(self, path: Path, revision: str):
        super().__init__(path, f"schema revision {revision} is newer than this app knows")
        self.revision = revision


@dataclass(frozen=True)
class OpenResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def read_revision(path: Path) -> str | None:
    """The schema revision stored in the file, None for a new or empty file. Raises NotADatabaseError."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise NotADatabaseError(path, "a SQLite file with tables that are not Jemput Bola's")
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(path, str(exc)) from exc


def backup(path: Path, revision: str | None) -> Path:
    """A consistent copy (SQLite's online backup, safe with WAL) next to the file, named by time and revision."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{stamp}-rev{revision or 'none'}{path.suffix}")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade(path: Path, *, target: str = "head") -> OpenResult:
    """Brings the file at ``path`` to ``target`` (the newest schema by default), creating it when missing."""
    path = Path(path)
    current = read_revision(path)
    if current is not None and current not in migrations.KNOWN:
        raise NewerDatabaseError(path, current)
    wanted = migrations.HEAD if target == "head" else target
    if current == wanted:
        return OpenResult(current, wanted, None)
    copy = backup(path, current) if current is not None else None
    _run_alembic(path, target)
    return OpenResult(current, wanted, copy)


def _run_alembic(path: Path, target: str) -> None:
    # Imported here: Alembic is needed only when the schema changes, not on every start.
    from alembic import command
    from alembic.config import Config

    from db.engine import make_engine

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    # SQLite rebuilds a table to alter it; with foreign keys on, dropping the old copy would cascade-delete every
    # row that points at it (the history). So migrations run with them off and are checked once at the end.
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, target)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration to {target} left broken references: {broken[:5]}")
    finally:
        engine.dispose()
