"""Receipts checked offline against the province's key list (issue 11 item 6), with the real server on loopback:
a receipt printed by one laptop after its first sync is signed; its QR code, read back from the rendered PDF by a
QR decoder, is valid on another laptop with no network; one changed character makes it invalid; after the
province revokes the issuing laptop, the next pulled key list says so; a laptop with no key list cannot say."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app import receipt_seal
from app.receipt_views import receipt_for
from sync import device_keys, receipt_check

from live_server import PASSWORD


def receipt_of(ws, registration_id: str):
    with ws.transaction() as s:
        return receipt_for(s, registration_id=registration_id, language="id",
                           signer=device_keys.receipt_signer(s))


def verdict(ws, text: str) -> receipt_check.ReceiptCheck:
    with ws.transaction() as s:
        return receipt_check.check(s, text)


@pytest.fixture
def other_laptop(tmp_path, server):
    from app.workspace import Workspace
    from sync.enrol import enrol

    ws = Workspace.open(tmp_path / "other")
    enrol(ws, server.root, server.enrol_code(for_user="sup"), "laptop-sup")
    yield ws
    ws.close()


def qr_from_pdf(content, tmp_path) -> str:
    """Rendered as the officer prints it, rasterized like a thermal printer (203 dpi), read by a QR decoder."""
    zxingcpp = pytest.importorskip("zxingcpp")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing (Debian: apt-get install poppler-utils)")
    from PySide6.QtGui import QImage

    from ui.media import receipt_render

    pdf = tmp_path / "receipt.pdf"
    receipt_render.write_pdf(content, "thermal58", pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "203", "-singlefile", str(pdf), str(tmp_path / "receipt")], check=True)
    gray = QImage(str(tmp_path / "receipt.png")).convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[:stride * h]
    pixels = memoryview(b"".join(raw[y * stride:y * stride + w] for y in range(h))).cast("B", (h, w))
    (found,) = [b.text for b in zxingcpp.read_barcodes(pixels) if b.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def jemput(*args: str) -> subprocess.CompletedProcess:
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # The laptop's database is encrypted and has accounts: the command asks for one on standard input.
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=root, timeout=60,
                          input=f"sup\n{PASSWORD}\n",
                          env={"PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


def flip(text: str, at: int) -> str:
    return text[:at] + ("1" if text[at] != "1" else "2") + text[at + 1:]


def test_a_printed_receipt_verifies_offline_and_a_changed_one_does_not(qapp, server, laptop, other_laptop, kit,
                                                                       tmp_path):
    officer = kit.actor_for(laptop, "siti")
    (rid,) = kit.submitted(laptop, officer, 1)
    assert not kit.sync(laptop).problems
    content = receipt_of(laptop, rid)
    assert content.signed

    text = qr_from_pdf(content, tmp_path)
    assert text == content.qr_payload and text.startswith(receipt_seal.PREFIX)

    # The supervisor's laptop has never seen the record: only the key list it pulled.
    assert verdict(other_laptop, text).verdict == receipt_check.NO_KEY_LIST
    kit.sync(other_laptop, username="sup")
    answer = verdict(other_laptop, text)
    with laptop.transaction() as s:
        issuer = device_keys.server_device_id(s)
    assert (answer.verdict, answer.device_id, answer.device_name) == (receipt_check.VALID, issuer, "laptop-test")
    assert (answer.statement.registration_id, answer.statement.number, answer.statement.service) == (
        rid, content.number, "ektp")
    assert answer.statement.masked_nik == content.citizen_nik and "******" in content.citizen_nik

    for at in (len(receipt_seal.PREFIX) + 5, len(text) // 2, len(text) - 1):
        assert verdict(other_laptop, flip(text, at)).verdict == receipt_check.INVALID
    # A change inside the laptop's id names another laptop: not confirmed either way, never valid.
    assert verdict(other_laptop, flip(text, 20)).verdict in (receipt_check.UNKNOWN_LAPTOP, receipt_check.INVALID)
    assert verdict(other_laptop, "nonsense").verdict == receipt_check.INVALID
    assert verdict(other_laptop, text.lower()).verdict == receipt_check.INVALID  # Base45 has no lower case

    # The same answers from the command line, for a code and for the PDF itself.
    folder = other_laptop.db_path.parent
    ok = jemput("verify", text, "--data-dir", str(folder))
    assert ok.returncode == 0 and "valid" in ok.stdout and content.number in ok.stdout, ok.stderr
    from_pdf = jemput("verify", "--image", str(tmp_path / "receipt.pdf"), "--data-dir", str(folder))
    assert from_pdf.returncode == 0 and content.number in from_pdf.stdout, from_pdf.stdout + from_pdf.stderr
    bad = jemput("verify", flip(text, len(text) - 10), "--data-dir", str(folder))
    assert bad.returncode == 1 and "invalid" in bad.stdout

    code, out = server.cli("revoke-device", issuer)
    assert code == 0, out
    kit.sync(other_laptop, username="sup")
    revoked = verdict(other_laptop, text)
    assert revoked.verdict == receipt_check.REVOKED and revoked.revoked_at is not None

    # Both laptops' audit logs say what happened to the devices, still chained.
    from app import audit_log
    from db.models import AuditEvent

    for ws, expected in ((laptop, {"device_enrolled", "status_submit"}),
                         (other_laptop, {"device_enrolled", "device_revoked"})):
        with ws.transaction() as s:
            actions = {e.action for e in s.query(AuditEvent)}
            assert expected <= actions and audit_log.check(s).intact


def test_a_laptop_without_keys_prints_a_receipt_that_says_so(workspace, officer):
    from app import registrations as regs

    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=workspace.now(), data={"name": "RINA"})
    content = receipt_of(workspace, reg.id)
    assert not content.signed
    answer = verdict(workspace, content.qr_payload)
    assert (answer.verdict, answer.registration_id) == (receipt_check.UNSIGNED, reg.id)


def test_a_laptop_the_list_does_not_name(server, laptop, kit):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from datetime import date

    kit.sync(laptop)
    stranger = receipt_seal.seal(receipt_seal.Statement("01a20000-0000-7000-8000-000000000001", "KTP-261102-ABCDEF",
                                                        "ektp", date(2026, 11, 2), "-"),
                                 device_id="01a2f000-0000-7000-8000-0000000000ee", key=Ed25519PrivateKey.generate())
    assert verdict(laptop, stranger).verdict == receipt_check.UNKNOWN_LAPTOP
