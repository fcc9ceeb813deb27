"""Where the server's own log lines go under Uvicorn. Uvicorn configures only its own loggers; without this, the
``server.*`` loggers (the audit log's lines among them, server/services/audit.py) had no handler and INFO lines
vanished. They go to Uvicorn's console handler, in its format, so that whatever collects Uvicorn's output (systemd's
journal, a container's log) collects them too."""

from __future__ import annotations

import copy


def uvicorn_log_config() -> dict:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["server"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
