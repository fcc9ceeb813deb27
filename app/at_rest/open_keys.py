"""The data keys of the workspaces open in this process, by data folder.

A photo store is made from a database path in many places (the form's panel, the sync, the purge), long after the
workspace was opened; they find the key here instead of each being handed it. Only a workspace puts a key here
(when it unlocks) and takes it away (when it closes), so a store of a folder that is not open has no key and
refuses to read or write rather than fall back to plaintext.
"""

from __future__ import annotations

import threading
from pathlib import Path

_keys: dict[Path, tuple[bytes, int]] = {}  # key, how many open workspaces of the folder hold it
_lock = threading.Lock()


def _norm(folder: Path) -> Path:
    return Path(folder).resolve()


def put(folder: Path, key: bytes) -> None:
    with _lock:
        held = _keys.get(_norm(folder))
        _keys[_norm(folder)] = (key, held[1] + 1 if held and held[0] == key else 1)


def drop(folder: Path, key: bytes) -> None:
    with _lock:
        held = _keys.get(_norm(folder))
        if held and held[0] == key:
            if held[1] > 1:
                _keys[_norm(folder)] = (key, held[1] - 1)
            else:
                del _keys[_norm(folder)]


def key_for(folder: Path) -> bytes | None:
    with _lock:
        held = _keys.get(_norm(folder))
        return held[0] if held else None
