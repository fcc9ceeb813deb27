"""The checks of a complaint: a named or confidential complaint says who complains, an anonymous one carries
nothing that names them, and the story has enough in it for an agency to act on."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP
from app.kinds.complaint.form import (ANONYMOUS, COMPLAINANT_KEYS, COMPLAINT_FIELDS, FIELDS_BY_KEY, REGION_KEYS,
                                      TITLE_MAX)
from app.reference.regions import Regions
from app.validation.fields import check_fields, label_term, required_issue, text
from app.validation.issues import Issue, error, warning
from app.validation.nik import check_nik
from app.validation.region_chain import region_chain_issues

# Fewer words than this rarely tell an agency what to fix ("jalan rusak"): the officer is asked for more.
DESCRIPTION_MIN = 30


def is_anonymous(data: dict[str, Any]) -> bool:
    return text(data, "identity") == ANONYMOUS


def validate_complaint(data: dict[str, Any], *, today: date, regions: Regions, for_submit: bool = False
                       ) -> list[Issue]:
    """All issues with a complaint; missing values count only when ``for_submit``."""
    issues = check_fields(COMPLAINT_FIELDS, data, today=today, for_submit=for_submit,
                          checked_elsewhere=frozenset({"complainant_nik", *REGION_KEYS}))
    issues += _complainant_issues(data, today, regions, for_submit)
    issues += region_chain_issues(data, REGION_KEYS, FIELDS_BY_KEY, regions)
    title = text(data, "title")
    if len(title) > TITLE_MAX:
        issues.append(error("title", "title_too_long", QT_TRANSLATE_NOOP(
            "Validation", "The title may have at most {limit} characters; put the rest in what happened."),
            limit=TITLE_MAX))
    description = text(data, "description")
    if description and len(description) < DESCRIPTION_MIN:
        issues.append(warning("description", "description_short", QT_TRANSLATE_NOOP(
            "Validation", "Say a little more about what happened: what, where exactly, since when, and who is "
                          "affected. The agency acts on this text alone.")))
    return issues


def _complainant_issues(data: dict[str, Any], today: date, regions: Regions, for_submit: bool) -> list[Issue]:
    if is_anonymous(data):
        # Nothing that names the citizen may be stored, or sent to the server, for an anonymous complaint.
        return [error(key, "anonymous_named", QT_TRANSLATE_NOOP(
            "Validation", "{label} must stay empty in an anonymous complaint."), label=label_term(FIELDS_BY_KEY[key]))
            for key in COMPLAINANT_KEYS if text(data, key)]
    issues: list[Issue] = []
    if for_submit and text(data, "identity") and not text(data, "complainant_name"):
        issues.append(required_issue(FIELDS_BY_KEY["complainant_name"], QT_TRANSLATE_NOOP(
            "Validation", "{label} must be filled in, unless the complaint is anonymous.")))
    if nik := text(data, "complainant_nik"):
        issues += check_nik(nik, today=today, regions=regions, field="complainant_nik")
    return issues
