"""The server's answers and the pull feed (PROTOCOL.md): built by the server with these types, parsed by the
client with the same strictness as the server parses a push, so that a malformed answer is a clear error on the
laptop (sync/client.py turns it into a SyncError) and never a KeyError deep in the sync.

Changes travel flat (``{"seq", "type", ...fields}``); the server stores a change's fields as its payload and its
type and sequence number in columns of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sync.payload import (RESULTS, SIGNATURE_BYTES, Account, Record, account_from_dict, read_b64, read_public_key,
                          record_from_dict, review_details_from, to_dict)
from sync.strict import (PayloadError, read_bool, read_int, read_list, read_object, read_optional_time,
                         read_sha256, read_str, read_time, read_uuid)


@dataclass
class PushResult:
    id: str
    result: str
    server_version: int
    reason: str | None = None
    server_record: dict[str, Any] | None = None


@dataclass
class PushResponse:
    batch_id: str
    results: list[PushResult]
    pull: PullPage | None = None  # the pull's page, when the push asked for it (``pull_cursor``)


@dataclass
class StatusChange:
    """Central staff or a supervisor moved the record to ``status`` (``by`` None: central)."""
    registration_id: str
    server_version: int
    at: str | None  # None only from a server older than the ``at`` field
    by: str | None
    status: str
    note: str | None
    stage: str | None = None  # the service's own step (``KindSpec.stages``); absent from servers before it
    TYPE: ClassVar[str] = "status"


@dataclass
class ReturnedChange:
    registration_id: str
    server_version: int
    at: str | None
    by: str | None
    comment: str
    # The return's coded reasons and field comments (app.review); absent from servers before them.
    details: dict[str, Any] | None = None
    TYPE: ClassVar[str] = "returned"


@dataclass
class ReferenceChange:
    name: str
    version: int
    sha256: str
    size: int
    url: str
    TYPE: ClassVar[str] = "reference"


@dataclass
class LimitsChange:
    """The province's guardrails, for every device; the newest in the feed replaces any before it. 0 is no limit.
    ``set_at`` is when they were set on the server."""
    max_waiting_review: int
    max_not_handed_over: int
    max_days_since_handover: int
    set_at: str
    TYPE: ClassVar[str] = "limits"


@dataclass
class RecordChange:
    """A team member's record that waits for the supervisor's review, whole (its history included, its files by
    hash), for the supervisor's laptops: so that review works after a sync and without signal."""
    record: Record
    TYPE: ClassVar[str] = "record"


@dataclass
class KeyListChange:
    """The province's signed key list (sync/key_list.py), for every device: ``document`` is the exact JSON text
    the province root key signed, so that no parser on the way can change a byte of what is checked."""
    document: str
    signature: str
    TYPE: ClassVar[str] = "key_list"


@dataclass
class UnknownChange:
    """A change this client cannot use: a type newer than it (skipped, as PROTOCOL.md allows a server to add
    types), or one it cannot read (``problem`` says why; skipped so that one bad entry never stops the feed)."""
    type: str
    problem: str | None = None


Change = (StatusChange | ReturnedChange | Account | ReferenceChange | LimitsChange | RecordChange | KeyListChange
          | UnknownChange)


@dataclass
class FeedEntry:
    seq: int
    change: Change


@dataclass
class PullPage:
    cursor: int
    more: bool
    changes: list[FeedEntry]


@dataclass
class Health:
    """``GET /health``, outside /api/v1 and without a token: what the laptop's probe asks."""
    status: str
    protocol: int
    server_time: str


@dataclass
class EnrolAnswer:
    device_id: str
    device_token: str
    server_time: str
    accounts: list[Account]
    # The province root key's public half (sync/signing.py), pinned by the laptop: what every key list it pulls
    # must be signed with. Absent from servers older than the keys.
    root_key: str | None = None
    # The province's recovery key (X25519, base64 of its 32 bytes): the laptop seals its data key to it, so that
    # a forgotten password loses no data (app/at_rest/recovery.py). Absent when the province has not set one.
    recovery_key: str | None = None


@dataclass
class DeviceKeysAnswer:
    """``POST /devices/keys``: the keys are this device's now; the root key for a laptop enrolled before keys."""
    device_id: str
    root_key: str


@dataclass
class SessionAnswer:
    token: str
    expires_at: str


@dataclass
class MissingFile:
    sha256: str
    offset: int


@dataclass
class ChunkAnswer:
    sha256: str
    offset: int
    complete: bool


@dataclass
class RefusedFile:
    sha256: str
    code: str  # hash_mismatch


@dataclass
class FilesAnswer:
    """The answer to a multi-file upload: the files stored (complete on the server now) and those refused."""
    stored: list[str]
    refused: list[RefusedFile]


def entry_to_dict(entry: FeedEntry) -> dict[str, Any]:
    """One change as it travels: flat, ``seq`` and ``type`` first, then the change's own fields."""
    return {"seq": entry.seq, "type": entry.change.TYPE, **to_dict(entry.change)}


def pull_page_to_dict(page: PullPage) -> dict[str, Any]:
    return {"cursor": page.cursor, "more": page.more, "changes": [entry_to_dict(e) for e in page.changes]}


def push_result_from_dict(value: Any, where: str = "result") -> PushResult:
    obj = read_object(value, where)
    result = read_str(obj, "result", where, max_len=16)
    if result not in RESULTS:
        raise PayloadError(f"{where}.result: expected one of {', '.join(RESULTS)}")
    server_record = obj.get("server_record")
    if result == "conflict":
        record_from_dict(server_record, f"{where}.server_record")  # a conflict shows it to a person: it must read
    elif server_record is not None:
        raise PayloadError(f"{where}.server_record: only a conflict carries the server's copy")
    return PushResult(id=read_uuid(obj, "id", where), result=result,
                      server_version=read_int(obj, "server_version", where),
                      reason=read_str(obj, "reason", where, max_len=20000, optional=True), server_record=server_record)


def push_response_from_dict(value: Any) -> PushResponse:
    obj = read_object(value, "answer")
    return PushResponse(batch_id=read_uuid(obj, "batch_id", "answer"),
                        results=[push_result_from_dict(r, f"results[{i}]")
                                 for i, r in enumerate(read_list(obj, "results", "answer"))],
                        pull=pull_page_from_dict(obj["pull"]) if obj.get("pull") is not None else None)


def _status_change(obj: dict, where: str) -> StatusChange:
    return StatusChange(registration_id=read_uuid(obj, "registration_id", where),
                        server_version=read_int(obj, "server_version", where),
                        at=read_optional_time(obj, "at", where),
                        by=read_str(obj, "by", where, max_len=36, optional=True),
                        status=read_str(obj, "status", where, max_len=16),
                        note=read_str(obj, "note", where, max_len=2000, optional=True),
                        stage=read_str(obj, "stage", where, max_len=32, optional=True))


def _returned_change(obj: dict, where: str) -> ReturnedChange:
    return ReturnedChange(registration_id=read_uuid(obj, "registration_id", where),
                          server_version=read_int(obj, "server_version", where),
                          at=read_optional_time(obj, "at", where),
                          by=read_str(obj, "by", where, max_len=36, optional=True),
                          comment=read_str(obj, "comment", where, max_len=2000, optional=True) or "",
                          details=review_details_from(obj.get("details"), f"{where}.details"))


def _reference_change(obj: dict, where: str) -> ReferenceChange:
    return ReferenceChange(name=read_str(obj, "name", where, max_len=32), version=read_int(obj, "version", where),
                           sha256=read_sha256(obj, "sha256", where), size=read_int(obj, "size", where),
                           url=read_str(obj, "url", where, max_len=200))


def _limits_change(obj: dict, where: str) -> LimitsChange:
    return LimitsChange(max_waiting_review=read_int(obj, "max_waiting_review", where),
                        max_not_handed_over=read_int(obj, "max_not_handed_over", where),
                        max_days_since_handover=read_int(obj, "max_days_since_handover", where),
                        set_at=read_time(obj, "set_at", where))


def _record_change(obj: dict, where: str) -> RecordChange:
    return RecordChange(record=record_from_dict(obj.get("record"), f"{where}.record"))


MAX_KEY_LIST_CHARS = 16 * 1024 * 1024  # some 50,000 devices; a province has a few thousand


def _key_list_change(obj: dict, where: str) -> KeyListChange:
    return KeyListChange(document=read_str(obj, "document", where, max_len=MAX_KEY_LIST_CHARS),
                         signature=read_b64(obj, "signature", where, size=SIGNATURE_BYTES))


_CHANGE_READERS = {StatusChange.TYPE: _status_change, ReturnedChange.TYPE: _returned_change,
                   Account.TYPE: account_from_dict, ReferenceChange.TYPE: _reference_change,
                   LimitsChange.TYPE: _limits_change, RecordChange.TYPE: _record_change,
                   KeyListChange.TYPE: _key_list_change}


def change_from_dict(value: Any, where: str = "change") -> Change:
    """A change's own fields (``seq`` aside); raises PayloadError for a known type of the wrong shape."""
    obj = read_object(value, where)
    kind = obj.get("type")
    reader = _CHANGE_READERS.get(kind) if isinstance(kind, str) else None
    if reader is None:
        return UnknownChange(type=str(kind)[:32])
    return reader(obj, where)


def pull_page_from_dict(value: Any) -> PullPage:
    """A page of the feed. The page itself must be well formed (its cursor is stored); an entry that is not
    becomes an UnknownChange with the problem, so that one bad entry cannot stop every later sync."""
    obj = read_object(value, "page")
    entries = []
    for i, item in enumerate(read_list(obj, "changes", "page")):
        where = f"changes[{i}]"
        try:
            seq = read_int(read_object(item, where), "seq", where)
        except PayloadError:
            seq = 0
        try:
            change = change_from_dict(item, where)
        except PayloadError as exc:
            kind = item.get("type") if isinstance(item, dict) else None
            change = UnknownChange(type=str(kind)[:32], problem=str(exc))
        entries.append(FeedEntry(seq=seq, change=change))
    return PullPage(cursor=read_int(obj, "cursor", "page"), more=read_bool(obj, "more", "page"), changes=entries)


def health_from_dict(value: Any) -> Health:
    obj = read_object(value, "health")
    return Health(status=read_str(obj, "status", "health", max_len=16), protocol=read_int(obj, "protocol", "health"),
                  server_time=read_time(obj, "server_time", "health"))


def enrol_answer_from_dict(value: Any) -> EnrolAnswer:
    obj = read_object(value, "enrol")
    return EnrolAnswer(device_id=read_uuid(obj, "device_id", "enrol"),
                       device_token=read_str(obj, "device_token", "enrol", max_len=200),
                       server_time=read_time(obj, "server_time", "enrol"),
                       accounts=[account_from_dict(a, f"accounts[{i}]")
                                 for i, a in enumerate(read_list(obj, "accounts", "enrol"))],
                       root_key=read_public_key(obj, "root_key", "enrol", optional=True),
                       recovery_key=read_public_key(obj, "recovery_key", "enrol", optional=True))


def device_keys_answer_from_dict(value: Any) -> DeviceKeysAnswer:
    obj = read_object(value, "keys")
    return DeviceKeysAnswer(device_id=read_uuid(obj, "device_id", "keys"),
                            root_key=read_public_key(obj, "root_key", "keys"))


def session_answer_from_dict(value: Any) -> SessionAnswer:
    obj = read_object(value, "session")
    return SessionAnswer(token=read_str(obj, "token", "session", max_len=200),
                         expires_at=read_time(obj, "expires_at", "session"))


def missing_from_dict(value: Any) -> list[MissingFile]:
    obj = read_object(value, "status")
    out = []
    for i, item in enumerate(read_list(obj, "missing", "status")):
        entry = read_object(item, f"missing[{i}]")
        out.append(MissingFile(sha256=read_sha256(entry, "sha256", f"missing[{i}]"),
                               offset=read_int(entry, "offset", f"missing[{i}]")))
    return out


def files_answer_from_dict(value: Any) -> FilesAnswer:
    obj = read_object(value, "files")
    stored = read_list(obj, "stored", "files")
    for i, sha in enumerate(stored):
        read_sha256({"sha256": sha}, "sha256", f"stored[{i}]")
    refused = []
    for i, item in enumerate(read_list(obj, "refused", "files")):
        entry = read_object(item, f"refused[{i}]")
        refused.append(RefusedFile(sha256=read_sha256(entry, "sha256", f"refused[{i}]"),
                                   code=read_str(entry, "code", f"refused[{i}]", max_len=40)))
    return FilesAnswer(stored=list(stored), refused=refused)


def chunk_answer_from_dict(value: Any) -> ChunkAnswer:
    obj = read_object(value, "upload")
    return ChunkAnswer(sha256=read_sha256(obj, "sha256", "upload"), offset=read_int(obj, "offset", "upload"),
                       complete=read_bool(obj, "complete", "upload"))
