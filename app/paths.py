"""Where the app keeps its files: the user's data folder, or JEMPUT_DATA_DIR when set (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "jemput.sqlite"


def data_dir() -> Path:
    override = os.environ.get("JEMPUT_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("jemput-bola", "JemputBola"))
    path.mkdir(parents=True, exist_ok=True)
    return path
