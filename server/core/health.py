"""Whether the server can do its work: a database that answers reads but refuses writes (a read-only file or
replica, a full disk) and a file store it cannot write to are both "not healthy", although SELECT 1 succeeds."""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from datetime import datetime, timezone

from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from server.core.config import Settings
from server.core.db import transaction
from server.models import ServerProbe

log = logging.getLogger(__name__)
# /health needs no token, so anyone may call it often: the write is made at most this often, and the answer in
# between is the last one.
PROBE_SECONDS = 5.0


class WriteProbe:
    def __init__(self, factory: sessionmaker[Session], settings: Settings, clock=time.monotonic):
        self._factory, self._settings, self._clock = factory, settings, clock
        self._lock = threading.Lock()
        self._at: float | None = None
        self._problem: str | None = None

    def problem(self) -> str | None:
        """None when the last probe wrote both; else what failed, for an operator (no secrets in it)."""
        with self._lock:
            now = self._clock()
            if self._at is None or now - self._at >= PROBE_SECONDS:
                self._problem = self._database() or self._files()
                self._at = now
                if self._problem:
                    log.warning("health: %s", self._problem)
            return self._problem

    def _database(self) -> str | None:
        try:
            with transaction(self._factory) as session:
                done = session.execute(update(ServerProbe).where(ServerProbe.id == 1).values(
                    checked_at=datetime.now(timezone.utc).replace(tzinfo=None)))
                if done.rowcount != 1:
                    session.add(ServerProbe(id=1, checked_at=datetime.now(timezone.utc).replace(tzinfo=None)))
        except SQLAlchemyError as exc:
            return f"the database refuses writes ({type(getattr(exc, 'orig', None) or exc).__name__})"
        return None

    def _files(self) -> str | None:
        folder = self._settings.attachments_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
                pass
        except OSError as exc:
            return f"the file store refuses writes ({os.strerror(exc.errno) if exc.errno else exc})"
        return None
