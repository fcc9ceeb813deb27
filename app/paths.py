"""Where the app keeps its files: the user's data folder, or JEMPUT_DATA_DIR when set (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "jemput.sqlite"


def data_dir_path() -> Path:
    """The data folder, without creating it (for readers that only look for files there)."""
    override = os.environ.get("JEMPUT_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("jemput-bola", "JemputBola"))


def data_dir() -> Path:
    path = data_dir_path()
    path.mkdir(parents=True, exist_ok=True)
    return path
