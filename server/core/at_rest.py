"""The server's data at rest: the embedded SQLite file through SQLCipher and the attachment store sealed, both with
the operator's data key (server.core.config: a variable or a file outside the data folder).

A server that ran before this had a plaintext ``server.sqlite``: it is converted once at start, after an encrypted
backup beside it, and the plaintext overwritten and removed; plaintext attachments are sealed in place. PostgreSQL
is not encrypted here: a province runs it on encrypted storage (README, "Encryption at rest").
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from app.at_rest import file_cipher
# The laptop's conversion, the same for the server's file: a checked, flushed sqlcipher_export, and a wipe that
# overwrites in blocks.
from db.migrate import encrypt_copy, is_plaintext, wipe


def encrypt_database(path: Path, key: bytes) -> Path | None:
    """Converts a plaintext SQLite file at ``path`` to SQLCipher; returns the encrypted backup made first (None when
    there was nothing to convert)."""
    if not path.exists() or not is_plaintext(path):
        return None
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.stem}.backup-{stamp}-encrypted{path.suffix}")
    encrypt_copy(path, backup, key)
    encrypted = path.with_name(path.name + ".encrypting")
    encrypt_copy(path, encrypted, key)
    plain = path.with_name(path.name + ".plaintext")
    plain.unlink(missing_ok=True)
    try:
        os.link(path, plain)  # a second name for the plaintext, to overwrite it once it is replaced
    except OSError:
        pass  # a file system without hard links: the old blocks are only freed
    os.replace(encrypted, path)
    for leftover in (plain, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        wipe(leftover)
    return backup


def seal_plain_attachments(folder: Path, key: bytes) -> int:
    """Attachments stored in plaintext by an older server, sealed in place (each through a temporary name)."""
    count = 0
    if folder.is_dir():
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.endswith(".part") and not file_cipher.is_sealed(path) \
                    and not path.name.startswith("."):
                file_cipher.seal_file_in_place(key, path)
                count += 1
    return count
