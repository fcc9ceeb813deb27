"""The next visit a cataract patient needs from the officer: to the surgery, then the two post-operative checks.

The programme only counts a patient as done when the operated eye's acuity is known at day 1 and at 4-8 weeks,
so each missing step is a visit due on a date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.kinds.cataract.who import operated_eyes
from app.i18n import QT_TRANSLATE_NOOP
from app.validation.dates import parse_date
from app.validation.fields import text

POSTOP_DAY1 = timedelta(days=1)
POSTOP_WEEK4 = timedelta(days=28)  # the start of the 4-8 week window

FOLLOW_UP_LABELS = {
    "surgery": QT_TRANSLATE_NOOP("FollowUp", "Bring to surgery"),
    "postop_day1": QT_TRANSLATE_NOOP("FollowUp", "Post-operative check, day 1"),
    "postop_week4": QT_TRANSLATE_NOOP("FollowUp", "Post-operative check, 4-8 weeks"),
}


def _date(data: dict[str, Any], key: str, today: date) -> date | None:
    return parse_date(text(data, key), today=today, allow_future=True)[0]


def is_referred(data: dict[str, Any]) -> bool:
    return data.get("referred") is True or bool(text(data, "referral_date"))


def follow_up(data: dict[str, Any], today: date) -> tuple[date, str] | None:
    """(due date, action key of FOLLOW_UP_LABELS) of the next visit, or None when nothing is due.

    A due date may be in the past: the visit is then overdue, and the list sorts it first.
    """
    surgery = _date(data, "surgery_date", today)
    if surgery is None:
        if not is_referred(data) or data.get("surgery_attended") is True:
            return None  # attended but no date yet: the record is incomplete, which validation reports
        due = (_date(data, "surgery_scheduled_date", today) or _date(data, "referral_date", today)
               or _date(data, "screening_date", today) or today)
        return due, "surgery"
    if _check_missing(data, "day1"):
        return surgery + POSTOP_DAY1, "postop_day1"
    if _check_missing(data, "week4"):
        return surgery + POSTOP_WEEK4, "postop_week4"
    return None


def _check_missing(data: dict[str, Any], when: str) -> bool:
    eyes = operated_eyes(data)
    filled = [bool(text(data, f"{eye}postop_{when}_va")) for eye in eyes or ("right_", "left_")]
    # Without a recorded operated eye, one eye's acuity shows the check was made.
    return not all(filled) if eyes else not any(filled)
