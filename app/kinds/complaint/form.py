"""A citizen's complaint or aspiration about a public service, for SP4N-LAPOR! (Perpres 76/2013, PermenPANRB
62/2018), declared as data: who complains (or nobody, when anonymous), what happened, when and where, and the
agency that should act.

LAPOR! lets a citizen choose how far they are named. Named: the agency sees who complained. Confidential
(rahasia): the name and phone are kept here, so that central can call back, but never forwarded to the agency.
Anonymous: nothing about the person is recorded at all.
"""

from __future__ import annotations

from app.form_fields import Field, field as _f
from app.i18n import QT_TRANSLATE_NOOP
from app.reference.value_lists import Choice

PERSON_ROLES = {"complainant": "complainant_"}
SECTION_LABELS = {
    "complainant": QT_TRANSLATE_NOOP("Section", "Complainant"),
    "complaint": QT_TRANSLATE_NOOP("Section", "The complaint"),
    "place": QT_TRANSLATE_NOOP("Section", "Where it happened"),
}

NAMED, CONFIDENTIAL, ANONYMOUS = "1", "2", "3"
IDENTITY = (
    Choice(NAMED, QT_TRANSLATE_NOOP("ValueList", "Named: the agency sees who complained")),
    Choice(CONFIDENTIAL, QT_TRANSLATE_NOOP("ValueList", "Confidential: name kept, not shown to the agency")),
    Choice(ANONYMOUS, QT_TRANSLATE_NOOP("ValueList", "Anonymous: no name recorded")),
)
# What the complaint is about, in the topics LAPOR! sorts reports by.
CATEGORY = (
    Choice("1", QT_TRANSLATE_NOOP("ValueList", "Roads, bridges and public works")),
    Choice("2", QT_TRANSLATE_NOOP("ValueList", "Education")),
    Choice("3", QT_TRANSLATE_NOOP("ValueList", "Health services")),
    Choice("4", QT_TRANSLATE_NOOP("ValueList", "Civil registration (KTP, KK, akta)")),
    Choice("5", QT_TRANSLATE_NOOP("ValueList", "Social assistance")),
    Choice("6", QT_TRANSLATE_NOOP("ValueList", "Electricity and clean water")),
    Choice("7", QT_TRANSLATE_NOOP("ValueList", "Environment and waste")),
    Choice("8", QT_TRANSLATE_NOOP("ValueList", "Agriculture and fisheries")),
    Choice("9", QT_TRANSLATE_NOOP("ValueList", "Public order and security")),
    Choice("10", QT_TRANSLATE_NOOP("ValueList", "Village government")),
    Choice("99", QT_TRANSLATE_NOOP("ValueList", "Other")),
)
# The agency the complaint goes to (instansi terlapor), as the province's LAPOR! admin routes them.
AGENCY = (
    Choice("1", QT_TRANSLATE_NOOP("ValueList", "Regency/city government")),
    Choice("2", QT_TRANSLATE_NOOP("ValueList", "Public Works Office (Dinas PUPR)")),
    Choice("3", QT_TRANSLATE_NOOP("ValueList", "Education Office (Dinas Pendidikan)")),
    Choice("4", QT_TRANSLATE_NOOP("ValueList", "Health Office (Dinas Kesehatan)")),
    Choice("5", QT_TRANSLATE_NOOP("ValueList", "Civil Registration Office (Disdukcapil)")),
    Choice("6", QT_TRANSLATE_NOOP("ValueList", "Social Affairs Office (Dinas Sosial)")),
    Choice("7", QT_TRANSLATE_NOOP("ValueList", "Environment Office (Dinas Lingkungan Hidup)")),
    Choice("8", QT_TRANSLATE_NOOP("ValueList", "State electricity company (PLN)")),
    Choice("9", QT_TRANSLATE_NOOP("ValueList", "Regional water company (PDAM)")),
    Choice("10", QT_TRANSLATE_NOOP("ValueList", "Village government (Pemerintah Desa)")),
    Choice("11", QT_TRANSLATE_NOOP("ValueList", "South Sumatra provincial government")),
)

C, X, W = "complainant", "complaint", "place"
COMPLAINANT_KEYS = ("complainant_name", "complainant_nik", "complainant_phone")
REGION_KEYS = ("province_code", "regency_code", "district_code", "village_code")
TITLE_MAX = 150  # LAPOR!'s title is one line

COMPLAINT_FIELDS: tuple[Field, ...] = (
    _f("identity", QT_TRANSLATE_NOOP("Form", "How the complainant is named"), "choice", C, True, IDENTITY),
    # Required unless anonymous: validate_complaint says so.
    _f("complainant_name", QT_TRANSLATE_NOOP("Form", "Complainant's name"), "text", C),
    _f("complainant_nik", QT_TRANSLATE_NOOP("Form", "Complainant's NIK"), "digits", C),
    _f("complainant_phone", QT_TRANSLATE_NOOP("Form", "Phone for a call back"), "phone", C),
    _f("title", QT_TRANSLATE_NOOP("Form", "Title of the complaint"), "text", X, True),
    _f("category", QT_TRANSLATE_NOOP("Form", "Category"), "choice", X, True, CATEGORY),
    _f("agency", QT_TRANSLATE_NOOP("Form", "Agency concerned"), "choice", X, True, AGENCY),
    _f("incident_date", QT_TRANSLATE_NOOP("Form", "When it happened"), "date", X, True),
    _f("description", QT_TRANSLATE_NOOP("Form", "What happened, in the citizen's words"), "long_text", X, True),
    _f("province_code", QT_TRANSLATE_NOOP("Form", "Province"), "region", W, True),
    _f("regency_code", QT_TRANSLATE_NOOP("Form", "Regency/city"), "region", W, True),
    _f("district_code", QT_TRANSLATE_NOOP("Form", "Kecamatan"), "region", W, True),
    _f("village_code", QT_TRANSLATE_NOOP("Form", "Desa/kelurahan"), "region", W),
    _f("place_detail", QT_TRANSLATE_NOOP("Form", "Exact place (street, landmark)"), "text", W),
)
FIELDS_BY_KEY = {f.key: f for f in COMPLAINT_FIELDS}
