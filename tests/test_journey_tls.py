"""Journey: the laptop reaches the province over HTTPS with the province's certificate pinned, and the next sync
resumes the TLS session instead of a full handshake (issue 12 item 4, sync/tls_sessions.py). The real server on
loopback serves TLS with a self-signed certificate → the officer makes the laptop's first account → the province's
administrator logs in on it and pins the certificate in Settings → Connection → the officer enrols over https://,
sends an e-KTP and presses "Sync now": it reaches the server → another e-KTP, "Sync now" again: every connection
of that sync resumed the session the last one left."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from bench.certificates import self_signed
from journey_kit import PASSWORD, WAIT, Laptop, send_ektp

from app import auth
from server.core.config import Settings as ServerSettings
from server.models import Registration as ServerRegistration
from server.services.record_signatures import vouching_device
from sync import device_keys, transport
from sync.tls_sessions import context_for
from ui.shell.main_window import SETTINGS

sys.path.insert(0, str(Path(__file__).resolve().parent / "server"))
from live_server import LiveServer  # noqa: E402


def test_an_officer_syncs_over_pinned_https_and_the_next_sync_resumes_the_session(qtbot, tmp_path):
    cert, key = self_signed(tmp_path / "tls")
    server = LiveServer(ServerSettings(data_dir=tmp_path / "server"), "sqlite", tls=(cert, key))
    server.create_user("siti")
    laptop = Laptop(tmp_path / "laptop", qtbot, make_client=None)  # the app's own client: the transport policy
    try:
        laptop.create_first_account("Siti Aminah", "siti")
        with laptop.workspace.transaction() as s:  # the province's administrator account, as provisioned
            auth.upsert_account(s, account={"id": "01a2f000-0000-7000-8000-0000000000ad", "username": "admin",
                                            "full_name": "Admin Provinsi", "role": "admin",
                                            "password_hash": auth.hash_password(PASSWORD)},
                                now=laptop.workspace.now())
        laptop.log_out()
        laptop.log_in("admin")
        settings = laptop.go(SETTINGS)
        qtbot.waitUntil(lambda: settings.transport_button.isVisible(), timeout=WAIT)
        qtbot.mouseClick(settings.transport_button, Qt.MouseButton.LeftButton)
        dialog = settings.transport_dialog
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
        dialog.set_certificate(cert)  # what "Choose certificate…" returns from the file dialog
        laptop.shot("40-connection-pin", dialog)
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Sertifikat provinsi dipasang" in settings.transport.text(), timeout=WAIT)
        laptop.shot("41-settings-pinned")
        laptop.log_out()

        laptop.log_in("siti")
        laptop.enrol(server.root, server.enrol_code())
        assert server.root.startswith("https://")
        laptop.sync()  # the province certifies the laptop's key
        first = send_ektp(qtbot, laptop, "Siti Rahmawati", "1603075708900003")
        result = laptop.sync()
        assert result.accepted == 1
        tls = context_for(str(transport.policy_of(laptop.workspace).ca_file))
        handshakes, resumed = tls.handshakes, tls.resumed
        second = send_ektp(qtbot, laptop, "Budi Santoso", "1603071708900004")
        result = laptop.sync()
        assert result.accepted == 1
        assert tls.handshakes > handshakes and tls.resumed - resumed == tls.handshakes - handshakes
        with laptop.workspace.reading() as s:
            me = device_keys.server_device_id(s)
        with server.factory() as s:
            assert {s.get(ServerRegistration, rid) is not None for rid in (first, second)} == {True}
            # Each sync's batch went under this laptop's seal, and the server can still prove who made each record.
            assert [vouching_device(s, s.get(ServerRegistration, rid)) for rid in (first, second)] == [me, me]
            assert s.get(ServerRegistration, first).seal_batch_id != s.get(ServerRegistration, second).seal_batch_id
    finally:
        laptop.close()
        server.stop()
