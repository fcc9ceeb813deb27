"""The birth registration form (F-2.01 Formulir Pelaporan Pencatatan Sipil, birth part) declared as data.

Each person on the form has a key prefix (``reporter_``, ``witness1_``, ``witness2_``, ``father_``, ``mother_``,
``child_``), so that the people in an application can be found and linked by role. Dates are ISO
"YYYY-MM-DD", times "HH:MM", weight in kg and length in cm (decimal comma or dot), checkboxes booleans.
"""

from __future__ import annotations

from app.form_fields import Field
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists as vl
from app.form_fields import field as _f

PERSON_ROLES = {"child": "child_", "mother": "mother_", "father": "father_", "reporter": "reporter_",
                "witness1": "witness1_", "witness2": "witness2_"}

SECTION_LABELS = {
    "reporter": QT_TRANSLATE_NOOP("Section", "Reporter"),
    "witness1": QT_TRANSLATE_NOOP("Section", "Witness I"),
    "witness2": QT_TRANSLATE_NOOP("Section", "Witness II"),
    "father": QT_TRANSLATE_NOOP("Section", "Father"),
    "mother": QT_TRANSLATE_NOOP("Section", "Mother"),
    "child": QT_TRANSLATE_NOOP("Section", "Child"),
    "documents": QT_TRANSLATE_NOOP("Section", "Documents"),
}


def _witness(prefix: str, section: str, name: str, nik: str, kk: str, citizenship: str) -> tuple[Field, ...]:
    # Witnesses are required only when there is no birth letter (SPTJM path); validate_birth enforces that.
    return (
        _f(f"{prefix}name", name, "text", section),
        _f(f"{prefix}nik", nik, "digits", section),
        _f(f"{prefix}kk_number", kk, "digits", section),
        _f(f"{prefix}citizenship", citizenship, "choice", section, False, vl.CITIZENSHIP),
    )


R, F, M, C, D = "reporter", "father", "mother", "child", "documents"
BIRTH_FIELDS: tuple[Field, ...] = (
    _f("reporter_name", QT_TRANSLATE_NOOP("Form", "Reporter's name"), "text", R, True),
    _f("reporter_nik", QT_TRANSLATE_NOOP("Form", "Reporter's NIK"), "digits", R, True),
    _f("reporter_kk_number", QT_TRANSLATE_NOOP("Form", "Reporter's KK number"), "digits", R, True),
    _f("reporter_citizenship", QT_TRANSLATE_NOOP("Form", "Reporter's citizenship"), "choice", R, True,
       vl.CITIZENSHIP),
    _f("reporter_phone", QT_TRANSLATE_NOOP("Form", "Reporter's phone"), "phone", R),
    *_witness("witness1_", "witness1", QT_TRANSLATE_NOOP("Form", "Name of witness I"),
              QT_TRANSLATE_NOOP("Form", "NIK of witness I"), QT_TRANSLATE_NOOP("Form", "KK number of witness I"),
              QT_TRANSLATE_NOOP("Form", "Citizenship of witness I")),
    *_witness("witness2_", "witness2", QT_TRANSLATE_NOOP("Form", "Name of witness II"),
              QT_TRANSLATE_NOOP("Form", "NIK of witness II"), QT_TRANSLATE_NOOP("Form", "KK number of witness II"),
              QT_TRANSLATE_NOOP("Form", "Citizenship of witness II")),
    # A child may be registered as the child of the mother only, so nothing about the father is required.
    _f("father_name", QT_TRANSLATE_NOOP("Form", "Father's name"), "text", F),
    _f("father_nik", QT_TRANSLATE_NOOP("Form", "Father's NIK"), "digits", F),
    _f("father_birth_place", QT_TRANSLATE_NOOP("Form", "Father's place of birth"), "text", F),
    _f("father_birth_date", QT_TRANSLATE_NOOP("Form", "Father's date of birth"), "date", F),
    _f("father_citizenship", QT_TRANSLATE_NOOP("Form", "Father's citizenship"), "choice", F, False, vl.CITIZENSHIP),
    _f("mother_name", QT_TRANSLATE_NOOP("Form", "Mother's name"), "text", M, True),
    # Required for a WNI mother only; a foreign mother may have no NIK (checked in validate_birth).
    _f("mother_nik", QT_TRANSLATE_NOOP("Form", "Mother's NIK"), "digits", M),
    _f("mother_birth_place", QT_TRANSLATE_NOOP("Form", "Mother's place of birth"), "text", M, True),
    _f("mother_birth_date", QT_TRANSLATE_NOOP("Form", "Mother's date of birth"), "date", M, True),
    _f("mother_citizenship", QT_TRANSLATE_NOOP("Form", "Mother's citizenship"), "choice", M, True, vl.CITIZENSHIP),
    _f("child_name", QT_TRANSLATE_NOOP("Form", "Child's name"), "text", C, True),
    # A newborn gets a NIK when entered into the KK, so usually this is empty at reporting time.
    _f("child_nik", QT_TRANSLATE_NOOP("Form", "Child's NIK"), "digits", C),
    _f("child_sex", QT_TRANSLATE_NOOP("Form", "Child's sex"), "choice", C, True, vl.SEX),
    _f("child_birth_place_type", QT_TRANSLATE_NOOP("Form", "Place of birth (type)"), "choice", C, True,
       vl.BIRTH_PLACE_TYPE),
    _f("child_birth_place", QT_TRANSLATE_NOOP("Form", "Place of birth (regency/city)"), "region", C, True),
    _f("child_birth_date", QT_TRANSLATE_NOOP("Form", "Child's date of birth"), "date", C, True),
    _f("child_birth_time", QT_TRANSLATE_NOOP("Form", "Time of birth"), "time", C, True),
    _f("child_birth_type", QT_TRANSLATE_NOOP("Form", "Type of birth"), "choice", C, True, vl.BIRTH_TYPE),
    # "Kelahiran ke": the child's place among all the mother's children (anak ke-), not within twins.
    _f("child_birth_order", QT_TRANSLATE_NOOP("Form", "Birth order (child number)"), "digits", C, True),
    _f("child_birth_attendant", QT_TRANSLATE_NOOP("Form", "Birth attendant"), "choice", C, True,
       vl.BIRTH_ATTENDANT),
    # Not required: a home birth attended by a dukun often has no scale or tape measure.
    _f("child_weight", QT_TRANSLATE_NOOP("Form", "Birth weight (kg)"), "number", C),
    _f("child_length", QT_TRANSLATE_NOOP("Form", "Birth length (cm)"), "number", C),
    # Set by split_multiple_birth for twins and more: how many were born together, and this child's place.
    _f("group_size", QT_TRANSLATE_NOOP("Form", "Children born together"), "computed", C),
    _f("multiple_birth_order", QT_TRANSLATE_NOOP("Form", "Order within the multiple birth"), "computed", C),
    _f("child_kk_number", QT_TRANSLATE_NOOP("Form", "KK number the child is entered into"), "digits", C, True),
    _f("doc_birth_letter", QT_TRANSLATE_NOOP("Form", "Birth letter (Surat Keterangan Lahir)"), "checkbox", D),
    _f("doc_birth_letter_issuer", QT_TRANSLATE_NOOP("Form", "Birth letter issued by"), "choice", D, False,
       vl.BIRTH_LETTER_ISSUER),
    _f("doc_sptjm_birth", QT_TRANSLATE_NOOP("Form", "SPTJM on the truth of the birth data (F-2.03)"), "checkbox", D),
    _f("doc_marriage_proof", QT_TRANSLATE_NOOP("Form", "Proof of marriage of the parents"), "checkbox", D),
    _f("doc_marriage_proof_type", QT_TRANSLATE_NOOP("Form", "Proof of marriage (type)"), "choice", D, False,
       vl.MARRIAGE_PROOF),
    _f("doc_sptjm_marriage", QT_TRANSLATE_NOOP("Form", "SPTJM on the truth of husband-and-wife status (F-2.04)"),
       "checkbox", D),
    _f("doc_kk", QT_TRANSLATE_NOOP("Form", "Family card (KK) the child is entered into"), "checkbox", D),
)
FIELDS_BY_KEY = {fld.key: fld for fld in BIRTH_FIELDS}
# The level of each "region" field: the akta names the regency/city of birth, not the village.
REGION_LEVELS = {"child_birth_place": "regency"}
WITNESS_PREFIXES = ("witness1_", "witness2_")
