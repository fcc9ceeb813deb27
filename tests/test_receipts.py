from datetime import datetime, timedelta

from app import receipts, registrations as regs

T0 = datetime(2026, 11, 2, 9, 0)


def test_receipt_content_for_an_ektp_recording(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                data={"nik": "1603054506900003", "name": "RINA MARLINA"})
        content = receipts.build_receipt(s, registration=reg, officer_name="Siti Aminah", village_name="Tanjung Enim")
        again = receipts.build_receipt(s, registration=reg, officer_name="Siti Aminah", village_name="Tanjung Enim")
    assert content.citizen_nik == "160305******0003"
    assert content.number.startswith("KTP-261102-") and len(content.number) == 17
    assert content.come_back_on == content.issued_on + timedelta(days=14)
    assert receipts.parse_qr_payload(content.qr_payload) == (reg.id, content.verification)
    # The laptop's receipt key is made once: the same record always gets the same code.
    assert again.verification == content.verification


def test_verification_code_depends_on_key_and_id():
    a = receipts.verification_code(b"k" * 32, "01a20000-0000-7000-8000-000000000001")
    assert a != receipts.verification_code(b"j" * 32, "01a20000-0000-7000-8000-000000000001")
    assert a != receipts.verification_code(b"k" * 32, "01a20000-0000-7000-8000-000000000002")
    assert receipts.parse_qr_payload("XYZ|a|b") is None
