"""Why a hand-over file was not written or imported, in words for the officer (core strings, Indonesian through the
app's catalogue). Every refusal is whole: nothing on the laptop changed, and the refusal is in the sync log and the
audit trail (``sync.handover.trust.log_refusal``)."""

from __future__ import annotations

from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP
from sync.batch import BatchError

CONTEXT = "Handover"

MESSAGES = {
    "nothing_to_export": QT_TRANSLATE_NOOP(
        "Handover",
        "There is nothing to hand over: every record has been sent to the server or written to a batch file "
        "already."),
    "not_exportable": QT_TRANSLATE_NOOP(
        "Handover",
        "Only your own records that are no longer drafts can be written to a batch file. Nothing was written."),
    "no_keys": QT_TRANSLATE_NOOP(
        "Handover",
        "This laptop does not have its keys and the list of laptops yet. Sync it once with the server where there "
        "is signal, then try again."),
    "wrong_type_batch": QT_TRANSLATE_NOOP(
        "Handover",
        "The file {name} is a receipt, not a batch file. Import it as a receipt."),
    "wrong_type_receipt": QT_TRANSLATE_NOOP(
        "Handover",
        "The file {name} is a batch file, not a receipt. Import it as a batch file."),
    "bad_record": QT_TRANSLATE_NOOP(
        "Handover",
        "A record in the file {name} cannot be read ({reason}). Nothing was imported. Ask for the file to be "
        "written again."),
    "bad_record_signature": QT_TRANSLATE_NOOP(
        "Handover",
        "A record in the file {name} is not signed by the laptop that made it. Nothing was imported. Do not use "
        "this file; tell your supervisor."),
    "unknown_owner": QT_TRANSLATE_NOOP(
        "Handover",
        "The file {name} holds records of an officer this laptop does not know yet. Nothing was imported. Sync this "
        "laptop once, then import the file again."),
    "outside_team": QT_TRANSLATE_NOOP(
        "Handover",
        "The file {name} holds records of {owner}, who is not in your team. Nothing was imported. Only the "
        "officer's own supervisor can import it."),
    "no_recipient": QT_TRANSLATE_NOOP(
        "Handover",
        "The laptop that sent these records is not in the list of laptops any more, so no receipt can be written "
        "for it. Sync this laptop once, then try again."),
    "nothing_received": QT_TRANSLATE_NOOP(
        "Handover",
        "No batch file from that laptop has been imported here, so there is nothing to confirm in a receipt."),
}
GAP = QT_TRANSLATE_NOOP("Handover", "File {sequence} from {name} has not been received yet.")
NO_SUPERVISOR = QT_TRANSLATE_NOOP(
    "Handover",
    "No laptop of your supervisor is in the list of laptops yet, so only the central office can open this file. "
    "Your supervisor should sync once, then you sync, to write files they can open.")
RECEIPT_NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "Handover",
    "The records were imported, but the receipt could not be written next to the file: {reason} Write the receipt "
    "again later from the list of imported files.")


class BatchRefused(UserFacingError):
    """A hand-over file not written or not imported; ``code`` says why (a ``sync.batch.BatchError`` code or one of
    ``MESSAGES``), ``text(language)`` what to tell the officer."""

    context = CONTEXT

    def __init__(self, code: str, **params: object):
        if code not in MESSAGES:
            raise ValueError(f"unknown hand-over refusal {code!r}")
        super().__init__(MESSAGES[code], **params)
        self.code = code

    @classmethod
    def of(cls, error: BatchError) -> BatchRefused:
        """The format's own refusal, with its own message."""
        refused = cls.__new__(cls)
        UserFacingError.__init__(refused, error.template, **error.params)
        refused.context = error.context
        refused.code = error.code
        return refused

    def __repr__(self) -> str:
        return f"BatchRefused({self.code!r}, {self.params!r})"
