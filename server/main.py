"""The FastAPI application: ``create_app(settings)`` builds one; Uvicorn serves it (see server.cli)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from server.api.deps import utcnow
from server.api.main import api_router
from server.core.config import Settings
from server.core.at_rest import seal_plain_attachments
from server.core.db import make_engine, make_session_factory
from server.core.keys import Keyring
from server.errors import ApiError
from server.services.reference import CurrentRegions
from sync.answers import Health
from sync.payload import API_PREFIX, PROTOCOL_VERSION, format_time, to_dict

log = logging.getLogger(__name__)


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="Jemput Bola central server", version=f"protocol {PROTOCOL_VERSION}",
                  description="Sync API for the Jemput Bola laptops (sync/PROTOCOL.md).")
    engine = make_engine(settings)  # refuses to start without the data key (config.MSG_NO_DATA_KEY)
    seal_plain_attachments(settings.attachments_dir, settings.require_data_key())  # an older server's files, once
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.regions = CurrentRegions(settings.reference_dir)
    app.state.keys = Keyring(settings)  # loaded, or made, on first use
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.include_router(api_router, prefix=API_PREFIX)
    _add_error_handlers(app)

    @app.get("/health", tags=["health"])
    def health() -> dict:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return to_dict(Health(status="ok", protocol=PROTOCOL_VERSION, server_time=format_time(utcnow())))

    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail()}, status_code=exc.status, headers=exc.headers or None)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Messages only: echoing the input back could put undecodable bytes in the answer.
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                             for e in exc.errors())
        return JSONResponse({"detail": {"code": "invalid", "message": problems[:2000]}}, status_code=422)

    @app.exception_handler(OperationalError)
    async def busy(_request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return JSONResponse({"detail": {"code": "busy", "message": "The server is busy; try again."}},
                            status_code=503, headers={"Retry-After": "5"})
