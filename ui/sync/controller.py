"""The background sync of the main window: one run at a time, cancellable, started by a button or by the link.

The run itself is ``sync.engine.run_sync`` on the network pool. Progress arrives on a worker thread and is
re-emitted through a Qt signal so that every handler runs on the UI thread (Electrum's habit). While records are
waiting, a cheap probe of the server runs on a timer and starts a sync as soon as the server answers; offline, the
probe backs off so that a laptop in a village without signal does not wake its modem every minute for nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app import sync_views
from app.auth import Actor
from app.record_views import local_time
from app.sync_views import SyncStatus
from sync.backoff import Cancelled
from sync.client import Refused, SyncClient, SyncError
from sync import transport
from sync.connectivity import Probe, probe
from sync.engine import SyncProgress, SyncResult, run_sync
from ui.context import UiContext
from ui.common.operations import query

PROBE_EVERY_MS = 60_000
PROBE_MAX_MS = 10 * 60_000  # offline for long: one probe every ten minutes is enough
PENDING_DELAY_MS = 500  # many saves in a row count the waiting records once
# Refusals that another try with the same password or device cannot fix: the automatic sync waits for a person.
STOP_AUTO = {"bad_login", "device_revoked", "bad_device", "not_enrolled"}


class SyncController(QObject):
    state_changed = Signal()  # enrolment, reachability, pending count or running changed: redraw the status
    progress = Signal(object)  # SyncProgress, on the UI thread
    finished = Signal(object, object)  # SyncResult or None, the error (SyncError, Cancelled, other) or None
    _worker_progress = Signal(object)  # emitted on the network thread; queued to the UI thread

    def __init__(self, ctx: UiContext, parent: QObject | None = None, *,
                 make_client: Callable[[str], SyncClient] | None = None, probe_ms: int = PROBE_EVERY_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.make_client = make_client  # tests give a client with short backoff
        self.loaded = False  # the first read of the database has come back
        self.enrolled = False
        self.server_url: str | None = None
        self.online: bool | None = None  # None until the first probe or run says
        self.pending = 0
        self.running = False
        self.last_ok: datetime | None = None
        self.last_error: BaseException | None = None
        self.last_result: SyncResult | None = None
        self.last_progress: SyncProgress | None = None
        self._cancel: threading.Event | None = None
        self._auto_stopped = False
        self._probing = False
        self._probe_base = probe_ms
        self._worker_progress.connect(self._on_progress)
        self._probe_timer = QTimer(self, singleShot=True, interval=probe_ms)
        self._probe_timer.timeout.connect(self.probe_now)
        self._pending_timer = QTimer(self, singleShot=True, interval=PENDING_DELAY_MS)
        self._pending_timer.timeout.connect(self.refresh)
        ctx.changes.registrations_changed.connect(lambda _ids: self._pending_timer.start())
        ctx.changes.settings_changed.connect(self.refresh)  # e.g. enrolled from the settings page
        self.refresh()

    # --- state --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads enrolment and the waiting count from the database, then decides whether to probe."""
        # Read again each time: enrolment or a pull may have given the account the server's id.
        actor = self.ctx.actor
        query(self.ctx, lambda session: sync_views.sync_status(session, actor=actor), self._refreshed)

    def _refreshed(self, result: SyncStatus | None = None, error=None) -> None:
        if error is not None:
            return  # the status bar keeps what it showed; the sync page reports database trouble itself
        self.enrolled, self.server_url, self.pending = result.enrolled, result.server_url, result.pending
        self.ctx.adopt_actor(result.actor)
        self.loaded = True
        self.last_ok = max(filter(None, (self.last_ok, result.last_ok)), default=None)
        self.state_changed.emit()
        self._schedule_probe()

    def status_text(self) -> str:
        if not self.enrolled:
            return self.tr("Not connected to a server")
        if self.running:
            return self.tr("Syncing…")
        if self.online is False:
            return self.tr("Offline · %n record(s) waiting", "", self.pending)
        if self.pending:
            return self.tr("%n record(s) waiting to be sent", "", self.pending)
        if self.last_ok is not None:
            return self.tr("Synced {time}").format(time=local_time(self.last_ok).strftime("%H:%M"))
        return self.tr("Nothing waiting to be sent")

    # --- automatic start ----------------------------------------------------------------------------------

    def _schedule_probe(self) -> None:
        wanted = (self.enrolled and self.pending > 0 and not self.running and not self._auto_stopped
                  and bool(self.ctx.password))
        if not wanted:
            self._probe_timer.stop()
        elif not self._probe_timer.isActive() and not self._probing:
            self._probe_timer.start()

    def probe_now(self) -> None:
        if self._probing or self.running or not self.server_url:
            return
        self._probing = True
        url = self.server_url
        workspace = self.ctx.workspace
        self.ctx.runner.run_net(lambda: probe(url, options=transport.policy_of(workspace).client_options()),
                                self._probed)

    def _probed(self, result: Probe | None = None, error=None) -> None:
        self._probing = False
        reachable = bool(result and result.reachable)
        self._set_online(reachable)
        if reachable:
            self._probe_timer.setInterval(self._probe_base)
            if self.pending > 0 and not self._auto_stopped and self.ctx.password:
                self.sync_now()
                return
        else:
            self._probe_timer.setInterval(min(self._probe_timer.interval() * 2, PROBE_MAX_MS))
        self._schedule_probe()

    def _set_online(self, online: bool | None) -> None:
        if online != self.online:
            self.online = online
            self.state_changed.emit()

    # --- one run --------------------------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """Starts a run unless one is running; False if none was started."""
        if self.running or not self.enrolled:
            return False
        self.running, self.last_error, self.last_progress = True, None, None
        self._auto_stopped = False  # a person pressed the button, or the link returned: try again from here
        self._probe_timer.stop()
        self._cancel = cancel = threading.Event()
        ws, username, password = self.ctx.workspace, self.ctx.actor.username, self.ctx.password
        make_client, url = self.make_client, self.server_url

        def work():
            client = make_client(url) if make_client and url else None
            try:
                return run_sync(ws, username=username, password=password, progress=self._worker_progress.emit,
                                cancel=cancel, client=client)
            except (Cancelled, SyncError) as exc:
                # Expected endings, already in the sync log: handed over as a value so that the task runner
                # does not log them as crashes.
                return exc

        self.state_changed.emit()
        self.ctx.runner.run_net(work, self._done)
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    @Slot(object)
    def _on_progress(self, progress: SyncProgress) -> None:
        self.last_progress = progress
        if progress.phase != "login":
            self._set_online(True)  # the server has answered this run
        self.progress.emit(progress)

    def _done(self, result: SyncResult | BaseException | None = None, error=None) -> None:
        self.running, self._cancel = False, None
        if isinstance(result, BaseException):
            result, error = None, result
        self.last_result, self.last_error = result, error
        if error is None:
            self.last_ok = self.ctx.workspace.now()
            self._set_online(True)
        elif isinstance(error, SyncError) and error.code == "offline":
            self._set_online(False)
        elif isinstance(error, Refused) and error.code in STOP_AUTO:
            self._auto_stopped = True
        elif not isinstance(error, Cancelled | SyncError):
            self._auto_stopped = True  # a bug: do not repeat it every minute
        actor = self.ctx.actor
        if result is not None and result.account_id and result.account_id != actor.user_id:
            # The pull gave this account the server's id: the next save must already use it.
            self.ctx.adopt_actor(Actor(result.account_id, actor.username, actor.full_name, actor.role,
                                       actor.device_id))
        self.state_changed.emit()  # "Syncing…" ends now, not when the waiting count has been re-read
        self.finished.emit(result, error)
        # Statuses, versions and returned records may have changed anywhere: the open lists reload.
        self.ctx.changes.registrations_changed.emit([])
        self.refresh()

    def error_text(self, error: BaseException) -> str:
        if isinstance(error, Cancelled):
            return self.tr("Sync cancelled. What was sent stays sent; the rest goes next time.")
        if isinstance(error, SyncError):
            return error.text(self.ctx.settings.language)
        from ui.i18n import error_text

        return error_text(error, self.ctx.settings.language)

    def shutdown(self) -> None:
        """The window closes: stop a run between two requests so that the app can quit."""
        self._probe_timer.stop()
        self.cancel()
