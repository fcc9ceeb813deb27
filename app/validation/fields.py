"""Checks that depend only on a field's kind, shared by the declarative forms (birth, cataract).

A form is a tuple of ``app.form_fields.Field``; this module walks it and reports what is missing (only when
submitting) and what is typed in a form that its kind cannot hold. Rules that tie fields together stay with
each form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time
from typing import Any

from app.form_fields import Field
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists as vl
from app.validation.choices import unlisted_choice
from app.validation.dates import parse_date
from app.validation.issues import Issue, Term, error

# The same rules as the e-KTP form: SIAK names keep letters and . , ' - ; phones start 0 / 62 / +62.
NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .,'\-])*")
PHONE = re.compile(r"(\+62|62|0)\d{7,13}")
# Officers write "14:30" and, the Indonesian way, "14.30"; both mean the same time.
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")
# The most a several-line field keeps (what a complaint is about): a page of typing, well inside a push's limits.
LONG_TEXT_MAX = 4000
# Indonesian writes a decimal comma ("3,2 kg"); a dot is accepted too.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def text(data: dict[str, Any], key: str) -> str:
    """A value as stripped text; lists and booleans are not text and read as empty."""
    value = data.get(key)
    if isinstance(value, str):
        return value.strip()
    if value is None or isinstance(value, (bool, list, tuple)):
        return ""
    return str(value)


def is_filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple)):
        return bool(value)
    return value is not None and value is not False


def parse_time(value: str) -> time | None:
    """A time of day typed as H:MM, HH:MM or HH.MM; None when it is not one."""
    match = _TIME.fullmatch(value.strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    return time(hours, minutes) if hours < 24 and minutes < 60 else None


def parse_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return float(value.strip().replace(",", "."))
    return None


def label_term(fld: Field) -> Term:
    return Term("Form", fld.label)


def choice_term(choices: tuple[vl.Choice, ...], code: str) -> Term | str:
    """A chosen option as a message parameter, shown in the reader's language (an unknown code as it is)."""
    for choice in choices:
        if choice.code == code:
            return Term("ValueList", choice.label)
    return code


def required_issue(fld: Field, template: str | None = None) -> Issue:
    return error(fld.key, "required", template or QT_TRANSLATE_NOOP("Validation", "{label} must be filled in."),
                 label=label_term(fld))


def _shown(value: Any) -> str:
    return value.strip() if isinstance(value, str) else text({"v": value}, "v")


# One check per field kind, each returning the issue with a filled value or None; a kind without one (region: its
# own check in each form; computed) has nothing here. The label is made only for an issue: these run for every
# filled field of every record the server takes.

def _choice_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    shown = _shown(value)
    return None if shown in vl.codes(fld.choices or ()) else unlisted_choice(fld.key, label_term(fld), shown)


def _multichoice_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    picked = value if isinstance(value, (list, tuple)) else [value]
    if set(map(str, picked)) <= vl.codes(fld.choices or ()):
        return None
    return error(fld.key, "choice_unknown", QT_TRANSLATE_NOOP(
        "Validation", "{label}: choose one of the options in the list."), label=label_term(fld))


def _date_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    return parse_date(_shown(value), today=today, field=fld.key, allow_future=future_ok)[1]


def _time_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    shown = _shown(value)
    if parse_time(shown) is not None:
        return None
    return error(fld.key, "time_format", QT_TRANSLATE_NOOP(
        "Validation", "{label}: type the time as hours:minutes from 00:00 to 23:59, e.g. 14:30 (typed: {text})."),
        label=label_term(fld), text=shown)


def _number_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    if parse_number(value) is not None:
        return None
    return error(fld.key, "number_format", QT_TRANSLATE_NOOP(
        "Validation", "{label} must be a number, e.g. 3,2 (typed: {text})."), label=label_term(fld), text=_shown(value))


def _checkbox_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    if isinstance(value, bool):
        return None
    return error(fld.key, "checkbox_format", QT_TRANSLATE_NOOP(
        "Validation", "{label} must be ticked or not ticked."), label=label_term(fld))


def _text_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    if not fld.key.endswith("name") or NAME.fullmatch(_shown(value)):
        return None  # only names have a format
    return error(fld.key, "name_format", QT_TRANSLATE_NOOP(
        "Validation", "{label} may contain only letters, spaces and the marks . , ' -"), label=label_term(fld))


def _long_text_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    shown = _shown(value)
    if len(shown) <= LONG_TEXT_MAX:
        return None
    return error(fld.key, "text_too_long", QT_TRANSLATE_NOOP(
        "Validation", "{label} may have at most {limit} characters ({count} typed)."),
        label=label_term(fld), limit=LONG_TEXT_MAX, count=len(shown))


def _digits_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    shown = _shown(value)
    if shown.isascii() and shown.isdigit():
        return None
    return error(fld.key, "digits_format", QT_TRANSLATE_NOOP(
        "Validation", "{label} may contain only digits."), label=label_term(fld))


def _phone_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    if PHONE.fullmatch(re.sub(r"[\s\-]", "", _shown(value))):
        return None
    return error(fld.key, "phone_format", QT_TRANSLATE_NOOP(
        "Validation", "The phone number must start with 0 or +62 and have 8 to 14 digits, e.g. 081234567890."))


_KIND_CHECKS = {"choice": _choice_issue, "multichoice": _multichoice_issue, "date": _date_issue,
                "time": _time_issue, "number": _number_issue, "checkbox": _checkbox_issue, "text": _text_issue,
                "long_text": _long_text_issue, "digits": _digits_issue, "phone": _phone_issue}


# (key, field, missing is an issue when submitting, the format check or None, may lie ahead) per field of a form.
_Plan = tuple[tuple[str, Field, bool, Any, bool], ...]
_PLANS: dict[tuple[int, frozenset[str], frozenset[str]], tuple[tuple[Field, ...], _Plan]] = {}


def _plan(fields: tuple[Field, ...], future_ok: frozenset[str], checked_elsewhere: frozenset[str]) -> _Plan:
    """What check_fields does with each field of a form, worked out once per form rather than for every field of
    every record (a birth form's check_fields: 85 -> 65 us). Kept by the form's identity, with the form itself so
    that the id cannot be reused."""
    key = (id(fields), future_ok, checked_elsewhere)
    found = _PLANS.get(key)
    if found is not None and found[0] is fields:
        return found[1]
    plan = tuple(
        (fld.key, fld, fld.required and fld.kind != "checkbox",
         None if fld.key in checked_elsewhere or (fld.kind == "text" and not fld.key.endswith("name"))
         else _KIND_CHECKS.get(fld.kind), fld.key in future_ok)
        for fld in fields if fld.kind != "computed")  # derived from others: never the officer's input
    if len(_PLANS) < 100:
        _PLANS[key] = (fields, plan)
    return plan


def check_fields(fields: Iterable[Field], data: dict[str, Any], *, today: date, for_submit: bool,
                 future_ok: frozenset[str] = frozenset(), checked_elsewhere: frozenset[str] = frozenset()
                 ) -> list[Issue]:
    """Missing required values (only ``for_submit``) and malformed values (always) of every field.

    ``future_ok``: date keys that may lie ahead (appointments). ``checked_elsewhere``: keys whose format a
    specialised check reports (NIK, KK, regions), so that one slip gives one message.
    """
    issues: list[Issue] = []
    plan = _plan(fields if isinstance(fields, tuple) else tuple(fields), frozenset(future_ok),
                 frozenset(checked_elsewhere))
    for key, fld, required, check, ahead in plan:
        value = data.get(key)
        if not (value.strip() if type(value) is str else is_filled(value)):
            if for_submit and required:
                issues.append(required_issue(fld))
        elif check is not None and (issue := check(fld, value, today, ahead)):
            issues.append(issue)
    return issues


def multichoice_codes(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if isinstance(value, (list, tuple)):
        return [str(code) for code in value]
    return [value] if isinstance(value, str) and value else []
