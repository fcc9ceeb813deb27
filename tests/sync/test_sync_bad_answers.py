"""A server that answers nonsense (another protocol version, a bug, a proxy in between) never crashes the app and
never changes a record: the sync stops with a message in Bahasa Indonesia, or skips the one entry it cannot read."""

from __future__ import annotations

import json

import pytest
from in_process_server import PASSWORD, URL, InProcessServer
from live_server import VALID_EKTP

from app import auth
from app import registrations as regs
from app.workspace import Workspace
from db.models import Meta, Registration, SyncLog
from server.core.db import transaction
from server.services import status as central
from sync.client import BadAnswer, Refused
from sync.engine import run_sync
from sync.enrol import enrol


@pytest.fixture
def server(tmp_path):
    server = InProcessServer(tmp_path / "server")
    server.create_user("siti")
    yield server
    server.close()


@pytest.fixture
def laptop(tmp_path, server):
    ws = Workspace.open(tmp_path / "laptop")
    enrol(ws, URL, server.enrol_code(for_user="siti"), "laptop-uji", client=server.client())
    yield ws
    ws.close()


def _submitted(ws) -> str:
    with ws.transaction() as s:
        actor = auth.login(s, username="siti", password=PASSWORD, now=ws.now(), device_id=ws.device_id)
        reg = regs.create_draft(s, actor=actor, kind="ektp", now=ws.now(), data=dict(VALID_EKTP))
        regs.submit(s, actor=actor, registration_id=reg.id, now=ws.now(), today=ws.now().date(), regions=ws.regions)
        return reg.id


def _sync_with(ws, server, tamper):
    client = server.client()
    client.tamper = tamper
    return run_sync(ws, username="siti", password=PASSWORD, client=client)


def _rewrite(path: str, change):
    def tamper(method, at, status, body):
        return (status, json.dumps(change(json.loads(body))).encode()) if at == path else (status, body)
    return tamper


def _waiting(ws, rid: str) -> bool:
    with ws.transaction() as s:
        reg = s.get(Registration, rid)
        return reg.version != reg.synced_version and reg.server_version == 0


@pytest.mark.parametrize("answer", [
    lambda a: {**a, "results": "accepted"},
    lambda a: {**a, "results": [{**a["results"][0], "result": "diterima"}]},
    lambda a: {**a, "results": [{**a["results"][0], "server_version": -1}]},
    lambda a: {**a, "batch_id": "01890000-0000-7000-8000-000000000000"},
    lambda a: [a],
])
def test_a_push_answer_of_the_wrong_shape_stops_the_sync_and_changes_nothing(server, laptop, answer):
    rid = _submitted(laptop)
    with pytest.raises(BadAnswer) as caught:
        _sync_with(laptop, server, _rewrite("/push", answer))
    assert caught.value.text().startswith("Jawaban server tidak dapat dibaca (")
    assert _waiting(laptop, rid)
    with laptop.transaction() as s:
        log = s.query(SyncLog).order_by(SyncLog.id.desc()).first()
        assert (log.result, log.message) == ("error", caught.value.text())
    # A sane server later: the same batch, answered from its store, and nothing twice.
    _sync_with(laptop, server, None)
    assert not _waiting(laptop, rid)


def test_an_unreadable_feed_entry_is_skipped_and_named_and_the_rest_applied(server, laptop):
    rid = _submitted(laptop)
    _sync_with(laptop, server, None)
    with transaction(server.factory) as session:
        central.set_status(session=session, now=laptop.now(), registration_id=rid, status="done", note="Selesai")
    broken = {"seq": 0, "type": "status", "registration_id": "bukan-uuid"}
    result = _sync_with(laptop, server, _rewrite("/pull", lambda page: {**page, "changes": [
        {**broken, "seq": page["changes"][0]["seq"]}, *page["changes"]]}))
    assert [p for p in result.problems if p.startswith("Perubahan nomor ")] != []
    with laptop.transaction() as s:
        assert s.get(Registration, rid).status == "done"
        assert int(s.get(Meta, f"pull_cursor:{server.users['siti']}").value) > 0


def test_a_bare_refusal_from_something_in_between_reads_in_indonesian(server, laptop):
    def proxy_says_no(method, path, status, body):
        return (403, b"<html>Forbidden</html>") if path == "/session" else (status, body)

    with pytest.raises(Refused) as caught:
        _sync_with(laptop, server, proxy_says_no)
    assert (caught.value.status, caught.value.text()) == (403, "Server menolak permintaan (HTTP 403).")
