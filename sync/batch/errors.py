"""Why a batch file could not be written or opened: a code the caller acts on and a message the officer reads.

Every refusal is whole: a reader that raises has handed out nothing and left its staging folder empty, a writer
that raises has left no file behind. The messages are core strings (``QT_TRANSLATE_NOOP``), Indonesian through the
app's catalogue like every other error of a service (``app.errors.UserFacingError``).
"""

from __future__ import annotations

import errno

from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "BatchErrors"

MESSAGES = {
    "not_a_batch": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} is not a Jemput Bola batch file (perhaps another file with the same extension). Nothing "
        "was imported. Choose the file the other laptop wrote."),
    "not_first_volume": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} is a later part of a batch that was split over several files. Open the first part (the "
        "file without a number, ending in .jbb); the other parts must be in the same folder."),
    "newer_version": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} was written by a newer version of Jemput Bola. Nothing was imported. Update the app on "
        "this laptop, then import it again."),
    "truncated": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} is incomplete: it was not written to the end (perhaps the stick was pulled out too early) "
        "or a part is missing. Nothing was imported. Ask for the file to be written again."),
    "tampered": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} is damaged or was changed after it was written. Nothing was imported. Ask for the file to "
        "be written again, on another stick if possible."),
    "bad_signature": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} does not carry a valid signature of the laptop it names as its sender: it was changed "
        "after it was written, or it comes from elsewhere. Nothing was imported. Do not use this file; tell your "
        "supervisor."),
    "unknown_sender": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} comes from a laptop this laptop does not know or that is no longer allowed. Nothing was "
        "imported. Sync this laptop once to get the latest list of laptops, or tell your supervisor."),
    "not_for_us": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} was written for another laptop and cannot be opened here. Nothing was imported. Import it "
        "on the laptop it was written for."),
    "bad_attachment": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "A photo or scan in the file {name} does not match its fingerprint. Nothing was imported. Ask for the file "
        "to be written again."),
    "attachment_changed": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The photo or scan {name} is missing, changed or damaged on this laptop, so the batch file was not "
        "written. Check the record's files, then write the batch again."),
    "disk_full": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "There is not enough free space on {name}. Nothing was written there. Free some space or use another "
        "stick, then try again."),
    "file_too_big": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The disk {name} does not take files this large. Nothing was written there. Use another stick or write "
        "fewer records at a time."),
    "cannot_write": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The batch file could not be written to {name}: {reason}. Nothing was written there. Check the stick and "
        "try again."),
    "cannot_read": QT_TRANSLATE_NOOP(
        "BatchErrors",
        "The file {name} could not be read: {reason}. Nothing was imported. Check the stick and try again."),
}
CODES = tuple(MESSAGES)


class BatchError(UserFacingError):
    """A refused batch file. ``code`` is one of ``CODES``; ``message_id`` is the English template (marked for
    translation) and ``text(language)`` the message to show. ``name`` is the file (or disk) it is about."""

    context = CONTEXT

    def __init__(self, code: str, *, name: str = "", reason: str = ""):
        if code not in MESSAGES:
            raise ValueError(f"unknown batch error code {code!r}")
        params = {"name": name}
        if "{reason}" in MESSAGES[code]:
            params["reason"] = reason
        super().__init__(MESSAGES[code], **params)
        self.code = code

    @property
    def message_id(self) -> str:
        return self.template

    def __repr__(self) -> str:
        return f"BatchError({self.code!r}, {self.params!r})"


def disk_error(exc: OSError, where: str) -> BatchError:
    """The BatchError for a failed write to the disk holding ``where`` (the stick, or the staging folder)."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BatchError("disk_full", name=where)
    if exc.errno == errno.EFBIG:
        return BatchError("file_too_big", name=where)
    return BatchError("cannot_write", name=where, reason=exc.strerror or str(exc))
