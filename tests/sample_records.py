"""Form contents that pass the submit checks, shared by tests that need a valid record to work on (plain data,
no Qt, no database): one definition, so that a change to a form's rules is mended in one place."""

from __future__ import annotations

from datetime import date


def valid_birth(*, born: date = date(2025, 2, 10)) -> dict:
    """A single birth at a hospital, reported by the father, with the birth letter, marriage proof and KK."""
    return dict(
        reporter_name="M. Yusuf", reporter_nik="1603071203900002", reporter_kk_number="1603071203150002",
        reporter_citizenship="1", reporter_phone="0812-3456-7890",
        father_name="M. Yusuf", father_nik="1603071203900002", father_birth_place="Muara Enim",
        father_birth_date="1990-03-12", father_citizenship="1",
        mother_name="Siti Aminah", mother_nik="1603075005950001", mother_birth_place="Lahat",
        mother_birth_date="1995-05-10", mother_citizenship="1",
        child_name="Ahmad Fauzi", child_sex="1", child_birth_place_type="1", child_birth_place="16.03",
        child_birth_date=born.isoformat(), child_birth_time="14:30", child_birth_type="1", child_birth_order="1",
        child_birth_attendant="1", child_weight="3,2", child_length="49", child_kk_number="1603071203150002",
        doc_birth_letter=True, doc_birth_letter_issuer="1", doc_marriage_proof=True, doc_marriage_proof_type="1",
        doc_kk=True,
    )
