"""What a form still needs before it can be sent, shown while the officer types.

The validators report missing values only for a submit, so that a half-filled draft is not a wall of red. But
the officer must see what is still to do, including what becomes required by another answer (the marriage
certificate once "married", the pinhole acuity once an eye sees less than 6/12, the birth documents): that is
exactly what a submit would add to the live findings, so it is worked out by asking the validator both ways
rather than by a second list of rules that could drift from the first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.validation.issues import Issue


def still_needed(validate: Callable[..., list[Issue]], data: dict[str, Any], *, today: date, regions,
                 live: list[Issue] | None = None) -> list[Issue]:
    """Findings a submit would add to ``live`` (the findings of ``validate`` without ``for_submit``, worked out
    here when not given), in the validator's order."""
    if live is None:
        live = validate(data, today=today, regions=regions, for_submit=False)
    shown = {(issue.field, issue.code) for issue in live}
    return [issue for issue in validate(data, today=today, regions=regions, for_submit=True)
            if (issue.field, issue.code) not in shown]
