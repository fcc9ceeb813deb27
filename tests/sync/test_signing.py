"""Record signatures and the key list document (sync/signing.py, sync/key_list.py), without a server: what a
signature covers and what it does not, and how strictly a key list is read."""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync import key_list, signing
from sync.payload import HistoryEntry, PayloadError, Record, record_from_dict, to_dict

DEVICE = "01a2f000-0000-7000-8000-0000000000d1"
KEY = Ed25519PrivateKey.generate()


def record(**changes) -> Record:
    base = Record(id="01a2f000-0000-7000-8000-000000000101", kind="ektp", status="submitted", version=3,
                  base_version=0, owner_id="01a2f000-0000-7000-8000-0000000000a1", device_id=DEVICE,
                  created_at="2026-11-20T08:00:00Z", updated_at="2026-11-20T09:00:00Z", data={"name": "SITI"})
    return replace(base, **changes)


def test_a_signature_covers_the_content_id_and_maker_not_versions_or_history():
    signed = signing.sign_record(record(), device_id=DEVICE, key=KEY)
    public = KEY.public_key()
    assert signing.record_signature_ok(signed, public)
    assert signed.content_hash() == record().content_hash()  # the signature is outside the content
    moved = replace(signed, version=9, base_version=4, updated_at="2026-11-21T00:00:00Z",
                    history=[HistoryEntry(at="2026-11-21T00:00:00Z", user_id="x", action="edit")])
    assert signing.record_signature_ok(moved, public)
    for changed in (replace(signed, data={"name": "SITI AMINAH"}), replace(signed, status="approved"),
                    replace(signed, id="01a2f000-0000-7000-8000-000000000102"),
                    replace(signed, origin_device="01a2f000-0000-7000-8000-0000000000d2"),
                    replace(signed, attachments=["ab" * 32])):
        assert not signing.record_signature_ok(changed, public)
    assert not signing.record_signature_ok(signed, Ed25519PrivateKey.generate().public_key())
    assert not signing.record_signature_ok(record(), public)  # unsigned


def test_origin_and_signature_travel_together_or_not_at_all():
    signed = to_dict(signing.sign_record(record(), device_id=DEVICE, key=KEY))
    assert record_from_dict(signed).signature == signed["signature"]
    assert "signature" not in to_dict(record())  # an unsigned record's shape is what it always was
    for broken in ({k: v for k, v in signed.items() if k != "signature"},
                   {k: v for k, v in signed.items() if k != "origin_device"},
                   dict(signed, signature=signed["signature"][:80]),
                   dict(signed, origin_device="LAPTOP-1")):
        with pytest.raises(PayloadError):
            record_from_dict(broken)


def listing(*devices: key_list.KeyEntry, version: int = 1) -> key_list.KeyList:
    return key_list.KeyList(version=version, issued_at="2026-12-01T00:00:00.000000Z", devices=devices,
                            server_encryption_key=signing.public_text(X25519PrivateKey.generate()))


def entry(device_id: str = DEVICE, **changes) -> key_list.KeyEntry:
    base = key_list.KeyEntry(device_id=device_id, name="laptop", signing_key=signing.public_text(KEY),
                             encryption_key=signing.public_text(X25519PrivateKey.generate()),
                             users=("01a2f000-0000-7000-8000-0000000000a1",))
    return replace(base, **changes)


def test_a_key_list_reads_back_only_with_the_root_that_signed_it():
    root = Ed25519PrivateKey.generate()
    original = listing(entry(), entry("01a2f000-0000-7000-8000-0000000000d2", revoked_at="2026-11-30T10:00:00Z"))
    change = key_list.sign(original, root)
    back = key_list.read_signed(change, root.public_key())
    assert back == replace(original, devices=tuple(sorted(original.devices, key=lambda d: d.device_id)))
    assert [d.revoked for d in back.devices] == [False, True]
    with pytest.raises(key_list.KeyListError):
        key_list.read_signed(change, Ed25519PrivateKey.generate().public_key())
    # A record's signature over the same bytes is not a key list's: the label differs.
    as_record = signing.sign(root, signing.RECORD_LABEL, change.document.encode())
    with pytest.raises(key_list.KeyListError):
        key_list.read_signed(replace(change, signature=as_record), root.public_key())


@pytest.mark.parametrize("bad", [
    lambda: listing(entry(), entry()),  # one device twice
    lambda: listing(entry(signing_key="AAAA")),
    lambda: listing(entry(encryption_key=base64.b64encode(b"\x01" + bytes(31)).decode())),  # a low-order point
    lambda: listing(entry(users=("siti",))),
    lambda: listing(entry(revoked_at="yesterday")),
], ids=["twice", "short-key", "low-order-key", "user-not-an-id", "bad-time"])
def test_a_signed_list_that_does_not_read_is_refused_whole(bad):
    root = Ed25519PrivateKey.generate()
    with pytest.raises(key_list.KeyListError):
        key_list.read_signed(key_list.sign(bad(), root), root.public_key())
