"""Running core work off the UI thread, with the result handed back on the UI thread.

Two pools, as in Anki's task manager: database work runs on one worker, one task at a time, so that writes never
race each other (SQLite has one writer anyway); network work gets its own pool so that a slow link never holds up
saving a form. Callbacks always have the signature ``(result=None, error=None)`` (Picard's habit).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
Callback = Callable[..., None]


class _Bridge(QObject):
    # Emitted from a worker thread; the connection is queued, so the slot runs on the UI thread.
    finished = Signal(object, object, object)

    @Slot(object, object, object)
    def deliver(self, callback: Callback | None, result: Any, error: BaseException | None) -> None:
        if callback is not None:
            call_back(callback, result, error)


def alive(target: object) -> bool:
    """False for a widget, or a method of one, that was deleted: the page that asked may have been closed while
    the work ran (the officer moved on, the window shut); the work is done and saved, only its answer has nowhere
    to go. Checked on the UI thread's side of the hop."""
    owner = getattr(target, "__self__", target)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def call_back(callback: Callback, result: Any, error: BaseException | None) -> None:
    """``callback(result=, error=)``, dropped when its view is gone."""
    if not alive(callback):
        return
    try:
        callback(result=result, error=error)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.debug("answer for a closed view dropped: %s", exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], callback: Callback | None, bridge: _Bridge):
        super().__init__()
        self.fn, self.callback, self.bridge = fn, callback, bridge

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:  # handed to the callback, which shows it; never lost in a thread
            log.exception("background task failed")
            result, error = None, exc
        self.bridge.finished.emit(self.callback, result, error)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False):
        super().__init__(parent)
        # Tests may run everything inline, so that a click's effect is visible on the next line.
        self.synchronous = synchronous
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._bridge.deliver)
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._net = QThreadPool(self)
        self._net.setMaxThreadCount(2)

    def run_db(self, fn: Callable[[], Any], callback: Callback | None = None) -> None:
        """Database work: queued behind any other database task."""
        self._start(self._db, fn, callback)

    def run_net(self, fn: Callable[[], Any], callback: Callback | None = None) -> None:
        """Network or other slow I/O that must not wait for, nor block, database work."""
        self._start(self._net, fn, callback)

    def wait(self, msecs: int = 30_000) -> bool:
        """Blocks until queued work is done (shutdown, tests). Callbacks still arrive through the event loop."""
        return self._db.waitForDone(msecs) and self._net.waitForDone(msecs)

    def _start(self, pool: QThreadPool, fn: Callable[[], Any], callback: Callback | None) -> None:
        if self.synchronous:
            try:
                result, error = fn(), None
            except Exception as exc:
                result, error = None, exc
            if callback is not None:
                callback(result=result, error=error)
            return
        pool.start(_Job(fn, callback, self._bridge))
