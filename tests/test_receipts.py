from datetime import date, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import base45, cbor, receipt_seal, receipts, registrations as regs
from app.registration_number import parse_qr_payload, registration_id_in

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
    # No certified key on this laptop: a look-up code that claims nothing, and the receipt says it is not signed.
    assert not content.signed and parse_qr_payload(content.qr_payload) == (reg.id, "")
    assert again == content


def test_a_signed_receipt_carries_the_statement_and_names_its_record(workspace, officer):
    key, device = Ed25519PrivateKey.generate(), "01a2f000-0000-7000-8000-0000000000aa"
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                data={"nik": "1603054506900003", "name": "RINA MARLINA"})
        content = receipts.build_receipt(s, registration=reg, officer_name="Siti", village_name="Tanjung Enim",
                                         signer=receipts.ReceiptSigner(device, key))
    assert content.signed and content.qr_payload.startswith("JB2:")
    sealed = receipt_seal.unseal(content.qr_payload)
    assert sealed.statement == receipt_seal.Statement(reg.id, content.number, "ektp", content.issued_on,
                                                      "160305******0003")
    assert sealed.device_id == device and sealed.signature_by(key.public_key())
    assert not sealed.signature_by(Ed25519PrivateKey.generate().public_key())
    assert registration_id_in(content.qr_payload) == reg.id  # a scanner typing it into the search finds the record
    assert "RINA" not in content.qr_payload and "1603054506900003" not in base45.decode(content.qr_payload[4:]).decode(
        "latin-1")


STATEMENT = receipt_seal.Statement("01a20000-0000-7000-8000-000000000001", "KTP-261102-ABCDEF", "ektp",
                                   date(2026, 11, 2), "160305******0003")


def test_every_changed_character_breaks_the_seal():
    key = Ed25519PrivateKey.generate()
    text = receipt_seal.seal(STATEMENT, device_id="01a2f000-0000-7000-8000-0000000000aa", key=key)
    broken = 0
    for i in range(len(receipt_seal.PREFIX), len(text)):
        for other in ("0", "Z"):
            if text[i] == other:
                continue
            changed = text[:i] + other + text[i + 1:]
            try:
                ok = receipt_seal.unseal(changed).signature_by(key.public_key())
            except receipt_seal.SealError:
                ok = False
            broken += not ok
    assert broken == sum(2 - (c in "0Z") for c in text[len(receipt_seal.PREFIX):])


@pytest.mark.parametrize("text", ["", "JB2:", "JB2:%%%", "JB2:" + base45.encode(b"\x00"), "JB2:" + "A" * 3000,
                                  "JB2:" + base45.encode(cbor.dumps([b"", {}, b"", b""])),
                                  "JB2:" + base45.encode(cbor.dumps(cbor.Tag(98, [])))])
def test_what_is_not_a_seal_is_refused_cleanly(text):
    with pytest.raises(receipt_seal.SealError):
        receipt_seal.unseal(text)


def test_cbor_and_base45_match_their_rfcs():
    assert base45.encode(b"AB") == "BB8" and base45.encode(b"Hello!!") == "%69 VD92EX0"
    assert base45.decode("QED8WEX0") == b"ietf!"
    assert cbor.dumps(1000000) == bytes.fromhex("1a000f4240") and cbor.dumps(-8) == bytes.fromhex("27")
    assert cbor.dumps([1, [2, 3]]) == bytes.fromhex("8201820203") and cbor.dumps({1: "a"}) == bytes.fromhex("a1016161")
    assert cbor.loads(cbor.dumps({1: [b"x", "y", -500]})) == {1: [b"x", "y", -500]}
    for bad in ("1817", "5f", "f93c00", "a20101", "0102"):  # not shortest, indefinite, float, repeated key, trailing
        with pytest.raises(cbor.CborError):
            cbor.loads(bytes.fromhex(bad))


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
