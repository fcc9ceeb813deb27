"""Validation of a cataract screening record.

The examination is only required of a person who was examined (RAAB also records those not available, who
refused or who could not be examined). Impossible orders of dates are errors; findings that merely look odd
together (a cataract cause with a clear lens) are warnings, because the examiner saw the eye and we did not.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.kinds.cataract.follow_up import POSTOP_WEEK4, is_referred
from app.kinds.cataract.form import CATARACT_FIELDS, EXAM_KEYS, EYES, FIELDS_BY_KEY, POSTOP_VA_KEYS, REGION_KEYS
from app.kinds.cataract.who import acuity_rank, operated_eyes
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists as vl
from app.reference.regions import Regions
from app.validation.dates import format_date, parse_date
from app.validation.fields import check_fields, is_filled, label_term, required_issue, text
from app.validation.issues import Issue, error, warning
from app.validation.region_chain import region_chain_issues
from app.validation.nik import check_nik, parse_nik

TARGET_AGE = 50  # RAAB surveys people aged 50 and over; younger patients are still screened, with a warning
POSTOP_WEEK8 = timedelta(weeks=8)


_FUTURE_OK = frozenset({"surgery_scheduled_date"})
_CHECKED_ELSEWHERE = frozenset({"patient_nik", *REGION_KEYS})


def _date(data: dict[str, Any], key: str, today: date, future: bool = False) -> date | None:
    return parse_date(text(data, key), today=today, allow_future=future)[0]


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def validate_cataract(data: dict[str, Any], *, today: date, regions: Regions, for_submit: bool = False
                      ) -> list[Issue]:
    """All issues with a cataract screening record; missing values count only when ``for_submit``."""
    issues = check_fields(CATARACT_FIELDS, data, today=today, for_submit=for_submit, future_ok=_FUTURE_OK,
                          checked_elsewhere=_CHECKED_ELSEWHERE)
    issues += _patient_issues(data, today, regions, for_submit)
    issues += region_chain_issues(data, REGION_KEYS, FIELDS_BY_KEY, regions)
    issues += _exam_issues(data, for_submit)
    issues += _referral_issues(data, today, for_submit)
    issues += _postop_issues(data, today)
    return issues


def _patient_issues(data: dict[str, Any], today: date, regions: Regions, for_submit: bool) -> list[Issue]:
    issues: list[Issue] = []
    birth = _date(data, "patient_birth_date", today)
    nik = text(data, "patient_nik")
    if nik:
        region = next((text(data, key) for key in REGION_KEYS[1:] if text(data, key)), None)
        issues += check_nik(nik, today=today, regions=regions, field="patient_nik",
                            sex=text(data, "patient_sex") or None, birth_date=birth, region_code=region)
        if birth is None and (parts := parse_nik(nik, today=today)):
            birth = parts.birth_date
    if for_submit and not text(data, "patient_birth_date") and not nik:
        issues.append(error("patient_birth_date", "birth_date_or_nik", QT_TRANSLATE_NOOP(
            "Validation", "Fill in the patient's date of birth or NIK: the screening is for people aged 50 and "
                          "over.")))
    screened = _date(data, "screening_date", today) or today
    if birth is not None and birth <= screened and (age := _age(birth, screened)) < TARGET_AGE:
        issues.append(warning("patient_birth_date", "below_target_age", QT_TRANSLATE_NOOP(
            "Validation", "The patient is {age} years old; the screening is for people aged {target} and over."),
            age=age, target=TARGET_AGE))
    return issues


def _exam_issues(data: dict[str, Any], for_submit: bool) -> list[Issue]:
    status = text(data, "exam_status")
    if status and status != vl.EXAMINED:
        if any(is_filled(data.get(key)) for key in EXAM_KEYS):
            return [warning("exam_status", "exam_data_not_examined", QT_TRANSLATE_NOOP(
                "Validation", "Examination results are filled in, but the examination status says the person was "
                              "not examined. Correct the status or clear the results."))]
        return []
    if status != vl.EXAMINED:
        return []
    issues: list[Issue] = []
    impaired = False
    for eye in EYES:
        presenting, pinhole = text(data, f"{eye}presenting_va"), text(data, f"{eye}pinhole_va")
        below = presenting in vl.codes(vl.VISUAL_ACUITY) and presenting != vl.GOOD_ACUITY
        impaired = impaired or below
        needed = [f"{eye}presenting_va", f"{eye}lens"] + ([f"{eye}pinhole_va"] if below else [])
        if for_submit:
            issues += [required_issue(FIELDS_BY_KEY[key]) for key in needed if not text(data, key)]
        valid = vl.codes(vl.VISUAL_ACUITY)
        if presenting in valid and pinhole in valid and acuity_rank(pinhole) > acuity_rank(presenting):
            issues.append(warning(f"{eye}pinhole_va", "pinhole_worse", QT_TRANSLATE_NOOP(
                "Validation", "{label} is worse than the presenting acuity; a pinhole does not make sight worse. "
                              "Check both."), label=label_term(FIELDS_BY_KEY[f"{eye}pinhole_va"])))
    cause = text(data, "principal_cause")
    if for_submit and impaired and not cause:
        issues.append(required_issue(FIELDS_BY_KEY["principal_cause"], QT_TRANSLATE_NOOP(
            "Validation", "{label} must be filled in for an eye that sees less than 6/12.")))
    if for_submit and cause == vl.CAUSE_UNTREATED_CATARACT and not data.get("surgery_barriers"):
        issues.append(required_issue(FIELDS_BY_KEY["surgery_barriers"], QT_TRANSLATE_NOOP(
            "Validation", "{label} must be filled in when the cause is untreated cataract.")))
    return issues + _cause_agrees_with_lens(data, cause)


def _cause_agrees_with_lens(data: dict[str, Any], cause: str) -> list[Issue]:
    lenses = {text(data, f"{eye}lens") for eye in EYES} - {""}
    if not lenses:
        return []
    # Each cause needs a lens finding in at least one eye; "no view" of the lens could hide any of them.
    expected = {vl.CAUSE_UNTREATED_CATARACT: {vl.LENS_OPACITY},
                vl.CAUSE_UNCORRECTED_APHAKIA: {vl.LENS_APHAKIA},
                vl.CAUSE_SURGICAL_COMPLICATION: set(vl.LENS_OPERATED)}.get(cause)
    if expected is None or lenses & (expected | {vl.LENS_NO_VIEW}):
        return []
    return [warning("principal_cause", "cause_lens_mismatch", QT_TRANSLATE_NOOP(
        "Validation", "The principal cause does not agree with the lens findings of either eye. Check the cause "
                      "and the lens."))]


def _referral_issues(data: dict[str, Any], today: date, for_submit: bool) -> list[Issue]:
    issues: list[Issue] = []
    if for_submit and data.get("referred") is True:
        for key in ("referral_eye", "referral_facility", "referral_date", "bpjs_status"):
            if not is_filled(data.get(key)):
                issues.append(required_issue(FIELDS_BY_KEY[key], QT_TRANSLATE_NOOP(
                    "Validation", "{label} must be filled in for a referral.")))
    surgery = _date(data, "surgery_date", today)
    if data.get("surgery_attended") is False and surgery is not None:
        issues.append(error("surgery_attended", "surgery_not_attended", QT_TRANSLATE_NOOP(
            "Validation", "A surgery date is filled in, but the patient is marked as not having come for surgery.")))
    if for_submit and (surgery is not None or data.get("surgery_attended") is True):
        for key in ("operated_eye", "surgery_date"):
            if not text(data, key):
                issues.append(required_issue(FIELDS_BY_KEY[key], QT_TRANSLATE_NOOP(
                    "Validation", "{label} must be filled in once the patient has had surgery.")))
    # Each step cannot come before the one it follows.
    order = (("screening_date", "referral_date"), ("referral_date", "surgery_scheduled_date"),
             ("referral_date", "surgery_date"), ("screening_date", "surgery_date"),
             ("surgery_date", "postop_day1_date"), ("surgery_date", "postop_week4_date"))
    flagged: set[str] = set()
    for earlier_key, later_key in order:
        earlier = _date(data, earlier_key, today, future=True)
        later = _date(data, later_key, today, future=True)
        if earlier and later and later < earlier and later_key not in flagged:
            flagged.add(later_key)
            issues.append(error(later_key, "date_order", QT_TRANSLATE_NOOP(
                "Validation", "{label} ({date}) is before {other} ({other_date})."),
                label=label_term(FIELDS_BY_KEY[later_key]), date=format_date(later),
                other=label_term(FIELDS_BY_KEY[earlier_key]), other_date=format_date(earlier)))
    referred_eye, operated = text(data, "referral_eye"), text(data, "operated_eye")
    if referred_eye and operated and referred_eye != vl.BOTH_EYES and operated != referred_eye:
        issues.append(warning("operated_eye", "operated_eye_not_referred", QT_TRANSLATE_NOOP(
            "Validation", "The operated eye is not the eye that was referred. Check both.")))
    if surgery is not None and not is_referred(data):
        issues.append(warning("referred", "surgery_without_referral", QT_TRANSLATE_NOOP(
            "Validation", "A surgery is recorded, but no referral. Fill in the referral.")))
    return issues


def _postop_issues(data: dict[str, Any], today: date) -> list[Issue]:
    issues: list[Issue] = []
    # A surgery date in the future has its own error; here it still tells which checks are too early.
    surgery = _date(data, "surgery_date", today, future=True)
    eyes = operated_eyes(data)
    for key in POSTOP_VA_KEYS:
        if not text(data, key):
            continue
        if surgery is None:
            issues.append(error(key, "postop_without_surgery", QT_TRANSLATE_NOOP(
                "Validation", "{label}: a post-operative acuity needs the surgery date first."),
                label=label_term(FIELDS_BY_KEY[key])))
        elif eyes and not key.startswith(eyes):
            issues.append(error(key, "postop_wrong_eye", QT_TRANSLATE_NOOP(
                "Validation", "{label}: this eye was not operated."), label=label_term(FIELDS_BY_KEY[key])))
        elif "week4" in key and today < surgery + POSTOP_WEEK4 and not text(data, "postop_week4_date"):
            issues.append(warning(key, "postop_week4_early", QT_TRANSLATE_NOOP(
                "Validation", "{label}: the 4-8 week check is due from {date}."),
                label=label_term(FIELDS_BY_KEY[key]), date=format_date(surgery + POSTOP_WEEK4)))
    checked = _date(data, "postop_week4_date", today)
    if surgery and checked and checked >= surgery and not POSTOP_WEEK4 <= checked - surgery <= POSTOP_WEEK8:
        issues.append(warning("postop_week4_date", "postop_week4_window", QT_TRANSLATE_NOOP(
            "Validation", "The 4-8 week check was {days} days after surgery, outside 28 to 56 days."),
            days=(checked - surgery).days))
    return issues
