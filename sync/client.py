"""HTTP for the sync protocol (PROTOCOL.md): one persistent session, timeouts, gzip bodies, retries, cancel.

Everything the laptop says to the server goes through ``SyncClient.call``. A connection error, a timeout or a
5xx is retried with backoff until the link returns (or ``give_up_after`` seconds pass without an answer); a 4xx is
never retried, because the server has said no and saying it again changes nothing. Every request in the protocol
is safe to repeat, so a retry never needs to know how far the lost attempt got.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import requests
import urllib3

from sync.answers import (ChunkAnswer, DeviceKeysAnswer, EnrolAnswer, FilesAnswer, Health, MissingFile, PullPage,
                          PushResponse, SessionAnswer, chunk_answer_from_dict, device_keys_answer_from_dict,
                          enrol_answer_from_dict, files_answer_from_dict, health_from_dict, missing_from_dict,
                          pull_page_from_dict, push_response_from_dict, session_answer_from_dict)
from sync import compression
from sync.backoff import Backoff, Cancelled, check, wait
from sync.file_frames import CONTENT_TYPE as FILES_TYPE
from sync.payload import (API_PREFIX, PayloadError, PublicKeys, Record, Seal, compact_history, dumps, gzip_bytes,
                          loads, to_dict, wire_dict)
from sync.tls_sessions import ResumingAdapter
from sync.transport import plain_http_refused

COMPRESS_ABOVE = 1024  # PROTOCOL.md: bodies over 1 KB go compressed (zstd with a dictionary, or gzip)
SEND_BLOCK = 16 * 1024  # how often an upload looks at the cancel event: a fraction of a second even on 2G
DEFAULT_TIMEOUT = (10.0, 90.0)  # connect, read: a 2G tower can take seconds to answer, a full push longer


MESSAGES_ID = {
    "bad_login": "Nama pengguna atau kata sandi salah menurut server.",
    "bad_user": "Sesi di server berakhir. Masuk lagi lalu sinkronkan.",
    "device_revoked": "Laptop ini sudah dicabut dari server. Hubungi administrator.",
    "bad_device": "Laptop ini tidak dikenal server. Daftarkan ulang dengan kode baru dari administrator.",
    "bad_code": "Kode pendaftaran salah, kedaluwarsa, atau sudah dipakai.",
    "not_enrolled": "Laptop ini belum didaftarkan ke server.",
    "plain_http": ("Alamat server memakai http:// tanpa enkripsi. Pakai alamat https:// dari administrator; "
                   "hanya administrator yang dapat mengizinkan http:// di laptop ini."),
    "tls_failed": ("Sertifikat server tidak dapat dipercaya ({detail}). Data tetap aman di laptop. Periksa alamat "
                   "server, atau minta administrator memasang sertifikat provinsi di laptop ini."),
    "offline": "Server tidak dapat dihubungi. Data tetap aman di laptop; sinkronkan lagi nanti.",
    "bad_answer": ("Jawaban server tidak dapat dibaca ({detail}). Data tetap aman di laptop; bila terulang, "
                   "hubungi administrator (mungkin versi server tidak cocok)."),
}
REFUSED_ID = "Server menolak permintaan (HTTP {status})."  # a 4xx that says nothing more (a proxy, a wrong path)


class SyncError(Exception):
    """The sync stopped for a reason the officer should see; ``code`` is stable for the UI to translate."""

    def __init__(self, code: str, message: str, *, status: int = 0, detail: dict | None = None):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        self.detail = detail or {}

    def text(self, language: str = "id") -> str:
        """What to tell the officer; the codes the protocol names have Indonesian wording here because sync/ is
        outside the Qt translation areas."""
        if language == "id" and self.code in MESSAGES_ID:
            return MESSAGES_ID[self.code].format(detail=self.detail.get("problem", ""))
        if language == "id" and not self.message and self.status:
            return REFUSED_ID.format(status=self.status)
        return self.message or self.code


class Refused(SyncError):
    """The server answered 4xx: retrying the same request cannot help."""


class Offline(SyncError):
    """No answer from the server for longer than the client was told to keep trying."""


class BadAnswer(SyncError):
    """The server answered with JSON of the wrong shape (another protocol version, or a bug): retrying the same
    request would get the same answer, so the sync stops here, with nothing on the laptop changed."""

    def __init__(self, path: str, problem: str):
        super().__init__("bad_answer", f"The answer to {path} cannot be read: {problem}", detail={"problem": problem})


def _read(parse, answer: dict, path: str):
    try:
        return parse(answer)
    except PayloadError as exc:
        raise BadAnswer(path, str(exc)) from None


class _Transient(Exception):
    def __init__(self, why: str, retry_after: float | None = None):
        super().__init__(why)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Encoded:
    """A JSON body ready to send: its bytes on the wire, the headers that say how, and its size as JSON."""
    data: bytes
    headers: dict[str, str]
    json_size: int


class _CancellableBody:
    """A request body that counts what the socket took and stops between blocks when the event is set."""

    def __init__(self, data: bytes, cancel: threading.Event | None, counter: SyncClient):
        self._view = memoryview(data)
        self._pos = 0
        self._cancel = cancel
        self._counter = counter

    def __len__(self) -> int:
        return len(self._view)

    def read(self, size: int = -1) -> bytes:
        check(self._cancel)
        size = SEND_BLOCK if size is None or size < 0 else min(size, SEND_BLOCK)
        block = self._view[self._pos:self._pos + size].tobytes()
        self._pos += len(block)
        self._counter.count(bytes_up=len(block), body_bytes_up=len(block))
        return block


@dataclass
class SyncClient:
    server_url: str
    device_token: str | None = None
    cancel: threading.Event | None = None
    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    give_up_after: float | None = 600.0  # seconds of failed tries before Offline; None: until cancelled
    backoff: Backoff = field(default_factory=Backoff)
    user_token: str | None = None
    bytes_up: int = 0
    bytes_down: int = 0
    body_bytes_up: int = 0
    requests: int = 0
    retries: int = 0
    # sync/transport.py: True (the system's certificate authorities) or the pinned certificate file; and whether
    # http:// to another machine is allowed (else only loopback).
    verify: bool | str = True
    allow_plain_http: bool = False
    # What the server said it reads (sync/compression.py), from its session answer: until then gzip, full records.
    history_ref: bool = False
    zstd_dictionary: str | None = None
    batch_seal: bool = False  # seal a batch once rather than sign each record (sync/signing.py)

    def __post_init__(self) -> None:
        # The push has two requests on the wire at once (sync/engine.py), each on a thread of its own: the
        # counters are added to under this lock, and each call keeps its own backoff.
        self._counting = threading.Lock()
        self.server_url = self.server_url.rstrip("/")
        if plain_http_refused(self.server_url, self.allow_plain_http):
            raise Refused("plain_http", f"Plain HTTP to {self.server_url} is not allowed on this laptop.")
        self.http = requests.Session()
        self.http.verify = self.verify
        if self.verify is not False:
            self.http.mount("https://", ResumingAdapter(self.verify))  # TLS sessions resumed across syncs
        self.http.headers.update({"Accept-Encoding": "gzip", "User-Agent": "jemput-bola-sync/1"})

    def close(self) -> None:
        self.http.close()

    # --- the protocol's requests ---------------------------------------------------------------------------

    def health(self) -> Health:
        # Unauthenticated: the probe (sync/connectivity.py) has no device token and must still see the server.
        return _read(health_from_dict, self.call("GET", "/health", api=False, auth=False, retry=False), "GET /health")

    def enrol(self, code: str, device_name: str, keys: PublicKeys | None = None) -> EnrolAnswer:
        body = {"code": code, "device_name": device_name} | (to_dict(keys) if keys else {})
        answer = self.call("POST", "/enrol", body=body, auth=False)
        return _read(enrol_answer_from_dict, answer, "POST /enrol")

    def register_keys(self, keys: PublicKeys) -> DeviceKeysAnswer:
        answer = self.call("POST", "/devices/keys", body=to_dict(keys))
        return _read(device_keys_answer_from_dict, answer, "POST /devices/keys")

    def open_session(self, username: str, password: str) -> SessionAnswer:
        answer = self.call("POST", "/session", body={"username": username, "password": password}, user=False)
        session = _read(session_answer_from_dict, answer, "POST /session")
        self.user_token = session.token
        return session

    def encode_push(self, batch_id: str, records: list[Record], seal: Seal | None = None) -> Encoded:
        """A push body, encoded as this server reads it best; safe to call on another thread than the sending one
        (the sync engine builds the next batch while the server works on the last)."""
        dicts = [wire_dict(r) for r in records]
        if self.history_ref:
            dicts = [compact_history(d) for d in dicts]
        body = {"batch_id": batch_id, "records": dicts}
        if seal is not None:
            body["seal"] = to_dict(seal)
        return self.encode(body)

    def encode(self, body: Any) -> Encoded:
        raw = dumps(body)
        headers = {"Content-Type": "application/json"}
        if len(raw) <= COMPRESS_ABOVE:
            return Encoded(raw, headers, len(raw))
        if self.zstd_dictionary:
            headers |= {"Content-Encoding": "zstd", compression.DICTIONARY_HEADER: self.zstd_dictionary}
            return Encoded(compression.zstd_bytes(raw, self.zstd_dictionary), headers, len(raw))
        return Encoded(gzip_bytes(raw), headers | {"Content-Encoding": "gzip"}, len(raw))

    def push(self, batch_id: str, records: list[Record], encoded: Encoded | None = None,
             pull_cursor: int | None = None) -> PushResponse:
        """``encoded``: the body ``encode_push`` made of these records and batch id, if the caller has it.
        ``pull_cursor``: ask for the pull's page from there in the same answer (a server from before it answers
        without one)."""
        encoded = encoded or self.encode_push(batch_id, records)
        params = {"pull_cursor": pull_cursor} if pull_cursor is not None else None
        answer = _read(push_response_from_dict, self.call("POST", "/push", encoded=encoded, params=params),
                       "POST /push")
        if answer.batch_id != batch_id:
            raise BadAnswer("POST /push", f"the answer is for batch {answer.batch_id}, not {batch_id}")
        return answer

    def attachment_status(self, hashes: list[str]) -> list[MissingFile]:
        answer = self.call("POST", "/attachments/status", body={"hashes": hashes})
        return _read(missing_from_dict, answer, "POST /attachments/status")

    def put_chunk(self, sha256: str, start: int, total: int, chunk: bytes) -> ChunkAnswer:
        headers = {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{total}",
                   "Content-Type": "application/octet-stream"}
        answer = self.call("PUT", f"/attachments/{sha256}", raw=chunk, headers=headers)
        return _read(chunk_answer_from_dict, answer, f"PUT /attachments/{sha256[:12]}")

    def put_files(self, body: bytes) -> FilesAnswer:
        """Several whole files in one framed body (sync/file_frames.py). Not retried here: after a cut the server
        keeps the files that were whole, so the caller asks which are still missing instead of sending all again
        (``Offline`` at the first transient failure)."""
        answer = self.call("POST", "/attachments/files", raw=body, headers={"Content-Type": FILES_TYPE}, retry=False)
        return _read(files_answer_from_dict, answer, "POST /attachments/files")

    def pull(self, cursor: int, limit: int = 500) -> PullPage:
        answer = self.call("GET", "/pull", params={"cursor": cursor, "limit": limit})
        return _read(pull_page_from_dict, answer, "GET /pull")

    def fetch_range(self, url: str, start: int, end: int) -> tuple[int, int | None, bytes]:
        """Bytes ``start..end`` (inclusive) of a download at ``url`` (a path from the feed, e.g.
        /api/v1/reference/regions/3): (where the bytes start, the file's total size or None, the bytes). A server
        that ignores the range answers the whole file from 0."""
        answer = self.call("GET", url, api=False, headers={"Range": f"bytes={start}-{end}"}, binary=True)
        match = _CONTENT_RANGE.match(answer["headers"].get("Content-Range", ""))
        if answer["status"] == 206 and match:
            return int(match.group(1)), int(match.group(3)), answer["content"]
        if answer["status"] == 200:
            return 0, len(answer["content"]), answer["content"]
        raise _unexpected(answer["status"])

    # --- machinery -------------------------------------------------------------------------------------------

    def count(self, **amounts: int) -> None:
        """Adds to the counters named (bytes_up, requests, ...), safely from several threads."""
        with self._counting:
            for name, amount in amounts.items():
                setattr(self, name, getattr(self, name) + amount)

    def call(self, method: str, path: str, *, body: Any = None, raw: bytes | None = None,
             headers: dict | None = None, params: dict | None = None, api: bool = True, auth: bool = True,
             user: bool = True, retry: bool = True, binary: bool = False, encoded: Encoded | None = None) -> dict:
        """One request, repeated after transient failures; returns the JSON answer or raises SyncError.
        ``binary``: the answer is raw bytes, returned as ``{status, headers, content}``."""
        headers = dict(headers or {})
        if body is not None:
            encoded = self.encode(body)
        if encoded is not None:
            raw = encoded.data
            headers |= encoded.headers
        if auth:
            if not self.device_token:
                raise SyncError("not_enrolled", "This laptop is not enrolled with a server.")
            headers["Authorization"] = f"Device {self.device_token}"
            if user and self.user_token:
                headers["X-User-Token"] = self.user_token
        url = self.server_url + (API_PREFIX if api else "") + path
        backoff = dataclasses.replace(self.backoff, attempt=0)
        first_failure: float | None = None
        while True:
            check(self.cancel)
            try:
                return self._once(method, url, raw, headers, params, binary)
            except _Transient as exc:
                now = time.monotonic()
                first_failure = first_failure or now
                if not retry or (self.give_up_after is not None and now - first_failure > self.give_up_after):
                    raise Offline("offline", f"The server cannot be reached ({exc}).") from None
                self.count(retries=1)
                delay = backoff.next_delay()
                wait(self.cancel, max(delay, min(exc.retry_after or 0, 60)))

    def _send(self, method, url, data, headers, params):
        def send():
            # verify per request: a Session's own verify loses to REQUESTS_CA_BUNDLE in the environment
            # (requests issue 3829), and a pinned certificate must not be overridden by an environment variable.
            response = self.http.request(method, url, data=data, headers=headers, params=params,
                                         timeout=self.timeout, allow_redirects=False, verify=self.verify)
            return response, response.content

        if self.cancel is None:
            return send()
        # On a slow link the kernel's send buffer swallows a whole chunk and the wait is for the answer, where
        # requests cannot be interrupted: the request runs on a helper thread that a cancel abandons (every
        # request is safe to repeat, so whatever the server still does with it is harmless).
        outcome: list = []
        done = threading.Event()

        def worker():
            try:
                outcome.append(("ok", send()))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread as is
                outcome.append(("error", exc))
            done.set()

        threading.Thread(target=worker, daemon=True, name="sync-request").start()
        while not done.wait(0.1):
            check(self.cancel)
        kind, value = outcome[0]
        if kind == "error":
            raise value
        return value

    def _once(self, method: str, url: str, raw: bytes | None, headers: dict, params: dict | None,
              binary: bool = False) -> dict:
        self.count(requests=1, bytes_up=_head_size(method, url, headers, params))
        data = _CancellableBody(raw, self.cancel, self) if raw is not None else None
        try:
            response, content = self._send(method, url, data, headers, params)
        except Cancelled:
            raise
        except requests.exceptions.SSLError as exc:
            # Not transient: a certificate that does not verify will not verify on the next try, and retrying
            # would only hide from the officer that the link is not the province's.
            raise Refused("tls_failed", _tls_reason(exc), detail={"problem": _tls_reason(exc)}) from None
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError, urllib3.exceptions.HTTPError, OSError) as exc:
            raise _Transient(type(exc).__name__) from None
        self.count(bytes_down=response.raw.tell() + sum(len(k) + len(v) + 4 for k, v in response.headers.items()) + 17)
        status = response.status_code
        accepts = response.headers.get(compression.ACCEPTS_HEADER)
        if accepts is not None and status < 400:
            self.history_ref, self.zstd_dictionary = compression.announced(accepts)
            self.batch_seal = compression.BATCH_SEAL in compression.announced_tokens(accepts)
        # Only these are transient: a 429 (``locked``) is a refusal whose Retry-After is the lock's length, and
        # resending the password would only be refused again, so it falls through to Refused like every 4xx.
        if status >= 500 or status == 408:
            retry_after = response.headers.get("Retry-After", "")
            raise _Transient(f"HTTP {status}", float(retry_after) if retry_after.isdigit() else None)
        delimited = "Content-Length" in response.headers or "Transfer-Encoding" in response.headers
        if status < 400 and not content and not delimited:
            # The link was cut inside the headers: http.client takes the end of the connection for the end of the
            # headers and of an undelimited body, so a cut looks like an empty answer. The server delimits every
            # answer, so this one was lost on the way: ask again (bench/fleet.py met it).
            raise _Transient(f"HTTP {status} cut before its body")
        if binary and status < 400:
            return {"status": status, "headers": response.headers, "content": content}
        try:
            answer = loads(content) if content else {}
        except PayloadError:
            if status < 400:
                raise _Transient(f"HTTP {status} with an unreadable body") from None
            answer = {}
        if status >= 400:
            detail = answer.get("detail") if isinstance(answer, dict) else None
            detail = detail if isinstance(detail, dict) else {"message": str(detail or "")}
            raise Refused(str(detail.get("code") or f"http_{status}"), str(detail.get("message") or ""),
                          status=status, detail=detail)
        if not isinstance(answer, dict):
            # JSON, so a server did answer, just not in this protocol: asking again gets the same.
            raise BadAnswer(f"{method} {url.removeprefix(self.server_url)}", "expected a JSON object")
        return answer


def _tls_reason(exc: Exception) -> str:
    text = str(exc)
    for known in ("CERTIFICATE_VERIFY_FAILED", "certificate verify failed", "hostname mismatch", "WRONG_VERSION_NUMBER"):
        if known in text:
            return known.lower().replace("_", " ")
    return type(exc).__name__


_CONTENT_RANGE = re.compile(r"^bytes ([0-9]+)-([0-9]+)/([0-9]+)$")


def _unexpected(status: int) -> SyncError:
    return SyncError(f"http_{status}", f"Unexpected answer HTTP {status} to a download.", status=status)


def _head_size(method: str, url: str, headers: dict, params: dict | None) -> int:
    """An estimate of the request line and headers (the proxy in the tests counts the real bytes)."""
    query = sum(len(str(k)) + len(str(v)) + 2 for k, v in (params or {}).items())
    return len(method) + len(url) + query + 12 + sum(len(k) + len(str(v)) + 4 for k, v in headers.items()) + 120

