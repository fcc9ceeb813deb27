"""What a supervisor says when sending a record back: coded reasons and comments on particular fields.

The codes are the ones a Disdukcapil office counts its returns by; a reason alone already tells the officer what
kind of fix is wanted, and a comment on a field puts the words where the correction is made. Stored on the record
(``review_details``), sent to the server with it and down to the officer's laptop with the return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from app import errors
from app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Review"
REASONS = {
    "duplicate": QT_TRANSLATE_NOOP("Review", "Duplicate"),
    "typo": QT_TRANSLATE_NOOP("Review", "Typing or spelling error"),
    "documents_missing": QT_TRANSLATE_NOOP("Review", "Documents missing"),
    "photo_unclear": QT_TRANSLATE_NOOP("Review", "Photo not clear"),
    "data_mismatch": QT_TRANSLATE_NOOP("Review", "Data does not match the documents"),
    "other": QT_TRANSLATE_NOOP("Review", "Other"),
}
MAX_FIELD_COMMENTS = 50
MAX_COMMENT = 500
MSG_NO_REASON = QT_TRANSLATE_NOOP(
    "Review", "Choose at least one reason, or write what the officer must correct, before sending it back.")


def details(reasons: Iterable[str] = (), field_comments: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """The stored form of a return's reasons and field comments (None when there are neither): known codes in
    their fixed order, comments stripped, empty ones dropped."""
    chosen = set(reasons)
    unknown = chosen - set(REASONS)
    if unknown:
        raise ValueError(f"unknown return reasons: {sorted(unknown)}")
    fields = {key: text.strip()[:MAX_COMMENT] for key, text in (field_comments or {}).items() if text.strip()}
    if len(fields) > MAX_FIELD_COMMENTS:
        raise ValueError("too many field comments")
    if not chosen and not fields:
        return None
    return {"reasons": [code for code in REASONS if code in chosen], "fields": dict(sorted(fields.items()))}


class ReturnWithoutReason(errors.NotAllowed):
    context = CONTEXT


def require_reason(comment: str | None, review_details: dict | None) -> None:
    """A record sent back with no reason at all leaves the officer guessing in a village with no signal."""
    if not (comment or "").strip() and not review_details:
        raise ReturnWithoutReason(MSG_NO_REASON)


def reasons_of(review_details: dict | None) -> list[str]:
    return list((review_details or {}).get("reasons") or [])


def field_comments_of(review_details: dict | None) -> dict[str, str]:
    return dict((review_details or {}).get("fields") or {})
