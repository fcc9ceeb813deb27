"""Opening the local database file: refuse what is not ours, back up, then migrate to the current schema.

Nothing here ever modifies a file it cannot fully handle: a file that is not a SQLite database, or one written by a
newer version of the app, is refused before the first write.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from db import migrations

PLAINTEXT_HEADER = b"SQLite format 3\x00"


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


def is_plaintext(path: Path) -> bool:
    """A SQLite file anyone can read (SQLCipher's files start with random salt instead of this header)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER
    except OSError:
        return False


def connect(path: Path | str, key: bytes | None = None, *, read_only: bool = False):
    """A DB-API connection: sqlite3 for a plaintext file, SQLCipher with ``key``."""
    if key is None:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True) if read_only else sqlite3.connect(path)
    from db.engine import key_pragma, sqlcipher_module

    con = sqlcipher_module().connect(f"file:{path}?mode=ro" if read_only else str(path), uri=read_only)
    con.execute(key_pragma(key))
    return con


def read_revision(path: Path, key: bytes | None = None) -> str | None:
    """The schema revision stored in the file, None for a new or empty file. Raises NotADatabaseError."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    database_error = sqlite3.DatabaseError if key is None else connect_error()
    try:
        con = connect(path, key, read_only=True)
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
    except database_error as exc:
        raise NotADatabaseError(path, str(exc)) from exc


def connect_error():
    from db.engine import sqlcipher_module

    return sqlcipher_module().DatabaseError


def backup_name(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.stem}.backup-{stamp}-rev{revision or 'none'}{path.suffix}")


def backups_of(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.backup-*{path.suffix}"))


def backup(path: Path, revision: str | None, key: bytes | None = None) -> Path:
    """A consistent copy (SQLite's online backup, safe with WAL) next to the file, named by time and revision;
    encrypted with the same key as the file."""
    target = backup_name(path, revision)
    src = connect(path, key)
    dst = connect(target, key)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    _owner_only(target)
    return target


def encrypt_copy(source: Path, target: Path, key: bytes) -> None:
    """``target`` becomes an encrypted copy of the plaintext SQLite file ``source`` (sqlcipher_export: every
    table, index and the user_version), flushed to disk. ``source`` is only read."""
    from db.engine import sqlcipher_module

    target.unlink(missing_ok=True)
    con = sqlcipher_module().connect(str(source))
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        con.execute("SELECT sqlcipher_export('encrypted')")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        con.execute("DETACH DATABASE encrypted")
    finally:
        con.close()
    check = connect(target, key)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise NotADatabaseError(target, "the encrypted copy does not check")
    finally:
        check.close()
    with open(target, "rb+") as f:
        os.fsync(f.fileno())
    _owner_only(target)


def wipe(path: Path) -> None:
    """Overwrites a plaintext file with zeros before removing it, so its pages do not linger as free blocks of a
    plain file system. (Flash drives remap blocks, so this is a best effort; the key ring design does not rely
    on it: see docs/ENCRYPTION.md.)"""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as f:
            block = b"\x00" * 65536
            for _ in range(0, size, len(block)):
                f.write(block)
            f.flush()
            os.fsync(f.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)


def _owner_only(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def upgrade(path: Path, *, target: str = "head", key: bytes | None = None) -> OpenResult:
    """Brings the file at ``path`` to ``target`` (the newest schema by default), creating it when missing."""
    path = Path(path)
    current = read_revision(path, key)
    if current is not None and current not in migrations.KNOWN:
        raise NewerDatabaseError(path, current)
    wanted = migrations.HEAD if target == "head" else target
    if current == wanted:
        return OpenResult(current, wanted, None)
    copy = backup(path, current, key) if current is not None else None
    _run_alembic(path, target, key)
    return OpenResult(current, wanted, copy)


def _run_alembic(path: Path, target: str, key: bytes | None = None) -> None:
    # Imported here: Alembic is needed only when the schema changes, not on every start.
    from alembic import command
    from alembic.config import Config

    from db.engine import make_engine

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    # SQLite rebuilds a table to alter it; with foreign keys on, dropping the old copy would cascade-delete every
    # row that points at it (the history). So migrations run with them off and are checked once at the end.
    engine = make_engine(path, foreign_keys=False, key=key)
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, target)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration to {target} left broken references: {broken[:5]}")
    finally:
        engine.dispose()
