"""Twins and other multiple births: one application per child, built from what the children share.

Each child of a multiple birth gets an akta of its own, so each is its own application. Parents, reporter,
witnesses, documents, place and date are typed once; name, sex, time, weight, length are each child's own.
"""

from __future__ import annotations

from typing import Any

from app.kinds.birth.form import FIELDS_BY_KEY
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists as vl
from app.validation.fields import choice_term, label_term, text
from app.validation.issues import Issue, error

# Never copied from the shared part to a sibling: a shared weight or name would be silently wrong for the other.
CHILD_OWN_KEYS = frozenset({"child_name", "child_nik", "child_sex", "child_birth_time", "child_weight",
                            "child_length", "child_birth_order", "group_size", "multiple_birth_order"})


def birth_type_for(count: int) -> str:
    """The F-2.01 birth type for ``count`` children born together (codes 2-4 are Kembar 2-4)."""
    if count < 1:
        raise ValueError("a birth has at least one child")
    if count == 1:
        return vl.SINGLE_BIRTH
    return str(count) if count <= 4 else vl.OTHER_BIRTH_TYPE


def _as_int(value: Any) -> int | None:
    shown = text({"v": value}, "v")
    return int(shown) if shown.isascii() and shown.isdigit() else None


def split_multiple_birth(shared: dict[str, Any], children: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One application's data per child, in birth order.

    ``shared``: parents, reporter, witnesses, documents and the birth's place, date, attendant. ``children``:
    each child's own fields. Every result has ``multiple_birth_order`` 1..n, ``group_size`` n and the birth type
    for n. ``child_birth_order`` (the child's number among the mother's children) is the child's own when given,
    else counted on from the shared one, which is the first-born's.
    """
    count = len(children)
    kind = birth_type_for(count)
    common = {key: value for key, value in shared.items() if key not in CHILD_OWN_KEYS}
    first_order = _as_int(shared.get("child_birth_order"))
    applications = []
    for position, child in enumerate(children, start=1):
        data = {**common, **child, "child_birth_type": kind}
        if count > 1:
            data.update(group_size=str(count), multiple_birth_order=str(position))
        if not text(child, "child_birth_order") and first_order is not None:
            data["child_birth_order"] = str(first_order + position - 1)
        applications.append(data)
    return applications


def multiple_birth_issues(data: dict[str, Any]) -> list[Issue]:
    """The birth type agrees with how many children were born together, and the child's place among them."""
    issues: list[Issue] = []
    kind = text(data, "child_birth_type")
    size = _as_int(data.get("group_size"))
    position = _as_int(data.get("multiple_birth_order"))
    if size is not None and size >= 1 and kind in vl.codes(vl.BIRTH_TYPE):
        expected = birth_type_for(size)
        # "Other" is a catch-all the form allows; only a single child cannot be "other than single".
        if kind != expected and not (kind == vl.OTHER_BIRTH_TYPE and size > 4):
            issues.append(error("child_birth_type", "birth_type_group_mismatch", QT_TRANSLATE_NOOP(
                "Validation", "The type of birth is \"{kind}\", but {count} children are registered as born "
                              "together; it should be \"{expected}\"."),
                kind=choice_term(vl.BIRTH_TYPE, kind), count=size, expected=choice_term(vl.BIRTH_TYPE, expected)))
    if position is not None and size is not None and not 1 <= position <= size:
        issues.append(error("multiple_birth_order", "multiple_birth_order_range", QT_TRANSLATE_NOOP(
            "Validation", "This child is number {position} of a multiple birth of {count}."),
            position=position, count=size))
    order = _as_int(data.get("child_birth_order"))
    if order == 0:
        issues.append(error("child_birth_order", "birth_order_zero", QT_TRANSLATE_NOOP(
            "Validation", "{label} starts at 1 for the mother's first child."),
            label=label_term(FIELDS_BY_KEY["child_birth_order"])))
    return issues
