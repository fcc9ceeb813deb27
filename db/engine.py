"""Engine and sessions for the local SQLite file.

WAL lets the UI read while a background worker writes; synchronous=FULL makes a committed draft survive a power
cut (the cost, one fsync per commit, is small next to typing speed); a busy timeout stops a second connection
from failing at once while another holds the write lock.

Transactions are begun here, not by pysqlite (whose own handling begins them late, at the first write, and not
at all before DDL): a plain ``BEGIN`` for readers, ``BEGIN IMMEDIATE`` on an engine made ``writer(engine)``. Two
writers then queue for the write lock at their start, within the busy timeout, instead of the second failing with
"database is locked" when it first writes after having read from a snapshot that the first one's commit made
stale (SQLite cannot wait there: its snapshot is already out of date).

With a data key the file is opened through SQLCipher (AES-256, an HMAC per page), WAL included: the key is given
raw (``x'...'``), so no PBKDF2 runs at each connection; the slow step is the password hash that unwrapped it.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024


BEGIN_OPTION = "sqlite_begin"  # execution option: "IMMEDIATE" for a writer, absent for a reader


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def sqlcipher_module():
    from sqlcipher3 import dbapi2

    return dbapi2


def _pragmas(foreign_keys: bool, key: bytes | None):
    def set_pragmas(dbapi_connection, _record) -> None:
        # Autocommit at the driver level: the "begin" event below emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if key is not None:
            cursor.execute(key_pragma(key))  # before anything reads the file
            # Decrypted pages stay in SQLite's own cache (the OS cache holds them encrypted): 32 MB keeps the
            # search indexes of 100,000 records hot (bench/local_db.py); it fills only as pages are read.
            cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    return set_pragmas


def _compact_json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def make_engine(path: Path | str, *, foreign_keys: bool = True, key: bytes | None = None) -> Engine:
    extra = {"module": sqlcipher_module()} if key is not None else {}
    engine = create_engine(
        f"sqlite:///{Path(path)}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        # Compact JSON: form data and history are most of the file's size.
        json_serializer=_compact_json,
        **extra,
    )
    event.listen(engine, "connect", _pragmas(foreign_keys, key))
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine and pool, beginning every transaction with ``BEGIN IMMEDIATE`` (takes the write lock)."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
