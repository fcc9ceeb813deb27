"""Birth registration (F-2.01): the form, its checks, the documents it needs and multiple births."""

from app.birth.checks import LATE_REPORT_DAYS, validate_birth
from app.birth.documents import RequiredDocument, required_documents, witnesses_required
from app.birth.form import BIRTH_FIELDS, FIELDS_BY_KEY, PERSON_ROLES, REGION_LEVELS, SECTION_LABELS
from app.birth.twins import birth_type_for, multiple_birth_issues, split_multiple_birth

__all__ = [
    "BIRTH_FIELDS", "FIELDS_BY_KEY", "LATE_REPORT_DAYS", "PERSON_ROLES", "REGION_LEVELS", "SECTION_LABELS",
    "RequiredDocument", "birth_type_for", "multiple_birth_issues", "required_documents", "split_multiple_birth",
    "validate_birth", "witnesses_required",
]
