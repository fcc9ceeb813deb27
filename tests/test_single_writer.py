"""The DB worker and the sync (on the network pool) write to one SQLite file at once: they must queue, not fail.

Each writer reads, thinks, then writes what it read plus one: the pattern of a save (check the version, then bump
it). With pysqlite's default deferred BEGIN both read the same snapshot and the second one's write fails with
"database is locked" (or, worse, loses the first one's change); with BEGIN IMMEDIATE the second waits at its start.
"""

import threading
import time

from app.workspace import Workspace
from db.models import Meta

KEY = "writer_test_counter"


def read_counter(session) -> int:
    row = session.get(Meta, KEY)
    return int(row.value) if row else 0


def test_two_threads_writing_at_once_both_commit_and_nothing_is_lost(tmp_path):
    ws = Workspace.open(tmp_path)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def add_one() -> None:
        try:
            start.wait()
            with ws.transaction() as session:
                seen = read_counter(session)
                time.sleep(0.3)  # the other thread starts its transaction meanwhile
                session.merge(Meta(key=KEY, value=str(seen + 1)))
        except BaseException as exc:  # noqa: BLE001 - reported below with the other thread's result
            errors.append(exc)

    try:
        threads = [threading.Thread(target=add_one) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        with ws.transaction() as session:
            assert read_counter(session) == 2
    finally:
        ws.close()


def test_a_reader_does_not_wait_for_a_writer(tmp_path):
    ws = Workspace.open(tmp_path)
    with ws.transaction() as session:
        session.merge(Meta(key=KEY, value="1"))
    writing, release = threading.Event(), threading.Event()

    def hold_the_write_lock() -> None:
        with ws.transaction() as session:
            session.merge(Meta(key=KEY, value="2"))
            session.flush()
            writing.set()
            release.wait(timeout=30)

    writer = threading.Thread(target=hold_the_write_lock)
    writer.start()
    try:
        assert writing.wait(timeout=10)
        started = time.monotonic()
        with ws.reading() as session:
            assert read_counter(session) == 1, "the last committed value, read beside the writer (WAL)"
        assert time.monotonic() - started < 1
    finally:
        release.set()
        writer.join(timeout=30)
    with ws.reading() as session:
        assert read_counter(session) == 2
    ws.close()


def test_reading_writes_nothing(tmp_path):
    ws = Workspace.open(tmp_path)
    with ws.reading() as session:
        session.add(Meta(key=KEY, value="9"))
        session.flush()
    with ws.reading() as session:
        assert session.get(Meta, KEY) is None
    ws.close()
