"""Contract: what the laptop really sends is what the server really parses, and what the server really answers
is what the laptop really parses (PROTOCOL.md, sync/payload.py and sync/answers.py).

Real records made with the app's services in a real SQLite workspace (the three services, with history and
attachments, a record a supervisor returned with a comment) go through the real sync engine and client; the
transport hands their exact bytes to the route functions FastAPI calls (tests/sync/in_process_server.py), so no
socket is involved, and both sides' parsers see each other's real output.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from in_process_server import PASSWORD, URL, InProcessServer
from live_server import VALID_EKTP

from app import auth, guardrails
from app import registrations as regs
from app.attachments import AttachmentStore, attach
from app.workspace import Workspace
from db.models import Registration
from server.core.db import transaction
from server.models import Registration as ServerRegistration
from server.services import guardrails as server_guardrails
from server.services import push as push_service
from server.services import status as central
from sync import device_keys, signing
from sync import records as local
from sync.answers import (LimitsChange, ReturnedChange, StatusChange, UnknownChange, chunk_answer_from_dict,
                          device_keys_answer_from_dict, enrol_answer_from_dict, files_answer_from_dict,
                          missing_from_dict, pull_page_from_dict, pull_page_to_dict, push_response_from_dict,
                          session_answer_from_dict)
from sync.engine import run_sync
from sync.enrol import enrol
from sync.payload import dumps, loads, push_from_dict, record_from_dict, to_dict
from sample_records import valid_birth

TODAY = date.today()
RECORD_KEYS = {"id", "kind", "status", "version", "base_version", "owner_id", "device_id", "created_at",
               "updated_at", "data", "attachments", "history"}
COMMENT = "Foto buram, mohon foto ulang."
NOTE = "KTP sudah dicetak"
BIRTH = valid_birth(born=TODAY - timedelta(days=10))
CATARACT = dict(
    patient_name="Rohani", patient_nik="1603075507600003", patient_sex="2", patient_birth_date="1960-07-15",
    patient_province_code="16", patient_regency_code="16.03", patient_district_code="16.03.07",
    patient_village_code="16.03.07.1001", screening_date=(TODAY - timedelta(days=3)).isoformat(),
    exam_status="1", right_presenting_va="5", right_pinhole_va="5", right_lens="2", left_presenting_va="3",
    left_pinhole_va="3", left_lens="2", principal_cause="3", surgery_barriers=["2", "3"],
)
# How each answer is read on the laptop, and written back: the round trip must give the server's JSON again.
READERS = {
    "/enrol": (enrol_answer_from_dict, to_dict),
    "/devices/keys": (device_keys_answer_from_dict, to_dict),
    "/session": (session_answer_from_dict, to_dict),
    "/push": (push_response_from_dict, lambda answer: _push_answer_to_dict(answer)),
    "/pull": (pull_page_from_dict, pull_page_to_dict),
    "/attachments/status": (missing_from_dict, lambda missing: {"missing": [to_dict(m) for m in missing]}),
    "/attachments/files": (files_answer_from_dict, to_dict),
}


def _push_answer_to_dict(answer) -> dict:
    """A push's answer as the server writes it: the pull's page in it (``pull_cursor``) in the feed's flat form."""
    out = to_dict(replace(answer, pull=None))
    return out | ({"pull": pull_page_to_dict(answer.pull)} if answer.pull is not None else {})


def _pulled_changes(exchanges) -> list:
    """Every change the laptop pulled: from GET /pull, and from the page that came with the last push."""
    pages = [pull_page_from_dict(a) for _m, path, _b, _s, a in exchanges if path == "/pull"]
    pages += [push_response_from_dict(a).pull for _m, path, _b, _s, a in exchanges if path == "/push"]
    return [entry.change for page in pages if page is not None for entry in page.changes]


@pytest.fixture
def server(tmp_path):
    server = InProcessServer(tmp_path / "server")
    server.create_user("sup", "supervisor")
    server.create_user("siti", supervisor="sup")
    yield server
    server.close()


@pytest.fixture
def laptop(tmp_path, server):
    ws = Workspace.open(tmp_path / "laptop")
    enrol(ws, URL, server.enrol_code(for_user="sup"), "laptop-kontrak", client=server.client())
    yield ws
    ws.close()


def _actor(ws, username: str):
    with ws.transaction() as s:
        return auth.login(s, username=username, password=PASSWORD, now=ws.now(), device_id=ws.device_id)


def _submitted(ws, actor, kind: str, data: dict, files: dict[str, bytes]) -> str:
    store = AttachmentStore.beside(ws.db_path)
    with ws.transaction() as s:
        reg = regs.create_draft(s, actor=actor, kind=kind, now=ws.now(), data=dict(data))
        for purpose, content in files.items():
            attach(s, store=store, actor=actor, registration_id=reg.id, data=content, media_type="image/jpeg",
                   purpose=purpose, now=ws.now())
        issues = regs.submit(s, actor=actor, registration_id=reg.id, now=ws.now(), today=TODAY, regions=ws.regions)
        assert not [i for i in issues if i.severity == "error"], issues
        return reg.id


def _built(ws, ids) -> dict:
    with ws.transaction() as s:
        return {record.id: record for record in local.build(s, list(ids))}


def _sync(ws, server, username: str):
    client = server.client()
    run_sync(ws, username=username, password=PASSWORD, client=client)
    return client.exchanges


def _pushed_as_sent(exchanges) -> dict:
    return {record.id: record for _m, path, body, _s, _a in exchanges if path == "/push"
            for record in push_from_dict(body).records}


def _pushed(exchanges) -> dict:
    """The pushed records without the laptop's signature, which is not part of what the laptop built."""
    return {rid: replace(r, origin_device=None, signature=None) for rid, r in _pushed_as_sent(exchanges).items()}


def _check_answers_round_trip(exchanges) -> None:
    for method, path, _body, status, answer in exchanges:
        assert status == 200, (method, path, answer)
        parse, back = READERS.get(path, (chunk_answer_from_dict, to_dict))
        assert back(parse(answer)) == answer, path


def test_a_days_records_and_the_servers_answers_cross_unchanged(server, laptop):
    officer = _actor(laptop, "siti")
    ids = {"ektp": _submitted(laptop, officer, "ektp", VALID_EKTP, {"photo": b"\xff\xd8 foto siti"}),
           "birth": _submitted(laptop, officer, "birth", BIRTH, {"birth_letter": b"surat lahir"}),
           "cataract": _submitted(laptop, officer, "cataract", CATARACT, {"signature": b"tanda tangan"}),
           "second": _submitted(laptop, officer, "ektp", dict(VALID_EKTP, nik="1603074502900009"), {})}
    built = _built(laptop, ids.values())
    for record in built.values():
        wire = to_dict(record)
        # No review comment yet: the key is left out; so are notes of files for a record without any.
        assert set(wire) == RECORD_KEYS | ({"files"} if record.attachments else set()) and wire["history"]
        assert [f["sha256"] for f in wire.get("files", [])] == wire["attachments"]
        assert record_from_dict(loads(dumps(wire))) == record

    exchanges = _sync(laptop, server, "siti")
    # The server's parser reads exactly what the laptop built, signed by the laptop (its signature outside the
    # content), and its validator takes all three services.
    assert _pushed(exchanges) == built
    pushed = _pushed_as_sent(exchanges)
    [body] = [push_from_dict(body) for _m, path, body, _s, _a in exchanges if path == "/push"]
    with laptop.transaction() as s:
        own = device_keys.own_keys(s).signing.public_key()
        me = device_keys.server_device_id(s)
    # A server that reads seals gets one signature of the laptop over the batch's records, none of their own.
    assert all(r.origin_device is None and r.signature is None for r in pushed.values())
    covered = [(r.id, r.content_hash()) for r in body.records]
    assert body.seal.device == me and signing.verify(own, signing.SEAL_LABEL, signing.seal_message(
        body.batch_id, me, covered), body.seal.signature)
    assert all(r.content_hash() == built[rid].content_hash() for rid, r in pushed.items())
    [answer] = [push_response_from_dict(a) for _m, path, _b, _s, a in exchanges if path == "/push"]
    assert {r.id: r.result for r in answer.results} == {rid: "accepted" for rid in built}
    _check_answers_round_trip(exchanges)
    # The photos here are small: several to a request, stored by the server's own reader of that body.
    assert any((method, path) == ("POST", "/attachments/files") for method, path, *_ in exchanges)
    with transaction(server.factory) as session:
        for record in built.values():
            # The server's copy, in the shape it sends back in a conflict, is the laptop's record.
            copy = record_from_dict(push_service.record_dict(session.get(ServerRegistration, record.id)))
            assert (copy.content_hash(), copy.history, sorted(copy.attachments)) == (
                record.content_hash(), record.history, sorted(record.attachments))

    supervisor = _actor(laptop, "sup")
    with laptop.transaction() as s:
        regs.transition(s, actor=supervisor, registration_id=ids["second"], action="return", now=laptop.now(),
                        comment=COMMENT)
    [returned] = _built(laptop, [ids["second"]]).values()
    assert to_dict(returned)["review_comment"] == COMMENT
    exchanges = _sync(laptop, server, "sup")
    assert _pushed(exchanges) == {returned.id: returned}
    _check_answers_round_trip(exchanges)

    with transaction(server.factory) as session:
        central.set_status(session=session, now=laptop.now(), registration_id=ids["ektp"], status="done", note=NOTE)
    exchanges = _sync(laptop, server, "siti")
    _check_answers_round_trip(exchanges)
    changes = _pulled_changes(exchanges)
    assert not [c for c in changes if isinstance(c, UnknownChange)]
    [back] = [c for c in changes if isinstance(c, ReturnedChange)]
    assert (back.registration_id, back.comment, back.by, back.server_version) == (
        ids["second"], COMMENT, server.users["sup"], 2)
    [done] = [c for c in changes if isinstance(c, StatusChange) and c.registration_id == ids["ektp"]]
    assert (done.status, done.note, done.by) == ("done", NOTE, None)
    with laptop.transaction() as s:
        reg = s.get(Registration, ids["ektp"])
        assert (reg.status, reg.status_note, reg.server_version) == ("done", NOTE, done.server_version)
        assert regs.history(s, reg.id)[-1].user_id == auth.central_user(s, now=laptop.now()).id


def test_the_provinces_limits_cross_unchanged_and_the_laptop_keeps_the_newest(server, laptop):
    for limits in (server_guardrails.Limits(30, 50, 7), server_guardrails.Limits(0, 12, 0)):
        with transaction(server.factory) as session:
            assert server_guardrails.set_limits(session=session, now=laptop.now(), limits=limits)
    exchanges = _sync(laptop, server, "siti")
    _check_answers_round_trip(exchanges)
    changes = _pulled_changes(exchanges)
    pulled = [c for c in changes if isinstance(c, LimitsChange)]
    assert [(c.max_waiting_review, c.max_not_handed_over, c.max_days_since_handover) for c in pulled] == [
        (30, 50, 7), (0, 12, 0)]
    with laptop.transaction() as s:
        kept = guardrails.stored_limits(s)
    assert (kept.max_waiting_review, kept.max_not_handed_over, kept.max_days_since_handover, kept.set_at) == (
        0, 12, 0, pulled[-1].set_at)


def test_the_check_would_see_a_field_the_client_drops(server, laptop, monkeypatch):
    # The contract is only worth something if a one-sided change breaks it: here the laptop forgets the history.
    officer = _actor(laptop, "siti")
    rid = _submitted(laptop, officer, "ektp", VALID_EKTP, {})
    built = _built(laptop, [rid])
    real_build = local.build
    monkeypatch.setattr(local, "build", lambda s, ids: [
        record.__class__(**{**record.__dict__, "history": []}) for record in real_build(s, ids)])
    assert _pushed(_sync(laptop, server, "siti")) != built
