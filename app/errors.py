"""Errors the services raise, each with a message an officer can act on (translated like any core string)."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP, translate


class UserFacingError(Exception):
    """An error whose ``template`` (English, marked for translation) tells the officer what happened and what to do."""

    context = "Errors"

    def __init__(self, template: str, **params: object):
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    def text(self, language: str = "id") -> str:
        return translate(self.context, self.template, language).format(**self.params)


class DatabaseProblem(UserFacingError):
    pass


class NotAllowed(UserFacingError):
    pass


class StaleRecord(UserFacingError):
    pass


class NewRegistrationsBlocked(UserFacingError):
    """A guardrail of the province is reached (``app.guardrails``): no new record until the officer syncs."""


MSG_NOT_A_DATABASE = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {path} is not a Jemput Bola database. It was left untouched. Choose another folder or ask your "
    "supervisor.")
MSG_NEWER_DATABASE = QT_TRANSLATE_NOOP(
    "Errors",
    "The database {path} was made by a newer version of Jemput Bola. It was left untouched. Install the newer "
    "version to open it.")
MSG_NO_KEYRING = QT_TRANSLATE_NOOP(
    "Errors",
    "The database {path} is encrypted, but its key file (keyring.json) is missing from the same folder. Nothing was "
    "changed. Put the key file back from a backup, or ask the province office to recover the laptop's data.")
MSG_BAD_KEYRING = QT_TRANSLATE_NOOP(
    "Errors",
    "The key file (keyring.json) beside the database {path} is damaged or does not belong to it. Nothing was "
    "changed. Put the key file back from a backup, or ask the province office to recover the laptop's data.")
MSG_LOCKED_WORKSPACE = QT_TRANSLATE_NOOP("Errors", "The laptop is locked. Log in first.")
MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "Errors",
    "The disk is full, so the last change could not be saved. Everything saved before is safe. Free some space "
    "and try again.")
MSG_DATABASE_LOCKED = QT_TRANSLATE_NOOP(
    "Errors", "The database is busy in another window or program. Close it and try again.")
MSG_STALE = QT_TRANSLATE_NOOP(
    "Errors", "This record was changed elsewhere in the meantime. Reopen it to see the latest version.")
MSG_NOT_ALLOWED = QT_TRANSLATE_NOOP("Errors", "You are not allowed to do this with this record.")
MSG_BAD_TRANSITION = QT_TRANSLATE_NOOP("Errors", "A record with status \"{status}\" cannot be {action}.")
# The guardrails (app/guardrails.py): what blocks, and what to do. What was typed stays in the form meanwhile.
MSG_BLOCKED_WAITING_REVIEW = QT_TRANSLATE_NOOP(
    "Errors",
    "New registrations are blocked: {count} of your records are waiting for the supervisor's review (the province "
    "allows {limit}). Ask your supervisor to review them, then sync. Drafts and corrections of returned records "
    "can still be saved.")
MSG_BLOCKED_NOT_HANDED_OVER = QT_TRANSLATE_NOOP(
    "Errors",
    "New registrations are blocked: {count} of your records have not been handed over yet (the province allows "
    "{limit}). Sync first to send them. Drafts and corrections of returned records can still be saved.")
MSG_BLOCKED_DAYS = QT_TRANSLATE_NOOP(
    "Errors",
    "New registrations are blocked: your last hand-over was {count} days ago (the province allows {limit}). Sync "
    "first to hand your records over. Drafts and corrections of returned records can still be saved.")
