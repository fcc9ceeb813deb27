"""e-KTP biodata recording (F-1.01): the form, its checks and whether the person may have an e-KTP yet."""

from app.attachment_needs import Offer, one_file
from app.i18n import QT_TRANSLATE_NOOP
from app.kinds.ektp.checks import EKTP_MIN_AGE, ektp_eligibility, validate_ektp
from app.kinds.ektp.form import EKTP_FIELDS, FIELDS_BY_KEY, REGION_KEYS
from app.kinds.spec import KindSpec, ReceiptText

__all__ = ["EKTP_FIELDS", "EKTP_MIN_AGE", "FIELDS_BY_KEY", "REGION_KEYS", "SPEC", "ektp_eligibility", "validate_ektp"]

SPEC = KindSpec(
    "ektp", QT_TRANSLATE_NOOP("Kinds", "e-KTP biodata"), validate_ektp, number_prefix="KTP",
    short_title=QT_TRANSLATE_NOOP("Kinds", "e-KTP"), start_label=QT_TRANSLATE_NOOP("Kinds", "e-KTP recording"),
    receipt=ReceiptText(
        QT_TRANSLATE_NOOP("Receipt", "Receipt: e-KTP biodata recording"),
        QT_TRANSLATE_NOOP("Receipt", "Your biodata will be checked and your e-KTP printed. Bring this receipt when "
                                     "you collect it."),
        come_back_days=14),
    fields=EKTP_FIELDS,
    section_labels={"household": QT_TRANSLATE_NOOP("Section", "Household"),
                    "person": QT_TRANSLATE_NOOP("Section", "Person")},
    # The biodata carries the citizen's photo.
    offer=Offer("photo", ("kk", "document")), needed_attachments=lambda data: [one_file("photo")],
)
