"""Where the server's own log lines go: logins (good and bad), refusals, rate limits and the administrators'
commands. Under uvicorn nothing configured the ``server`` loggers, so their lines reached no handler and were lost;
``configure`` gives them standard error and an append-only file in the data folder, readable by its owner only.
Lines name accounts and devices, never a password, a token or a citizen's data."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from server.core.config import Settings

LOG_FILE = "server.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_jemput_handler"


def configure(settings: Settings, *, to_stderr: bool) -> Path:
    """One configuration per process: a second call (tests run many servers in one process) replaces the first's
    handlers instead of adding to them."""
    logger = logging.getLogger("server")
    logger.setLevel(logging.INFO)
    path = settings.data_dir / LOG_FILE
    for handler in list(logger.handlers):
        if getattr(handler, _MARK, None) is not None:
            logger.removeHandler(handler)
            handler.close()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.close(fd)
    handlers: list[logging.Handler] = [logging.FileHandler(path, encoding="utf-8")]
    if to_stderr:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        setattr(handler, _MARK, str(path))
        logger.addHandler(handler)
    return path
