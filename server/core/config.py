"""Server settings, from the environment or the command line; nothing is read from a file a request can touch."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

ENV_DATA_DIR = "JEMPUT_SERVER_DATA_DIR"
ENV_DATABASE_URL = "JEMPUT_SERVER_DATABASE_URL"
ENV_ROOT_KEY = "JEMPUT_SERVER_ROOT_KEY"
ENV_BATCH_KEY = "JEMPUT_SERVER_BATCH_KEY"


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

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'server.sqlite'}"

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
    return Settings(data_dir=Path(folder).resolve(), database_url=url,
                    root_key_file=Path(root).resolve() if root else None,
                    batch_key_file=Path(batch).resolve() if batch else None)
