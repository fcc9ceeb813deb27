import typing
from datetime import date

import pytest

from app.form_fields import FieldKind
from app.kinds.ektp import EKTP_FIELDS
from app.i18n import catalogue
from app.kinds import KINDS, kind_spec
from app.reference import value_lists as vl
from app.reference.regions import shipped_regions

FIELD_KINDS = set(typing.get_args(FieldKind))
NEW_LISTS = ("BIRTH_PLACE_TYPE", "BIRTH_TYPE", "BIRTH_ATTENDANT", "BIRTH_LETTER_ISSUER", "MARRIAGE_PROOF",
             "EXAM_STATUS", "VISUAL_ACUITY", "LENS_STATUS", "PRINCIPAL_CAUSE", "SURGERY_BARRIER", "WHO_CATEGORY",
             "EYE", "BPJS_STATUS")


def test_the_first_three_kinds():
    # Each later service is tested by its own tests; these three are the ones the rest of this file knows.
    assert {"ektp", "birth", "cataract"} <= set(KINDS)
    assert kind_spec("ektp").fields == EKTP_FIELDS
    assert {k: KINDS[k].subject_role for k in ("ektp", "birth", "cataract")} == {
        "ektp": "subject", "birth": "child", "cataract": "patient"}
    assert kind_spec("ektp").person_roles == {"subject": ""}
    assert kind_spec("birth").person_roles == {"child": "child_", "mother": "mother_", "father": "father_",
                                               "reporter": "reporter_", "witness1": "witness1_",
                                               "witness2": "witness2_"}
    assert kind_spec("cataract").person_roles == {"patient": "patient_"}


@pytest.mark.parametrize("key", sorted(KINDS))
def test_every_kind_describes_its_form(key):
    spec = kind_spec(key)
    keys = {f.key for f in spec.fields}
    assert len(keys) == len(spec.fields)
    assert {f.kind for f in spec.fields} <= FIELD_KINDS
    assert {f.section for f in spec.fields} == set(spec.section_labels)
    for prefix in spec.person_roles.values():
        assert {prefix + "name", prefix + "nik"} <= keys
    assert spec.subject_role in spec.person_roles
    assert spec.validate({}, today=date(2025, 3, 1), regions=shipped_regions(), for_submit=False) == []
    assert spec.validate({}, today=date(2025, 3, 1), regions=shipped_regions(), for_submit=True) != []


def test_follow_up_defaults_to_none():
    assert kind_spec("ektp").follow_up({"name": "x"}, date(2025, 3, 1)) is None
    assert kind_spec("birth").follow_up({"child_name": "x"}, date(2025, 3, 1)) is None
    referred = {"referred": True, "referral_date": "2025-02-01"}
    assert kind_spec("cataract").follow_up(referred, date(2025, 3, 1)) == (date(2025, 2, 1), "surgery")
    assert set(kind_spec("cataract").follow_up_labels) == {"surgery", "postop_day1", "postop_week4"}


def test_every_label_of_every_kind_reads_in_indonesian():
    table = catalogue("id")
    missing = []
    for spec in KINDS.values():
        missing += [("Kinds", spec.title)] if ("Kinds", spec.title) not in table else []
        missing += [("Form", f.label) for f in spec.fields if ("Form", f.label) not in table]
        missing += [("ValueList", c.label) for f in spec.fields for c in f.choices or ()
                    if ("ValueList", c.label) not in table]
        missing += [("Section", t) for t in spec.section_labels.values() if ("Section", t) not in table]
        missing += [("FollowUp", t) for t in spec.follow_up_labels.values() if ("FollowUp", t) not in table]
    assert missing == []


@pytest.mark.parametrize("name", NEW_LISTS)
def test_new_lists_number_from_one_with_distinct_labels(name):
    choices = getattr(vl, name)
    assert [c.code for c in choices] == [str(n) for n in range(1, len(choices) + 1)]
    assert len({c.label for c in choices}) == len(choices)


def test_a_label_shared_by_two_lists_means_the_same_thing():
    # The catalogue has one translation per English label, so a label used twice must read the same both times.
    old = {c.label for name in ("SEX", "BLOOD_TYPE", "RELIGION", "MARITAL_STATUS", "RELATIONSHIP", "EDUCATION",
                                "DISABILITY", "CITIZENSHIP", "OCCUPATION") for c in getattr(vl, name)}
    shared = {c.label for name in NEW_LISTS for c in getattr(vl, name)} & old
    assert shared == {"Doctor", "Midwife"}


@pytest.mark.parametrize("choices, code, indonesian", [
    (vl.BIRTH_TYPE, "1", "Tunggal"), (vl.BIRTH_TYPE, "2", "Kembar 2"), (vl.BIRTH_TYPE, "4", "Kembar 4"),
    (vl.BIRTH_TYPE, "5", "Lainnya"), (vl.BIRTH_PLACE_TYPE, "1", "RS/RB"), (vl.BIRTH_PLACE_TYPE, "3", "Polindes"),
    (vl.BIRTH_ATTENDANT, "2", "Bidan/Perawat"), (vl.BIRTH_ATTENDANT, "3", "Dukun"),
    (vl.WHO_CATEGORY, "5", "Buta"), (vl.PRINCIPAL_CAUSE, "3", "Katarak belum dioperasi"),
])
def test_official_indonesian_terms(choices, code, indonesian):
    assert vl.label(choices, code) == indonesian
