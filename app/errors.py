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


MSG_NOT_A_DATABASE = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {path} is not a Jemput Bola database. It was left untouched. Choose another folder or ask your "
    "supervisor.")
MSG_NEWER_DATABASE = QT_TRANSLATE_NOOP(
    "Errors",
    "The database {path} was made by a newer version of Jemput Bola. It was left untouched. Install the newer "
    "version to open it.")
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
