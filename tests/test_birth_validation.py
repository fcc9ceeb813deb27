from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from app.kinds.birth import (BIRTH_FIELDS, FIELDS_BY_KEY, PERSON_ROLES, SECTION_LABELS, birth_type_for,
                       required_documents, split_multiple_birth, validate_birth, witnesses_required)
from app.reference.regions import shipped_regions
from app.validation.fields import parse_number, parse_time
from app.validation.issues import errors, warnings
from sample_records import valid_birth

TODAY = date(2025, 3, 1)
R = shipped_regions()
WITNESSES = dict(
    witness1_name="Abdul Karim", witness1_nik="1603071501700003", witness1_kk_number="1603071203150002",
    witness1_citizenship="1", witness2_name="Nurhayati", witness2_nik="1603076008750004",
    witness2_kk_number="1603071203150002", witness2_citizenship="1",
)
VALID = valid_birth()


def validate(changes=None, drop=(), for_submit=True, **kwargs):
    data = {k: v for k, v in {**VALID, **(changes or {})}.items() if k not in drop}
    return validate_birth(data, today=TODAY, regions=R, for_submit=for_submit, **kwargs)


def codes(issues):
    return [(i.field, i.code) for i in issues]


def test_the_form_declares_every_person_and_section():
    keys = [f.key for f in BIRTH_FIELDS]
    assert len(keys) == len(set(keys))
    for prefix in PERSON_ROLES.values():
        assert prefix + "nik" in FIELDS_BY_KEY and prefix + "name" in FIELDS_BY_KEY
    for prefix in ("reporter_", "witness1_", "witness2_"):
        assert {prefix + "kk_number", prefix + "citizenship"} <= set(keys)
    for prefix in ("father_", "mother_"):
        assert {prefix + "birth_place", prefix + "birth_date", prefix + "citizenship"} <= set(keys)
    for key in ("child_sex", "child_birth_place_type", "child_birth_place", "child_birth_date", "child_birth_time",
                "child_birth_type", "child_birth_order", "child_birth_attendant", "child_weight", "child_length"):
        assert key in FIELDS_BY_KEY
    assert {f.section for f in BIRTH_FIELDS} == set(SECTION_LABELS)
    assert all((f.kind in ("choice", "multichoice")) == (f.choices is not None) for f in BIRTH_FIELDS)
    assert FIELDS_BY_KEY["child_birth_time"].kind == "time" and FIELDS_BY_KEY["child_weight"].kind == "number"
    assert FIELDS_BY_KEY["doc_birth_letter"].kind == "checkbox"


def test_a_complete_application_has_no_issues():
    assert validate() == []


def test_required_fields_only_block_submitting():
    assert validate_birth({}, today=TODAY, regions=R) == []
    missing = {i.field for i in validate_birth({}, today=TODAY, regions=R, for_submit=True)}
    assert {f.key for f in BIRTH_FIELDS if f.required} <= missing
    assert "child_weight" not in missing and "father_name" not in missing


def test_formats_are_checked_even_in_a_draft():
    draft = dict(child_birth_time="25:10", child_weight="tiga", child_name="Bayi 1", reporter_phone="123",
                 child_sex="3", doc_kk="yes", reporter_nik="16030712039000")
    found = codes(validate_birth(draft, today=TODAY, regions=R))
    assert sorted(found) == sorted([("child_birth_time", "time_format"), ("child_weight", "number_format"),
                                    ("child_name", "name_format"), ("reporter_phone", "phone_format"),
                                    ("child_sex", "choice_unknown"), ("doc_kk", "checkbox_format"),
                                    ("reporter_nik", "nik_length")])


@pytest.mark.parametrize("typed, ok", [("14:30", True), ("7:05", True), ("14.30", True), ("00:00", True),
                                       ("23:59", True), ("24:00", False), ("12:60", False), ("1430", False),
                                       ("", False)])
def test_time_of_birth(typed, ok):
    assert (parse_time(typed) is not None) == ok


def test_birth_in_the_future_is_an_error():
    assert codes(validate({"child_birth_date": "2025-03-02"})) == [("child_birth_date", "date_future")]


def test_child_born_before_a_parent():
    assert ("mother_birth_date", "parent_born_after_child") in codes(validate({"mother_birth_date": "2025-02-11"}))
    found = validate({"father_birth_date": "2025-02-10"})
    assert ("father_birth_date", "parent_born_after_child") in codes(errors(found))


def test_mother_age_at_the_birth():
    young = validate({"mother_birth_date": "2016-01-01", "mother_citizenship": "2"}, drop=("mother_nik",))
    assert codes(young) == [("mother_birth_date", "mother_too_young")] and errors(young)
    old = validate({"mother_birth_date": "1962-01-01", "mother_citizenship": "2"}, drop=("mother_nik",))
    assert codes(old) == [("mother_birth_date", "mother_old")] and not errors(old)
    assert validate({"mother_birth_date": "1980-01-01", "mother_citizenship": "2"}, drop=("mother_nik",)) == []


def test_mother_age_from_her_nik_when_no_date_is_typed():
    assert codes(validate({"mother_nik": "1603075001160001"}, drop=("mother_birth_date",), for_submit=False)) == [
        ("mother_birth_date", "mother_too_young")]


@pytest.mark.parametrize("key, value, severity", [
    ("child_weight", "40", "error"), ("child_weight", "3200", "error"), ("child_weight", "0,2", "error"),
    ("child_weight", "0.8", "warning"), ("child_weight", "5,6", "warning"), ("child_weight", "2,4", None),
    ("child_length", "150", "error"), ("child_length", "4.9", "error"), ("child_length", "36", "warning"),
    ("child_length", "52", None),
])
def test_weight_and_length_limits(key, value, severity):
    found = validate({key: value})
    assert [i.severity for i in found] == ([severity] if severity else [])


def test_parse_number_reads_a_decimal_comma():
    assert parse_number("3,25") == 3.25 and parse_number("3.25") == 3.25 and parse_number(2) == 2.0
    assert parse_number("3,2,1") is None and parse_number(True) is None


def test_mother_and_father_nik_sex_disagreement_is_a_warning():
    found = validate({"mother_nik": "1603071005950001"})
    assert codes(found) == [("mother_nik", "nik_sex_mismatch")] and not errors(found)
    assert codes(validate({"father_nik": "1603075203900002", "reporter_nik": "1603071203900002"})) == [
        ("father_nik", "nik_sex_mismatch")]


def test_reporter_and_witness_niks_are_checked():
    assert codes(validate({"reporter_nik": "9903071203900002"})) == [("reporter_nik", "nik_province")]
    found = validate({**WITNESSES, "witness2_nik": "1603076008750000"})
    assert codes(found) == [("witness2_nik", "nik_serial")]


def test_a_witness_cannot_be_the_child():
    child_nik = "1603071002250001"
    same_nik = validate({**WITNESSES, "child_nik": child_nik, "witness1_nik": child_nik})
    assert ("witness1_name", "witness_is_child") in codes(errors(same_nik))
    # No NIK for the child yet: the same name and the child's birth date in the witness's NIK is the child.
    same_person = validate({**WITNESSES, "witness2_name": "ahmad  FAUZI", "witness2_nik": "1603071002250001"})
    assert ("witness2_name", "witness_is_child") in codes(errors(same_person))
    assert validate(WITNESSES) == []


def test_a_witness_should_be_an_adult():
    found = validate({**WITNESSES, "witness1_nik": "1603071501150003"})
    assert codes(found) == [("witness1_nik", "witness_minor")] and not errors(found)


def test_two_roles_cannot_share_a_nik():
    found = validate({**WITNESSES, "witness2_nik": WITNESSES["witness1_nik"]})
    assert ("witness2_nik", "nik_same_person") in codes(errors(found))
    assert ("father_nik", "nik_same_person") in codes(validate({"father_nik": VALID["mother_nik"]}))


def test_late_report_is_a_configurable_warning():
    born = (TODAY - timedelta(days=61)).isoformat()
    late = validate({"child_birth_date": born}, drop=("child_nik",))
    assert codes(late) == [("child_birth_date", "late_report")] and not errors(late)
    assert "61" in late[0].text("en")
    assert validate({"child_birth_date": (TODAY - timedelta(days=60)).isoformat()}) == []
    assert validate({"child_birth_date": born}, late_report_days=None) == []
    assert validate({"child_birth_date": born}, late_report_days=90) == []


def test_without_a_birth_letter_the_sptjm_and_two_witnesses_are_required():
    no_letter = {"doc_birth_letter": False, "doc_birth_letter_issuer": ""}
    found = codes(validate(no_letter))
    assert ("doc_sptjm_birth", "document_missing") in found
    assert {f for f, c in found if c == "required"} == {
        f"witness{n}_{s}" for n in (1, 2) for s in ("name", "nik", "kk_number", "citizenship")}
    assert validate({**no_letter, **WITNESSES, "doc_sptjm_birth": True}) == []
    assert validate(no_letter, for_submit=False) == []
    assert witnesses_required(no_letter) and not witnesses_required(VALID)


def test_without_marriage_proof_the_sptjm_of_husband_and_wife_is_required():
    no_proof = {"doc_marriage_proof": False, "doc_marriage_proof_type": ""}
    assert codes(validate(no_proof)) == [("doc_sptjm_marriage", "document_missing")]
    assert validate({**no_proof, "doc_sptjm_marriage": True}) == []
    mother_only = validate(no_proof, drop=[k for k in VALID if k.startswith("father_")])
    assert mother_only == []


def test_required_documents_tell_the_ui_what_to_offer():
    assert [d.key for d in required_documents(VALID)] == ["doc_birth_letter", "doc_marriage_proof", "doc_kk"]
    bare = required_documents({"father_name": "M. Yusuf"})
    assert [(d.key, d.instead_of) for d in bare] == [("doc_sptjm_birth", "doc_birth_letter"),
                                                    ("doc_sptjm_marriage", "doc_marriage_proof"), ("doc_kk", None)]
    assert [d.key for d in required_documents({})] == ["doc_sptjm_birth", "doc_kk"]
    assert codes(validate({"doc_kk": False})) == [("doc_kk", "document_missing")]


def test_letter_details():
    assert codes(validate(drop=("doc_birth_letter_issuer",))) == [("doc_birth_letter_issuer", "required")]
    assert codes(validate(drop=("doc_marriage_proof_type",))) == [("doc_marriage_proof_type", "required")]
    found = validate({"doc_birth_letter_issuer": "5"})
    assert codes(found) == [("doc_birth_letter_issuer", "village_head_letter_not_home")]
    assert '"RS/RB"' in found[0].text("id")
    assert validate({"doc_birth_letter_issuer": "5", "child_birth_place_type": "4"}) == []


def test_parents_nik_needed_for_indonesian_citizens_only():
    assert codes(validate(drop=("mother_nik",))) == [("mother_nik", "required")]
    assert validate({"mother_citizenship": "2"}, drop=("mother_nik",)) == []
    assert ("father_birth_date", "required") in codes(validate(drop=("father_birth_date",)))


def test_birth_place_is_a_regency():
    assert codes(validate({"child_birth_place": "16.03.07"})) == [("child_birth_place", "region_unknown")]
    assert validate({"child_birth_place": "16.71"}) == []


def test_birth_type_agrees_with_the_group_size():
    assert codes(validate({"group_size": "2", "multiple_birth_order": "1"})) == [
        ("child_birth_type", "birth_type_group_mismatch")]
    twin = validate({"child_birth_type": "3", "group_size": "2", "multiple_birth_order": "2"})
    assert codes(twin) == [("child_birth_type", "birth_type_group_mismatch")]
    assert "Kembar 2" in twin[0].text("id")
    assert validate({"child_birth_type": "2", "group_size": "2", "multiple_birth_order": "2"}) == []
    assert codes(validate({"child_birth_type": "2", "group_size": "2", "multiple_birth_order": "3"})) == [
        ("multiple_birth_order", "multiple_birth_order_range")]
    assert validate({"child_birth_type": "5", "group_size": "5", "multiple_birth_order": "5"}) == []
    assert codes(validate({"child_birth_order": "0"})) == [("child_birth_order", "birth_order_zero")]


def test_split_twins():
    shared = {k: v for k, v in VALID.items() if k not in ("child_name", "child_sex", "child_weight")}
    shared["child_birth_order"] = "2"
    twins = split_multiple_birth(shared, [
        dict(child_name="Hasan", child_sex="1", child_weight="2,6", child_birth_time="14:30"),
        dict(child_name="Husein", child_sex="1", child_weight="2,4", child_birth_time="14:42"),
    ])
    assert [t["child_name"] for t in twins] == ["Hasan", "Husein"]
    assert [t["multiple_birth_order"] for t in twins] == ["1", "2"]
    assert [t["child_birth_order"] for t in twins] == ["2", "3"]
    assert {t["child_birth_type"] for t in twins} == {"2"} and {t["group_size"] for t in twins} == {"2"}
    assert all(validate_birth(t, today=TODAY, regions=R, for_submit=True) == [] for t in twins)


def test_split_never_copies_one_childs_own_values_to_another():
    twins = split_multiple_birth({"child_weight": "3", "child_name": "X", "mother_name": "Siti"},
                                 [{"child_name": "A"}, {"child_name": "B", "child_weight": "2,5"}])
    assert "child_weight" not in twins[0] and twins[1]["child_weight"] == "2,5"
    assert [t["mother_name"] for t in twins] == ["Siti", "Siti"]
    single = split_multiple_birth({"mother_name": "Siti"}, [{"child_name": "A"}])
    assert single == [{"mother_name": "Siti", "child_name": "A", "child_birth_type": "1"}]


@given(st.integers(min_value=1, max_value=8), st.dictionaries(
    st.sampled_from(["mother_name", "father_nik", "reporter_name", "witness1_nik", "doc_kk", "child_birth_date"]),
    st.text(max_size=5)))
def test_split_yields_one_application_per_child_sharing_the_parents(count, shared):
    children = [{"child_name": f"Anak {n}"} for n in range(count)]
    apps = split_multiple_birth(shared, children)
    assert len(apps) == count
    for position, app in enumerate(apps, start=1):
        assert {k: app[k] for k in shared} == shared
        assert app["child_name"] == f"Anak {position - 1}"
        assert app["child_birth_type"] == birth_type_for(count)
        assert app.get("multiple_birth_order") == (str(position) if count > 1 else None)
        found = validate_birth(app, today=TODAY, regions=R)
        assert [i.code for i in found if i.code.startswith(("birth_type", "multiple"))] == []


def test_messages_read_in_indonesian():
    issue = validate(drop=("child_name",))[0]
    assert issue.text("id") == "Nama anak wajib diisi."
    assert validate(drop=("doc_kk",))[0].text("id").startswith("Kartu Keluarga")
