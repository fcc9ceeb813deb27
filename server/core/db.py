"""Engine and sessions: embedded SQLite (WAL) by default, PostgreSQL through psycopg 3 when a URL is set."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from server.core.config import Settings

BUSY_TIMEOUT_MS = 15_000
FEED_LOCK_KEY = 0x4A425F4645454400  # any constant: names the advisory lock that orders the changes feed


def _compact_json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def make_engine(settings: Settings) -> Engine:
    if not settings.is_sqlite:
        return create_engine(settings.url, pool_pre_ping=True, json_serializer=_compact_json)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.url, json_serializer=_compact_json,
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        # pysqlite's own transaction handling starts transactions late and as readers; we begin them ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # IMMEDIATE takes the write lock at the start: a read-then-write transaction (every push) can then never
        # fail half-way with SQLITE_BUSY when another request upgraded to a writer first; WAL readers still run.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends normally, rolled back on any exception."""
    with factory() as session, session.begin():
        yield session


def lock_feed(session: Session) -> None:
    """Serialises writers of the changes feed on PostgreSQL until commit, so that sequence numbers become visible
    in order and a pull can never step over a change committed late with a smaller number. SQLite has one writer
    at a time anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK_KEY})
