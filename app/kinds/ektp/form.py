"""The e-KTP biodata form (F-1.01 Biodata Keluarga, Permendagri 109/2019), declared as data.

The form is declared once as data so that the UI can build itself from it and validation can walk it. Keys are
the stored names of the values: region codes are dotted Kemendagri codes, dates ISO "YYYY-MM-DD", choices SIAK
codes.
"""

from __future__ import annotations

from app.form_fields import Field, field as _f
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists as vl

H, P = "household", "person"
EKTP_FIELDS: tuple[Field, ...] = (
    _f("head_of_family", QT_TRANSLATE_NOOP("Form", "Name of head of family"), "text", H, True),
    _f("address", QT_TRANSLATE_NOOP("Form", "Address"), "text", H, True),
    _f("rt", QT_TRANSLATE_NOOP("Form", "RT"), "digits", H, True),
    _f("rw", QT_TRANSLATE_NOOP("Form", "RW"), "digits", H, True),
    _f("postal_code", QT_TRANSLATE_NOOP("Form", "Postal code"), "digits", H, False),
    _f("phone", QT_TRANSLATE_NOOP("Form", "Phone"), "phone", H, False),
    _f("province_code", QT_TRANSLATE_NOOP("Form", "Province"), "region", H, True),
    _f("regency_code", QT_TRANSLATE_NOOP("Form", "Regency/city"), "region", H, True),
    _f("district_code", QT_TRANSLATE_NOOP("Form", "Kecamatan"), "region", H, True),
    _f("village_code", QT_TRANSLATE_NOOP("Form", "Desa/kelurahan"), "region", H, True),
    _f("name", QT_TRANSLATE_NOOP("Form", "Full name"), "text", P, True),
    _f("nik", QT_TRANSLATE_NOOP("Form", "NIK"), "digits", P, True),
    _f("kk_number", QT_TRANSLATE_NOOP("Form", "KK number"), "digits", P, True),
    _f("sex", QT_TRANSLATE_NOOP("Form", "Sex"), "choice", P, True, vl.SEX),
    _f("birth_place", QT_TRANSLATE_NOOP("Form", "Place of birth"), "text", P, True),
    _f("birth_date", QT_TRANSLATE_NOOP("Form", "Date of birth"), "date", P, True),
    _f("blood_type", QT_TRANSLATE_NOOP("Form", "Blood type"), "choice", P, False, vl.BLOOD_TYPE),
    _f("religion", QT_TRANSLATE_NOOP("Form", "Religion"), "choice", P, True, vl.RELIGION),
    _f("marital_status", QT_TRANSLATE_NOOP("Form", "Marital status"), "choice", P, True, vl.MARITAL_STATUS),
    _f("relationship", QT_TRANSLATE_NOOP("Form", "Relationship to head of family"), "choice", P, True,
       vl.RELATIONSHIP),
    _f("education", QT_TRANSLATE_NOOP("Form", "Education"), "choice", P, True, vl.EDUCATION),
    _f("occupation", QT_TRANSLATE_NOOP("Form", "Occupation"), "choice", P, True, vl.OCCUPATION),
    _f("citizenship", QT_TRANSLATE_NOOP("Form", "Citizenship"), "choice", P, True, vl.CITIZENSHIP),
    _f("mother_name", QT_TRANSLATE_NOOP("Form", "Mother's name"), "text", P, True),
    _f("mother_nik", QT_TRANSLATE_NOOP("Form", "Mother's NIK"), "digits", P, False),
    _f("father_name", QT_TRANSLATE_NOOP("Form", "Father's name"), "text", P, False),
    _f("father_nik", QT_TRANSLATE_NOOP("Form", "Father's NIK"), "digits", P, False),
    _f("disability", QT_TRANSLATE_NOOP("Form", "Disability"), "choice", P, False, vl.DISABILITY),
    _f("birth_certificate_no", QT_TRANSLATE_NOOP("Form", "Birth certificate number"), "text", P, False),
    _f("marriage_certificate_no", QT_TRANSLATE_NOOP("Form", "Marriage certificate number"), "text", P, False),
    _f("marriage_date", QT_TRANSLATE_NOOP("Form", "Date of marriage"), "date", P, False),
)
FIELDS_BY_KEY = {field.key: field for field in EKTP_FIELDS}
REGION_KEYS = ("province_code", "regency_code", "district_code", "village_code")
