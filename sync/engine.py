"""One sync run: log in, register this laptop's keys if it was enrolled before keys, relay the records imported
from batch files (sync/handover/relay.py), push changed records (signed by this laptop), upload their files, pull what the server has for this user, then download reference lists the
pull announced (sync/reference.py).

Runs off the UI thread; ``cancel`` is checked between requests and while a body is being sent, and ``progress``
is called with a ``SyncProgress`` after every step. The order matters: records before their files (a record is
worth something without its photo, not the other way round), pull last so that the answers to this run's own
pushes do not come back as conflicts.

Exactly once: a batch's id and contents are stored BEFORE it is sent, so a laptop switched off mid-request sends
the same batch id again and the server answers from its store instead of applying it twice. The pull cursor is
stored in the same transaction as the changes it covers.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select

from app.attachments import AttachmentStore
from app.workspace import Workspace
from db.ids import new_id
from db.models import Meta, SyncLog, User
from sync import device_keys, pending_batches, reference, transport
from sync import records as local
from sync.answers import PullPage, PushResponse, UnknownChange
from sync.backoff import Cancelled, check
from sync.client import Encoded, Refused, SyncClient, SyncError
from sync.enrol import settings
import sync.handover.relay as relay
from sync.payload import MAX_PUSH_BYTES
from sync.team_files import download_team_files
from sync.uploads import upload_files

PIPELINE_DEPTH = 2  # push batches on the wire at once: the server works on one while the laptop answers the other
# The records of the last batch of a push that has several: it waits for the others' answers (it asks for the
# pull's first page), so kept small the server is not idle while it is made, sent and taken (bench/timeline.py).
LAST_BATCH = 25
MSG_UNREADABLE_CHANGE = "Perubahan nomor {seq} dari server ({type}) tidak dapat dibaca dan dilewati: {problem}"
MSG_KEYS_DIFFER = ("Server menyimpan kunci lain untuk laptop ini; data dikirim tanpa tanda tangan. "
                   "Hubungi administrator untuk mendaftarkan ulang laptop ini.")


@dataclass(frozen=True)
class _Batch:
    """A push batch made ready to send: the local version of each record as it was read, and its body."""
    batch_id: str
    sent: dict[str, int]
    records: list
    encoded: Encoded | None


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # login | push | files | pull | done
    records_done: int
    records_total: int
    bytes_up: int
    bytes_down: int


@dataclass
class SyncResult:
    log_id: int = 0
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    files_sent: int = 0
    file_bytes: int = 0  # attachment bytes the server still needed
    chunk_bytes_sent: int = 0  # attachment bytes put on the wire, resends included
    file_requests: int = 0  # requests of the upload phase (status, multi-file bodies, chunks), retries included
    changes_pulled: int = 0
    files_received: int = 0  # a team's files downloaded for review
    files_received_bytes: int = 0
    reference_bytes: int = 0  # bytes of reference lists downloaded, resumed ranges only counted once
    references_installed: list[str] = field(default_factory=list)  # e.g. "regions 3"
    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    problems: list[str] = field(default_factory=list)
    # The syncing person's local account id once the run ended: the pull may have given the laptop's own account
    # the server's id (a laptop enrolled with a code that named nobody is bound at its first session), and the
    # window must act as that id from its next save on, before anything else runs.
    account_id: str | None = None


def run_sync(workspace: Workspace, *, username: str, password: str,
             progress: Callable[[SyncProgress], None] | None = None, cancel: threading.Event | None = None,
             client: SyncClient | None = None, store: AttachmentStore | None = None) -> SyncResult:
    """Returns what was done; raises SyncError (``.code``, ``.text()``) or Cancelled. Either way the run is in
    the sync log. The password is used for POST /session only and never stored."""
    url, token = settings(workspace)
    if not url or not token:
        raise SyncError("not_enrolled", "This laptop is not enrolled with a server.")
    client = client or SyncClient(url, **transport.policy_of(workspace).client_options())
    client.device_token, client.cancel = token, cancel
    run = _Run(workspace, client, store or AttachmentStore.beside(workspace.db_path), progress, cancel)
    with workspace.transaction() as session:
        entry = SyncLog(started_at=workspace.now(), username=username.strip().lower(), server_url=url)
        session.add(entry)
        session.flush()
        run.result.log_id = entry.id
    outcome, message = "error", ""
    try:
        run.login(username, password)
        run.register_keys()
        run.push()
        run.files()
        run.pull()
        # Accounts the pull brought (a new team member, a changed or re-hashed password) unlock this laptop now.
        workspace.refresh_keyring()
        with workspace.transaction() as session:
            run.result.account_id = session.scalar(select(User.id).where(User.username == username.strip().lower()))
        run.report("done", 0, 0)
        outcome = "ok"
        return run.result
    except Cancelled:
        outcome = "cancelled"
        raise
    except SyncError as exc:
        outcome = "refused" if isinstance(exc, Refused) else "offline" if exc.code == "offline" else "error"
        message = exc.text()
        raise
    finally:
        run.finish(outcome, message)


def _wait_quietly(future) -> None:
    try:
        future.exception()
    except BaseException:  # noqa: BLE001 - cancelled: its own caller sees it
        pass


class _Run:
    def __init__(self, workspace, client, store, progress, cancel):
        self.ws, self.client, self.store, self.cancel = workspace, client, store, cancel
        self.progress = progress
        self.result = SyncResult()
        self.user: User | None = None
        self.password = ""
        self._waiting: deque[tuple[str, int]] = deque()  # (id, version) the push has still to batch
        # The pull's first page, answered with the last push: (the cursor it was asked from, the page).
        self._early_page: tuple[int, PullPage] | None = None
        # What waits to be pushed, read while the session is being opened (see _read_ahead), and the first batch's
        # records built then, for its first _prepare.
        self._ahead_pool: ThreadPoolExecutor | None = None
        self._ahead: Future | None = None
        self._prebuilt: dict | None = None

    def report(self, phase: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(SyncProgress(phase, done, total, self.client.bytes_up, self.client.bytes_down))

    def login(self, username: str, password: str) -> None:
        self.report("login", 0, 0)
        self.password = password  # in memory for this run only, to log in again if the token expires
        name = username.strip().lower()
        # The local account first (only the laptop's database), so that the laptop's part of the push can start
        # while the server checks the password (Argon2, a tenth of a second).
        with self.ws.transaction() as session:
            self.user = session.query(User).filter_by(username=name).one_or_none()
            if self.user is None:
                # The server knows the account but this laptop not yet: it arrives with the pull.
                self.user = User(id="", username=name, full_name="", role="officer", password_hash="")
            self.owners = local.pushable_owners(session, user_id=self.user.id, role=self.user.role)
        if self.user.id:
            self._ahead_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-read-ahead")
            self._ahead = self._ahead_pool.submit(self._read_ahead)
        self.client.open_session(name, password)

    def _read_ahead(self) -> tuple[list[tuple[str, int]], dict] | None:
        """What waits to be pushed and the first batch's records, in one reading (consistent with each other);
        None when the relay queue has records, whose push comes first and may change what waits."""
        with self.ws.reading() as session:
            if relay.waiting(session):
                return None
            waiting = local.pending(session, owners=self.owners)
            first = [rid for rid, _version in waiting[:local.BATCH_SIZE]]
            return waiting, {record.id: record for record in local.build(session, first)}

    def _take_ahead(self) -> tuple[list[tuple[str, int]], dict] | None:
        """The read-ahead's answer; None when none was made or the relay queue had records then."""
        ahead, self._ahead = self._ahead, None
        return None if ahead is None else ahead.result()

    def _call(self, fn, *args):
        try:
            return fn(*args)
        except Refused as exc:
            if exc.code != "bad_user":
                raise
            self.client.open_session(self.user.username, self.password)
            return fn(*args)

    def register_keys(self) -> None:
        """A laptop enrolled before keys makes them (kept before they are sent, so a cut sends the same ones
        again) and gives the server their public halves, once. Until the server has them, records go unsigned."""
        with self.ws.transaction() as session:
            keys = device_keys.own_keys(session)
            if keys is None:
                keys = device_keys.generate()
                device_keys.store_own(session, keys, now=self.ws.now())
        if keys.registered:
            return
        try:
            answer = self._call(self.client.register_keys, keys.public())
        except Refused as exc:
            if exc.status == 404:
                return  # a server older than keys: records go unsigned, as they always did
            if exc.code != "keys_differ":
                raise
            self.result.problems.append(MSG_KEYS_DIFFER)
            return
        with self.ws.transaction() as session:
            device_keys.mark_registered(session, now=self.ws.now())
            if device_keys.root_key(session) is None:
                # Pinned now, over the same authenticated link an enrolment would have used.
                device_keys.pin_root_key(session, answer.root_key)

    # --- push ------------------------------------------------------------------------------------------------

    def push(self) -> None:
        ahead = self._take_ahead()  # None for an account the laptop does not know yet
        if self.user.id and ahead is None:
            # Records imported from batch files first, exactly as their makers signed them: this laptop's own
            # decisions on them are then pushed on top, built on the server version the relay answered. When the
            # read-ahead found the relay queue empty, it is not asked again (its first query was the 35 ms before
            # the first push, bench/timeline.py): a batch file imported since waits in it for the next sync.
            relay.push_relayed(self.ws, push=lambda batch_id, records: self._call(
                self.client.push, batch_id, records), owners=self.owners, cancel=self.cancel, result=self.result)
        with self.ws.transaction() as session:
            stored = session.get(Meta, pending_batches.KEY)
            resend = pending_batches.stored(stored.value) if stored else []
            if resend and resend[0][2] != self.user.id:
                session.delete(stored)  # another user's: their records stay waiting for them
                resend = []
            if ahead is not None:
                waiting, self._prebuilt = ahead
            else:
                waiting = local.pending(session, owners=self.owners) if self.user.id else []
        total = len(waiting)
        # The batches are drawn from this one reading of what waits: asking SQL for the next batch beside the one in
        # flight walked every waiting row each time, a third of a 20,000-record push (bench/sync.py). What changes
        # during the sync is found by one more query at the end (_take).
        resent = {rid for _batch_id, sent, _user in resend for rid in sent}
        self._waiting = deque(row for row in waiting if row[0] not in resent)
        self.report("push", 0, total)
        queue: list[tuple[str, dict[str, int]]] = [(batch_id, sent) for batch_id, sent, _user in resend]
        if not self.user.id:
            return
        # A pipeline: the next batch is read, sealed and compressed on a helper thread, two batches are on the wire
        # at once, and the answer to the older one is applied here while the newer one is with the server. The
        # server then always has a batch to work on: with one batch in flight it waited a quarter of the time for
        # the laptop to acknowledge an answer and send the next (bench/sync.py, a profile of both processes).
        # Exactly once holds as before: every batch sent and not yet acknowledged is stored as pending, before it
        # is sent; an acknowledgement removes its batch in the same transaction. A batch made ahead and never sent
        # leaves its records waiting, to be made again.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push-build") as builder, \
                ThreadPoolExecutor(max_workers=PIPELINE_DEPTH, thread_name_prefix="sync-push-send") as sender:
            _Pipeline(self, builder, sender, queue, total).run()

    def _take(self, queue: list, in_flight: set[str]) -> tuple[str, dict[str, int]] | None:
        """The next batch to make: a resent or split one first, else the oldest waiting records not in flight: from
        the push's first reading, then those that changed since."""
        if queue:
            return queue.pop(0)
        rows = []
        while self._waiting and len(rows) < local.BATCH_SIZE:
            row = self._waiting.popleft()
            if row[0] not in in_flight:
                rows.append(row)
        if rows or in_flight:
            # What changed since is looked for once nothing is in flight: asked beside the batches still out, the
            # query walked the waiting rows past a list of their ids, several times at the end of every push.
            if in_flight and not self._waiting and len(rows) > LAST_BATCH:
                # The push's last records, with others still out: their tail goes as a small batch of its own.
                queue.append((new_id(), dict(rows[-LAST_BATCH:])))
                rows = rows[:-LAST_BATCH]
            return (new_id(), dict(rows)) if rows else None
        with self.ws.reading() as session:
            rows = local.pending(session, owners=self.owners, limit=local.BATCH_SIZE)
        return (new_id(), dict(rows)) if rows else None

    def _prepare(self, item: tuple[str, dict[str, int]]) -> _Batch | list:
        """The batch read, sealed or signed (Ed25519 is deterministic, so a resent batch carries the same seal)
        and encoded as the server reads it; the two halves of it when it is too large to send as one."""
        batch_id, sent = item
        seal = None
        prebuilt, self._prebuilt = self._prebuilt, None  # read ahead for the first batch only
        # A reader's session (WAL): the build beside the answer being written does not wait for its lock.
        with self.ws.reading() as session:
            if prebuilt is not None and prebuilt.keys() == sent.keys() \
                    and all(prebuilt[rid].version == version for rid, version in sent.items()):
                records = list(prebuilt.values())
            else:
                records = local.build(session, list(sent))
            if self.client.batch_seal:
                seal = device_keys.seal_batch(session, batch_id, records)
            else:  # a server from before seals: each record signed, as then
                records = device_keys.sign_records(session, records)
        sent = {r.id: sent[r.id] for r in records}
        encoded = self.client.encode_push(batch_id, records, seal) if records else None
        if encoded is not None and encoded.json_size > MAX_PUSH_BYTES and len(records) > 1:
            items = list(sent.items())
            with self.ws.transaction() as session:  # a resent batch grown too large goes as two new ones
                pending_batches.drop(session, batch_id)
            return [(new_id(), dict(items[:len(items) // 2])), (new_id(), dict(items[len(items) // 2:]))]
        return _Batch(batch_id, sent, records, encoded)

    def _refused(self, batch: _Batch, exc: Refused, queue: list) -> int:
        """A batch the server refused as a whole: halved until the record at fault is alone, so that one bad record
        never holds back the rest. Returns the records done (the one at fault, rejected)."""
        with self.ws.transaction() as session:
            pending_batches.drop(session, batch.batch_id)
            if len(batch.records) == 1:
                local.reject(session, sent=batch.sent, reason=exc.message or exc.code)
        if len(batch.records) > 1:
            items = list(batch.sent.items())
            queue[:0] = [(new_id(), dict(items[:len(items) // 2])), (new_id(), dict(items[len(items) // 2:]))]
            return 0
        self.result.rejected += 1
        return 1

    def _acknowledge(self, batch: _Batch, answer: PushResponse) -> int:
        """The server's answer to ``batch`` applied, and that batch no longer pending, in one transaction. An
        acknowledgement that fails is not tried again in this run (the batch stays pending, and the next run resends
        it and gets the same answer)."""
        by_id = {r.id: r for r in batch.records}
        with self.ws.transaction() as session:
            counts = local.apply_results(session, sent=batch.sent, records=by_id, results=answer.results,
                                         user_id=self.user.id, now=self.ws.now())
            pending_batches.drop(session, batch.batch_id)
        self.result.sent += len(batch.records)
        self.result.accepted += counts.accepted
        self.result.duplicates += counts.duplicates
        self.result.conflicts += counts.conflicts
        self.result.rejected += counts.rejected
        return len(batch.records)

    # --- files and pull ---------------------------------------------------------------------------------------

    def files(self) -> None:
        if not self.user.id:
            return
        upload_files(self.ws, self.client, self.store, owners=self.owners, cancel=self.cancel,
                     result=self.result, report=self.report, call=self._call)

    def _pull_cursor_key(self) -> str:
        return f"pull_cursor:{self.user.id or self.user.username}"

    def _pull_cursor(self) -> int:
        with self.ws.reading() as session:
            row = session.get(Meta, self._pull_cursor_key())
            return int(row.value) if row else 0

    def pull(self) -> None:
        key = self._pull_cursor_key()
        cursor = self._pull_cursor()
        early, self._early_page = self._early_page, None
        self.report("pull", 0, 0)
        while True:
            check(self.cancel)
            if early is not None and early[0] == cursor:
                page, early = early[1], None  # came with the last push
            else:
                page = self._call(self.client.pull, cursor)
            with self.ws.transaction() as session:
                now = self.ws.now()
                for entry in page.changes:
                    if isinstance(entry.change, UnknownChange) and entry.change.problem:
                        self.result.problems.append(MSG_UNREADABLE_CHANGE.format(
                            seq=entry.seq, type=entry.change.type, problem=entry.change.problem))
                    try:
                        self.result.changes_pulled += local.apply_change(session, entry.change,
                                                                         user_id=self.user.id, now=now)
                    except device_keys.KeyListRefused as exc:
                        # Refused before anything was written: the rest of the page still applies.
                        self.result.problems.append(str(exc))
                cursor = page.cursor
                # In the same transaction as the changes: a cut repeats a page, never skips one.
                session.merge(Meta(key=key, value=str(cursor)))
            self.report("pull", self.result.changes_pulled, 0)
            if not page.more:
                break
        # After the changes: a status update is worth more to the officer than a new region list on a slow link,
        # and the photos of the team's records are what the supervisor reviews next.
        download_team_files(self.ws, self.client, self.store, cancel=self.cancel, result=self.result,
                            report=self.report, call=self._call)
        reference.download_pending(self.ws, self.client, cancel=self.cancel, result=self.result,
                                   report=self.report, call=self._call)

    def finish(self, outcome: str, message: str) -> None:
        if self._ahead_pool is not None:
            self._ahead_pool.shutdown(wait=True)  # a login refused: its reading ends before the run does
        self.result.bytes_up, self.result.bytes_down = self.client.bytes_up, self.client.bytes_down
        self.result.requests = self.client.requests
        r = self.result
        with self.ws.transaction() as session:
            entry = session.get(SyncLog, r.log_id)
            entry.finished_at = self.ws.now()
            entry.user_id = self.user.id if self.user and self.user.id else None
            for name in ("sent", "accepted", "duplicates", "conflicts", "rejected", "files_sent", "changes_pulled",
                         "bytes_up", "bytes_down", "requests"):
                setattr(entry, name, getattr(r, name))
            entry.result = outcome
            entry.message = "; ".join([message, *r.problems]).strip("; ")[:2000]


class _Pipeline:
    """One push's batches from made to acknowledged (see _Run.push): one being made on the builder thread, one
    made and waiting its turn, up to PIPELINE_DEPTH on the wire; answers are taken oldest first."""

    def __init__(self, run: _Run, builder: ThreadPoolExecutor, sender: ThreadPoolExecutor, queue: list, total: int):
        self.sync, self.builder, self.sender, self.queue, self.total = run, builder, sender, queue, total
        self.done = 0
        self.in_flight: deque[tuple[_Batch, Future, int | None]] = deque()  # with the pull cursor it asked from
        self.held: _Batch | None = None
        self.building: tuple[Future, set[str]] | None = None  # with the ids of its records

    def run(self) -> None:
        try:
            while True:
                check(self.sync.cancel)
                self._fill()
                if not self.in_flight:
                    return
                self._answer_oldest()
        finally:
            if self.building is not None:
                self.building[0].cancel()
            for _batch, sending, _cursor in self.in_flight:
                _wait_quietly(sending)  # answered, or failed, before the run goes on: nothing left sending

    def _fill(self) -> None:
        while len(self.in_flight) < PIPELINE_DEPTH:
            if self.held is None:
                self.held = self._made()
                if self.held is None:
                    return
                self._start_next()
            # The last batch as far as is known now asks for the pull's first page too: one round trip less. It
            # goes once the others are answered, so that the page has what they changed. Should more follow after
            # all (a record changed meanwhile), the page is as good: it is applied first and the pull goes on
            # from its cursor.
            last = self.building is None and not self.queue and self.sync._early_page is None
            if last and self.in_flight:
                return
            batch, self.held = self.held, None
            self._send(batch, self.sync._pull_cursor() if last else None)

    def _busy(self) -> set[str]:
        """The records in a batch made or being made and not yet acknowledged: not to be batched again."""
        ids = set(self.building[1]) if self.building is not None else set()
        for batch in [b for b, _sending, _cursor in self.in_flight] + ([self.held] if self.held else []):
            ids.update(batch.sent)
        return ids

    def _start_next(self) -> None:
        if self.building is None:
            item = self.sync._take(self.queue, self._busy())
            if item is not None:
                self.building = (self.builder.submit(self.sync._prepare, item), set(item[1]))

    def _made(self) -> _Batch | None:
        """The next batch, once made; None when nothing more waits."""
        while True:
            self._start_next()
            if self.building is None:
                return None
            batch = self.building[0].result()
            self.building = None
            if not isinstance(batch, list):
                return batch
            self.queue[:0] = batch  # too large: its halves first

    def _send(self, batch: _Batch, pull_cursor: int | None) -> None:
        run = self.sync
        with run.ws.transaction() as session:
            if not batch.records:  # a resent batch whose records are gone
                pending_batches.drop(session, batch.batch_id)
                return
            # Stored and committed before a byte goes out: see the module's docstring.
            pending_batches.add(session, run.user.id, batch.batch_id, batch.sent)
        sending = self.sender.submit(run._call, run.client.push, batch.batch_id, batch.records, batch.encoded,
                                     pull_cursor)
        self.in_flight.append((batch, sending, pull_cursor))

    def _answer_oldest(self) -> None:
        """The oldest batch's answer applied, while the batches after it are on the wire."""
        batch, sending, pull_cursor = self.in_flight.popleft()
        try:
            answer = sending.result()
        except Refused as exc:
            if exc.status not in (400, 413, 422):
                raise
            self.done += self.sync._refused(batch, exc, self.queue)
        else:
            if answer.pull is not None and pull_cursor is not None:
                self.sync._early_page = (pull_cursor, answer.pull)
            self.done += self.sync._acknowledge(batch, answer)
        self.sync.report("push", min(self.done, self.total), self.total)
