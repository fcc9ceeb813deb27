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


def _format_issue(fld: Field, value: Any, today: date, future_ok: bool) -> Issue | None:
    # The label is made only for an issue: this runs for every filled field of every record the server takes.
    key = fld.key
    shown = value.strip() if isinstance(value, str) else text({"v": value}, "v")
    if fld.kind == "choice" and shown not in vl.codes(fld.choices or ()):
        return unlisted_choice(key, label_term(fld), shown)
    if fld.kind == "multichoice":
        picked = value if isinstance(value, (list, tuple)) else [value]
        if not set(map(str, picked)) <= vl.codes(fld.choices or ()):
            return error(key, "choice_unknown", QT_TRANSLATE_NOOP(
                "Validation", "{label}: choose one of the options in the list."), label=label_term(fld))
    if fld.kind == "date":
        return parse_date(shown, today=today, field=key, allow_future=future_ok)[1]
    if fld.kind == "time" and parse_time(shown) is None:
        return error(key, "time_format", QT_TRANSLATE_NOOP(
            "Validation", "{label}: type the time as hours:minutes from 00:00 to 23:59, e.g. 14:30 (typed: {text})."),
            label=label_term(fld), text=shown)
    if fld.kind == "number" and parse_number(value) is None:
        return error(key, "number_format", QT_TRANSLATE_NOOP(
            "Validation", "{label} must be a number, e.g. 3,2 (typed: {text})."), label=label_term(fld), text=shown)
    if fld.kind == "checkbox" and not isinstance(value, bool):
        return error(key, "checkbox_format", QT_TRANSLATE_NOOP(
            "Validation", "{label} must be ticked or not ticked."), label=label_term(fld))
    if fld.kind == "text" and key.endswith("name") and not NAME.fullmatch(shown):
        return error(key, "name_format", QT_TRANSLATE_NOOP(
            "Validation", "{label} may contain only letters, spaces and the marks . , ' -"), label=label_term(fld))
    if fld.kind == "long_text" and len(shown) > LONG_TEXT_MAX:
        return error(key, "text_too_long", QT_TRANSLATE_NOOP(
            "Validation", "{label} may have at most {limit} characters ({count} typed)."),
            label=label_term(fld), limit=LONG_TEXT_MAX, count=len(shown))
    if fld.kind == "digits" and not (shown.isascii() and shown.isdigit()):
        return error(key, "digits_format", QT_TRANSLATE_NOOP(
            "Validation", "{label} may contain only digits."), label=label_term(fld))
    if fld.kind == "phone" and not PHONE.fullmatch(re.sub(r"[\s\-]", "", shown)):
        return error(key, "phone_format", QT_TRANSLATE_NOOP(
            "Validation", "The phone number must start with 0 or +62 and have 8 to 14 digits, e.g. 081234567890."))
    return None


def check_fields(fields: Iterable[Field], data: dict[str, Any], *, today: date, for_submit: bool,
                 future_ok: frozenset[str] = frozenset(), checked_elsewhere: frozenset[str] = frozenset()
                 ) -> list[Issue]:
    """Missing required values (only ``for_submit``) and malformed values (always) of every field.

    ``future_ok``: date keys that may lie ahead (appointments). ``checked_elsewhere``: keys whose format a
    specialised check reports (NIK, KK, regions), so that one slip gives one message.
    """
    issues: list[Issue] = []
    for fld in fields:
        if fld.kind == "computed":
            continue  # derived from other fields; whatever is stored there is never the officer's input
        value = data.get(fld.key)
        if not is_filled(value):
            if for_submit and fld.required and fld.kind != "checkbox":
                issues.append(required_issue(fld))
            continue
        if fld.key in checked_elsewhere:
            continue
        if issue := _format_issue(fld, value, today, fld.key in future_ok):
            issues.append(issue)
    return issues


def multichoice_codes(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if isinstance(value, (list, tuple)):
        return [str(code) for code in value]
    return [value] if isinstance(value, str) and value else []
