"""NIK (Nomor Induk Kependudukan): ``PP KK CC DD MM YY SSSS``, 16 digits, no check digit.

Written from the rules in the domain notes, not from existing validators (python-stdnum rejects the new Papua
provinces; at least one npm package adds 30 instead of 40 for women). Only what makes a NIK impossible is an
error; what may be an old region code or a register quirk is a warning the officer can overrule.
"""

from __future__ import annotations

import calendar
from functools import lru_cache
from datetime import date
from typing import NamedTuple

from app.i18n import QT_TRANSLATE_NOOP
from app.reference.regions import Regions
from app.validation.dates import format_date, parse_date
from app.validation.issues import Issue, error, warning

FEMALE_OFFSET = 40
# Day-month pairs the register uses when a real date of birth was unknown.
PLACEHOLDER_DATES = frozenset({(31, 12), (1, 7)})


class NikParts(NamedTuple):
    """A tuple, not a frozen dataclass: the server makes one for every NIK it checks, and a frozen dataclass sets
    each field through object.__setattr__ (a parse took 8.5 us with one, 6.0 with a tuple)."""

    province: str  # "16"
    regency: str  # "16.03"
    district: str  # "16.03.07"
    birth_date: date
    sex: str  # SIAK code: "1" male, "2" female
    serial: str


def _century_year(yy: int, month: int, day: int, today: date) -> int:
    """The most recent year ending in ``yy`` that does not put the date after today.

    Compared on the whole date, not the year alone: a NIK with this year's digits and a birthday later this year
    belongs to someone born a century ago, not to someone not yet born.
    """
    year = today.year - (today.year - yy) % 100
    if (month, day) > (today.month, today.day) and year == today.year:
        year -= 100
    return year


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _birth(day_digits: int, month: int, yy: int, today: date) -> date | None:
    day = day_digits - FEMALE_OFFSET if day_digits > FEMALE_OFFSET else day_digits
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year = _century_year(yy, month, day, today)
    # calendar.monthrange would also work out the weekday, for every NIK the server checks
    if day > _MONTH_DAYS[month - 1] + (month == 2 and calendar.isleap(year)):
        return None
    return date(year, month, day)


def parse_nik(nik: str, *, today: date) -> NikParts | None:
    """The parts of a well-formed NIK, or None when it cannot be one (region codes are not looked up here)."""
    # A form's checks ask for the same NIK's parts several times (its format, the parents, the witnesses): the
    # answer depends on the two arguments only, and NikParts is frozen.
    return _parse_nik(nik, today) if type(nik) is str else _parse(nik, today)


@lru_cache(maxsize=4096)
def _parse_nik(nik: str, today: date) -> NikParts | None:
    return _parse(nik, today)


def _parse(nik: str, today: date) -> NikParts | None:
    if len(nik) != 16 or not nik.isascii() or not nik.isdigit() or nik[12:] == "0000":
        return None
    day_digits = int(nik[6:8])
    if not (1 <= day_digits <= 31 or FEMALE_OFFSET + 1 <= day_digits <= FEMALE_OFFSET + 31):
        return None
    birth = _birth(day_digits, int(nik[8:10]), int(nik[10:12]), today)
    if birth is None:
        return None
    province = nik[:2]
    regency = province + "." + nik[2:4]
    return NikParts(province, regency, regency + "." + nik[4:6], birth, "2" if day_digits > FEMALE_OFFSET else "1",
                    nik[12:])


def _format_issue(nik: str, field: str) -> Issue:
    if not nik:
        return error(field, "nik_empty", QT_TRANSLATE_NOOP("Validation", "The NIK is empty; it must be 16 digits."))
    if not (nik.isascii() and nik.isdigit()):
        return error(field, "nik_format", QT_TRANSLATE_NOOP(
            "Validation", "The NIK must be 16 digits; what was typed contains letters, spaces or other characters."))
    return error(field, "nik_length", QT_TRANSLATE_NOOP(
        "Validation", "The NIK must be 16 digits; {count} digits were typed."), count=len(nik))


def _date_issues(nik: str, field: str, today: date) -> list[Issue]:
    day_digits, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    issues: list[Issue] = []
    if not 1 <= month <= 12:
        issues.append(error(field, "nik_month", QT_TRANSLATE_NOOP(
            "Validation", "The month of birth in the NIK (digits 9-10: {month}) must be 01 to 12."), month=nik[8:10]))
    if not (1 <= day_digits <= 31 or 41 <= day_digits <= 71):
        issues.append(error(field, "nik_day", QT_TRANSLATE_NOOP(
            "Validation", "The day of birth in the NIK (digits 7-8: {day}) must be 01-31 for a man "
                          "or 41-71 for a woman (day + 40)."), day=nik[6:8]))
    elif not issues and _birth(day_digits, month, yy, today) is None:
        day = day_digits - FEMALE_OFFSET if day_digits > FEMALE_OFFSET else day_digits
        shown = f"{day:02d}-{month:02d}"
        if (day, month) == (29, 2):  # only the year makes 29-02 impossible, so show it
            shown += f"-{_century_year(yy, month, day, today)}"
        issues.append(error(field, "nik_date", QT_TRANSLATE_NOOP(
            "Validation", "The date of birth in the NIK ({date}) does not exist in the calendar."), date=shown))
    return issues


def check_nik(nik: str | None, *, today: date, regions: Regions, field: str = "nik", sex: str | None = None,
              birth_date: date | str | None = None, region_code: str | None = None) -> list[Issue]:
    """Errors for a NIK that cannot exist; warnings where it disagrees with the form or with today's regions.

    ``sex``, ``birth_date`` and ``region_code`` are what the form says about the same person (region: the
    dotted code of the household's regency, kecamatan or desa); each is compared only when given.
    """
    nik = nik or ""
    if len(nik) != 16 or not (nik.isascii() and nik.isdigit()):
        return [_format_issue(nik, field)]
    issues: list[Issue] = []
    if not regions.province_exists(nik[:2]):
        issues.append(error(field, "nik_province", QT_TRANSLATE_NOOP(
            "Validation", "The first two digits of the NIK ({code}) are not a province code."), code=nik[:2]))
    elif not regions.regency_exists(nik[:4]):
        issues.append(warning(field, "nik_regency_unknown", QT_TRANSLATE_NOOP(
            "Validation", "The regency/city code in the NIK ({code}) is not in today's Kemendagri list. It may be "
                          "an old code from before a region split; check it against the e-KTP or KK."),
            code=f"{nik[:2]}.{nik[2:4]}"))
    elif not regions.district_exists(nik[:6]):
        issues.append(warning(field, "nik_district_unknown", QT_TRANSLATE_NOOP(
            "Validation", "The kecamatan code in the NIK ({code}) is not in today's Kemendagri list. It may be "
                          "an old code from before a region split; check it against the e-KTP or KK."),
            code=f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"))
    parts = parse_nik(nik, today=today)
    if parts is None:  # only then can the date or the serial be wrong: a NIK that parses has neither fault
        issues += _date_issues(nik, field, today)
        if nik[12:] == "0000":
            issues.append(error(field, "nik_serial", QT_TRANSLATE_NOOP(
                "Validation", "The last four digits of the NIK (serial number) cannot be 0000.")))
        return issues
    issues += _agreement_issues(parts, nik, field, today, regions, sex, birth_date, region_code)
    return issues


def _agreement_issues(parts: NikParts, nik: str, field: str, today: date, regions: Regions, sex: str | None,
                      birth_date: date | str | None, region_code: str | None) -> list[Issue]:
    issues: list[Issue] = []
    if (parts.birth_date.day, parts.birth_date.month) in PLACEHOLDER_DATES:
        issues.append(warning(field, "nik_placeholder_date", QT_TRANSLATE_NOOP(
            "Validation", "The date of birth in the NIK ({date}) is often a stand-in used when the real date was "
                          "unknown. Ask the person; if their real date differs, record it and give the reason."),
            date=format_date(parts.birth_date)))
    if sex in ("1", "2") and sex != parts.sex:
        template = (QT_TRANSLATE_NOOP("Validation", "The NIK is a woman's (day of birth {day} is more than 40), "
                                                    "but the form says male.") if parts.sex == "2" else
                    QT_TRANSLATE_NOOP("Validation", "The NIK is a man's (day of birth {day} is 40 or less), "
                                                    "but the form says female."))
        issues.append(warning(field, "nik_sex_mismatch", template, day=nik[6:8]))
    form_date = birth_date if isinstance(birth_date, date) else parse_date(birth_date, today=today)[0]
    if form_date is not None and form_date != parts.birth_date:
        issues.append(warning(field, "nik_birth_date_mismatch", QT_TRANSLATE_NOOP(
            "Validation", "The date of birth in the NIK ({nik_date}) differs from the date of birth on the form "
                          "({form_date})."), nik_date=format_date(parts.birth_date), form_date=format_date(form_date)))
    form_regency = ".".join((region_code or "").split(".")[:2])
    nik_regency_known = regions.regency_exists(parts.regency.replace(".", ""))
    if len(form_regency) == 5 and form_regency != parts.regency and nik_regency_known:
        nik_region, home = regions.get(parts.regency), regions.get(form_regency)
        if home is not None:
            issues.append(warning(field, "nik_region_mismatch", QT_TRANSLATE_NOOP(
                "Validation", "The NIK was issued in {nik_region}, not in {form_region} where the household lives. "
                              "That is fine if the person moved; otherwise check the NIK."),
                nik_region=nik_region.name if nik_region else parts.regency, form_region=home.name))
    return issues
