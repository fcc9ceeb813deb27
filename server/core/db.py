"""Engine and sessions: embedded SQLite (WAL) by default, PostgreSQL through psycopg 3 when a URL is set."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from server.core.config import Settings
from sync.payload import dumps

BUSY_TIMEOUT_MS = 15_000
FEED_LOCK_KEY = 0x4A425F4645454400  # any constant: names the advisory lock that orders the changes feed
# The writers of an SQLite file in this process take turns here before BEGIN IMMEDIATE (see transaction()).
_WRITER_TURNS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()
READ_ONLY = "jemput_read_only"  # an execution option: this connection's transactions only read (see reading())


def _compact_json(value: object) -> str:
    # The wire's encoder: a pushed record's data and history are written as they came, at a tenth of the cost.
    return dumps(value).decode()


def make_engine(settings: Settings) -> Engine:
    """Raises config.DataKeyError without the data key (it also seals the attachments on PostgreSQL)."""
    key = settings.require_data_key()
    if not settings.is_sqlite:
        return create_engine(settings.url, pool_pre_ping=True, json_serializer=_compact_json)
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if settings.database_url == "":
        from server.core.at_rest import encrypt_database

        encrypt_database(settings.sqlite_path, key)  # a server of an older version: once, after a backup
    extra = {}
    if settings.data_key is not None:
        from sqlcipher3 import dbapi2  # any SQLite URL of this server (a read-only one too) is the encrypted file

        extra["module"] = dbapi2
    # The pysqlcipher dialect picks SingletonThreadPool, which closes a connection another request thread is still
    # using once more threads than its size ask (the server answers from a thread pool): a file database wants a
    # QueuePool, as plain pysqlite gets.
    engine = create_engine(settings.url, json_serializer=_compact_json, **extra, poolclass=QueuePool,
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        # pysqlite's own transaction handling starts transactions late and as readers; we begin them ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if settings.data_key is not None:
            # Before anything reads the file. The pysqlcipher dialect sends the same key after this listener,
            # which SQLCipher answers "ok" (it is how a bare create_engine(settings.url) opens the file too).
            cursor.execute(f"PRAGMA key = \"x'{settings.data_key.hex()}'\"")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # IMMEDIATE takes the write lock at the start: a read-then-write transaction (every push) can then never
        # fail half-way with SQLITE_BUSY when another request upgraded to a writer first; WAL readers still run.
        # A reader's plain BEGIN reads the last committed state beside a writer (WAL) instead of waiting for it.
        connection.exec_driver_sql("BEGIN" if connection.get_execution_options().get(READ_ONLY)
                                   else "BEGIN IMMEDIATE")

    _WRITER_TURNS[engine] = threading.RLock()
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends normally, rolled back on any exception."""
    with _writer_turn(factory), factory() as session, session.begin():
        yield session


@contextmanager
def reading(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A unit of work that only reads (rolled back at the end): on SQLite it does not wait for a writer. A push's
    check of the device before its body is read waited in BEGIN IMMEDIATE for the push before it to commit."""
    engine = factory.kw["bind"]
    with factory(bind=engine.execution_options(**{READ_ONLY: True})) as session:
        try:
            yield session
        finally:
            session.rollback()


@contextmanager
def _writer_turn(factory: sessionmaker[Session]) -> Iterator[None]:
    """On SQLite, this process's writers wait for each other here, and the next one starts as soon as the last
    commits. Waiting in BEGIN IMMEDIATE instead meant SQLite's busy handler, which sleeps in growing steps (up to
    100 ms) and woke a waiting push 3-70 ms after the push before it had committed (bench/sync.py --only records,
    two pushes in flight). Past the busy timeout, SQLite's own wait takes over and fails as it always did. One
    writer at a time is what BEGIN IMMEDIATE gives anyway, so nothing waits here that would not wait there."""
    turn = _WRITER_TURNS.get(factory.kw.get("bind"))
    got = turn.acquire(timeout=BUSY_TIMEOUT_MS / 1000) if turn is not None else False
    try:
        yield
    finally:
        if got:
            turn.release()


def lock_feed(session: Session) -> None:
    """Serialises writers of the changes feed on PostgreSQL until commit, so that sequence numbers become visible
    in order and a pull can never step over a change committed late with a smaller number. SQLite has one writer
    at a time anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK_KEY})
