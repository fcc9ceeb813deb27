"""The province's signed key list (PROTOCOL.md, "Keys and signatures"), shared by the server that signs it and the
laptops that check it: every enrolled device with its public keys, the users who opened a session on it and
whether it is revoked, plus the central server's batch key, a version and the time, signed by the province root key.

It is what lets a laptop without signal check who signed a batch file or a receipt. It travels as a
``KeyListChange`` (sync/answers.py): the document as the exact text signed, and the signature; a reader checks the
signature first and parses after, so that nothing unsigned is ever read as a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from sync import signing
from sync.answers import KeyListChange
from sync.payload import PayloadError, canonical_json, loads
from sync.strict import (is_uuid, read_int, read_list, read_object, read_optional_time, read_str, read_time,
                         read_uuid)

FORMAT = "jemput-key-list/1"


class KeyListError(Exception):
    """A key list that is not the province's (bad signature) or cannot be read; nothing was stored."""


@dataclass(frozen=True)
class KeyEntry:
    """One device of the list; keys as they travel (base64), see ``signing_public``/``encryption_public``."""
    device_id: str  # the server's id of the device
    name: str
    signing_key: str
    encryption_key: str
    users: tuple[str, ...] = ()  # ids of the users who opened a session on it
    revoked_at: str | None = None  # ISO time, or None while it is trusted

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def signing_public(self) -> Ed25519PublicKey:
        return signing.signing_public(self.signing_key)

    def encryption_public(self) -> X25519PublicKey:
        return signing.encryption_public(self.encryption_key)


@dataclass(frozen=True)
class KeyList:
    version: int
    issued_at: str
    server_encryption_key: str  # the central server's X25519 batch key: a stick brought to the office opens there
    devices: tuple[KeyEntry, ...] = field(default_factory=tuple)


def document(key_list: KeyList) -> str:
    """The list as the text that is signed: canonical JSON, devices in id order."""
    return canonical_json({
        "format": FORMAT, "version": key_list.version, "issued_at": key_list.issued_at,
        "server": {"encryption_key": key_list.server_encryption_key},
        "devices": [{"device_id": d.device_id, "name": d.name, "signing_key": d.signing_key,
                     "encryption_key": d.encryption_key, "users": sorted(d.users), "revoked_at": d.revoked_at}
                    for d in sorted(key_list.devices, key=lambda d: d.device_id)],
    }).decode()


def sign(key_list: KeyList, root: Ed25519PrivateKey) -> KeyListChange:
    text = document(key_list)
    return KeyListChange(document=text, signature=signing.sign(root, signing.KEY_LIST_LABEL, text.encode()))


def signed_by(change: KeyListChange, root: Ed25519PublicKey) -> bool:
    return signing.verify(root, signing.KEY_LIST_LABEL, change.document.encode(), change.signature)


def read_signed(change: KeyListChange, root: Ed25519PublicKey) -> KeyList:
    """The list, once its signature is the root key's; raises KeyListError."""
    if not signed_by(change, root):
        raise KeyListError("the signature is not the province root key's")
    try:
        return parse(change.document)
    except PayloadError as exc:
        raise KeyListError(f"signed, but not readable: {exc}") from exc


def parse(text: str) -> KeyList:
    """The document's fields, read strictly (only ever called on a signed text); raises PayloadError."""
    obj = read_object(loads(text.encode()), "key_list")
    if obj.get("format") != FORMAT:
        raise PayloadError(f"key_list.format: expected {FORMAT}")
    server = read_object(obj.get("server"), "key_list.server")
    signing.encryption_public(read_str(server, "encryption_key", "key_list.server", max_len=44),
                              "key_list.server.encryption_key")
    devices, seen = [], set()
    for i, item in enumerate(read_list(obj, "devices", "key_list")):
        where = f"key_list.devices[{i}]"
        entry = read_object(item, where)
        users = read_list(entry, "users", where)
        if not all(is_uuid(u) for u in users):
            raise PayloadError(f"{where}.users: expected a list of lowercase UUIDs")
        device = KeyEntry(device_id=read_uuid(entry, "device_id", where), name=read_str(entry, "name", where),
                          signing_key=read_str(entry, "signing_key", where, max_len=44),
                          encryption_key=read_str(entry, "encryption_key", where, max_len=44),
                          users=tuple(users), revoked_at=read_optional_time(entry, "revoked_at", where))
        device.signing_public(), device.encryption_public()  # both usable, else the whole list is refused
        if device.device_id in seen:
            raise PayloadError(f"{where}.device_id: listed twice")
        seen.add(device.device_id)
        devices.append(device)
    return KeyList(version=read_int(obj, "version", "key_list"), issued_at=read_time(obj, "issued_at", "key_list"),
                   server_encryption_key=server["encryption_key"], devices=tuple(devices))

