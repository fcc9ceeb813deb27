"""Secrets: tokens and enrolment codes are random and stored only as SHA-256; passwords use app.auth's scrypt
format so that the hash sent to a laptop lets the officer log in there offline."""

from __future__ import annotations

import hashlib
import secrets

from app.auth import hash_password, needs_rehash, verify_password  # noqa: F401 - re-exported: one password format everywhere

# No 0/O, 1/I/L: the code is read aloud over a phone or copied from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS, CODE_GROUP_LEN = 4, 4


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def new_enrolment_code() -> str:
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN)) for _ in range(CODE_GROUPS))
    return "-".join(groups)


def normalise_code(code: str) -> str:
    """What was typed, as the code was made: case, spaces and dashes do not matter."""
    return "-".join(_chunks("".join(c for c in code.upper() if c.isalnum())))


def _chunks(text: str) -> list[str]:
    return [text[i:i + CODE_GROUP_LEN] for i in range(0, len(text), CODE_GROUP_LEN)]
