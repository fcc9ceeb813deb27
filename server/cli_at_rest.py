"""``jemput-server`` commands for data at rest: the server's data key, the province's recovery key, and opening a
laptop's data key when every password for it is lost (audited)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from server.core.config import ENV_DATA_KEY_FILE

# Commands that must work before there is a data key (they make the keys).
NO_DATABASE = ("make-data-key", "recovery-keygen")


def add_parsers(sub) -> None:
    make = sub.add_parser("make-data-key", help="write a new data key (64 hex digits, mode 0600) to FILE, outside "
                                                f"the data folder; then set {ENV_DATA_KEY_FILE}=FILE")
    make.add_argument("file", type=Path)
    keygen = sub.add_parser("recovery-keygen", help="make the province's recovery key pair: the private half for an "
                                                    "offline machine, the public half for JEMPUT_SERVER_RECOVERY_KEY")
    keygen.add_argument("--private", type=Path, required=True, help="PEM file to write (mode 0600); keep offline")
    keygen.add_argument("--public", type=Path, required=True, help="PEM file to write; give it to the server")
    recover = sub.add_parser(
        "recover-key", help="let an account open a laptop whose passwords are lost: opens the recovery envelope in "
                            "the laptop's keyring.json with the recovery private key, wraps the data key for the "
                            "account's current password (set it first with a password reset), writes the key "
                            "ring back, and records who did it and why")
    recover.add_argument("keyring", type=Path, help="the laptop's keyring.json (copied from its data folder)")
    recover.add_argument("--private-key", type=Path, required=True, help="the province's recovery private key")
    recover.add_argument("--username", required=True, help="the account that will log in on the laptop")
    recover.add_argument("--operator", required=True, help="who does this (kept in key_recoveries)")
    recover.add_argument("--reason", required=True, help="why, e.g. a ticket number (kept in key_recoveries)")


def make_data_key(settings, args) -> int:
    target = args.file.resolve()
    if target.is_relative_to(settings.data_dir.resolve()):
        print(f"not written: {target} is inside the data folder {settings.data_dir}", file=sys.stderr)
        return 2
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print(f"not written: {target} exists (a data key is never replaced: the data would be lost)",
              file=sys.stderr)
        return 2
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(os.urandom(32).hex() + "\n")
    print(f"data key written to {target}; set {ENV_DATA_KEY_FILE}={target} and back it up apart from the data")
    return 0


def recovery_keygen(_settings, args) -> int:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from app.at_rest import recovery

    key = X25519PrivateKey.generate()
    try:
        fd = os.open(args.private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print(f"not written: {args.private} exists", file=sys.stderr)
        return 2
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    args.public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))
    print(f"recovery key {recovery.key_id(key.public_key())}: private half {args.private} (keep it offline), "
          f"public half {args.public} (JEMPUT_SERVER_RECOVERY_KEY)")
    return 0


def recover_key(factory, args) -> int:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from sqlalchemy import select

    from app.at_rest import recovery
    from server.api.deps import utcnow
    from server.core.db import transaction
    from server.models import KeyRecovery, User
    from server.services import audit

    try:
        private = serialization.load_pem_private_key(args.private_key.read_bytes(), password=None)
        ring = json.loads(args.keyring.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"not recovered: {exc}", file=sys.stderr)
        return 2
    if not isinstance(private, X25519PrivateKey) or not ring.get("recovery"):
        print("not recovered: not an X25519 recovery key, or the key ring has no recovery envelope",
              file=sys.stderr)
        return 2
    try:
        data_key = recovery.open_envelope(ring["recovery"], private)
    except recovery.RecoveryError as exc:
        print(f"not recovered: {exc}", file=sys.stderr)
        return 2
    with transaction(factory) as session:
        user = session.scalar(select(User).where(User.username == args.username.strip().lower()))
        if user is None or user.role == "admin" or not user.active:
            print(f"not recovered: no active officer or supervisor {args.username}", file=sys.stderr)
            return 2
        device_id = ring["recovery"]["device_id"]
        now = utcnow()
        session.add(KeyRecovery(at=now, operator=args.operator.strip()[:100], device_id=device_id,
                                username=user.username, reason=args.reason.strip()[:500]))
        # In the hash-chained log too (the reason stays in key_recoveries: free text may name a citizen).
        audit.record(session, now=now, action="key_recovered", user_id=user.id, username=user.username,
                     detail=f"device={device_id} by=cli")
        wrapped = _wrap_for(ring, data_key, user)
    tmp = args.keyring.with_name(args.keyring.name + ".part")
    tmp.write_text(json.dumps(wrapped, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, args.keyring)
    print(f"recovered: {user.username} can now log in on laptop {device_id} with their current password; "
          f"copy {args.keyring} back into the laptop's data folder")
    return 0


def _wrap_for(ring: dict, data_key: bytes, user) -> dict:
    """The key ring with a wrap for ``user``'s current password hash, as the laptop itself would make it."""
    from app.at_rest import keyring

    KeyRing, WrapSource = keyring.KeyRing, keyring.WrapSource
    others = dict(ring.get("accounts", {}))
    others.pop(user.id, None)
    keep = KeyRing(Path("keyring.json"), {**ring, "accounts": {}})
    keep.set_accounts(data_key, [WrapSource(user.id, user.username, user.password_hash)])
    keep.raw["accounts"] = {**others, **keep.raw["accounts"]}
    return keep.raw


COMMANDS = {"make-data-key": make_data_key, "recovery-keygen": recovery_keygen}
DATABASE_COMMANDS = {"recover-key": recover_key}
