"""The FastAPI application: ``create_app(settings)`` builds one; Uvicorn serves it (see server.cli)."""

from __future__ import annotations

import logging
import os
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import collector
from server.api.deps import utcnow
from server.api import openapi
from server.api.main import api_router
from server.api.schemas import Error as ErrorModel, Health as HealthModel
from server.core.config import Settings, settings_from_env
from server.core.at_rest import seal_plain_attachments
from server.core.db import make_engine, make_session_factory
from server.core.gates import Gates, LowPriorityThread
from server.core.health import WriteProbe
from server.core import logs
from server.core.keys import Keyring
from server.core.rate_limit import RateLimiter
from server.errors import ApiError
from server.services.reference import CurrentRegions
from sync import compression
from sync.answers import Health
from sync.payload import API_PREFIX, PROTOCOL_VERSION, format_time, to_dict

log = logging.getLogger(__name__)


# Applying a push is CPU work under one GIL: forty threads at it made each push forty times slower, and the one
# holding the feed lock (feed.add_all) waited for the GIL while every other writer waited for it (bench/fleet.py:
# p95 11 s with 200 laptops). A password check is deliberately hard work (Argon2id, 46 MiB) that leaves the GIL:
# two hundred laptops logging in at the start of the day took both cores from the pushes, so the checks run one at
# a time in a thread of lower priority (server.api.deps.with_low_priority).
PUSHES_AT_ONCE = 2
ENV_WORKERS = "JEMPUT_SERVER_WORKERS"  # set by ``serve --workers``: how many processes share the limits


def app_from_env() -> FastAPI:
    """The app of one worker process under ``serve --workers N``: Uvicorn starts each worker afresh and calls this
    there, so every worker builds its own engine and pool (a connection must never cross a fork). The settings
    come from the environment ``serve`` set before starting them; the schema was migrated once, before."""
    settings = settings_from_env()
    logs.configure(settings, to_stderr=True)
    app = create_app(settings, workers=int(os.environ.get(ENV_WORKERS, "1") or 1))
    collector.settle()  # a serving process (app/collector.py)
    return app


def create_app(settings: Settings, *, workers: int = 1) -> FastAPI:
    app = FastAPI(title="Jemput Bola central server", version=f"protocol {PROTOCOL_VERSION}",
                  description="Sync API for the Jemput Bola laptops (sync/PROTOCOL.md).")
    engine = make_engine(settings)  # refuses to start without the data key (config.MSG_NO_DATA_KEY)
    seal_plain_attachments(settings.attachments_dir, settings.require_data_key())  # an older server's files, once
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.regions = CurrentRegions(settings.reference_dir)
    app.state.keys = Keyring(settings)  # loaded, or made, on first use
    # In memory per process: N workers each allow 1/N of the rate, so that together they allow no more than the
    # settings say (a client held on one worker by keep-alive gets less, never more).
    app.state.rate_limiter = RateLimiter(share=1 / max(1, workers))
    # How many pushes are applied, and passwords checked, at once in this process (server.api.deps.gated).
    app.state.gates = Gates({"push": PUSHES_AT_ONCE})
    app.state.password_thread = LowPriorityThread("password")
    # Level 6, not Starlette's 9: a push's answer of 500 results is 0.3% larger (11,756 against 11,725 bytes) and
    # takes half the time to make (1.2 against 2.2 ms).
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(AnnounceAccepts)
    app.include_router(api_router, prefix=API_PREFIX)
    _add_error_handlers(app)
    openapi.install(app)

    probe = WriteProbe(app.state.session_factory, settings)

    @app.get("/health", tags=["health"], response_model=None,
             responses={200: {"model": HealthModel},
                        503: {"model": ErrorModel, "description": "the database or the file store refuses writes"}})
    def health():
        problem = probe.problem()
        if problem:
            return JSONResponse({"detail": {"code": "unavailable", "message": problem}}, status_code=503,
                                headers={"Retry-After": "30"})
        return to_dict(Health(status="ok", protocol=PROTOCOL_VERSION, server_time=format_time(utcnow())))

    return app


class AnnounceAccepts:
    """Names what this server reads (sync/compression.py: the history shorthand, the zstd dictionaries) on the
    session answer, the first answer of every sync, so a laptop knows before its first push; an ASGI middleware,
    because the route's answer is a plain dict the contract tests call directly."""

    def __init__(self, app):
        self.app = app
        self.header = (compression.ACCEPTS_HEADER.lower().encode(), compression.accepts().encode())
        self.path = f"{API_PREFIX}/session"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] != self.path:
            return await self.app(scope, receive, send)

        async def announce(message):
            if message["type"] == "http.response.start" and message["status"] == 200:
                message = dict(message, headers=[*message.get("headers", []), self.header])
            await send(message)

        return await self.app(scope, receive, announce)


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """The methods the OpenAPI document lists for this path: what a client was told it may do here. A fixed path
    wins over a template that also matches it (/attachments/status is not the attachment named "status")."""
    matches: list[tuple[int, set[str]]] = []
    for template, operations in app.openapi()["paths"].items():
        if re.fullmatch(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)), request.url.path):
            matches.append((template.count("{"), {method.upper() for method in operations}))
    if not matches:
        return []
    fewest = min(placeholders for placeholders, _ in matches)
    return sorted(set().union(*(methods for placeholders, methods in matches if placeholders == fewest)))


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail()}, status_code=exc.status, headers=exc.headers or None)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        allowed = _allowed_methods(app, request)
        if allowed and request.method not in allowed:
            # PUT /attachments/status reaches the PUT of /attachments/{sha256} and fails its pattern: the answer
            # is that the path takes no PUT.
            return JSONResponse({"detail": {"code": "method_not_allowed", "message": "Method Not Allowed"}},
                                status_code=405, headers={"Allow": ", ".join(allowed)})
        # Messages only: echoing the input back could put undecodable bytes in the answer.
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                             for e in exc.errors())
        return JSONResponse({"detail": {"code": "invalid", "message": problems[:2000]}}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Starlette's own answers (no such path, wrong method) in the one error shape every client reads.
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            # Starlette names the methods of the first route on the path; a path served by two (GET and PUT of
            # an attachment) allows both.
            headers["Allow"] = ", ".join(_allowed_methods(app, request))
        return JSONResponse({"detail": {"code": code, "message": str(exc.detail)}}, status_code=exc.status_code,
                            headers=headers or None)

    @app.exception_handler(DataError)
    async def unstorable(_request: Request, exc: DataError) -> JSONResponse:
        # A value the database refuses (a number or text out of its range) that the parsers let through: the
        # transaction is rolled back, so nothing changed; the client's input is at fault.
        log.warning("value refused by the database: %s", type(exc.orig).__name__)
        return JSONResponse({"detail": {"code": "invalid", "message": "A value cannot be stored."}}, status_code=422)

    @app.exception_handler(OperationalError)
    async def busy(_request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return JSONResponse({"detail": {"code": "busy", "message": "The server is busy; try again."}},
                            status_code=503, headers={"Retry-After": "5"})
