"""What a batch file's payload and a receipt's payload hold, read as strictly as the server reads a push: anything
of the wrong shape refuses the whole file. Shared with the central server (``jemput-server import-batch``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.batch import BatchError, Manifest
from sync.handover.errors import BatchRefused
from sync.payload import (PayloadError, Record, loads, read_int, read_list, read_object, read_str, read_uuid,
                          record_from_dict, review_details_from)
from sync.strict import read_optional_time, read_sha256

SERVER_KEY_ID = "server"  # the recipient id of the central server's batch key, and the sender of its receipts


@dataclass(frozen=True)
class Payload:
    batch_id: str
    records: list[Record]
    hashes: list[str]  # each record's content hash, computed once
    raw: dict[str, dict]  # each record's JSON as the sender wrote it (what a relay pushes)


def batch_payload(payload: bytes, manifest: Manifest, name: str) -> Payload:
    """The push body's batch id and records; the manifest (checked by the format) must list exactly them."""
    try:
        obj = read_object(loads(payload), "push")
        batch_id = read_uuid(obj, "batch_id", "push")
        items = obj.get("records")
        if not isinstance(items, list):
            raise PayloadError("push.records: expected a list")
        records = [record_from_dict(item, f"records[{i}]") for i, item in enumerate(items)]
        if len({r.id for r in records}) != len(records):
            raise PayloadError("push.records: the same id twice")
    except PayloadError as exc:
        raise BatchRefused("bad_record", name=name, reason=str(exc)) from None
    hashes = [r.content_hash() for r in records]
    listed = [(e.id, e.version, e.content_hash) for e in manifest.records]
    if listed != [(r.id, r.version, h) for r, h in zip(records, hashes)]:
        raise BatchRefused.of(BatchError("tampered", name=name))
    return Payload(batch_id, records, hashes, {r.id: item for r, item in zip(records, items)})


@dataclass(frozen=True)
class Arrived:
    """A record version a receipt says arrived, and in which batch file."""

    id: str
    version: int
    content_hash: str
    file_id: str


@dataclass(frozen=True)
class Decision:
    """Where a record stands on the importing laptop: the supervisor's decision, a return, central's status."""

    id: str
    status: str
    server_version: int
    review_comment: str | None
    review_details: dict | None
    stage: str | None
    status_note: str | None
    by: str | None
    at: str | None


@dataclass(frozen=True)
class ReceiptContent:
    answers: tuple[str, ...]  # the batch file ids it answers
    arrived: tuple[Arrived, ...]
    decisions: tuple[Decision, ...]


RECEIPT_FORMAT = "jemput-receipt/1"


def receipt_payload(content: ReceiptContent) -> dict[str, Any]:
    return {"format": RECEIPT_FORMAT, "answers": list(content.answers),
            "arrived": [{"id": a.id, "version": a.version, "content_hash": a.content_hash, "file_id": a.file_id}
                        for a in content.arrived],
            "decisions": [{"id": d.id, "status": d.status, "server_version": d.server_version,
                           "review_comment": d.review_comment, "review_details": d.review_details,
                           "stage": d.stage, "status_note": d.status_note, "by": d.by, "at": d.at}
                          for d in content.decisions]}


def read_receipt(payload: bytes, name: str) -> ReceiptContent:
    try:
        obj = read_object(loads(payload), "receipt")
        if obj.get("format") != RECEIPT_FORMAT:
            raise PayloadError(f"receipt.format: expected {RECEIPT_FORMAT}")
        answers = read_list(obj, "answers", "receipt")
        for i, _ in enumerate(answers):
            read_uuid({"id": answers[i]}, "id", f"receipt.answers[{i}]")
        arrived = []
        for i, item in enumerate(read_list(obj, "arrived", "receipt")):
            where = f"receipt.arrived[{i}]"
            item = read_object(item, where)
            arrived.append(Arrived(read_str(item, "id", where, max_len=36), read_int(item, "version", where),
                                   read_sha256(item, "content_hash", where), read_uuid(item, "file_id", where)))
        decisions = []
        for i, item in enumerate(read_list(obj, "decisions", "receipt")):
            where = f"receipt.decisions[{i}]"
            item = read_object(item, where)
            decisions.append(Decision(
                id=read_str(item, "id", where, max_len=36), status=read_str(item, "status", where, max_len=16),
                server_version=read_int(item, "server_version", where),
                review_comment=_optional_str(item, "review_comment", where),
                review_details=review_details_from(item.get("review_details"), f"{where}.review_details"),
                stage=_optional_str(item, "stage", where, 32), status_note=_optional_str(item, "status_note", where),
                by=_optional_str(item, "by", where, 36), at=read_optional_time(item, "at", where)))
    except PayloadError as exc:
        raise BatchRefused("bad_record", name=name, reason=str(exc)) from None
    return ReceiptContent(tuple(answers), tuple(arrived), tuple(decisions))


def _optional_str(obj: dict, key: str, where: str, max_len: int = 10_000) -> str | None:
    if obj.get(key) is None:
        return None
    return read_str(obj, key, where, max_len=max_len)
