"""Converting a data folder of an older version, whose database, backups and photos are plaintext, once.

Order matters, so that a power cut at any step loses nothing: the new key is saved first (in the key ring, still
unclaimed); then an encrypted backup of the database is made, then the encrypted copy, which replaces the database
atomically; only then are the plaintext database, its WAL and the plaintext backups of earlier upgrades overwritten
and removed, and the photos sealed one by one (each through a temporary name). A cut before the replacement finds
the plaintext database again and starts over; a cut after it finds a database that opens with the saved key, and
the leftovers (``*.plaintext``, ``*.encrypting``) are wiped at the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.at_rest import file_cipher
from app.at_rest import keyring as keyrings
from app.at_rest.private import tighten
from db import migrate

LEFTOVERS = (".plaintext", ".encrypting")


def wipe_leftovers(folder: Path) -> None:
    for suffix in LEFTOVERS:
        for path in Path(folder).glob(f"*{suffix}"):
            migrate.wipe(path)


def encrypt_plaintext(path: Path) -> tuple[keyrings.KeyRing, bytes]:
    """Encrypts the plaintext database at ``path`` and everything beside it; the key ring that opens it."""
    folder = path.parent
    wipe_leftovers(folder)
    key = keyrings.new_data_key()
    ring = keyrings.KeyRing.new(folder, key)
    ring.save()
    revision = migrate.read_revision(path)
    migrate.encrypt_copy(path, migrate.backup_name(path, revision), key)
    _replace_encrypted(path, key)
    for suffix in ("-wal", "-shm", "-journal"):
        migrate.wipe(path.with_name(path.name + suffix))
    for old in migrate.backups_of(path):
        if migrate.is_plaintext(old):
            _replace_encrypted(old, key)
    seal_plain_files(folder / "attachments", key)
    ring.set_accounts(key, _accounts(path, key))
    ring.save()
    tighten(folder)
    return ring, key


def _replace_encrypted(path: Path, key: bytes) -> None:
    encrypted = path.with_name(path.name + ".encrypting")
    migrate.encrypt_copy(path, encrypted, key)
    plain = path.with_name(path.name + ".plaintext")
    plain.unlink(missing_ok=True)
    try:
        os.link(path, plain)  # a second name for the plaintext, to overwrite it once it is replaced
    except OSError:
        plain = None
    os.replace(encrypted, path)
    if plain is not None:
        migrate.wipe(plain)


def seal_plain_files(root: Path, key: bytes) -> int:
    """Seals every plaintext file under ``root`` (photos of an older version); returns how many."""
    sealed = 0
    if not root.is_dir():
        return 0
    for path in root.rglob("*"):
        if path.is_file() and not path.name.endswith(".part") and not file_cipher.is_sealed(path):
            file_cipher.seal_file_in_place(key, path)
            sealed += 1
    return sealed


def _accounts(path: Path, key: bytes) -> list[keyrings.WrapSource]:
    con = migrate.connect(path, key)
    try:
        rows = con.execute("SELECT id, username, password_hash FROM users WHERE active").fetchall()
    except Exception:  # noqa: BLE001 - a database of a revision before accounts: nobody to wrap for
        return []
    finally:
        con.close()
    return [keyrings.WrapSource(*row) for row in rows]
