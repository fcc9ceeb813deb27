"""Cataract screening (WHO RAAB examination record) with the programme's referral, surgery and follow-up."""

from app.cataract.checks import TARGET_AGE, validate_cataract
from app.cataract.follow_up import FOLLOW_UP_LABELS, follow_up, is_referred
from app.cataract.form import (CATARACT_FIELDS, FIELDS_BY_KEY, PERSON_ROLES, REGION_LEVELS, SECTION_LABELS)
from app.cataract.who import COMPUTED, better_eye_acuity, operated_eyes, who_category

__all__ = [
    "CATARACT_FIELDS", "COMPUTED", "FIELDS_BY_KEY", "FOLLOW_UP_LABELS", "PERSON_ROLES", "REGION_LEVELS",
    "SECTION_LABELS", "TARGET_AGE", "better_eye_acuity", "follow_up", "is_referred", "operated_eyes",
    "validate_cataract", "who_category",
]
