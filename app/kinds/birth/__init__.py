"""Birth registration (F-2.01): the form, its checks, the documents it needs and multiple births."""

from app.i18n import QT_TRANSLATE_NOOP
from app.kinds.birth import attachments
from app.kinds.birth.checks import LATE_REPORT_DAYS, validate_birth
from app.kinds.birth.documents import RequiredDocument, required_documents, witnesses_required
from app.kinds.birth.form import BIRTH_FIELDS, FIELDS_BY_KEY, PERSON_ROLES, REGION_LEVELS, SECTION_LABELS
from app.kinds.birth.twins import birth_type_for, multiple_birth_issues, split_multiple_birth
from app.kinds.spec import KindSpec, ReceiptText

__all__ = [
    "BIRTH_FIELDS", "FIELDS_BY_KEY", "LATE_REPORT_DAYS", "PERSON_ROLES", "REGION_LEVELS", "SECTION_LABELS",
    "RequiredDocument", "birth_type_for", "multiple_birth_issues", "required_documents", "split_multiple_birth",
    "SPEC", "validate_birth", "witnesses_required",
]

SPEC = KindSpec(
    "birth", QT_TRANSLATE_NOOP("Kinds", "Birth certificate application"), validate_birth, number_prefix="AKL",
    short_title=QT_TRANSLATE_NOOP("Kinds", "Birth certificate"),
    start_label=QT_TRANSLATE_NOOP("Kinds", "Birth certificate (akta kelahiran)"),
    receipt=ReceiptText(
        QT_TRANSLATE_NOOP("Receipt", "Receipt: birth certificate application"),
        QT_TRANSLATE_NOOP("Receipt", "The birth certificate will be issued after the documents are checked. Bring "
                                     "this receipt and the original documents when you collect it."),
        come_back_days=7, holder_key="reporter_name"),
    fields=BIRTH_FIELDS, person_roles=PERSON_ROLES, subject_role="child", searched_roles=("mother", "father"),
    shown_nik_role="mother", village_roles=("mother", "father", "reporter"), section_labels=SECTION_LABELS,
    offer=attachments.OFFER, needed_attachments=attachments.needed_attachments,
)
