"""``sync.enrol.enrol_as``: the enrolment dialog's job. The account logged in on the laptop before enrolment
takes the server's id, and the session continues as that account."""

from __future__ import annotations

from datetime import datetime

import pytest
from in_process_server import PASSWORD, URL, InProcessServer

from app import auth
from app.workspace import Workspace
from sync.enrol import enrol_as


@pytest.fixture
def server(tmp_path):
    server = InProcessServer(tmp_path / "server")
    server.create_user("siti")
    yield server
    server.close()


def test_enrolling_hands_back_the_account_under_the_servers_id(tmp_path, server):
    ws = Workspace.open(tmp_path / "laptop")
    try:
        with ws.transaction() as s:
            user = auth.create_user(s, username="siti", full_name="Siti Aminah", password=PASSWORD, role="officer",
                                    now=datetime(2026, 11, 1))
            before = auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)
        enrolled = enrol_as(ws, before, URL, server.enrol_code(for_user="siti"), "laptop-uji", client=server.client())
        assert enrolled.enrolment.accounts >= 1
        assert enrolled.actor.username == "siti" and enrolled.actor.user_id != before.user_id
        with ws.transaction() as s:
            assert auth.current_actor(s, actor=before) == enrolled.actor
    finally:
        ws.close()
