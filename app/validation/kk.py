"""Kartu Keluarga number: 6-digit region code + DDMMYY issue date (no +40) + 4-digit serial.

This layout is a convention rather than a regulation, so the checks stay modest: 16 digits, a region prefix
that exists (an unknown kecamatan under a known regency is only a warning: codes change when regions split) and
an issue date that is real and not in the future.
"""

from __future__ import annotations

import calendar
from datetime import date

from app.i18n import QT_TRANSLATE_NOOP
from app.reference.regions import Regions
from app.validation.dates import format_date
from app.validation.issues import Issue, error, warning


def _issue_date(dd: int, mm: int, yy: int, today: date) -> date | None:
    # KK numbers of this form are recent, so the year is the latest one ending in yy that is not after this year;
    # a date later this year is then reported as being in the future rather than moved back a century.
    year = today.year - (today.year - yy) % 100
    if not 1 <= mm <= 12 or not 1 <= dd <= calendar.monthrange(year, mm)[1]:
        return None
    return date(year, mm, dd)


def check_kk(kk: str | None, *, today: date, regions: Regions, field: str = "kk_number") -> list[Issue]:
    kk = kk or ""
    if not kk:
        return [error(field, "kk_empty", QT_TRANSLATE_NOOP(
            "Validation", "The KK number is empty; it must be 16 digits."))]
    if not (kk.isascii() and kk.isdigit()):
        return [error(field, "kk_format", QT_TRANSLATE_NOOP(
            "Validation", "The KK number must be 16 digits; what was typed contains letters, spaces or other "
                          "characters."))]
    if len(kk) != 16:
        return [error(field, "kk_length", QT_TRANSLATE_NOOP(
            "Validation", "The KK number must be 16 digits; {count} digits were typed."), count=len(kk))]
    issues: list[Issue] = []
    if not regions.province_exists(kk[:2]):
        issues.append(error(field, "kk_province", QT_TRANSLATE_NOOP(
            "Validation", "The first two digits of the KK number ({code}) are not a province code."), code=kk[:2]))
    elif not regions.regency_exists(kk[:4]):
        issues.append(error(field, "kk_regency", QT_TRANSLATE_NOOP(
            "Validation", "Digits 3-4 of the KK number ({code}) are not a regency/city of this province."),
            code=f"{kk[:2]}.{kk[2:4]}"))
    elif not regions.district_exists(kk[:6]):
        issues.append(warning(field, "kk_district_unknown", QT_TRANSLATE_NOOP(
            "Validation", "The kecamatan code in the KK number ({code}) is not in today's Kemendagri list. It may "
                          "be an old code from before a region split; check it against the KK."),
            code=f"{kk[:2]}.{kk[2:4]}.{kk[4:6]}"))
    dd, mm, yy = int(kk[6:8]), int(kk[8:10]), int(kk[10:12])
    issued = _issue_date(dd, mm, yy, today)
    if issued is None:
        issues.append(error(field, "kk_date", QT_TRANSLATE_NOOP(
            "Validation", "Digits 7-12 of the KK number should be its issue date (day-month-year); "
                          "{date} is not a real date."), date=f"{kk[6:8]}-{kk[8:10]}-{kk[10:12]}"))
    elif issued > today:
        issues.append(error(field, "kk_date_future", QT_TRANSLATE_NOOP(
            "Validation", "The issue date in the KK number ({date}) is in the future."), date=format_date(issued)))
    return issues
