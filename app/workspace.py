"""The one object the UI holds: the open local database of this laptop, its device id, its regions and a
transaction helper.

Like Anki's Collection it is the facade over the core; unlike it there is no global: the UI passes it along, and
what belongs to one laptop's data (its region list, the hooks that delete files after a commit) hangs off the
workspace, not the process.

The database is encrypted with the laptop's data key (``app.at_rest.keyring``). A workspace whose key ring has
accounts opens *locked*: only the login may use it, and a correct password unlocks it (``unlock``). A new data
folder, and one whose key ring has no account yet, open unlocked, so the first start needs no password. A plaintext
database from an older version is converted here, once, after an encrypted backup (``at_rest_upgrade``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors, files_after_commit
from app.at_rest import keyring as keyrings
from app.at_rest import open_keys
from app.at_rest.private import private_file, private_folder
from app.paths import DB_FILENAME, data_dir
from app.reference.regions import SESSION_REGIONS, Regions, regions_in
from db import migrate, migrations
from db.engine import make_engine, make_session_factory, writer
from db.ids import new_id
from db.models import Meta, User

ENCRYPTED_PAGE = 4096  # SQLCipher 4's page size
RECOVERY_KEY = "recovery_public_key"  # app_meta: the province's recovery key, from enrolment


def utcnow() -> datetime:
    """Naive UTC, the form every timestamp is stored in."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Workspace:
    def __init__(self, db_path: Path, ring: keyrings.KeyRing | None = None, key: bytes | None = None):
        self.db_path = db_path
        self.ring = ring
        self._key: bytes | None = None
        self._regions: Regions | None = None
        self._regions_lock = threading.Lock()  # the first use may come from the DB worker and the UI at once
        self._keyring_lock = threading.Lock()
        self.migration: migrate.OpenResult | None = None
        if key is not None:
            self.unlock(key)

    @property
    def locked(self) -> bool:
        return self._key is None

    def unlock(self, key: bytes) -> None:
        """Opens the database with ``key`` (migrating it first when needed). Raises DatabaseProblem."""
        if not self.locked:
            return
        if self.ring is not None and not self.ring.matches(key):
            raise errors.DatabaseProblem(errors.MSG_BAD_KEYRING, path=self.db_path)
        try:
            self.migration = migrate.upgrade(self.db_path, key=key)
        except migrate.NewerDatabaseError as exc:
            raise errors.DatabaseProblem(errors.MSG_NEWER_DATABASE, path=self.db_path) from exc
        except migrate.NotADatabaseError as exc:
            raise errors.DatabaseProblem(errors.MSG_BAD_KEYRING, path=self.db_path) from exc
        except (OSError, sa_exc.OperationalError) as exc:
            raise _translate_db_error(exc) from exc
        self._key = key
        open_keys.put(self.data_folder, key)
        self._open_engine(key)
        for suffix in ("", "-wal", "-shm"):
            private_file(self.db_path.with_name(self.db_path.name + suffix))
        self._audit_pending()

    @property
    def data_key(self) -> bytes:
        if self._key is None:
            raise errors.DatabaseProblem(errors.MSG_LOCKED_WORKSPACE)
        return self._key

    def _open_engine(self, key: bytes) -> None:
        db_path = self.db_path
        self.engine = make_engine(db_path, key=key)
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

    @classmethod
    def open(cls, folder: Path | None = None, *, key: bytes | None = None) -> Workspace:
        """Opens (creating or upgrading) the database in ``folder``: unlocked when there is no account to protect
        it yet or ``key`` is given, else locked until a login. Raises errors.DatabaseProblem, file untouched."""
        from app.at_rest import at_rest_upgrade

        folder = private_folder(Path(folder) if folder else data_dir())
        path = folder / DB_FILENAME
        at_rest_upgrade.wipe_leftovers(folder)
        try:
            ring = keyrings.KeyRing.load(folder)
        except keyrings.KeyRingError as exc:
            raise errors.DatabaseProblem(errors.MSG_BAD_KEYRING, path=path) from exc
        try:
            if path.exists() and path.stat().st_size and migrate.is_plaintext(path):
                # A foreign or newer file is refused before anything is written.
                revision = migrate.read_revision(path)
                if revision is not None and revision not in migrations.KNOWN:
                    raise migrate.NewerDatabaseError(path, revision)
                ring, key = at_rest_upgrade.encrypt_plaintext(path)
            elif not path.exists() or path.stat().st_size == 0:
                if ring is not None:
                    # A key ring without its database (moved away, restored elsewhere): kept aside, never
                    # overwritten, so that the database put back later still opens with it.
                    ring.path.rename(ring.path.with_name(f"keyring.set-aside-{utcnow():%Y%m%dT%H%M%S}.json"))
                ring = None  # a new laptop: a new key
        except migrate.NewerDatabaseError as exc:
            raise errors.DatabaseProblem(errors.MSG_NEWER_DATABASE, path=path) from exc
        except migrate.NotADatabaseError as exc:
            raise errors.DatabaseProblem(errors.MSG_NOT_A_DATABASE, path=path) from exc
        except (OSError, sa_exc.OperationalError) as exc:
            raise _translate_db_error(exc) from exc
        if ring is None:
            if path.exists() and path.stat().st_size:
                # Without its key an encrypted database looks like noise; whole pages say it probably is one.
                size = path.stat().st_size
                probably_ours = size >= ENCRYPTED_PAGE and size % ENCRYPTED_PAGE == 0
                raise errors.DatabaseProblem(errors.MSG_NO_KEYRING if probably_ours else errors.MSG_NOT_A_DATABASE,
                                             path=path)
            key = key or keyrings.new_data_key()
            ring = keyrings.KeyRing.new(folder, key)
            ring.save()
        workspace = cls(path, ring)
        if key is None:
            key = ring.unclaimed
        if key is not None:
            workspace.unlock(key)
        return workspace

    # -- the key ring -----------------------------------------------------------------------------------------------
    def has_accounts_unopened(self) -> bool:
        return self.ring is not None and self.ring.has_accounts

    def save_keyring(self) -> None:
        with self._keyring_lock:
            if self.ring is not None:
                self.ring.save()

    def refresh_keyring(self) -> None:
        """Wraps the data key for exactly the accounts this database holds now (enrolment, a pull, a new account,
        a password changed or re-hashed) and seals it to the province's recovery key when one is known. Cheap when
        nothing changed: wraps are kept per unchanged hash."""
        key = self.data_key
        with self.reading() as session:
            users = session.scalars(select(User).where(User.active.is_(True))).all()
            sources = [keyrings.WrapSource(u.id, u.username, u.password_hash) for u in users]
            recovery_row = session.get(Meta, RECOVERY_KEY)
            recovery_text = recovery_row.value if recovery_row else None
        with self._keyring_lock:
            self.ring.set_accounts(key, sources)
            if recovery_text:
                from app.at_rest import recovery

                self.ring.set_recovery(key, recovery.public_from_text(recovery_text), device_id=self.device_id)
            self.ring.save()

    def _audit_pending(self) -> None:
        """Wrong passwords typed while the database was closed go into its audit trail now."""
        if self.ring is None or not self.ring.raw.get("pending_audit"):
            return
        from app.auth import audit

        with self._keyring_lock:
            pending = self.ring.take_pending_audit()
        with self.transaction() as session:
            for item in pending:
                audit(session, now=datetime.fromisoformat(item["at"]), username=item["username"],
                      action=item["action"], detail="before unlock")
        self.save_keyring()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on any error."""
        if self._key is None:
            raise errors.DatabaseProblem(errors.MSG_LOCKED_WORKSPACE)
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
        if self._key is None:
            raise errors.DatabaseProblem(errors.MSG_LOCKED_WORKSPACE)
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
        if self._key is not None:
            self.engine.dispose()
            open_keys.drop(self.data_folder, self._key)

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
