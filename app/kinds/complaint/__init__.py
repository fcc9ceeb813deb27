"""Citizens' complaints and aspirations for SP4N-LAPOR!: taken in the village, sent on by central, and followed
to the end (forwarded, followed up by the agency, resolved) like the other services."""

from app.attachment_needs import Offer
from app.i18n import QT_TRANSLATE_NOOP
from app.kinds.complaint.checks import is_anonymous, validate_complaint
from app.kinds.complaint.form import COMPLAINT_FIELDS, FIELDS_BY_KEY, PERSON_ROLES, SECTION_LABELS
from app.kinds.complaint.lapor import LAPOR_EXPORT
from app.kinds.spec import KindSpec, ReceiptText, Stage
from app.status import ACCEPTED, DONE
from app.validation.fields import text

__all__ = ["COMPLAINT_FIELDS", "FIELDS_BY_KEY", "SPEC", "is_anonymous", "validate_complaint"]


def _list_name(data: dict) -> str:
    # An anonymous complaint has no person to list it by: what it is about says which one it is.
    return text(data, "title") if is_anonymous(data) else text(data, "complainant_name")


SPEC = KindSpec(
    "complaint", QT_TRANSLATE_NOOP("Kinds", "Complaint for SP4N-LAPOR!"), validate_complaint, number_prefix="LPR",
    short_title=QT_TRANSLATE_NOOP("Kinds", "Complaint"),
    start_label=QT_TRANSLATE_NOOP("Kinds", "Complaint (SP4N-LAPOR!)"),
    receipt=ReceiptText(
        QT_TRANSLATE_NOOP("Receipt", "Receipt: complaint for SP4N-LAPOR!"),
        QT_TRANSLATE_NOOP("Receipt", "Your complaint will be forwarded to the agency concerned through SP4N-LAPOR!. "
                                     "Follow it with the number above at lapor.go.id or SMS 1708, or ask the "
                                     "officer at the next visit."),
        anonymous=is_anonymous, about_key="title", number_label=QT_TRANSLATE_NOOP("Receipt", "Complaint number")),
    fields=COMPLAINT_FIELDS, person_roles=PERSON_ROLES, subject_role="complainant", section_labels=SECTION_LABELS,
    list_name=_list_name,
    # Photos of what is wrong (a broken bridge, an empty clinic) are the evidence; none is required.
    offer=Offer("evidence", ("document",)),
    stages={
        "forwarded": Stage(ACCEPTED, QT_TRANSLATE_NOOP("Status", "Forwarded to the agency")),
        "followed_up": Stage(ACCEPTED, QT_TRANSLATE_NOOP("Status", "Being followed up by the agency")),
        "resolved": Stage(DONE, QT_TRANSLATE_NOOP("Status", "Resolved")),
    },
    export=LAPOR_EXPORT,
)
