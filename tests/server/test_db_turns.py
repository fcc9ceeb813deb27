"""server.core.db on the embedded SQLite file: a read does not wait for a writer, and writers take their turns in
the process, the next one starting once the last has committed."""

import threading

import pytest
from sqlalchemy import text

from server.core.config import Settings
from server.core.db import make_engine, make_session_factory, reading, transaction
from server.core.migrate import upgrade

WAIT = 10  # seconds: far longer than any step here, far shorter than the 15 s busy timeout a reader used to wait


@pytest.fixture
def factory(tmp_path):
    engine = make_engine(Settings(data_dir=tmp_path, database_url="", data_key=b"k" * 32))
    upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE note (n INTEGER)")
    yield make_session_factory(engine)
    engine.dispose()


def _count(session) -> int:
    return session.execute(text("SELECT count(*) FROM note")).scalar()


def test_a_read_goes_on_beside_a_writer_and_sees_what_was_committed(factory):
    read_done, seen = threading.Event(), []

    def read():
        with reading(factory) as session:
            seen.append(_count(session))
        read_done.set()

    with transaction(factory) as session:
        session.execute(text("INSERT INTO note VALUES (1)"))
        reader = threading.Thread(target=read)
        reader.start()
        # Before this writer commits: a reader that waited for the write lock would still be waiting.
        assert read_done.wait(WAIT)
    reader.join(WAIT)
    assert seen == [0]
    with reading(factory) as session:
        assert _count(session) == 1


def test_a_reading_writes_nothing(factory):
    with reading(factory) as session:
        session.execute(text("INSERT INTO note VALUES (7)"))
    with reading(factory) as session:
        assert _count(session) == 0


def test_the_next_writer_starts_after_the_last_has_committed_and_sees_its_rows(factory):
    inside, order = threading.Event(), []

    def second():
        with transaction(factory) as session:
            order.append(("second", _count(session)))
            session.execute(text("INSERT INTO note VALUES (2)"))

    with transaction(factory) as session:
        session.execute(text("INSERT INTO note VALUES (1)"))
        other = threading.Thread(target=second)
        other.start()
        other.join(0.2)  # give it the chance to cut in, which it must not take
        assert other.is_alive() and order == []
        order.append(("first", _count(session)))
    other.join(WAIT)
    assert order == [("first", 1), ("second", 1)]
    with reading(factory) as session:
        assert _count(session) == 2
