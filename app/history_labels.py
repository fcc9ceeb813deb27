"""How a record's history names what changed: the label the officer knows from the form, never a stored key.

The history stores keys as the services and the sync write them: form fields by their key ("mother_name"), or
prefixed when a conflict was reconciled ("data.mother_name", and "device.data.mother_name" for the laptop's
value that lost a merge), and record attributes (status, review_comment, status_note, stage, resolution).
"""

from __future__ import annotations

from app import review, status
from app.form_fields import Field
from app.i18n import QT_TRANSLATE_NOOP, translate

# Record attributes the history carries beside the form's fields.
ATTRIBUTES = {
    "status": QT_TRANSLATE_NOOP("History", "Status"),
    "review_comment": QT_TRANSLATE_NOOP("History", "Supervisor's comment"),
    "status_note": QT_TRANSLATE_NOOP("History", "Note from the central office"),
    "stage": QT_TRANSLATE_NOOP("History", "Step of the service"),
    "review_details": QT_TRANSLATE_NOOP("History", "Reasons and comments on fields"),
    "resolution": QT_TRANSLATE_NOOP("History", "Version kept"),
}
# Actions the status module has no label for (it labels the review transitions).
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("History", "created"),
    "status": QT_TRANSLATE_NOOP("History", "status changed"),
    "resolve": QT_TRANSLATE_NOOP("History", "two versions reconciled"),
    "received": QT_TRANSLATE_NOOP("History", "received for review"),
}
RESOLUTIONS = {
    "device": QT_TRANSLATE_NOOP("History", "this laptop's version"),
    "server": QT_TRANSLATE_NOOP("History", "the server's version"),
    "merged": QT_TRANSLATE_NOOP("History", "values chosen per field"),
}
DEVICE_PREFIX, DATA_PREFIX = "device.", "data."
UNKNOWN_FIELD = QT_TRANSLATE_NOOP("History", "Field {key} (not on this version of the form)")
LOST_ON_DEVICE = QT_TRANSLATE_NOOP("History", "{label} (this laptop's value)")


def action_label(action: str, language: str) -> str:
    if action in ACTIONS:
        return translate("History", ACTIONS[action], language)
    if action in status.ACTION_LABELS:
        return translate("Status", status.ACTION_LABELS[action], language)
    return action


def form_key(key: str) -> str | None:
    """The form field a history key is about, or None for a record attribute."""
    key = key.removeprefix(DEVICE_PREFIX)
    if key in ATTRIBUTES:
        return None
    return key.removeprefix(DATA_PREFIX)


def change_label(key: str, fields: dict[str, Field], language: str) -> str:
    """The label of the thing a history key names; ``fields`` are the record's form fields by key."""
    if key.startswith(DEVICE_PREFIX):
        return translate("History", LOST_ON_DEVICE, language).format(
            label=change_label(key.removeprefix(DEVICE_PREFIX), fields, language))
    if key in ATTRIBUTES:
        return translate("History", ATTRIBUTES[key], language)
    field_key = key.removeprefix(DATA_PREFIX)
    if field_key in fields:
        return translate("Form", fields[field_key].label, language)
    return translate("History", UNKNOWN_FIELD, language).format(key=field_key)


def review_details_label(value, fields: dict[str, Field], language: str) -> str:
    """A return's reasons and field comments in words: "Salah ketik/ejaan; Alamat: tulis nomor rumah"."""
    if not isinstance(value, dict):
        return ""
    parts = [translate(review.CONTEXT, review.REASONS[code], language)
             for code in review.reasons_of(value) if code in review.REASONS]
    parts += [f"{change_label(key, fields, language)}: {text}" for key, text in review.field_comments_of(value).items()]
    return "; ".join(parts)


def resolution_label(value, language: str) -> str:
    return translate("History", RESOLUTIONS[value], language) if value in RESOLUTIONS else str(value or "")
