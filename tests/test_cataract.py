from datetime import date

import pytest
from hypothesis import given, strategies as st

from app.kinds.cataract import (CATARACT_FIELDS, FIELDS_BY_KEY, FOLLOW_UP_LABELS, SECTION_LABELS, follow_up,
                          validate_cataract, who_category)
from app.i18n import translate
from app.reference import value_lists as vl
from app.reference.regions import shipped_regions
from app.validation.issues import errors

TODAY = date(2025, 3, 1)
R = shipped_regions()
SCREENED = dict(
    patient_name="Rohani", patient_nik="1603075507600003", patient_sex="2", patient_birth_date="1960-07-15",
    patient_province_code="16", patient_regency_code="16.03", patient_district_code="16.03.07",
    patient_village_code="16.03.07.1001", screening_date="2025-01-10", exam_status="1",
    right_presenting_va="5", right_pinhole_va="5", right_lens="2",
    left_presenting_va="3", left_pinhole_va="3", left_lens="2",
    principal_cause="3", surgery_barriers=["2", "3"],
)
REFERRED = dict(referred=True, referral_eye="1", referral_facility="RSUD Dr. H.M. Rabain Muara Enim",
                referral_date="2025-01-10", bpjs_status="1", surgery_scheduled_date="2025-03-20")
OPERATED = dict(REFERRED, surgery_scheduled_date="2025-01-20", surgery_attended=True, operated_eye="1",
                surgery_date="2025-01-20", right_postop_day1_va="3", right_postop_week4_va="1",
                postop_week4_date="2025-02-20")
ACUITY = [c.code for c in vl.VISUAL_ACUITY]


def validate(changes=None, drop=(), for_submit=True, today=TODAY):
    data = {k: v for k, v in {**SCREENED, **(changes or {})}.items() if k not in drop}
    return validate_cataract(data, today=today, regions=R, for_submit=for_submit)


def codes(issues):
    return [(i.field, i.code) for i in issues]


def test_the_form():
    keys = [f.key for f in CATARACT_FIELDS]
    assert len(keys) == len(set(keys))
    assert {f.section for f in CATARACT_FIELDS} == set(SECTION_LABELS)
    assert FIELDS_BY_KEY["who_category"].kind == "computed"
    assert FIELDS_BY_KEY["surgery_barriers"].kind == "multichoice"
    assert all((f.kind in ("choice", "multichoice")) == (f.choices is not None)
               for f in CATARACT_FIELDS if f.kind != "computed")
    assert {"patient_nik", "patient_name", "patient_sex", "patient_birth_date", "patient_village_code"} <= set(keys)


def test_value_lists_follow_raab():
    assert len(vl.VISUAL_ACUITY) == 7 and len(vl.LENS_STATUS) == 6 and len(vl.PRINCIPAL_CAUSE) == 13
    assert len(vl.SURGERY_BARRIER) == 7 and len(vl.EXAM_STATUS) == 4 and len(vl.WHO_CATEGORY) == 5
    assert vl.label(vl.WHO_CATEGORY, "5") == "Buta"
    assert vl.label(vl.PRINCIPAL_CAUSE, vl.CAUSE_UNTREATED_CATARACT) == "Katarak belum dioperasi"


@pytest.mark.parametrize("data, expected", [
    (SCREENED, "3"),
    ({**OPERATED, **SCREENED}, "3"),
    ({**SCREENED, "left_presenting_va": "1"}, "1"),
    ({**SCREENED, "left_presenting_va": "2"}, "2"),
    ({**SCREENED, "left_presenting_va": "4"}, "4"),
    ({**SCREENED, "left_presenting_va": "6"}, "5"),
    ({**SCREENED, "left_presenting_va": "7", "right_presenting_va": "7"}, "5"),
    # Pinhole acuity shows what glasses could do; the category is how the person sees now.
    ({**SCREENED, "left_presenting_va": "4", "left_pinhole_va": "1", "right_pinhole_va": "1"}, "4"),
    ({**SCREENED, "exam_status": "3"}, None),
    ({k: v for k, v in SCREENED.items() if k != "left_presenting_va"}, None),
])
def test_who_category_examples(data, expected):
    assert who_category(data) == expected


@given(st.sampled_from(ACUITY), st.sampled_from(ACUITY), st.sampled_from(ACUITY))
def test_who_category_follows_the_better_eye(right, left, worse_left):
    data = {"exam_status": "1", "right_presenting_va": right, "left_presenting_va": left}
    category = who_category(data)
    better = min(int(right), int(left))
    assert category == who_category({"exam_status": "1", "right_presenting_va": str(better),
                                     "left_presenting_va": str(better)})
    assert category == who_category({**data, "right_presenting_va": left, "left_presenting_va": right})
    # Never worse than the better eye alone would make it; monotone as an eye gets worse.
    assert int(category) <= min(int(right), 5)
    if int(worse_left) >= int(left):
        assert int(who_category({**data, "left_presenting_va": worse_left})) >= int(category)


def test_a_complete_screening_has_no_issues():
    assert validate() == []
    assert validate(REFERRED) == []
    assert validate(OPERATED) == []


def test_exam_fields_are_required_only_when_examined():
    not_available = {"exam_status": "2"}
    drop = [k for k in SCREENED if k.startswith(("right_", "left_")) or k in ("principal_cause", "surgery_barriers")]
    assert validate(not_available, drop=drop) == []
    missing = codes(validate(drop=drop))
    assert ("right_presenting_va", "required") in missing and ("left_lens", "required") in missing
    assert codes(validate(not_available)) == [("exam_status", "exam_data_not_examined")]


def test_pinhole_only_for_eyes_below_6_12():
    good_right = {"right_presenting_va": "1", "right_lens": "1"}
    assert validate(good_right, drop=("right_pinhole_va",)) == []
    assert codes(validate(drop=("right_pinhole_va",))) == [("right_pinhole_va", "required")]
    assert codes(validate({"left_pinhole_va": "4"})) == [("left_pinhole_va", "pinhole_worse")]


def test_principal_cause_and_barriers():
    all_good = {"right_presenting_va": "1", "left_presenting_va": "1", "right_lens": "1", "left_lens": "1"}
    assert validate(all_good, drop=("principal_cause", "surgery_barriers", "right_pinhole_va", "left_pinhole_va")) == []
    assert codes(validate(drop=("principal_cause",))) == [("principal_cause", "required")]
    assert codes(validate(drop=("surgery_barriers",))) == [("surgery_barriers", "required")]
    assert codes(validate({"surgery_barriers": ["2", "9"]})) == [("surgery_barriers", "choice_unknown")]
    assert codes(validate({"right_lens": "1", "left_lens": "1"})) == [("principal_cause", "cause_lens_mismatch")]
    assert validate({"right_lens": "6", "left_lens": "1"}) == []


def test_target_age_is_a_warning():
    young = validate({"patient_birth_date": "1980-07-15", "patient_nik": "1603075507800003"})
    assert codes(young) == [("patient_birth_date", "below_target_age")] and not errors(young)
    from_nik = validate({"patient_nik": "1603075507800003"}, drop=("patient_birth_date",))
    assert codes(from_nik) == [("patient_birth_date", "below_target_age")]
    assert codes(validate(drop=("patient_birth_date", "patient_nik"))) == [
        ("patient_birth_date", "birth_date_or_nik")]


def test_patient_nik_is_checked():
    assert codes(validate({"patient_nik": "1603071507600003"})) == [("patient_nik", "nik_sex_mismatch")]
    assert codes(validate({"patient_nik": "16030755076"})) == [("patient_nik", "nik_length")]


def test_patient_regions_nest():
    assert codes(validate({"patient_village_code": "16.71.01.1001"})) == [("patient_village_code", "region_mismatch")]
    assert codes(validate({"patient_district_code": "16.03"})) == [("patient_district_code", "region_unknown")]


def test_referral_needs_its_details():
    found = codes(validate({"referred": True}))
    assert {f for f, c in found if c == "required"} == {"referral_eye", "referral_facility", "referral_date",
                                                       "bpjs_status"}
    assert validate({"referred": True}, for_submit=False) == []


@pytest.mark.parametrize("changes, expected", [
    ({"referral_date": "2025-01-09"}, ("referral_date", "date_order")),
    ({"surgery_date": "2025-01-08", "surgery_scheduled_date": "2025-01-08"}, ("surgery_scheduled_date", "date_order")),
    ({"surgery_date": "2025-01-05"}, ("surgery_date", "date_order")),
    ({"postop_week4_date": "2025-01-19"}, ("postop_week4_date", "date_order")),
])
def test_steps_cannot_come_before_the_one_they_follow(changes, expected):
    assert expected in codes(errors(validate({**OPERATED, **changes})))


def test_surgery_checks():
    assert ("surgery_attended", "surgery_not_attended") in codes(validate({**OPERATED, "surgery_attended": False}))
    assert ("operated_eye", "required") in codes(validate({**OPERATED, "operated_eye": ""}))
    assert codes(validate({**OPERATED, "referral_eye": "2"})) == [("operated_eye", "operated_eye_not_referred")]
    assert codes(validate({**OPERATED, "referral_eye": "3"})) == []
    assert ("surgery_date", "date_future") in codes(validate({**OPERATED, "surgery_date": "2025-03-02"}))
    scheduled_ahead = validate({**REFERRED, "surgery_scheduled_date": "2025-06-01"})
    assert scheduled_ahead == []


def test_postop_acuity_only_after_surgery_and_for_the_operated_eye():
    before = {**REFERRED, "right_postop_day1_va": "2"}
    assert codes(validate(before)) == [("right_postop_day1_va", "postop_without_surgery")]
    wrong_eye = {**OPERATED, "left_postop_day1_va": "2"}
    assert codes(validate(wrong_eye)) == [("left_postop_day1_va", "postop_wrong_eye")]
    early = validate({**OPERATED, "surgery_date": "2025-02-15", "surgery_scheduled_date": "2025-02-15",
                      "postop_week4_date": ""})
    assert codes(early) == [("right_postop_week4_va", "postop_week4_early")] and not errors(early)
    assert codes(validate({**OPERATED, "postop_week4_date": "2025-04-01"}, today=date(2025, 4, 2))) == [
        ("postop_week4_date", "postop_week4_window")]


def test_follow_up_visits():
    assert follow_up(SCREENED, TODAY) is None
    assert follow_up({**SCREENED, **REFERRED}, TODAY) == (date(2025, 3, 20), "surgery")
    no_schedule = {**SCREENED, **REFERRED, "surgery_scheduled_date": ""}
    assert follow_up(no_schedule, TODAY) == (date(2025, 1, 10), "surgery")
    operated = {**SCREENED, **OPERATED}
    assert follow_up(operated, TODAY) is None
    day1 = {k: v for k, v in operated.items() if not k.startswith("right_postop")}
    assert follow_up(day1, TODAY) == (date(2025, 1, 21), "postop_day1")
    week4 = {k: v for k, v in operated.items() if k != "right_postop_week4_va"}
    assert follow_up(week4, TODAY) == (date(2025, 2, 17), "postop_week4")
    both = {**operated, "operated_eye": "3"}
    assert follow_up(both, TODAY) == (date(2025, 1, 21), "postop_day1")
    assert set(FOLLOW_UP_LABELS) == {"surgery", "postop_day1", "postop_week4"}
    assert translate("FollowUp", FOLLOW_UP_LABELS["postop_day1"], "id") != FOLLOW_UP_LABELS["postop_day1"]


def test_messages_read_in_indonesian():
    issue = validate(drop=("patient_name",))[0]
    assert issue.text("id") == "Nama pasien wajib diisi."
