"""Whose records a person sees on this laptop: the one rule every list, count and sync summary applies.

Personal data is seen on a need-to-know basis (UU 27/2022): an officer sees their own records, even on a laptop
shared with colleagues; supervisors and admins see everyone's on this laptop, since reviewing them is their job.
"""

from __future__ import annotations

from app.auth import Actor

# The roles whose work is other people's records.
SEES_EVERYONE = ("supervisor", "admin")


def sees_everyone(actor: Actor) -> bool:
    return actor.role in SEES_EVERYONE


def owner_filter(actor: Actor) -> str | None:
    """The ``owner_id`` to filter registrations by for ``actor``: their own user id for an officer, None (no
    filter: everyone's on this laptop) for a supervisor or an admin. Unknown roles see only their own."""
    return None if sees_everyone(actor) else actor.user_id
