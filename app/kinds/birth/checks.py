"""Validation of a birth application (F-2.01).

Errors are kept for what cannot be true (a child born before its mother, 40 kg at birth, a witness who is the
child); what is only unusual (a mother over 60, a late report) is a warning the officer may confirm.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from app.kinds.birth.documents import document_issues, father_named
from app.kinds.birth.form import BIRTH_FIELDS, FIELDS_BY_KEY, PERSON_ROLES, WITNESS_PREFIXES
from app.kinds.birth.twins import multiple_birth_issues
from app.i18n import QT_TRANSLATE_NOOP
from app.reference.regions import Regions
from app.validation.choices import is_code, unlisted_choice
from app.validation.dates import format_date, parse_date
from app.validation.fields import check_fields, label_term, parse_number, required_issue, text
from app.validation.issues import Issue, error, warning
from app.validation.kk import check_kk
from app.validation.nik import check_nik, parse_nik

# [unsure] The 60-day limit after which a report needs extra approval may no longer apply (DOMAIN.md), so it
# is a warning and the caller may change or switch it off (None).
LATE_REPORT_DAYS = 60
MOTHER_MIN_AGE = 10  # younger is impossible: an error
MOTHER_OLD_AGE = 60  # older is extraordinary but has happened: a warning
WITNESS_MIN_AGE = 17  # a witness signs as an adult; a younger one is probably a slip in the NIK
# (hard limit, usual limit): outside the hard range it is a typing slip (grams for kg, 40 kg); between the two
# it is rare enough to ask again.
WEIGHT_KG = ((0.3, 7.0), (1.0, 5.0))
LENGTH_CM = ((20.0, 65.0), (40.0, 58.0))
WNI = "1"

NIK_KEYS = frozenset(prefix + "nik" for prefix in PERSON_ROLES.values())
KK_KEYS = frozenset({"reporter_kk_number", "witness1_kk_number", "witness2_kk_number", "child_kk_number"})


def _date(data: dict[str, Any], key: str, today: date) -> date | None:
    return parse_date(text(data, key), today=today)[0]


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def validate_birth(data: dict[str, Any], *, today: date, regions: Regions, for_submit: bool = False,
                   late_report_days: int | None = LATE_REPORT_DAYS) -> list[Issue]:
    """All issues with a birth application. Missing required values and documents count only when
    ``for_submit``; what is filled in is always checked."""
    issues = check_fields(BIRTH_FIELDS, data, today=today, for_submit=for_submit,
                          checked_elsewhere=NIK_KEYS | KK_KEYS | {"child_birth_place"})
    if for_submit:
        issues += _conditionally_required(data)
    issues += _nik_issues(data, today, regions)
    for key in sorted(KK_KEYS):
        if kk := text(data, key):
            issues += check_kk(kk, today=today, regions=regions, field=key)
    issues += _birth_place_issues(data, regions)
    issues += _parent_issues(data, today)
    issues += _measure_issues(data)
    issues += _witness_issues(data, today)
    issues += multiple_birth_issues(data)
    issues += document_issues(data, for_submit=for_submit)
    issues += _late_report(data, today, late_report_days)
    return issues


def _conditionally_required(data: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    if text(data, "mother_citizenship") == WNI and not text(data, "mother_nik"):
        issues.append(required_issue(FIELDS_BY_KEY["mother_nik"]))
    if father_named(data):
        # A father on the akta is described as fully as the mother.
        for key in ("father_name", "father_birth_place", "father_birth_date", "father_citizenship"):
            if not text(data, key):
                issues.append(required_issue(FIELDS_BY_KEY[key]))
        if text(data, "father_citizenship") == WNI and not text(data, "father_nik"):
            issues.append(required_issue(FIELDS_BY_KEY["father_nik"]))
    return issues


def _nik_issues(data: dict[str, Any], today: date, regions: Regions) -> list[Issue]:
    issues: list[Issue] = []
    # What the form says about each person, so that a disagreement with the NIK shows as a warning.
    about = {"mother_": ("2", "mother_birth_date"), "father_": ("1", "father_birth_date"),
             "child_": (text(data, "child_sex") or None, "child_birth_date")}
    for prefix in PERSON_ROLES.values():
        nik = text(data, prefix + "nik")
        if not nik:
            continue
        sex, birth_key = about.get(prefix, (None, None))
        issues += check_nik(nik, today=today, regions=regions, field=prefix + "nik", sex=sex,
                            birth_date=_date(data, birth_key, today) if birth_key else None)
    seen: dict[str, str] = {}
    for prefix in ("child_", "mother_", "father_", "witness1_", "witness2_"):
        nik = text(data, prefix + "nik")
        if nik and nik in seen:
            issues.append(error(prefix + "nik", "nik_same_person", QT_TRANSLATE_NOOP(
                "Validation", "{label} is the same as {other}: they must be different people."),
                label=label_term(FIELDS_BY_KEY[prefix + "nik"]), other=label_term(FIELDS_BY_KEY[seen[nik]])))
        elif nik:
            seen[nik] = prefix + "nik"
    return issues


def _birth_place_issues(data: dict[str, Any], regions: Regions) -> list[Issue]:
    code = text(data, "child_birth_place")
    if not code:
        return []
    if not is_code(code):
        return [unlisted_choice("child_birth_place", label_term(FIELDS_BY_KEY["child_birth_place"]), code)]
    region = regions.get(code)
    if region is None or len(region.code) != len("16.03"):
        return [error("child_birth_place", "region_unknown", QT_TRANSLATE_NOOP(
            "Validation", "{label}: code {code} is not in the Kemendagri list."),
            label=label_term(FIELDS_BY_KEY["child_birth_place"]), code=code)]
    return []


def _parent_birth(data: dict[str, Any], prefix: str, today: date) -> date | None:
    typed = _date(data, prefix + "birth_date", today)
    if typed is None and (parts := parse_nik(text(data, prefix + "nik"), today=today)):
        return parts.birth_date
    return typed


def _parent_issues(data: dict[str, Any], today: date) -> list[Issue]:
    issues: list[Issue] = []
    child = _date(data, "child_birth_date", today)
    if child is None:
        return issues
    for prefix in ("mother_", "father_"):
        parent = _parent_birth(data, prefix, today)
        if parent is None:
            continue
        key = prefix + "birth_date"
        if parent >= child:
            issues.append(error(key, "parent_born_after_child", QT_TRANSLATE_NOOP(
                "Validation", "{label} ({date}) is not before the child's date of birth ({child_date})."),
                label=label_term(FIELDS_BY_KEY[key]), date=format_date(parent), child_date=format_date(child)))
        elif prefix == "mother_" and (age := _age(parent, child)) < MOTHER_MIN_AGE:
            issues.append(error(key, "mother_too_young", QT_TRANSLATE_NOOP(
                "Validation", "The mother would have been {age} years old at the birth. Check both dates of birth."),
                age=age))
        elif prefix == "mother_" and age > MOTHER_OLD_AGE:
            issues.append(warning(key, "mother_old", QT_TRANSLATE_NOOP(
                "Validation", "The mother was {age} years old at the birth. Check both dates of birth."), age=age))
    return issues


def _measure_issues(data: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    for key, ((low, high), (usual_low, usual_high)) in (("child_weight", WEIGHT_KG), ("child_length", LENGTH_CM)):
        value = parse_number(data.get(key))
        if value is None:
            continue
        params = dict(label=label_term(FIELDS_BY_KEY[key]), value=f"{value:g}".replace(".", ","),
                      low=f"{low:g}".replace(".", ","), high=f"{high:g}".replace(".", ","))
        if not low <= value <= high:
            issues.append(error(key, "measure_impossible", QT_TRANSLATE_NOOP(
                "Validation", "{label}: {value} is not possible for a newborn (expected {low} to {high}). "
                              "Check the unit: kilograms and centimetres."), **params))
        elif not usual_low <= value <= usual_high:
            issues.append(warning(key, "measure_unusual", QT_TRANSLATE_NOOP(
                "Validation", "{label}: {value} is unusual for a newborn. Check it against the birth letter."),
                **params))
    return issues


def _witness_issues(data: dict[str, Any], today: date) -> list[Issue]:
    issues: list[Issue] = []
    child_nik, child_name = text(data, "child_nik"), _name_key(text(data, "child_name"))
    child_born = _date(data, "child_birth_date", today)
    for prefix in WITNESS_PREFIXES:
        nik = text(data, prefix + "nik")
        parts = parse_nik(nik, today=today) if nik else None
        same_nik = bool(nik) and nik == child_nik
        same_person = (parts is not None and child_born == parts.birth_date and bool(child_name)
                       and _name_key(text(data, prefix + "name")) == child_name)
        if same_nik or same_person:
            issues.append(error(prefix + "name", "witness_is_child", QT_TRANSLATE_NOOP(
                "Validation", "{label} is the child being registered; a witness must be another person."),
                label=label_term(FIELDS_BY_KEY[prefix + "name"])))
        elif parts is not None and _age(parts.birth_date, today) < WITNESS_MIN_AGE:
            issues.append(warning(prefix + "nik", "witness_minor", QT_TRANSLATE_NOOP(
                "Validation", "By the NIK, {label} is {age} years old; a witness must be an adult. Check the NIK."),
                label=label_term(FIELDS_BY_KEY[prefix + "name"]), age=_age(parts.birth_date, today)))
    return issues


def _late_report(data: dict[str, Any], today: date, limit: int | None) -> list[Issue]:
    born = _date(data, "child_birth_date", today)
    if limit is None or born is None or today - born <= timedelta(days=limit):
        return []
    return [warning("child_birth_date", "late_report", QT_TRANSLATE_NOOP(
        "Validation", "The birth is reported {days} days after it happened, later than {limit} days: the late "
                      "report may need extra approval from the Disdukcapil."), days=(today - born).days, limit=limit)]
