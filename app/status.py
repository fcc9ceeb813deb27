"""The life cycle of a registration (ARCHITECTURE.md) and who may move it along."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP

DRAFT, SUBMITTED, APPROVED, RETURNED = "draft", "submitted", "approved", "returned"
ACCEPTED, DONE = "accepted", "done"
# Whether the server holds a copy is the record's sync state, shown beside its status, never a status of its own
# (ARCHITECTURE.md): a submitted record that synced still waits for its supervisor.
STATUSES = (DRAFT, SUBMITTED, APPROVED, RETURNED, ACCEPTED, DONE)

LABELS = {
    DRAFT: QT_TRANSLATE_NOOP("Status", "Draft"),
    SUBMITTED: QT_TRANSLATE_NOOP("Status", "Waiting for supervisor"),
    APPROVED: QT_TRANSLATE_NOOP("Status", "Approved"),
    RETURNED: QT_TRANSLATE_NOOP("Status", "Returned for correction"),
    ACCEPTED: QT_TRANSLATE_NOOP("Status", "In process"),
    DONE: QT_TRANSLATE_NOOP("Status", "Done"),
}

# action -> (statuses it starts from, status it ends in, roles allowed)
TRANSITIONS = {
    "submit": ((DRAFT, RETURNED), SUBMITTED, ("officer", "supervisor", "admin")),
    "approve": ((SUBMITTED,), APPROVED, ("supervisor", "admin")),
    "return": ((SUBMITTED, APPROVED), RETURNED, ("supervisor", "admin")),
    "reopen": ((RETURNED,), DRAFT, ("officer", "supervisor", "admin")),
}
ACTION_LABELS = {
    "submit": QT_TRANSLATE_NOOP("Status", "submitted"),
    "approve": QT_TRANSLATE_NOOP("Status", "approved"),
    "return": QT_TRANSLATE_NOOP("Status", "returned"),
    "reopen": QT_TRANSLATE_NOOP("Status", "reopened"),
    "edit": QT_TRANSLATE_NOOP("Status", "edited"),
    "follow_up": QT_TRANSLATE_NOOP("Status", "follow-up visit recorded"),
    "status": QT_TRANSLATE_NOOP("Status", "status updated"),
    "resolve": QT_TRANSLATE_NOOP("Status", "conflict resolved"),
}
# Only these may still be changed on the laptop; after that the record belongs to the review and the server.
EDITABLE = (DRAFT, RETURNED)


def can(action: str, status: str, role: str) -> bool:
    sources, _target, roles = TRANSITIONS[action]
    return status in sources and role in roles
