"""Cataract screening (WHO RAAB examination record) with the programme's referral, surgery and follow-up."""

from datetime import date

from app.attachment_needs import Offer, one_file
from app.i18n import QT_TRANSLATE_NOOP
from app.kinds.cataract.checks import TARGET_AGE, validate_cataract
from app.kinds.cataract.follow_up import FOLLOW_UP_LABELS, follow_up, is_referred
from app.kinds.cataract.form import CATARACT_FIELDS, FIELDS_BY_KEY, PERSON_ROLES, REGION_LEVELS, SECTION_LABELS
from app.kinds.cataract.who import COMPUTED, better_eye_acuity, operated_eyes, who_category
from app.kinds.spec import KindSpec, ReceiptText

__all__ = [
    "CATARACT_FIELDS", "COMPUTED", "FIELDS_BY_KEY", "FOLLOW_UP_LABELS", "PERSON_ROLES", "REGION_LEVELS",
    "SECTION_LABELS", "SPEC", "TARGET_AGE", "better_eye_acuity", "follow_up", "is_referred", "operated_eyes",
    "validate_cataract", "who_category",
]


def _appointment(data: dict) -> tuple[date | None, str]:
    """The surgery booked or, before that, the referral: the day and place the receipt sends the patient to."""
    when = data.get("surgery_scheduled_date") or data.get("referral_date")
    return (date.fromisoformat(when) if when else None), str(data.get("referral_facility", ""))


SPEC = KindSpec(
    "cataract", QT_TRANSLATE_NOOP("Kinds", "Cataract screening"), validate_cataract, number_prefix="MATA",
    receipt=ReceiptText(
        QT_TRANSLATE_NOOP("Receipt", "Receipt: cataract eye screening"),
        QT_TRANSLATE_NOOP("Receipt", "Keep this receipt. If you were referred for surgery, bring it with your KTP "
                                     "and BPJS card to the facility on the date shown."),
        appointment=_appointment),
    fields=CATARACT_FIELDS, person_roles=PERSON_ROLES, subject_role="patient", section_labels=SECTION_LABELS,
    follow_up=follow_up, follow_up_sections=("referral", "surgery", "postop"), follow_up_labels=FOLLOW_UP_LABELS,
    follow_up_starts={"surgery": "surgery_attended", "postop_day1": "postop_day1_date",
                      "postop_week4": "postop_week4_date"},
    computed=COMPUTED,
    # The programme wants a photo of the patient's eyes before referral.
    offer=Offer("eye_photo", ("kk", "document")), needed_attachments=lambda data: [one_file("eye_photo")],
)
