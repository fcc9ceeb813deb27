from datetime import datetime, timedelta

from app import receipts, registrations as regs
from app.registration_number import parse_qr_payload

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
    assert parse_qr_payload(content.qr_payload) == (reg.id, content.verification)
    # The laptop's receipt key is made once: the same record always gets the same code.
    assert again.verification == content.verification


def test_verification_code_depends_on_key_and_id():
    a = receipts.verification_code(b"k" * 32, "01a20000-0000-7000-8000-000000000001")
    assert a != receipts.verification_code(b"j" * 32, "01a20000-0000-7000-8000-000000000001")
    assert a != receipts.verification_code(b"k" * 32, "01a20000-0000-7000-8000-000000000002")
    assert parse_qr_payload("XYZ|a|b") is None


def test_birth_receipt_names_the_reporter_and_screening_gives_the_appointment(workspace, officer):
    with workspace.transaction() as s:
        birth = regs.create_draft(s, actor=officer, kind="birth", now=T0,
                                  data={"child_name": "PUTRI", "reporter_name": "AHMAD RIFAI"})
        eye = regs.create_draft(s, actor=officer, kind="cataract", now=T0, data={
            "patient_name": "MAIMUNAH", "referred": True, "referral_date": "2026-11-02",
            "surgery_scheduled_date": "2026-11-20", "referral_facility": "RS Khusus Mata"})
        b = receipts.build_receipt(s, registration=birth, officer_name="Siti", village_name="Tanjung Enim")
        c = receipts.build_receipt(s, registration=eye, officer_name="Siti", village_name="Tanjung Enim")
    assert (b.citizen_name, b.citizen_nik, b.reporter, b.come_back_from) == ("PUTRI", "-", "AHMAD RIFAI", True)
    assert b.number.startswith("AKL-")
    assert (c.come_back_on.isoformat(), c.come_back_where, c.come_back_from) == ("2026-11-20", "RS Khusus Mata", False)
    assert c.reporter == "" and c.number.startswith("MATA-")
    assert b.number_label == c.number_label == "Nomor pendaftaran"


def test_receipt_for_a_record_names_its_officer(workspace, officer):
    from app.receipt_views import receipt_for

    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=datetime(2026, 11, 2, 9), data={"name": "RINA"})
        content = receipt_for(s, registration_id=reg.id, language="id")
        expected = receipts.build_receipt(s, registration=reg, officer_name="Siti Aminah", village_name="",
                                          language="id")
    assert content == expected
