"""WHO visual impairment category from the RAAB acuity codes, and which eyes a surgery touched."""

from __future__ import annotations

from typing import Any

from app.reference import value_lists as vl
from app.validation.fields import text

# RAAB acuity code -> WHO category code. Light perception and no light perception are both < 3/60: blind.
_CATEGORY_OF_ACUITY = {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5", "6": "5", "7": "5"}
EYE_PREFIXES = {vl.RIGHT_EYE: ("right_",), vl.LEFT_EYE: ("left_",), vl.BOTH_EYES: ("right_", "left_")}


def acuity_rank(code: str) -> int:
    """Higher is worse; the RAAB codes are already ordered so."""
    return int(code)


def category_of_acuity(code: str) -> str:
    return _CATEGORY_OF_ACUITY[code]


def better_eye_acuity(data: dict[str, Any]) -> str | None:
    """The better of the two presenting acuities; None unless both eyes have a valid one."""
    codes = [text(data, f"{eye}presenting_va") for eye in ("right_", "left_")]
    if not all(code in _CATEGORY_OF_ACUITY for code in codes):
        return None
    return min(codes, key=acuity_rank)


def who_category(data: dict[str, Any]) -> str | None:
    """WHO category code (value list WHO_CATEGORY) from the better eye's PRESENTING acuity, which is how the
    person sees in daily life (pinhole acuity shows what glasses could do, not the impairment). None when the
    patient was not examined or an eye has no acuity yet."""
    if text(data, "exam_status") != vl.EXAMINED:
        return None
    better = better_eye_acuity(data)
    return category_of_acuity(better) if better else None


def operated_eyes(data: dict[str, Any]) -> tuple[str, ...]:
    """The eye prefixes of the operated eye(s), or () when no operated eye is recorded."""
    return EYE_PREFIXES.get(text(data, "operated_eye"), ())


COMPUTED = {"who_category": who_category}
