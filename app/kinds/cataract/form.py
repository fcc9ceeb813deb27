"""The cataract screening record (WHO RAAB examination record plus the programme's follow-up) as data.

The patient's keys carry the prefix ``patient_``; eyes are ``right_``/``left_``. Acuity and lens values are
RAAB codes from ``app.reference.value_lists``; ``surgery_barriers`` is a list of codes; checkboxes are
booleans; ``who_category`` is computed from the acuities and never typed.
"""

from __future__ import annotations

from app.form_fields import Field
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists as vl
from app.form_fields import field as _f

PERSON_ROLES = {"patient": "patient_"}

SECTION_LABELS = {
    "patient": QT_TRANSLATE_NOOP("Section", "Patient"),
    "exam": QT_TRANSLATE_NOOP("Section", "Examination"),
    "right_eye": QT_TRANSLATE_NOOP("Section", "Right eye"),
    "left_eye": QT_TRANSLATE_NOOP("Section", "Left eye"),
    "cause": QT_TRANSLATE_NOOP("Section", "Cause and barriers"),
    "referral": QT_TRANSLATE_NOOP("Section", "Referral"),
    "surgery": QT_TRANSLATE_NOOP("Section", "Surgery"),
    "postop": QT_TRANSLATE_NOOP("Section", "After surgery"),
}

EYES = ("right_", "left_")
REGION_KEYS = ("patient_province_code", "patient_regency_code", "patient_district_code", "patient_village_code")
REGION_LEVELS = {"patient_province_code": "province", "patient_regency_code": "regency",
                 "patient_district_code": "district", "patient_village_code": "village"}


def _eye(prefix: str, section: str, presenting: str, pinhole: str, lens: str) -> tuple[Field, ...]:
    # Required only when the patient was examined (validate_cataract), so not marked required here.
    return (
        _f(f"{prefix}presenting_va", presenting, "choice", section, False, vl.VISUAL_ACUITY),
        _f(f"{prefix}pinhole_va", pinhole, "choice", section, False, vl.VISUAL_ACUITY),
        _f(f"{prefix}lens", lens, "choice", section, False, vl.LENS_STATUS),
    )


def _postop(prefix: str, day1: str, week4: str) -> tuple[Field, ...]:
    return (
        _f(f"{prefix}postop_day1_va", day1, "choice", "postop", False, vl.VISUAL_ACUITY),
        _f(f"{prefix}postop_week4_va", week4, "choice", "postop", False, vl.VISUAL_ACUITY),
    )


P, X = "patient", "exam"
CATARACT_FIELDS: tuple[Field, ...] = (
    _f("patient_name", QT_TRANSLATE_NOOP("Form", "Patient's name"), "text", P, True),
    # Not required: an elderly villager may have no NIK at hand, and screening must not wait for it.
    _f("patient_nik", QT_TRANSLATE_NOOP("Form", "Patient's NIK"), "digits", P),
    _f("patient_sex", QT_TRANSLATE_NOOP("Form", "Patient's sex"), "choice", P, True, vl.SEX),
    # Required unless the NIK gives it (validate_cataract): the target age is what the screening is about.
    _f("patient_birth_date", QT_TRANSLATE_NOOP("Form", "Patient's date of birth"), "date", P),
    _f("patient_phone", QT_TRANSLATE_NOOP("Form", "Patient's phone"), "phone", P),
    _f("patient_address", QT_TRANSLATE_NOOP("Form", "Patient's address"), "text", P),
    _f("patient_province_code", QT_TRANSLATE_NOOP("Form", "Province"), "region", P, True),
    _f("patient_regency_code", QT_TRANSLATE_NOOP("Form", "Regency/city"), "region", P, True),
    _f("patient_district_code", QT_TRANSLATE_NOOP("Form", "Kecamatan"), "region", P, True),
    _f("patient_village_code", QT_TRANSLATE_NOOP("Form", "Desa/kelurahan"), "region", P, True),
    _f("screening_date", QT_TRANSLATE_NOOP("Form", "Screening date"), "date", X, True),
    _f("exam_status", QT_TRANSLATE_NOOP("Form", "Examination status"), "choice", X, True, vl.EXAM_STATUS),
    _f("who_category", QT_TRANSLATE_NOOP("Form", "WHO category (better eye)"), "computed", X, False,
       vl.WHO_CATEGORY),
    *_eye("right_", "right_eye", QT_TRANSLATE_NOOP("Form", "Right eye: presenting visual acuity"),
          QT_TRANSLATE_NOOP("Form", "Right eye: pinhole visual acuity"), QT_TRANSLATE_NOOP("Form", "Right eye: lens")),
    *_eye("left_", "left_eye", QT_TRANSLATE_NOOP("Form", "Left eye: presenting visual acuity"),
          QT_TRANSLATE_NOOP("Form", "Left eye: pinhole visual acuity"), QT_TRANSLATE_NOOP("Form", "Left eye: lens")),
    _f("principal_cause", QT_TRANSLATE_NOOP("Form", "Principal cause of visual impairment"), "choice", "cause",
       False, vl.PRINCIPAL_CAUSE),
    _f("surgery_barriers", QT_TRANSLATE_NOOP("Form", "Barriers to cataract surgery"), "multichoice", "cause",
       False, vl.SURGERY_BARRIER),
    _f("referred", QT_TRANSLATE_NOOP("Form", "Referred for surgery"), "checkbox", "referral"),
    _f("referral_eye", QT_TRANSLATE_NOOP("Form", "Referred eye"), "choice", "referral", False, vl.EYE),
    _f("referral_facility", QT_TRANSLATE_NOOP("Form", "Referred to (facility)"), "text", "referral"),
    _f("referral_date", QT_TRANSLATE_NOOP("Form", "Referral date"), "date", "referral"),
    _f("bpjs_status", QT_TRANSLATE_NOOP("Form", "BPJS health insurance"), "choice", "referral", False,
       vl.BPJS_STATUS),
    _f("surgery_scheduled_date", QT_TRANSLATE_NOOP("Form", "Surgery scheduled for"), "date", "surgery"),
    _f("surgery_attended", QT_TRANSLATE_NOOP("Form", "Came for surgery"), "checkbox", "surgery"),
    _f("operated_eye", QT_TRANSLATE_NOOP("Form", "Operated eye"), "choice", "surgery", False, vl.EYE),
    _f("surgery_date", QT_TRANSLATE_NOOP("Form", "Surgery date"), "date", "surgery"),
    _f("postop_day1_date", QT_TRANSLATE_NOOP("Form", "Date of the day-1 check"), "date", "postop"),
    *_postop("right_", QT_TRANSLATE_NOOP("Form", "Right eye: visual acuity on day 1"),
             QT_TRANSLATE_NOOP("Form", "Right eye: visual acuity at 4-8 weeks")),
    *_postop("left_", QT_TRANSLATE_NOOP("Form", "Left eye: visual acuity on day 1"),
             QT_TRANSLATE_NOOP("Form", "Left eye: visual acuity at 4-8 weeks")),
    _f("postop_week4_date", QT_TRANSLATE_NOOP("Form", "Date of the 4-8 week check"), "date", "postop"),
)
FIELDS_BY_KEY = {fld.key: fld for fld in CATARACT_FIELDS}
EXAM_KEYS = tuple(f"{eye}{part}" for eye in EYES for part in ("presenting_va", "pinhole_va", "lens")) + (
    "principal_cause", "surgery_barriers")
POSTOP_VA_KEYS = tuple(f"{eye}postop_{when}_va" for eye in EYES for when in ("day1", "week4"))
