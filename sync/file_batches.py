"""Small files (signatures, thumbprints, photos up to a chunk) several to a request: ``POST /attachments/files``.

One request carries up to ``FILES_BODY_BYTES`` of whole files, so that 1,000 signatures cost a handful of round
trips instead of 1,000. The server stores each file as soon as it is whole and checked; after a cut the laptop
asks which of the body's files are still missing and sends only those, so a cut costs the file in flight, like a
chunk. Files a server older than this request cannot take (404/405), or that it refuses as a body, go the chunked
way (sync/uploads.py), which has its own answers for each file.
"""

from __future__ import annotations

import time

from app.attachments import AttachmentProblem
from sync.backoff import Backoff, check, wait
from sync.client import Offline, Refused
from sync.file_frames import frame_files, payload_bytes_within
from sync.payload import CHUNK_SIZE

SMALL_FILE_MAX = CHUNK_SIZE  # bigger files go in chunks: a cut then still costs at most one chunk
FILES_BODY_BYTES = 4 * 1024 * 1024  # per request (the server takes up to 8 MB)
FILES_PER_BODY = 1000


def is_small(size: int, offset: int) -> bool:
    """A file that goes whole in a multi-file body: small, and not half sent the chunked way already."""
    return offset == 0 and size <= SMALL_FILE_MAX


def send_small_files(client, store, files: list[tuple[str, int]], *, cancel, result, call, mark_uploaded,
                     progress) -> list[tuple[str, int, int]]:
    """Sends ``files`` ((sha256, size), none on the server yet); returns (sha256, size, offset) of those left for
    the chunked way."""
    queue = list(files)
    result.file_bytes += sum(size for _sha, size in files)
    backoff = Backoff(base=client.backoff.base, cap=client.backoff.cap)
    first_failure: float | None = None
    leftover: list[tuple[str, int, int]] = []
    while queue:
        check(cancel)
        batch, body_size = [], 0
        while queue and len(batch) < FILES_PER_BODY and (not batch or body_size + queue[0][1] <= FILES_BODY_BYTES):
            batch.append(queue.pop(0))
            body_size += batch[-1][1]
        framed = []
        for sha, size in batch:
            try:
                framed.append((sha, store.read(sha)))
            except AttachmentProblem as exc:
                result.problems.append(exc.text("en"))
        if not framed:
            continue
        sizes = [(sha, len(data)) for sha, data in framed]
        before = client.body_bytes_up
        try:
            answer = call(client.put_files, frame_files(framed))
        except Offline:
            taken = client.body_bytes_up - before
            now = time.monotonic()
            first_failure = first_failure or now
            if client.give_up_after is not None and now - first_failure > client.give_up_after:
                raise
            wait(cancel, backoff.next_delay())
            # The files that were whole before the cut are stored: only the rest goes again.
            still = {m.sha256: m.offset for m in call(client.attachment_status, [sha for sha, _ in sizes])}
            arrived = [sha for sha, _ in sizes if sha not in still]
            # The server reads the body in order, so nothing after the first file it lacks reached it: those bytes
            # went no further than this laptop's socket buffer. On the wire were the stored files and the one in
            # flight, at most as much as the socket took.
            in_flight = next((i for i, (sha, _) in enumerate(sizes) if sha in still), len(sizes))
            result.chunk_bytes_sent += payload_bytes_within(sizes[:in_flight + 1], taken)
            mark_uploaded(arrived)
            result.files_sent += len(arrived)
            progress(len(arrived))
            again = [(sha, size, still[sha]) for sha, size in sizes if sha in still]
            queue[:0] = [(sha, size) for sha, size, offset in again if is_small(size, offset)]
            leftover += [entry for entry in again if not is_small(entry[1], entry[2])]
            continue
        except Refused as exc:
            result.chunk_bytes_sent += payload_bytes_within(sizes, client.body_bytes_up - before)
            result.file_bytes -= sum(size for _sha, size in sizes + queue)  # counted again by the chunked way
            leftover += [(sha, size, 0) for sha, size in sizes + queue]
            if exc.status not in (404, 405):
                result.problems.append(f"POST /attachments/files: {exc.code}")
            return leftover
        first_failure = None
        backoff.reset()
        result.chunk_bytes_sent += sum(size for _sha, size in sizes)
        stored = [sha for sha in answer.stored if sha in dict(sizes)]
        mark_uploaded(stored)
        result.files_sent += len(stored)
        result.problems += [f"{r.sha256[:12]}: {r.code}" for r in answer.refused]
        progress(len(sizes))
    return leftover
