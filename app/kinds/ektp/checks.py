"""The checks of the e-KTP biodata form: each field's format, the region chain, NIK and KK against the form, the
marriage details, and whether the person may have an e-KTP yet (UU 24/2013)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.form_fields import Field
from app.i18n import QT_TRANSLATE_NOOP
from app.kinds.ektp.form import EKTP_FIELDS, FIELDS_BY_KEY, REGION_KEYS
from app.reference import value_lists as vl
from app.reference.regions import Regions
from app.validation.choices import unlisted_choice
from app.validation.dates import format_date, parse_date
from app.validation.issues import Issue, Term, error, warning
from app.validation.kk import check_kk
from app.validation.nik import check_nik
from app.validation.region_chain import region_chain_issues

EKTP_MIN_AGE = 17
# SIAK keeps letters plus these marks in names ("Muh. Ali", "Ni Luh", "O'Neil", "Siti-Aisyah", "Sutomo, S.Pd").
_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .,'\-])*")
_PHONE = re.compile(r"(\+62|62|0)\d{7,13}")
# A registered marriage has a marriage certificate (buku nikah / akta perkawinan).
REGISTERED_MARRIAGE = "2"


def _value(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def _label(key: str) -> Term:
    return Term("Form", FIELDS_BY_KEY[key].label)


def _choice_issues(field: Field, value: str, today: date) -> list[Issue]:
    return [] if value in vl.codes(field.choices or ()) else [unlisted_choice(field.key, _label(field.key), value)]


def _date_issues(field: Field, value: str, today: date) -> list[Issue]:
    issue = parse_date(value, today=today, field=field.key)[1]
    return [issue] if issue else []


def _name_issues(field: Field, value: str, today: date) -> list[Issue]:
    if _NAME.fullmatch(value):
        return []
    return [error(field.key, "name_format", QT_TRANSLATE_NOOP(
        "Validation", "{label} may contain only letters, spaces and the marks . , ' -"), label=_label(field.key))]


def _rt_rw_issues(field: Field, value: str, today: date) -> list[Issue]:
    if value.isascii() and value.isdigit() and len(value) <= 3 and int(value) > 0:
        return []
    return [error(field.key, "rt_rw_format", QT_TRANSLATE_NOOP(
        "Validation", "{label} must be a number of 1 to 3 digits, e.g. 003."), label=_label(field.key))]


def _postal_code_issues(field: Field, value: str, today: date) -> list[Issue]:
    if value.isascii() and value.isdigit() and len(value) == 5 and value[0] != "0":
        return []
    return [error(field.key, "postal_code_format", QT_TRANSLATE_NOOP(
        "Validation", "The postal code must be 5 digits, e.g. 31711."))]


def _phone_issues(field: Field, value: str, today: date) -> list[Issue]:
    if _PHONE.fullmatch(re.sub(r"[\s\-]", "", value)):
        return []
    return [error(field.key, "phone_format", QT_TRANSLATE_NOOP(
        "Validation", "The phone number must start with 0 or +62 and have 8 to 14 digits, e.g. 081234567890."))]


def _format_check(field: Field):
    """The check of a filled field's format, or None (NIK and KK have their own checks below, regions the chain)."""
    key = field.key
    if key in ("nik", "kk_number", "mother_nik", "father_nik"):
        return None
    if field.kind == "choice":
        return _choice_issues
    if field.kind == "date":
        return _date_issues
    if key in ("name", "head_of_family", "mother_name", "father_name"):
        return _name_issues
    if key in ("rt", "rw"):
        return _rt_rw_issues
    if key == "postal_code":
        return _postal_code_issues
    if field.kind == "phone":
        return _phone_issues
    return None


# Decided once per field, not for every field of every record the server checks.
_FORMAT_CHECKS = tuple((field, _format_check(field)) for field in EKTP_FIELDS)


def _household_region(data: dict[str, Any]) -> str | None:
    # The NIK carries the regency where it was issued; compare with the regency chosen, not a deeper code that
    # may itself be inconsistent with it (that has its own error).
    for key in ("regency_code", "district_code", "village_code"):
        if code := _value(data, key):
            return code
    return None


def validate_ektp(data: dict[str, Any], *, today: date, regions: Regions, for_submit: bool = False) -> list[Issue]:
    """All issues with an e-KTP biodata entry. Missing required values count only when ``for_submit``:
    a draft may be saved half-filled, but what is filled in is always checked."""
    issues: list[Issue] = []
    for field, check in _FORMAT_CHECKS:
        value = _value(data, field.key)
        if not value:
            if for_submit and field.required:
                issues.append(error(field.key, "required", QT_TRANSLATE_NOOP(
                    "Validation", "{label} must be filled in."), label=_label(field.key)))
        elif check is not None:
            issues += check(field, value, today)
    issues += region_chain_issues(data, REGION_KEYS, FIELDS_BY_KEY, regions)
    birth, _ = parse_date(_value(data, "birth_date"), today=today)
    if nik := _value(data, "nik"):
        issues += check_nik(nik, today=today, regions=regions, sex=_value(data, "sex") or None,
                            birth_date=birth, region_code=_household_region(data))
    if kk := _value(data, "kk_number"):
        issues += check_kk(kk, today=today, regions=regions)
    for key, sex in (("mother_nik", "2"), ("father_nik", "1")):
        if parent_nik := _value(data, key):
            issues += check_nik(parent_nik, today=today, regions=regions, field=key, sex=sex)
            if parent_nik == nik:
                issues.append(error(key, "parent_nik_same", QT_TRANSLATE_NOOP(
                    "Validation", "{label} is the same as the person's own NIK."), label=_label(key)))
    issues += _marriage_issues(data, birth, today, for_submit)
    return issues


def _marriage_issues(data: dict[str, Any], birth: date | None, today: date, for_submit: bool) -> list[Issue]:
    issues: list[Issue] = []
    status = _value(data, "marital_status")
    if status == REGISTERED_MARRIAGE and for_submit:
        for key in ("marriage_certificate_no", "marriage_date"):
            if not _value(data, key):
                issues.append(error(key, "required_when_married", QT_TRANSLATE_NOOP(
                    "Validation", "{label} must be filled in for a registered marriage."), label=_label(key)))
    if status == vl.NEVER_MARRIED and (_value(data, "marriage_certificate_no") or _value(data, "marriage_date")):
        issues.append(warning("marital_status", "marriage_data_unmarried", QT_TRANSLATE_NOOP(
            "Validation", "Marriage details are filled in, but the marital status is 'not married'.")))
    married_on, _ = parse_date(_value(data, "marriage_date"), today=today)
    if married_on and birth and married_on <= birth:
        issues.append(error("marriage_date", "marriage_before_birth", QT_TRANSLATE_NOOP(
            "Validation", "The date of marriage ({date}) is not after the date of birth."),
            date=format_date(married_on)))
    if birth and status in vl.codes(vl.MARITAL_STATUS):
        if eligibility := ektp_eligibility(birth, status, today=today):
            issues.append(eligibility)
    return issues


def _birthday(birth: date, years: int) -> date:
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # born on 29 February: the birthday falls on 1 March in other years
        return date(birth.year + years, 3, 1)


def ektp_eligibility(birth_date: date | str | None, marital_status: str | None, *, today: date) -> Issue | None:
    """None when the person may get an e-KTP (17 or older, or married or ever married, UU 24/2013), else why not."""
    birth = birth_date if isinstance(birth_date, date) else parse_date(birth_date, today=today)[0]
    if birth is None:
        return None
    if marital_status and marital_status != vl.NEVER_MARRIED:
        return None
    eligible_from = _birthday(birth, EKTP_MIN_AGE)
    if today >= eligible_from:
        return None
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return error("birth_date", "ektp_not_eligible", QT_TRANSLATE_NOOP(
        "Validation", "Not yet eligible for an e-KTP: {age} years old and never married. An e-KTP can be made "
                      "from {date} (17th birthday), or earlier if the person marries."),
        age=age, date=format_date(eligible_from))
