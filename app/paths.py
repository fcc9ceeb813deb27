"""Where the app keeps its files: the folder given (``--data-dir``), else JEMPUT_DATA_DIR when set (tests,
portable installs), else the user's data folder.

The folder is passed on explicitly (to ``Workspace.open``, ``Settings.load``, the UI context); nothing writes it
back into the environment for other code to find.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "jemput.sqlite"


def data_dir_path(folder: Path | None = None) -> Path:
    """The data folder, without creating it (for readers that only look for files there)."""
    if folder is not None:
        return Path(folder)
    override = os.environ.get("JEMPUT_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("jemput-bola", "JemputBola"))


def data_dir(folder: Path | None = None) -> Path:
    """The data folder (``folder`` when given), created if missing."""
    path = data_dir_path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
