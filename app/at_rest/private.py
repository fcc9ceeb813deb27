"""Files and folders readable by their owner only (0600 / 0700). On Windows the user's profile folder already keeps
other users out, and chmod only sets the read-only bit, so these calls are harmless there."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE, FOLDER_MODE = 0o600, 0o700


def private_folder(folder: Path) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    _chmod(folder, FOLDER_MODE)
    return folder


def private_file(path: Path) -> None:
    _chmod(Path(path), FILE_MODE)


def tighten(folder: Path) -> None:
    """Every file and folder under ``folder`` to the owner only: data folders made by older versions were 0644."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    _chmod(folder, FOLDER_MODE)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            _chmod(Path(root) / name, FOLDER_MODE)
        for name in files:
            _chmod(Path(root) / name, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # a file removed meanwhile, or a file system without modes (FAT on a stick): nothing to tighten
