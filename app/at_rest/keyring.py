"""The laptop's one data key, stored only wrapped: for each account allowed on this laptop, and to the province.

The data key (32 random bytes) opens the database (SQLCipher) and every sealed file. ``keyring.json`` beside the
database holds it wrapped (AES-256-GCM) under a key derived (HKDF) from each account's password hash digest: the
Argon2id (or older scrypt) digest that the server sends for offline login. Typing the password recomputes that
digest from the salt and parameters kept here, which unwraps the key; nothing else does. So:

- login unlocks offline, with one slow hash (the same one a password check costs);
- an account that arrives from the server (enrolment, pull) gets its wrap on arrival, before its owner ever typed
  the password here, because the server's digest is the password's;
- a password change (here or on the server) re-wraps the same key: nothing is re-encrypted;
- an envelope sealed to the province's recovery key (``recovery.py``) opens the key when every password is lost.

Until this laptop has an account (a new data folder, the first start) the key is kept "unclaimed", in the clear:
there is nothing to protect yet, and the first-run screen must work without a password. The first wrap for an
account removes it. The file also counts wrong passwords typed before the database is open, so the lock-out holds
for them too, and keeps those attempts until the database can audit them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.at_rest import recovery
from app.at_rest.private import private_file

FILENAME = "keyring.json"
VERSION = 1
KEY_BYTES = 32

b64e = lambda raw: base64.b64encode(raw).decode()  # noqa: E731 - a short local alias
b64d = base64.b64decode


class KeyRingError(Exception):
    pass


@dataclass(frozen=True)
class WrapSource:
    """An account as the key ring wraps for it: its id and name and its password hash (scheme$params$salt$digest)."""

    user_id: str
    username: str
    password_hash: str


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def key_check(data_key: bytes) -> str:
    """Recognises the right key (a recovered one, a key given to ``Workspace.open``) without revealing it."""
    return hmac.new(data_key, b"jemput data key check", hashlib.sha256).hexdigest()[:32]


def _wrapping_key(digest: bytes, user_id: str) -> AESGCM:
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=None, info=b"jemput data key wrap v1|" + user_id.encode())
                  .derive(digest))


class KeyRing:
    def __init__(self, path: Path, raw: dict):
        self.path = Path(path)
        self.raw = raw

    # -- the file ---------------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path) -> KeyRing | None:
        path = Path(folder) / FILENAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise KeyRingError(f"{path}: {exc}") from exc
        if not isinstance(raw, dict) or raw.get("version") != VERSION or "check" not in raw:
            raise KeyRingError(f"{path}: not a key ring this app reads")
        raw.setdefault("accounts", {})
        raw.setdefault("pending_audit", [])
        return cls(path, raw)

    @classmethod
    def new(cls, folder: Path, data_key: bytes) -> KeyRing:
        return cls(Path(folder) / FILENAME, {"version": VERSION, "check": key_check(data_key),
                                             "unclaimed": b64e(data_key), "accounts": {}, "recovery": None,
                                             "pending_audit": []})

    def save(self) -> None:
        """Written whole under a temporary name, flushed, then renamed: a power cut leaves the old or the new."""
        tmp = self.path.with_name(self.path.name + ".part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(self.raw, f, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        private_file(tmp)
        os.replace(tmp, self.path)

    # -- the key ----------------------------------------------------------------------------------------------------
    def matches(self, data_key: bytes) -> bool:
        return hmac.compare_digest(self.raw["check"], key_check(data_key))

    @property
    def unclaimed(self) -> bytes | None:
        value = self.raw.get("unclaimed")
        return b64d(value) if value else None

    @property
    def has_accounts(self) -> bool:
        return bool(self.raw["accounts"])

    def account(self, username: str) -> dict | None:
        username = username.strip().lower()
        return next((a for a in self.raw["accounts"].values() if a["username"] == username), None)

    def set_accounts(self, data_key: bytes, sources: list[WrapSource]) -> None:
        """Exactly these accounts can unwrap the key from now on; the unclaimed key goes once one can. A wrap whose
        hash is unchanged is kept (with its lock-out counters), so calling this after every pull costs nothing."""
        if not self.matches(data_key):
            raise KeyRingError("not this key ring's data key")
        old = self.raw["accounts"]
        new: dict[str, dict] = {}
        for source in sources:
            digest = _digest_of(source.password_hash)
            if digest is None:
                continue
            params = source.password_hash.rsplit("$", 1)[0]
            kept = old.get(source.user_id)
            if kept and kept.get("params") == params and kept["username"] == source.username:
                new[source.user_id] = kept
                continue
            nonce = os.urandom(12)
            wrapped = _wrapping_key(digest, source.user_id).encrypt(nonce, data_key, source.user_id.encode())
            entry = {"username": source.username, "params": params, "nonce": b64e(nonce), "wrapped": b64e(wrapped),
                     "failed_attempts": 0, "locked_until": None}
            if kept:
                entry["failed_attempts"], entry["locked_until"] = kept["failed_attempts"], kept["locked_until"]
            new[source.user_id] = entry
        if not new and old:
            # Every account gone or disabled at once (a pull, an administrator's mistake): the last wraps stay, or
            # the laptop would open for nobody; the database still refuses a disabled account at login.
            return
        self.raw["accounts"] = new
        if new:
            self.raw["unclaimed"] = None

    def unwrap(self, username: str, password: str) -> tuple[str, bytes] | None:
        """(user id, data key) when ``password`` is this account's; None otherwise (after the same slow hash)."""
        from app import auth

        for user_id, entry in self.raw["accounts"].items():
            if entry["username"] != username.strip().lower():
                continue
            digest = auth.password_digest(password, entry["params"] + "$")
            if digest is None:
                return None
            try:
                key = _wrapping_key(digest, user_id).decrypt(b64d(entry["nonce"]), b64d(entry["wrapped"]),
                                                             user_id.encode())
            except InvalidTag:
                return None
            return (user_id, key) if self.matches(key) else None
        return None

    # -- recovery ---------------------------------------------------------------------------------------------------
    def set_recovery(self, data_key: bytes, public, *, device_id: str) -> bool:
        """Seals the key to the province's recovery key (again only when that key changed). True when written."""
        current = self.raw.get("recovery")
        if current and current.get("key_id") == recovery.key_id(public) and current.get("device_id") == device_id:
            return False
        self.raw["recovery"] = recovery.seal(data_key, public, device_id=device_id)
        return True

    @property
    def recovery_envelope(self) -> dict | None:
        return self.raw.get("recovery")

    # -- wrong passwords before the database is open -----------------------------------------------------------------
    def failed(self, username: str, *, now: datetime, lock_delay) -> int:
        """Counts a wrong password for ``username``; the seconds it is now locked for (0: not locked)."""
        entry = self.account(username)
        self.raw["pending_audit"].append({"at": now.isoformat(), "username": username.strip().lower()[:64],
                                          "action": "login_failed"})
        del self.raw["pending_audit"][:-200]  # a bounded file however long someone guesses
        if entry is None:
            return 0
        entry["failed_attempts"] += 1
        delay = lock_delay(entry["failed_attempts"])
        entry["locked_until"] = (now + delay).isoformat() if delay else None
        return int(delay.total_seconds())

    def locked_for(self, username: str, *, now: datetime) -> int:
        entry = self.account(username)
        if entry is None or not entry.get("locked_until"):
            return 0
        left = (datetime.fromisoformat(entry["locked_until"]) - now).total_seconds()
        return max(0, int(left + 0.999))

    def succeeded(self, username: str) -> None:
        entry = self.account(username)
        if entry is not None:
            entry["failed_attempts"], entry["locked_until"] = 0, None

    def take_pending_audit(self) -> list[dict]:
        pending, self.raw["pending_audit"] = self.raw["pending_audit"], []
        return pending


def _digest_of(password_hash: str) -> bytes | None:
    try:
        scheme, _a, _b, _c, _salt, digest = password_hash.split("$")
    except ValueError:
        return None
    if scheme not in ("argon2id", "scrypt"):
        return None
    try:
        return b64d(digest)
    except ValueError:
        return None
