"""The server's audit log under load, on SQLite and PostgreSQL (issue 11 item 5): logins from several laptops at
once and pushes all land in one unbroken chain; the entries carry ids and counts, never a NIK or a name."""

from __future__ import annotations

import threading

from live_server import VALID_EKTP, make_record
from sqlalchemy import select

from server.core.db import transaction
from server.models import AuditEvent
from server.services import audit


def test_concurrent_logins_and_pushes_make_one_unbroken_chain(live, team):
    errors: list[BaseException] = []

    def work(device, username, i):
        try:
            assert device.login(username).status_code == 200
            assert device.login(username, "salah-sekali-" + str(i)).status_code in (401, 429)
            record = make_record(team.ids[username], device, data=dict(VALID_EKTP, nik=f"16030745029{i:05d}"))
            assert device.push([record]).status_code == 200
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(device, name, i))
               for i, (device, name) in enumerate([(team.siti, "siti"), (team.ani, "ani"), (team.budi, "budi")] * 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors

    with transaction(live.factory) as session:
        result = audit.verify(session)
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    assert result.intact, result
    actions = [e.action for e in events]
    assert actions.count("push") >= 9 and actions.count("login") >= 9 and actions.count("login_failed") >= 9
    text = " ".join(f"{e.username} {e.detail}" for e in events)
    assert "1603074502" not in text and VALID_EKTP["name"] not in text and "salah-sekali" not in text
    code, out = live.cli("audit", "verify")
    assert code == 0 and "intact" in out
