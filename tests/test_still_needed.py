"""What a form still needs, listed while the officer types (Qt-free), and free text in a value list."""

from datetime import date

from app.kinds.birth import validate_birth
from app.kinds.cataract import validate_cataract
from app.kinds.ektp import EKTP_FIELDS, validate_ektp
from app.reference.regions import shipped_regions
from app.validation.still_needed import still_needed

TODAY = date(2025, 3, 1)
R = shipped_regions()


def needed(validate, data):
    return [(i.field, i.code) for i in still_needed(validate, data, today=TODAY, regions=R)]


def test_an_empty_form_needs_every_required_field():
    required = [f.key for f in EKTP_FIELDS if f.required]
    assert [field for field, _code in needed(validate_ektp, {})] == required
    assert validate_ektp({}, today=TODAY, regions=R) == []  # and nothing is an error yet


def test_a_registered_marriage_needs_its_certificate_and_date_before_submit():
    assert ("marriage_certificate_no", "required_when_married") in needed(validate_ektp, {"marital_status": "2"})
    assert ("marriage_date", "required_when_married") in needed(validate_ektp, {"marital_status": "2"})
    assert not {"marriage_certificate_no", "marriage_date"} & {f for f, _ in needed(validate_ektp,
                                                                                    {"marital_status": "1"})}


def test_an_eye_below_6_12_needs_its_pinhole_acuity_and_a_cause():
    examined = {"exam_status": "1", "right_presenting_va": "1"}
    assert ("right_pinhole_va", "required") not in needed(validate_cataract, examined)
    below = {**examined, "right_presenting_va": "3"}
    assert ("right_pinhole_va", "required") in needed(validate_cataract, below)
    assert ("principal_cause", "required") in needed(validate_cataract, below)


def test_an_indonesian_mother_needs_her_nik():
    assert ("mother_nik", "required") in needed(validate_birth, {"mother_citizenship": "1"})


def test_what_is_already_reported_is_not_listed_twice():
    live = validate_ektp({"sex": "pasar tanjung"}, today=TODAY, regions=R)
    assert [(i.field, i.code) for i in live] == [("sex", "choice_unknown")]
    assert ("sex", "required") not in needed(validate_ektp, {"sex": "pasar tanjung"})


def test_free_text_in_a_value_list_is_an_error_that_quotes_it():
    for validate, key in ((validate_ektp, "occupation"), (validate_birth, "child_sex"),
                          (validate_cataract, "patient_sex")):
        [issue] = [i for i in validate({key: "pasar tanjung"}, today=TODAY, regions=R) if i.field == key]
        assert issue.is_error and issue.code == "choice_unknown"
        assert "“pasar tanjung”" in issue.text("id") and "daftar" in issue.text("id")


def test_an_unknown_stored_code_keeps_the_plain_message():
    [issue] = validate_ektp({"occupation": "99"}, today=TODAY, regions=R)
    assert issue.text("en") == "Occupation: choose one of the options in the list."


def test_the_plain_missing_message_is_the_one_the_panel_shortens():
    from app.validation.issues import REQUIRED_TEMPLATE

    plain = still_needed(validate_ektp, {}, today=TODAY, regions=R)
    assert plain and all(i.template == REQUIRED_TEMPLATE for i in plain)
    reasons = still_needed(validate_cataract, {"exam_status": "1", "right_presenting_va": "3"}, today=TODAY,
                           regions=R)
    assert any(i.field == "principal_cause" and i.template != REQUIRED_TEMPLATE for i in reasons)


def test_words_typed_into_a_region_box_are_an_error_that_quotes_them():
    cases = ((validate_ektp, {"province_code": "16", "regency_code": "16.03", "village_code": "pasar tanjung"},
              "village_code"),
             (validate_cataract, {"patient_province_code": "16", "patient_district_code": "pasar tanjung"},
              "patient_district_code"),
             (validate_birth, {"child_birth_place": "pasar tanjung"}, "child_birth_place"))
    for validate, data, key in cases:
        [issue] = [i for i in validate(data, today=TODAY, regions=R) if i.field == key]
        assert issue.code == "choice_unknown" and "“pasar tanjung”" in issue.text("id")
