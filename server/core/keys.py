"""The server's own private keys: the province root key (Ed25519), which signs the key list, and the server's
batch key (X25519), which opens batch files brought straight to the central office.

Each is a PEM file (PKCS#8, unencrypted; ``openssl genpkey -algorithm ed25519`` makes one too). A file configured
in the settings is loaded and never made; without one, the server makes it in its keys folder on first use, mode
0600. Made under a temporary name and linked into place, so two processes starting at once agree on one key.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from server.core.config import Settings

ROOT_KEY_NAME = "province-root.pem"
BATCH_KEY_NAME = "server-batch.pem"


class KeyFileError(Exception):
    """A key file that is missing where configured, unreadable, or of the wrong kind."""


@dataclass(frozen=True)
class ServerKeys:
    root: Ed25519PrivateKey
    batch: X25519PrivateKey


class Keyring:
    """Loads (or makes) the keys on first use, once per process."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._keys: ServerKeys | None = None
        self._lock = threading.Lock()

    def get(self) -> ServerKeys:
        with self._lock:
            if self._keys is None:
                self._keys = load(self.settings)
            return self._keys


def load(settings: Settings) -> ServerKeys:
    root = _key(settings.root_key_file, settings.keys_dir / ROOT_KEY_NAME, Ed25519PrivateKey)
    batch = _key(settings.batch_key_file, settings.keys_dir / BATCH_KEY_NAME, X25519PrivateKey)
    return ServerKeys(root=root, batch=batch)


def _key(configured: Path | None, default: Path, kind):
    path = configured or default
    if configured is None and not path.exists():
        _create(path, kind.generate())
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise KeyFileError(f"cannot read the key {path}: {exc}") from exc
    if not isinstance(key, kind):
        raise KeyFileError(f"{path} is not an {kind.__name__.removesuffix('PrivateKey')} private key")
    return key


def _create(path: Path, key) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = key.private_bytes(encoding=serialization.Encoding.PEM, format=serialization.PrivateFormat.PKCS8,
                            encryption_algorithm=serialization.NoEncryption())
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(temp, path)  # fails if another process was first: its key is the one
        except FileExistsError:
            pass
    finally:
        temp.unlink(missing_ok=True)
