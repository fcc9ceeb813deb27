from datetime import date

import pytest
from hypothesis import given, strategies as st

from app.kinds.ektp import EKTP_FIELDS, FIELDS_BY_KEY, ektp_eligibility, validate_ektp
from app.reference.regions import shipped_regions
from app.reference.value_lists import MARITAL_STATUS
from app.validation.dates import parse_date
from app.validation.issues import errors, warnings

TODAY = date(2025, 3, 1)
R = shipped_regions()
VALID = dict(
    head_of_family="Budi Santoso", address="Jl. Merdeka No. 1", rt="003", rw="01", postal_code="31711",
    phone="0812-3456-7890", province_code="16", regency_code="16.03", district_code="16.03.07",
    village_code="16.03.07.1001", name="Siti Aminah", nik="1603074502900001", kk_number="1603071203150002",
    sex="2", birth_place="Muara Enim", birth_date="1990-02-05", blood_type="4", religion="1", marital_status="2",
    relationship="3", education="5", occupation="2", citizenship="1", mother_name="Rohani",
    mother_nik="1603075507600003", father_name="M. Yusuf", father_nik="1603071002580002",
    marriage_certificate_no="0123/45/VI/2012", marriage_date="2012-06-01",
)


def validate(changes=None, drop=(), for_submit=True):
    data = {k: v for k, v in {**VALID, **(changes or {})}.items() if k not in drop}
    return validate_ektp(data, today=TODAY, regions=R, for_submit=for_submit)


def codes(issues):
    return [(i.field, i.code) for i in issues]


def test_the_form_declares_every_core_key():
    keys = [f.key for f in EKTP_FIELDS]
    assert len(keys) == len(set(keys))
    for key in ("nik", "name", "kk_number", "sex", "birth_place", "birth_date", "marital_status",
                "province_code", "regency_code", "district_code", "village_code", "head_of_family", "address",
                "rt", "rw", "postal_code", "phone", "blood_type", "religion", "relationship", "education",
                "occupation", "citizenship", "mother_name", "mother_nik", "father_name", "father_nik", "disability",
                "birth_certificate_no", "marriage_certificate_no", "marriage_date"):
        assert key in FIELDS_BY_KEY
    assert {f.kind for f in EKTP_FIELDS} <= {"text", "digits", "date", "choice", "region", "phone"}
    assert all((f.kind == "choice") == (f.choices is not None) for f in EKTP_FIELDS)
    assert FIELDS_BY_KEY["village_code"].section == "household" and FIELDS_BY_KEY["nik"].section == "person"


def test_a_complete_entry_has_no_issues():
    assert validate() == []


def test_required_fields_only_block_submitting():
    assert validate_ektp({}, today=TODAY, regions=R, for_submit=False) == []
    missing = {i.field for i in validate_ektp({}, today=TODAY, regions=R, for_submit=True)}
    assert missing == {f.key for f in EKTP_FIELDS if f.required}
    issue = validate(drop=("religion",))[0]
    assert issue.text("id") == "Agama wajib diisi."


def test_formats_are_checked_even_in_a_draft():
    draft = dict(rt="3a", rw="0001", postal_code="3171", phone="12345", sex="3", birth_date="31-02-1990",
                 name="Siti 2", nik="16030745029000")
    found = codes(validate_ektp(draft, today=TODAY, regions=R, for_submit=False))
    assert sorted(found) == sorted([("name", "name_format"), ("rt", "rt_rw_format"), ("rw", "rt_rw_format"),
                                    ("postal_code", "postal_code_format"), ("phone", "phone_format"),
                                    ("sex", "choice_unknown"), ("birth_date", "date_impossible"), ("nik", "nik_length")])
    assert all(i.severity == "error" for i in validate_ektp(draft, today=TODAY, regions=R))


def test_nik_is_checked_against_the_form():
    assert codes(validate({"sex": "1"})) == [("nik", "nik_sex_mismatch")]
    assert codes(validate({"birth_date": "06-02-1990"})) == [("nik", "nik_birth_date_mismatch")]
    moved = dict(province_code="16", regency_code="16.71", district_code="16.71.01", village_code="16.71.01.1001")
    assert codes(validate(moved)) == [("nik", "nik_region_mismatch")]


def test_parents_niks():
    assert codes(validate({"mother_nik": "1603071507600003"})) == [("mother_nik", "nik_sex_mismatch")]
    assert codes(validate({"father_nik": "1603075002580002"})) == [("father_nik", "nik_sex_mismatch")]
    assert ("mother_nik", "parent_nik_same") in codes(validate({"mother_nik": VALID["nik"]}))
    assert codes(validate({"father_nik": "9903071002580002"})) == [("father_nik", "nik_province")]
    assert validate(drop=("mother_nik", "father_nik", "father_name")) == []


def test_regions_must_nest():
    assert codes(validate({"village_code": "16.71.01.1001"})) == [("village_code", "region_mismatch")]
    assert codes(validate({"district_code": "16.03"})) == [("district_code", "region_unknown")]


def test_marriage_certificate_only_for_a_registered_marriage():
    unregistered = validate({"marital_status": "3"}, drop=("marriage_certificate_no", "marriage_date"))
    assert unregistered == []
    registered = validate(drop=("marriage_certificate_no", "marriage_date"))
    assert codes(registered) == [("marriage_certificate_no", "required_when_married"),
                                 ("marriage_date", "required_when_married")]
    assert validate(drop=("marriage_certificate_no",), for_submit=False) == []
    assert codes(validate({"marriage_date": "1989-01-01"})) == [("marriage_date", "marriage_before_birth")]
    assert warnings(validate({"marital_status": "1"})) != []


def test_a_14_year_old_cannot_get_an_ektp_unless_married():
    teen = dict(nik="1603071503100001", sex="1", birth_date="2010-03-15", marital_status="1", relationship="4",
                marriage_certificate_no="", marriage_date="")
    issues = validate(teen)
    assert codes(errors(issues)) == [("birth_date", "ektp_not_eligible")]
    assert "15-03-2027" in issues[-1].text("id") and "umur 14 tahun" in issues[-1].text("id")
    assert errors(validate({**teen, "marital_status": "3"})) == []


@pytest.mark.parametrize("birth, status, eligible", [
    ("2008-03-01", "1", True), ("2008-03-02", "1", False), ("2008-03-02", "6", True),
    ("2008-02-29", "1", True), (date(2008, 3, 2), "4", True), (None, "1", True),
])
def test_eligibility_examples(birth, status, eligible):
    assert (ektp_eligibility(birth, status, today=TODAY) is None) == eligible


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.sampled_from([c.code for c in MARITAL_STATUS]))
def test_eligible_from_17_or_once_married(birth, status):
    age = TODAY.year - birth.year - ((TODAY.month, TODAY.day) < (birth.month, birth.day))
    issue = ektp_eligibility(birth, status, today=TODAY)
    assert (issue is None) == (age >= 17 or status != "1")
    if issue:
        assert issue.severity == "error" and issue.params["age"] == age


@pytest.mark.parametrize("typed, expected", [
    ("31-12-1960", date(1960, 12, 31)), ("31/12/1960", date(1960, 12, 31)), ("1.7.1950", date(1950, 7, 1)),
    ("1960-12-31", date(1960, 12, 31)), (" 05-02-1990 ", date(1990, 2, 5)),
])
def test_typed_dates(typed, expected):
    assert parse_date(typed, today=TODAY) == (expected, None)


@pytest.mark.parametrize("typed, code, indonesian", [
    ("31-02-1990", "date_impossible", "Tanggal 31-02-1990 tidak ada di kalender: bulan 02-1990 hanya sampai tanggal 28."),
    ("29-02-2023", "date_impossible", "Tanggal 29-02-2023 tidak ada di kalender: bulan 02-2023 hanya sampai tanggal 28."),
    ("12-13-1990", "date_impossible", "Bulan pada 12-13-1990 harus 01 sampai 12."),
    ("02-03-2025", "date_future", "Tanggal 02-03-2025 belum terjadi; hari ini tanggal 01-03-2025."),
    ("5-2-90", "date_year", "Tulis tahun dengan 4 angka, misalnya 17-08-1990 (yang diketik: 5-2-90)."),
    ("kemarin", "date_format", None), ("01-01-1700", "date_too_old", None),
])
def test_bad_typed_dates(typed, code, indonesian):
    value, issue = parse_date(typed, today=TODAY)
    assert value is None and issue.code == code and issue.severity == "error"
    if indonesian:
        assert issue.text("id") == indonesian
