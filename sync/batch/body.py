"""The reader's side of the plaintext body: takes decrypted chunks in order and splits them into the manifest, the
payload (kept in memory) and the attachments (staged as files, each checked against its SHA-256).

A problem with the content (a manifest that does not match the header, a wrong hash) is kept in ``problem``
rather than raised at once: the reader still hashes the rest of the file, so that a file not signed by its
sender is refused as that, and a signed file with a wrong part as what is wrong with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import sync.batch.manifest as manifests
from sync.batch.errors import disk_error
from sync.batch.header import BatchHeader
from sync.batch.manifest import Manifest


class BodyProblem(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class BodyReader:
    def __init__(self, header: BatchHeader, staging: Path):
        self._header = header
        self._staging = staging
        self.problem: BodyProblem | None = None
        self.manifest: Manifest | None = None
        self._stage = "length"
        self._want = manifests.LENGTH.size
        self._buffer = bytearray()
        self._payload = bytearray()
        self._next_attachment = 0
        self._handle = None
        self._hash = None
        self._part: Path | None = None
        self._staged: dict[str, Path] = {}
        self._created: list[Path] = []

    def feed(self, chunk: bytes) -> None:
        try:
            view = memoryview(chunk)
            while view:
                view = self._take(view)
        except BodyProblem as exc:
            self.problem = exc
            self.discard()
            raise
        except OSError as exc:  # writing to the staging folder: the laptop's disk, not the stick
            self.discard()
            raise disk_error(exc, str(self._staging)) from exc

    def close(self) -> None:
        """The body ended: every part must be complete."""
        if self._stage != "done":
            self.problem = BodyProblem("tampered")
            self.discard()

    def payload(self) -> bytes:
        return bytes(self._payload)

    def staged(self) -> dict[str, Path]:
        return dict(self._staged)

    def discard(self) -> None:
        """Removes everything staged, so the staging folder is as empty as it was."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
        for path in self._created:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        self._staged.clear()

    def _take(self, view: memoryview) -> memoryview:
        piece, rest = view[:self._want], view[self._want:]
        self._want -= len(piece)
        if self._stage in ("length", "manifest"):
            self._buffer += piece
        elif self._stage == "payload":
            self._payload += piece
            self._hash.update(piece)
        elif self._stage == "attachment":
            self._handle.write(piece)
            self._hash.update(piece)
        else:
            raise BodyProblem("tampered")  # bytes after the last part
        if self._want == 0:
            self._part_complete()
        return rest

    def _part_complete(self) -> None:
        if self._stage == "length":
            (length,) = manifests.LENGTH.unpack(self._buffer)
            if length > manifests.MAX_MANIFEST_BYTES or length > self._header.bytes:
                raise BodyProblem("tampered")
            self._stage, self._want, self._buffer = "manifest", length, bytearray()
        elif self._stage == "manifest":
            self.manifest = self._checked_manifest(bytes(self._buffer))
            self._buffer = bytearray()
            self._stage, self._want, self._hash = "payload", self.manifest.payload_size, hashlib.sha256()
        elif self._stage == "payload":
            if self._hash.hexdigest() != self.manifest.payload_sha256:
                raise BodyProblem("tampered")
            self._start_attachment()
        elif self._stage == "attachment":
            self._finish_attachment()
            self._start_attachment()
        # A part of zero bytes is complete as soon as it starts.
        if self._want == 0 and self._stage != "done":
            self._part_complete()

    def _checked_manifest(self, text: bytes) -> Manifest:
        try:
            manifest = manifests.decode(text)
        except (UnicodeDecodeError, ValueError):
            raise BodyProblem("tampered") from None
        header = self._header
        if (len(manifest.records) != header.records or len(manifest.attachments) != header.attachments
                or manifest.body_size(len(text)) != header.bytes):
            raise BodyProblem("tampered")
        return manifest

    def _start_attachment(self) -> None:
        if self._next_attachment == len(self.manifest.attachments):
            self._stage, self._want = "done", 0
            return
        entry = self.manifest.attachments[self._next_attachment]
        self._part = self._staging / f"{entry.sha256}.part"
        self._created.append(self._part)
        self._handle = open(self._part, "wb")
        self._stage, self._want, self._hash = "attachment", entry.size, hashlib.sha256()

    def _finish_attachment(self) -> None:
        entry = self.manifest.attachments[self._next_attachment]
        handle, self._handle = self._handle, None
        try:
            handle.flush()
            # Durable before the caller moves it into place on commit: a power cut then must not leave a hole.
            os.fsync(handle.fileno())
        finally:
            handle.close()
        if self._hash.hexdigest() != entry.sha256:
            raise BodyProblem("bad_attachment")
        final = self._staging / entry.sha256
        self._created.append(final)
        os.replace(self._part, final)
        self._staged[entry.sha256] = final
        self._next_attachment += 1
