"""Settings → Connection (issue 11 item 7): an officer sees how the laptop reaches the server and cannot change
it; an administrator pins the province's certificate and allows or forbids plain HTTP, in the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from app import auth
from db.models import AuditEvent
from sync import transport
from ui.shell.settings_page import SettingsPage
from ui.sync.transport_dialog import TransportDialog


def certificate(path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "jemput.sumselprov.go.id")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=30))
            .sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture
def admin_ctx(make_ui_context, workspace):
    ctx = make_ui_context(translators="id")
    with workspace.transaction() as s:
        user = auth.upsert_account(s, account={"id": "01a2f000-0000-7000-8000-0000000000ad", "username": "admin",
                                               "full_name": "Admin Provinsi", "role": "admin",
                                               "password_hash": auth.hash_password("rahasia-admin")},
                                   now=workspace.now())
    ctx.actor = auth.Actor(user.id, "admin", "Admin Provinsi", "admin", workspace.device_id)
    return ctx


def test_an_officer_sees_the_connection_but_cannot_change_it(qtbot, make_ui_context):
    page = SettingsPage(make_ui_context(translators="id"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.transport.text() != "")
    assert page.transport.text() == "Hanya HTTPS; Otoritas sertifikat sistem"
    assert not page.transport_button.isVisible()


def test_an_administrator_pins_the_certificate(qtbot, admin_ctx, workspace, tmp_path):
    page = SettingsPage(admin_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.transport.text() != "")
    assert page.transport_button.isVisible()
    dialog = page.open_transport()
    assert isinstance(dialog, TransportDialog) and not dialog.plain.isChecked()
    dialog.set_certificate(tmp_path / "not-a-cert.pem")
    (tmp_path / "not-a-cert.pem").write_text("hello")
    dialog.save()
    qtbot.waitUntil(dialog.message.isVisible)
    assert "bukan sertifikat" in dialog.message.text()
    dialog.set_certificate(certificate(tmp_path / "provinsi.pem"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    qtbot.waitUntil(lambda: "Sertifikat provinsi dipasang" in page.transport.text())
    policy = transport.policy_of(workspace)
    assert policy.ca_file is not None and policy.ca_file.read_bytes() == (tmp_path / "provinsi.pem").read_bytes()
    assert policy.client_options() == {"allow_plain_http": False, "verify": str(policy.ca_file)}
    with workspace.transaction() as s:
        (entry,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "transport_policy"))
        assert entry.username == "admin" and "pinned_ca=new" in entry.detail
