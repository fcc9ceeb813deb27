"""Server settings, from the environment or the command line; nothing is read from a file a request can touch."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

ENV_DATA_DIR = "JEMPUT_SERVER_DATA_DIR"
ENV_DATABASE_URL = "JEMPUT_SERVER_DATABASE_URL"
ENV_ROOT_KEY = "JEMPUT_SERVER_ROOT_KEY"
ENV_BATCH_KEY = "JEMPUT_SERVER_BATCH_KEY"
# The data key (32 bytes as 64 hex digits) that encrypts the embedded SQLite file and the attachment store: the
# digits themselves, or a file holding them. Never in the data folder: a copy of that folder must reveal nothing.
ENV_RECOVERY_KEY = "JEMPUT_SERVER_RECOVERY_KEY"  # the province's recovery public key (PEM), sent at enrolment
ENV_DATA_KEY = "JEMPUT_SERVER_DATA_KEY"
ENV_DATA_KEY_FILE = "JEMPUT_SERVER_DATA_KEY_FILE"

MSG_NO_DATA_KEY = (
    "The server's data key is missing. It encrypts the database and the attachments. Make one outside the data "
    "folder (jemput-server make-data-key /etc/jemput/data.key, or: openssl rand -hex 32 > FILE; chmod 600 FILE) "
    f"and set {ENV_DATA_KEY_FILE}=FILE (or {ENV_DATA_KEY} to its 64 hex digits). Keep a copy with the backups: "
    "without it neither the database nor the files can be read.")


class DataKeyError(Exception):
    """The data key is missing, malformed, or kept where it must not be (in the data folder)."""


def parse_data_key(text: str, *, where: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        key = b""
    if len(key) != 32:
        raise DataKeyError(f"{where}: the data key must be 64 hex digits (32 bytes)")
    return key


def data_key_from_env() -> tuple[bytes | None, Path | None]:
    """(key, the file it came from); (None, None) when neither variable is set."""
    path = os.environ.get(ENV_DATA_KEY_FILE)
    if path:
        file = Path(path).resolve()
        try:
            return parse_data_key(file.read_text(encoding="ascii"), where=str(file)), file
        except (OSError, UnicodeDecodeError) as exc:
            raise DataKeyError(f"{ENV_DATA_KEY_FILE}={path}: cannot read the data key: {exc}") from exc
    text = os.environ.get(ENV_DATA_KEY)
    if text:
        return parse_data_key(text, where=ENV_DATA_KEY), None
    return None, None


def _env_key() -> bytes | None:
    try:
        return data_key_from_env()[0]
    except DataKeyError:
        return None  # said clearly by require_data_key(), where the server starts


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    # Empty: an embedded SQLite file in data_dir, so that one command starts a server.
    database_url: str = ""
    # Limits on what a client may send. The compressed cap bounds memory while reading; the decompressed cap stops
    # gzip bombs (checked while inflating, not after).
    max_body_bytes: int = 8 * 1024 * 1024
    # Twice what a laptop puts in one push (sync.payload.MAX_PUSH_BYTES), and a bound on the objects and lists
    # parsing may build: memory goes with their number, and 3 bytes make an empty object.
    max_json_bytes: int = 8 * 1024 * 1024
    max_json_containers: int = 250_000
    # Enrolment, login, keys and attachment hashes: a few kilobytes each (1,000 hashes are 67 KB).
    max_small_body_bytes: int = 128 * 1024
    max_chunk_bytes: int = 8 * 1024 * 1024
    max_attachment_bytes: int = 256 * 1024 * 1024
    user_token_hours: int = 12
    # Requests per minute (0: no limit) on the two doors a stranger can knock at: enrolment (a code) and login (a
    # password). Per address and, for login, per device; the lock-out counts wrong passwords besides.
    enrol_per_minute_per_address: int = 10
    session_per_minute_per_address: int = 60
    session_per_minute_per_device: int = 20
    # PEM files (PKCS#8, unencrypted) of the province root key (Ed25519) and the server's batch key (X25519). Left
    # empty, each is made on first use in keys_dir; a configured file must exist (it is never made there).
    root_key_file: Path | None = None
    batch_key_file: Path | None = None
    # From the environment unless given; ``require_data_key`` refuses to start without one.
    data_key: bytes | None = field(default_factory=_env_key, repr=False)
    # The province's recovery key, public half only (its private half stays offline: jemput-server recover-key).
    recovery_key_file: Path | None = None

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        path = self.data_dir / "server.sqlite"
        if self.data_key is None:
            return f"sqlite:///{path}"
        # SQLCipher with the raw key (no PBKDF2 at each connection): SQLAlchemy's pysqlcipher dialect sends
        # ``pragma key=<password>``, and "x'..'" in double quotes is SQLCipher's raw-key form.
        secret = quote(f"\"x'{self.data_key.hex()}'\"", safe="")
        return f"sqlite+pysqlcipher://:{secret}@/{path}"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "server.sqlite"

    def require_data_key(self) -> bytes:
        """The data key, checked: present, and not in the data folder. Raises DataKeyError with what to do."""
        key, file = data_key_from_env()
        key = self.data_key or key
        if key is None:
            raise DataKeyError(MSG_NO_DATA_KEY)
        if file is not None and file.is_relative_to(self.data_dir.resolve()):
            raise DataKeyError(f"{ENV_DATA_KEY_FILE}={file} is inside the data folder {self.data_dir}: keep the key "
                               "elsewhere, so that a copy of the data folder reveals nothing")
        return key

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def attachments_dir(self) -> Path:
        # Beside the database; on PostgreSQL with several processes this folder must be shared between them.
        return self.data_dir / "attachments"

    @property
    def reference_dir(self) -> Path:
        # Published reference files by SHA-256; shared between processes like attachments_dir.
        return self.data_dir / "reference"

    @property
    def keys_dir(self) -> Path:
        # Several processes on PostgreSQL must share it (or be configured with the same files).
        return self.data_dir / "keys"

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)


def settings_from_env(*, data_dir: str | None = None, database_url: str | None = None) -> Settings:
    folder = data_dir or os.environ.get(ENV_DATA_DIR) or "jemput-server-data"
    url = database_url if database_url is not None else os.environ.get(ENV_DATABASE_URL, "")
    root, batch = os.environ.get(ENV_ROOT_KEY), os.environ.get(ENV_BATCH_KEY)
    recovery = os.environ.get(ENV_RECOVERY_KEY)
    return Settings(data_dir=Path(folder).resolve(), database_url=url,
                    root_key_file=Path(root).resolve() if root else None,
                    batch_key_file=Path(batch).resolve() if batch else None,
                    recovery_key_file=Path(recovery).resolve() if recovery else None)
