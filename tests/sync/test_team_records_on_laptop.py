"""A team member's record received on the supervisor's laptop (the pull's 'record' change), Qt-free: stored whole
for review, brought up to date when sent again, never over a local change, and its files said to be elsewhere."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime

from app import auth, record_views, registrations as regs
from app.workspace import Workspace
from bench.realistic import person
from sync.answers import RecordChange
from sync.payload import FileNote
from sync.records import apply_change, to_record

T0 = datetime(2026, 11, 20, 2, 0)


def officers_record(tmp_path) -> tuple[dict, object]:
    """An officer's submitted record as the server would send it on, made on the officer's own laptop."""
    ws = Workspace.open(tmp_path / "officer")
    try:
        with ws.transaction() as s:
            user = auth.create_user(s, username="siti", full_name="Siti", password="rahasia123", role="officer",
                                    now=T0)
            actor = auth.Actor(user.id, "siti", "Siti", "officer", ws.device_id)
            reg = regs.create_draft(s, actor=actor, kind="ektp", now=T0,
                                    data=person(random.Random(3), "16.03.07.1001", date(2026, 11, 20)))
            regs.submit(s, actor=actor, registration_id=reg.id, now=T0, today=date(2026, 11, 20), regions=ws.regions)
            account = {"id": user.id, "username": "siti", "full_name": "Siti", "role": "officer",
                       "password_hash": user.password_hash}
            record = to_record(reg, [FileNote(sha256="ab" * 32, purpose="photo")], [])
        return account, replace(record, base_version=1)
    finally:
        ws.close()


def test_a_received_record_is_stored_whole_and_says_its_files_are_on_the_server(tmp_path):
    account, record = officers_record(tmp_path)
    ws = Workspace.open(tmp_path / "supervisor")
    try:
        with ws.transaction() as s:
            auth.upsert_account(s, account=account, now=T0)
            assert apply_change(s, RecordChange(record=record), user_id=account["id"], now=T0)
        with ws.transaction() as s:
            detail = record_views.load_detail(s, record.id)
            assert (detail.status, detail.data, detail.remote_files) == ("submitted", record.data, 1)
            assert not detail.waiting_to_send  # the server's copy: nothing to send back
            assert regs.get(s, record.id).server_version == 1
            # Found by any part of its name in the list, as the laptop's own records are.
            name = record.data["name"]
            assert [r.id for r in regs.search(s, text=name[1:6])] == [record.id]
        # Sent again by the officer: the newer copy replaces it, field by field in the history.
        newer = replace(record, base_version=3, data=record.data | {"address": "JL. MERDEKA NO. 7"})
        with ws.transaction() as s:
            apply_change(s, RecordChange(record=newer), user_id=account["id"], now=T0)
            entry = regs.history(s, record.id)[-1]
            assert entry.action == "received" and entry.changes["address"][1] == "JL. MERDEKA NO. 7"
        # Renamed by its officer: found by the new name only.
        renamed = replace(newer, base_version=4, data=newer.data | {"name": "Kartini Wulandari"})
        with ws.transaction() as s:
            apply_change(s, RecordChange(record=renamed), user_id=account["id"], now=T0)
            assert [r.id for r in regs.search(s, text="wulan")] == [record.id]
            assert regs.search(s, text=name) == [] and regs.count(s, text="kartini") == 1
        # An older copy, or one arriving over a decision not yet sent, changes nothing.
        with ws.transaction() as s:
            boss = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor",
                                    now=T0)
            regs.transition(s, actor=auth.Actor(boss.id, "ani", "Ani", "supervisor", ws.device_id),
                            registration_id=record.id, action="approve", now=T0)
            apply_change(s, RecordChange(record=replace(newer, base_version=9, data={})), user_id=account["id"],
                         now=T0)
            assert regs.get(s, record.id).status == "approved"
            assert regs.get(s, record.id).data["address"] == "JL. MERDEKA NO. 7"
    finally:
        ws.close()
