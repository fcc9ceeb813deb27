"""A laptop's keys against the real server on loopback: made at enrolment (or, for a laptop enrolled before keys,
at its next sync), the root key pinned, the province's key list pulled, checked and queried offline, a forged list
refused with nothing changed, and the records it pushes signed by it."""

from __future__ import annotations

from dataclasses import replace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete

from db.models import KeyListCopy, KnownDevice, Meta, SyncLog
from server.api.deps import utcnow
from server.core.db import transaction
from server.core.keys import load
from server.models import Change
from server.models import Device as ServerDevice
from server.models import Registration as ServerRegistration
from server.services import feed
from sync import device_keys, key_list, signing
from sync.client import SyncClient
from sync.enrol import DEVICE_TOKEN, SERVER_DEVICE_ID, SERVER_URL, store_account
from sync.payload import record_from_dict


def server_device(server, device_id: str) -> ServerDevice:
    with transaction(server.factory) as session:
        return session.get(ServerDevice, device_id)


def signed_on_server(server, record_ids: list[str]) -> list[str | None]:
    """The device whose signature or batch seal proves each stored record's content (None: nothing does)."""
    from server.services.record_signatures import vouching_device

    with transaction(server.factory) as session:
        return [vouching_device(session, session.get(ServerRegistration, rid)) for rid in record_ids]


def sync_message(ws, result) -> str:
    with ws.transaction() as s:
        return s.get(SyncLog, result.log_id).message


def test_enrolment_makes_the_keys_and_the_sync_brings_the_key_list(server, laptop, kit):
    with laptop.transaction() as s:
        own = device_keys.own_keys(s)
        me = device_keys.server_device_id(s)
        assert own is not None and own.registered
        # The root key the server made on first use is the one pinned at enrolment.
        root = load(server.settings).root
        assert signing.public_text(device_keys.root_key(s)) == signing.public_text(root)
    assert server_device(server, me).signing_key == own.public().signing_key

    officer = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, officer, 2)
    result = kit.sync(laptop)
    assert result.accepted == 2 and not result.problems
    # Signed by this laptop, checked by the server against the key it certified.
    assert signed_on_server(server, ids) == [me, me]

    with laptop.transaction() as s:
        assert device_keys.key_list_version(s) >= 1
        mine = next(e for e in device_keys.key_list(s) if e.device_id == me)
        assert mine.users == (server.users["siti"],) and not mine.revoked
        assert signing.public_text(device_keys.signing_key_of(s, me)) == own.public().signing_key
        assert [(d, signing.public_text(k)) for d, k in device_keys.device_keys_of_user(s, server.users["siti"])
                if d == me] == [(me, own.public().encryption_key)]
        assert device_keys.signing_key_of(s, "01a2f000-0000-7000-8000-0000000000ff") is None
        assert signing.public_text(device_keys.server_batch_key(s)) == signing.public_text(load(server.settings).batch)
        # The held list is the signed one, checkable again by anyone with the root key.
        assert key_list.read_signed(device_keys.signed_key_list(s), root.public_key()).version == \
            device_keys.key_list_version(s)


def key_list_state(ws) -> tuple:
    with ws.transaction() as s:
        held = s.get(KeyListCopy, 1)
        return (held.version, held.document, held.signature,
                sorted((d.device_id, d.signing_key) for d in s.query(KnownDevice)))


def test_a_forged_key_list_is_refused_and_changes_nothing(server, laptop, kit):
    kit.sync(laptop)
    before = key_list_state(laptop)
    with laptop.transaction() as s:
        held = key_list.parse(device_keys.signed_key_list(s).document)
    # A list naming an intruder's laptop, newer than the one held, signed by a key that is not the province's.
    intruder = device_keys.generate()
    forged = replace(held, version=held.version + 5, devices=held.devices + (key_list.KeyEntry(
        device_id="01a2f000-0000-7000-8000-0000000000ee", name="palsu",
        signing_key=signing.public_text(intruder.signing), encryption_key=signing.public_text(intruder.encryption),
        users=(server.users["sup"],)),))
    by_other_root = key_list.sign(forged, Ed25519PrivateKey.generate())
    # And the real signature over the real list, with the document changed after signing.
    real = key_list.sign(held, load(server.settings).root)
    edited = replace(real, document=real.document.replace('"version":', '"version":9', 1))
    with transaction(server.factory) as session:
        seqs = [feed.add(session=session, now=utcnow(), change=change, user_id=None).seq
                for change in (by_other_root, edited)]
    try:
        result = kit.sync(laptop)
    finally:
        with transaction(server.factory) as session:  # the server is shared by this module's tests
            session.execute(delete(Change).where(Change.seq.in_(seqs)))
    message = sync_message(laptop, result)
    assert message.count("Daftar kunci dari server ditolak") == 2, message
    assert "tanda tangan bukan dari kunci provinsi" in message
    assert key_list_state(laptop) == before
    with laptop.transaction() as s:
        # Nothing of the intruder's: no batch file would be made for it, nothing it signs would be believed.
        assert "01a2f000-0000-7000-8000-0000000000ee" not in {
            d for d, _key in device_keys.device_keys_of_user(s, server.users["sup"])}
        assert device_keys.signing_key_of(s, "01a2f000-0000-7000-8000-0000000000ee") is None
    # The sync went on to its end: a bad list costs that list only.
    with laptop.transaction() as s:
        assert s.get(SyncLog, result.log_id).result == "ok"


def enrol_like_an_old_laptop(ws, url: str, code: str) -> str:
    """What sync/enrol.py did before keys: the token and the accounts, no keys, no root key."""
    client = SyncClient(url, give_up_after=30)
    answer = client.enrol(code, "laptop-lama")
    with ws.transaction() as s:
        for key, value in ((SERVER_URL, url), (DEVICE_TOKEN, answer.device_token),
                           (SERVER_DEVICE_ID, answer.device_id), ("protocol", "1")):
            s.merge(Meta(key=key, value=value))
        for account in answer.accounts:
            store_account(s, account, ws.now())
    return answer.device_id


def test_a_laptop_enrolled_before_keys_registers_them_at_its_next_sync(server, proxy, kit, tmp_path):
    from app.workspace import Workspace

    ws = Workspace.open(tmp_path / "old-laptop")
    try:
        device_id = enrol_like_an_old_laptop(ws, proxy.url, server.enrol_code(for_user="sup"))
        with ws.transaction() as s:
            assert device_keys.own_keys(s) is None and device_keys.root_key(s) is None
        assert server_device(server, device_id).signing_key is None
        ids = kit.submitted(ws, kit.actor_for(ws, "siti"), 1)

        result = kit.sync(ws)
        assert result.accepted == 1 and not result.problems
        with ws.transaction() as s:
            own = device_keys.own_keys(s)
            assert own.registered
            assert signing.public_text(device_keys.root_key(s)) == signing.public_text(load(server.settings).root)
            assert device_keys.signing_key_of(s, device_id) is not None  # in the list pulled in the same sync
        assert server_device(server, device_id).signing_key == own.public().signing_key
        # Registered before the push: the records of that very sync are signed already.
        assert signed_on_server(server, ids) == [device_id]
        # The next sync sends nothing about keys again.
        kit.sync(ws)
        assert server_device(server, device_id).signing_key == own.public().signing_key
    finally:
        ws.close()


def test_keys_the_server_does_not_hold_are_said_in_the_log_and_records_go_unsigned(server, laptop, kit):
    with laptop.transaction() as s:
        me = device_keys.server_device_id(s)
        certified = device_keys.own_keys(s).public().signing_key
        device_keys.store_own(s, device_keys.generate(), now=laptop.now())  # e.g. a restored database
    ids = kit.submitted(laptop, kit.actor_for(laptop, "siti"), 1)
    result = kit.sync(laptop)
    assert "kunci lain untuk laptop ini" in sync_message(laptop, result)
    assert result.accepted == 1
    assert signed_on_server(server, ids) == [None]
    assert server_device(server, me).signing_key == certified
