"""The one object the UI holds: the open local database of this laptop, its device id, its regions and a
transaction helper.

Like Anki's Collection it is the facade over the core; unlike it there is no global: the UI passes it along, and
what belongs to one laptop's data (its region list, the hooks that delete files after a commit) hangs off the
workspace, not the process.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from app import errors, files_after_commit
from app.paths import DB_FILENAME, data_dir
from app.reference.regions import SESSION_REGIONS, Regions, regions_in
from db import migrate
from db.engine import make_engine, make_session_factory, writer
from db.ids import new_id
from db.models import Meta


def utcnow() -> datetime:
    """Naive UTC, the form every timestamp is stored in."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Workspace:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.engine = make_engine(db_path)
        self._regions: Regions | None = None
        self._regions_lock = threading.Lock()  # the first use may come from the DB worker and the UI at once
        # Every transaction() is a writer's and begins with BEGIN IMMEDIATE (db/engine.py): the UI's one DB worker
        # and the sync on the network pool both write, and this makes them queue for the lock at the start (the
        # busy timeout) rather than one failing at its first write or its commit. Chosen over routing the sync's
        # writes through the DB worker: the sync is Qt-free and runs in the CLI and tests without a TaskRunner,
        # and its transactions are short (never across a network call), so the wait is short too. Readers that
        # must not wait for a writer use reading(): WAL lets them run beside it.
        self._sessions = make_session_factory(writer(self.engine))
        self._read_sessions = make_session_factory(self.engine)
        # Services deep in a save (a person's place of birth given as a regency code) find this workspace's list
        # through the session they already have, rather than through a process-wide one.
        for sessions in (self._sessions, self._read_sessions):
            sessions.configure(info={SESSION_REGIONS: lambda: self.regions})
        files_after_commit.install_hooks(self._sessions)
        self.device_id = self._ensure_device_id()
        self.migration: migrate.OpenResult | None = None

    @classmethod
    def open(cls, folder: Path | None = None) -> Workspace:
        """Opens (creating or upgrading) the database in ``folder``. Raises errors.DatabaseProblem, file untouched."""
        folder = Path(folder) if folder else data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / DB_FILENAME
        try:
            result = migrate.upgrade(path)
        except migrate.NewerDatabaseError as exc:
            raise errors.DatabaseProblem(errors.MSG_NEWER_DATABASE, path=path) from exc
        except migrate.NotADatabaseError as exc:
            raise errors.DatabaseProblem(errors.MSG_NOT_A_DATABASE, path=path) from exc
        except (OSError, sa_exc.OperationalError) as exc:
            raise _translate_db_error(exc) from exc
        workspace = cls(path)
        workspace.migration = result
        return workspace

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except (sa_exc.OperationalError, OSError) as exc:
            session.rollback()
            raise _translate_db_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def data_folder(self) -> Path:
        return self.db_path.parent

    @property
    def regions(self) -> Regions:
        """This laptop's region list: the newest installed in its data folder, else the shipped one. Found at the
        first use (it looks at files), then the same object, switched in place by ``use_regions_file``."""
        with self._regions_lock:
            if self._regions is None:
                self._regions = regions_in(self.data_folder)
            return self._regions

    def use_regions_file(self, path: Path) -> None:
        """A newer list was installed while the app runs: every holder of ``regions`` reads it from now on."""
        self.regions.switch_to(path)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for lookups only: it never waits for a writer (it reads the last committed state) and
        anything written in it is rolled back at the end."""
        session = self._read_sessions()
        try:
            yield session
        except (sa_exc.OperationalError, OSError) as exc:
            raise _translate_db_error(exc) from exc
        finally:
            session.rollback()
            session.close()

    def now(self) -> datetime:
        return utcnow()

    def today(self) -> date:
        # The officer's calendar day (the laptop's local time, WIB in the field), not UTC's.
        return date.today()

    def close(self) -> None:
        self.engine.dispose()

    def _ensure_device_id(self) -> str:
        with self.transaction() as session:
            row = session.get(Meta, "device_id")
            if row is None:
                row = Meta(key="device_id", value=new_id())
                session.add(row)
            return row.value


def _translate_db_error(exc: BaseException) -> errors.UserFacingError:
    text = str(exc).lower()
    if "disk is full" in text or "no space" in text or getattr(exc, "errno", None) == 28:
        return errors.DatabaseProblem(errors.MSG_DISK_FULL)
    if "locked" in text or "busy" in text:
        return errors.DatabaseProblem(errors.MSG_DATABASE_LOCKED)
    raise exc
