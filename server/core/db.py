"""Engine and sessions: embedded SQLite (WAL) by default, PostgreSQL through psycopg 3 when a URL is set."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from server.core.config import Settings
from sync.payload import dumps

BUSY_TIMEOUT_MS = 15_000
FEED_LOCK_KEY = 0x4A425F4645454400  # any constant: names the advisory lock that orders the changes feed


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
