"""The real server's route functions behind the real sync client, without sockets: for contract tests.

``InProcessClient`` is a SyncClient whose one seam to the network (``_send``) hands the exact request bytes to the
same functions FastAPI calls for each route (body reading and gzip, the parsers, the services), and gives the
client back the bytes FastAPI would answer, an ApiError as its 4xx. Everything on either side of that seam is
production code. Every exchange is kept in ``exchanges`` as (method, path, request JSON, status, answer JSON).
"""

from __future__ import annotations

import asyncio
import gzip
import json
from types import SimpleNamespace

from fastapi.responses import JSONResponse, Response

from server.api import deps
from server.api.routes import attachments as attachment_routes
from server.api.routes import auth as auth_routes
from server.api.routes import pull as pull_routes
from server.api.routes import push as push_routes
from server.core.config import Settings
from server.core.db import make_engine, make_session_factory, transaction
from server.core.keys import Keyring
from server.core.migrate import upgrade
from server.errors import ApiError
from server.services import accounts, devices
from server.services.reference import CurrentRegions
from sync import compression
from sync.client import SyncClient
from sync.payload import API_PREFIX

URL = "http://in-process"
PASSWORD = "rahasia123"


class _Request:
    """What the routes read from a Starlette request: headers, the body stream and the app's state."""

    def __init__(self, app, headers: dict, raw: bytes):
        self.app, self._raw = app, raw
        self.headers = {k.lower(): v for k, v in headers.items()} | {"content-length": str(len(raw))}

    async def stream(self):
        yield self._raw


class InProcessServer:
    def __init__(self, folder):
        self.settings = Settings(data_dir=folder)
        self.engine = make_engine(self.settings)
        upgrade(self.engine)
        self.factory = make_session_factory(self.engine)
        self.app = SimpleNamespace(state=SimpleNamespace(settings=self.settings, session_factory=self.factory,
                                                         regions=CurrentRegions(self.settings.reference_dir),
                                                         keys=Keyring(self.settings)))
        self.users: dict[str, str] = {}

    @property
    def keys(self):
        return self.app.state.keys.get()

    def create_user(self, username: str, role: str = "officer", supervisor: str | None = None) -> str:
        with transaction(self.factory) as session:
            user = accounts.create_user(session=session, username=username, full_name=username.title(),
                                        password=PASSWORD, role=role, now=deps.utcnow(), supervisor=supervisor)
            self.users[username] = user.id
        return self.users[username]

    def enrol_code(self, for_user: str | None = None) -> str:
        """A one-time code; ``for_user`` names whose laptop it enrols (the accounts it then holds)."""
        with transaction(self.factory) as session:
            return devices.make_enrolment_code(session=session, now=deps.utcnow(), hours=1,
                                               user_id=self.users[for_user] if for_user else None)

    def client(self) -> InProcessClient:
        return InProcessClient(URL, server=self, give_up_after=0)

    def close(self) -> None:
        self.engine.dispose()

    # --- one request, as FastAPI would route it ------------------------------------------------------------

    def handle(self, method: str, path: str, raw: bytes, headers: dict, params: dict) -> tuple[int, bytes]:
        request = _Request(self.app, headers, raw)
        try:
            answer = self._route(method, path, request, params)
            return 200, answer.body if isinstance(answer, Response) else JSONResponse(answer).body
        except ApiError as exc:
            return exc.status, JSONResponse({"detail": exc.detail()}, status_code=exc.status).body

    def _route(self, method: str, path: str, request: _Request, params: dict):
        h = request.headers
        if (method, path) == ("POST", "/enrol"):
            return auth_routes.enrol(self._json(request), self.factory, self.keys, self.settings)
        dtoken = deps.device_token(h.get("authorization"))
        if (method, path) == ("POST", "/session"):
            return auth_routes.open_session(self._json(request), dtoken, self.factory, self.settings, self.keys)
        utoken = deps.user_token(h.get("x-user-token"))
        if (method, path) == ("POST", "/devices/keys"):
            return auth_routes.register_keys(self._json(request), dtoken, utoken, self.factory, self.keys)
        if (method, path) == ("POST", "/push"):
            answer = push_routes.push(self._json(request), request, dtoken, utoken, self.factory)
            if params and params.get("pull_cursor") is not None:
                answer = push_routes.with_pull(answer, self.factory, dtoken, utoken, int(params["pull_cursor"]))
            return answer
        if (method, path) == ("GET", "/pull"):
            return pull_routes.pull(dtoken, utoken, self.factory, cursor=int(params["cursor"]),
                                    limit=int(params["limit"]))
        if (method, path) == ("POST", "/attachments/status"):
            return attachment_routes.status(self._json(request), dtoken, utoken, self.factory, self.settings)
        if (method, path) == ("POST", "/attachments/files"):
            return asyncio.run(attachment_routes.upload_files(request, self.settings))
        if method == "PUT" and path.startswith("/attachments/"):
            return asyncio.run(attachment_routes.upload(path.rsplit("/", 1)[1], request, self.settings,
                                                        h.get("content-range")))
        raise ApiError(404, "not_found", f"{method} {path}")

    def _json(self, request: _Request) -> deps.Body:
        raw = asyncio.run(deps.read_body(request, self.settings.max_body_bytes))
        encoding = request.headers.get("content-encoding", "identity").strip().lower()
        return deps.Body(raw, encoding, self.settings.max_json_bytes, self.settings.max_json_containers)


class InProcessClient(SyncClient):
    def __init__(self, *args, server: InProcessServer, **kw):
        kw.setdefault("allow_plain_http", True)  # no network at all: the URL is only a name
        super().__init__(*args, **kw)
        self.server = server
        self.exchanges: list[tuple[str, str, object, int, object]] = []
        self.tamper = None  # (method, path, answer) -> answer: a test's stand-in for a broken server

    def _send(self, method, url, data, headers, params):
        raw = b""
        while data is not None and (block := data.read()):
            raw += block
        path = url.removeprefix(URL).removeprefix(API_PREFIX)
        status, body = self.server.handle(method, path, raw, headers, params or {})
        if self.tamper is not None:
            status, body = self.tamper(method, path, status, body)
        self.exchanges.append((method, path, _json_of(raw, headers), status, _json_of(body, {})))
        headers = {"Content-Type": "application/json"}
        if path == "/session" and status == 200:
            # The seal, as the real server announces it (server/main.py); not its compression, whose bodies the
            # exchanges here are read without.
            headers[compression.ACCEPTS_HEADER] = compression.BATCH_SEAL
        response = SimpleNamespace(status_code=status, headers=headers, raw=SimpleNamespace(tell=lambda: len(body)))
        return response, body


def _json_of(raw: bytes, headers: dict):
    if headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw
