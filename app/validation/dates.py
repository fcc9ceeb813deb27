"""Dates as officers type them: day first ("31-12-1960", "31/12/1960", "31.12.1960") or ISO ("1960-12-31")."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from app.i18n import QT_TRANSLATE_NOOP
from app.validation.issues import Issue, error

_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Nobody alive or recently registered was born before this; an earlier year is a typing slip.
EARLIEST_YEAR = 1880


def format_date(value: date) -> str:
    """The day-first form officers read and type."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def impossible_date_issue(field: str, code: str, day: int, month: int, year: int) -> Issue | None:
    """Why (day, month, year) is not on the calendar, or None when it is a real date."""
    shown = f"{day:02d}-{month:02d}-{year:04d}"
    if not 1 <= month <= 12:
        return error(field, code, QT_TRANSLATE_NOOP("Validation", "The month in {date} must be 01 to 12."), date=shown)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return error(field, code, QT_TRANSLATE_NOOP(
            "Validation", "The date {date} does not exist: month {month}-{year} has only {days} days."),
            date=shown, month=f"{month:02d}", year=year, days=days)
    return None


def _plain_iso(text) -> date | None:
    """The date of a well-formed "YYYY-MM-DD" that is on the calendar, else None (the slow path says why): what
    the forms store, and what the server checks some ten times a record."""
    if type(text) is str and len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii() \
            and text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit():
        try:
            return date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            return None
    return None


def parse_date(text: str | date | None, *, today: date, field: str = "date",
               allow_future: bool = False) -> tuple[date | None, Issue | None]:
    """(the date, None) when ``text`` is a real date that is allowed, else (None, the reason); empty -> (None, None)."""
    if type(text) is str:
        # The checks of one record ask for the same few dates some ten times (a birth's date: its format, the
        # parents' ages, the witnesses, the late report); the answer depends on the arguments only, and an Issue
        # is frozen.
        return _parse_text(text, today, field, allow_future)
    return _parse(text, today, field, allow_future)


@lru_cache(maxsize=4096)
def _parse_text(text: str, today: date, field: str, allow_future: bool) -> tuple[date | None, Issue | None]:
    return _parse(text, today, field, allow_future)


def _parse(text: str | date | None, today: date, field: str, allow_future: bool) -> tuple[date | None, Issue | None]:
    if isinstance(text, date):
        value = text
    elif (value := _plain_iso(text)) is not None:
        pass
    else:
        text = (text or "").strip()
        if not text:
            return None, None
        if match := _ISO.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
        elif match := _DAY_FIRST.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
            if len(match.group(3)) != 4:
                return None, error(field, "date_year", QT_TRANSLATE_NOOP(
                    "Validation", "Write the year with 4 digits, e.g. 17-08-1990 (typed: {text})."), text=text)
        else:
            return None, error(field, "date_format", QT_TRANSLATE_NOOP(
                "Validation", "Date not understood: type day-month-year, e.g. 17-08-1990 (typed: {text})."),
                text=text)
        if issue := impossible_date_issue(field, "date_impossible", day, month, year):
            return None, issue
        value = date(year, month, day)
    if value.year < EARLIEST_YEAR:
        return None, error(field, "date_too_old", QT_TRANSLATE_NOOP(
            "Validation", "The year {year} is too long ago; check the year."), year=value.year)
    if value > today and not allow_future:
        return None, error(field, "date_future", QT_TRANSLATE_NOOP(
            "Validation", "The date {date} is in the future; today is {today}."),
            date=format_date(value), today=format_date(today))
    return value, None
