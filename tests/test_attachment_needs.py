"""What each service asks to be photographed, scanned or signed, worked out without Qt."""

from __future__ import annotations

from app.attachment_needs import checklist
from app.kinds import KINDS, kind_spec
from app.attachments import PURPOSES


def keys(kind: str, data: dict) -> list[str]:
    return [need.key for need in kind_spec(kind).needed_attachments(data)]


def test_ektp_asks_for_the_citizen_and_cataract_for_the_eyes():
    assert keys("ektp", {}) == ["photo"]
    assert keys("cataract", {}) == ["eye_photo"]
    assert kind_spec("cataract").offer.photo_purpose == "eye_photo" and kind_spec("birth").offer.photo_purpose is None


def test_birth_follows_the_document_checklist():
    # No birth letter and no father: the SPTJM on the birth data, the KK, and a signature on the SPTJM.
    assert keys("birth", {}) == ["doc_sptjm_birth", "doc_kk", "sptjm_signature"]
    # A birth letter and a married father with the buku nikah: scans of both, no SPTJM, nothing to sign.
    assert keys("birth", {"doc_birth_letter": True, "father_name": "Ahmad", "doc_marriage_proof": True}) == [
        "doc_birth_letter", "doc_marriage_proof", "doc_kk"]
    # A father named without proof of marriage: the SPTJM on husband-and-wife status stands in, and is signed.
    assert keys("birth", {"doc_birth_letter": True, "father_name": "Ahmad"}) == [
        "doc_birth_letter", "doc_sptjm_marriage", "doc_kk", "sptjm_signature"]


def test_checklist_ticks_what_the_files_show():
    needs = kind_spec("birth").needed_attachments({})
    done = dict((need.key, ok) for need, ok in checklist(needs, ["kk", "thumbprint"]))
    assert done == {"doc_sptjm_birth": False, "doc_kk": True, "sptjm_signature": True}
    # An SPTJM stored before the two kinds were told apart still counts.
    assert dict((n.key, ok) for n, ok in checklist(needs, ["sptjm"]))["doc_sptjm_birth"] is True


def test_every_offered_purpose_can_be_stored():
    for kind in KINDS:
        offer = kind_spec(kind).offer
        assert set(offer.document_purposes) <= set(PURPOSES)
        assert offer.photo_purpose is None or offer.photo_purpose in PURPOSES
        for need in kind_spec(kind).needed_attachments({}):
            assert set(need.purposes) <= set(PURPOSES)
