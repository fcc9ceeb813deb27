"""What a pushed record may do to the server's copy: the review's state machine per role, and the shape of a
kind's form data. ARCHITECTURE.md "Who may move a registration" is the policy; the moves a laptop can make are
``app.status.TRANSITIONS`` (the laptop only mirrors the server), and the server refuses every other one whatever
the body says.

- an officer (or whoever may act for the owner: their supervisor relaying it, an admin) submits and corrects:
  draft → submitted, returned → submitted;
- a supervisor of the owner's team (or an admin), never the owner, approves or returns: submitted → approved,
  submitted → returned, approved → returned (the laptop lets a supervisor take back an approval that central has
  not taken up yet);
- accepted, done and central's own return come only from central staff (``jemput-server set-status``): no push
  sets them, and no push moves a record out of accepted or done;
- a push that keeps the status changes only what that status leaves open: the whole form while returned, the
  follow-up visit's fields after that (``app.follow_up``), and never the review's comment and details.

Each function returns None when the record may be applied, else the reason (Bahasa Indonesia) for ``rejected``.
"""

from __future__ import annotations

import math
from typing import Any

from app.follow_up import FOLLOW_UP_KEYS
from app.i18n import translate as app_translate
from app.kinds import KINDS
from app.status import ACCEPTED, DONE, DRAFT, LABELS, RETURNED, SUBMITTED, TRANSITIONS
from app.validation.fields import LONG_TEXT_MAX
from server import i18n
from server.models import Registration, User
from sync.payload import Record

# (from, to) -> (action, roles) for every move a laptop can make, read from the laptop's own table.
LAPTOP_MOVES = {(source, target): (action, roles)
                for action, (sources, target, roles) in TRANSITIONS.items() for source in sources}
REVIEW_ACTIONS = ("approve", "return")
CENTRAL_ONLY = (ACCEPTED, DONE)

MAX_TEXT = 1000  # a line of a form (names, addresses); several-line fields have LONG_TEXT_MAX
MAX_LIST = 64  # the choices of a multiple-choice field
MAX_SHOWN_KEYS = 5
MAX_NUMBER = 1e15


def known_keys(kind: str) -> frozenset[str]:
    spec = KINDS[kind]
    return frozenset(f.key for f in spec.fields) | frozenset(spec.computed)


_KNOWN = {kind: known_keys(kind) for kind in KINDS}
_KINDS_OF_FIELD = {kind: {f.key: f.kind for f in spec.fields} for kind, spec in KINDS.items()}


def data_refusal(kind: str, data: dict[str, Any]) -> str | None:
    """The form data's shape: only the kind's own keys, each a flat value of a sensible size. Nothing nests
    deeper than a multiple-choice list, so the validators and the database never see anything else."""
    known = _KNOWN[kind]
    if not known.issuperset(data):  # one set operation for the answer of nearly every record: all keys known
        unknown = sorted(key for key in data if not isinstance(key, str) or key not in known)
        shown = ", ".join(str(key)[:40] for key in unknown[:MAX_SHOWN_KEYS])
        return i18n.tr(i18n.MSG_UNKNOWN_FIELDS, keys=shown)
    kinds = _KINDS_OF_FIELD[kind]
    for key, value in data.items():
        if type(value) is str and len(value) <= MAX_TEXT:
            continue  # most values: a line of text, within every field kind's limit
        if not _value_ok(kinds.get(key, "computed"), value):
            return i18n.tr(i18n.MSG_BAD_VALUE, key=key)
    return None


def _value_ok(field_kind: str, value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, str):
        return len(value) <= (LONG_TEXT_MAX if field_kind == "long_text" else MAX_TEXT)
    if isinstance(value, (int, float)):
        return math.isfinite(value) and abs(value) <= MAX_NUMBER
    if isinstance(value, list):
        return field_kind == "multichoice" and len(value) <= MAX_LIST and all(
            isinstance(item, str) and len(item) <= MAX_LIST for item in value)
    return False


def move_refusal(*, actor: User, owner: User, existing: Registration | None, record: Record) -> str | None:
    """Whether ``actor`` may make ``record`` the server's copy of ``existing`` (None: a new record), by status
    and by which parts of the content change. The caller has checked that the actor may act for the owner."""
    before = existing.status if existing is not None else None
    after = record.status
    if after == DRAFT:
        return i18n.tr(i18n.MSG_NOT_SUBMITTED)
    if before == after:
        return _kept_status_refusal(existing, record)
    if after in CENTRAL_ONLY or before in CENTRAL_ONLY:
        return i18n.tr(i18n.MSG_ONLY_CENTRAL)
    # A new record comes from the laptop's draft; one reviewed there before its first sync (a supervisor on the
    # officer's laptop) came through submitted.
    source = before or (DRAFT if after == SUBMITTED else SUBMITTED)
    move = LAPTOP_MOVES.get((source, after))
    if move is None:
        return i18n.tr(i18n.MSG_BAD_MOVE, old=_label(before or DRAFT), new=_label(after))
    action, roles = move
    if action in REVIEW_ACTIONS:
        if not _reviews(actor, owner) or actor.role not in roles:
            return i18n.tr(i18n.MSG_ONLY_SUPERVISOR)
        return _form_kept_refusal(existing, record, open_keys=FOLLOW_UP_KEYS.get(record.kind, ()))
    if actor.role not in roles:
        return i18n.tr(i18n.MSG_BAD_MOVE, old=_label(before or DRAFT), new=_label(after))
    # A correction may carry any review comment: a conflict resolved on the laptop keeps that side's comment (an
    # earlier return's), and the next review replaces it; the history names who sent it.
    return None


def _reviews(actor: User, owner: User) -> bool:
    """A supervisor reviews their team, an admin everyone; nobody reviews their own work."""
    if actor.id == owner.id:
        return False
    return actor.role == "admin" or (actor.role == "supervisor" and owner.supervisor_id == actor.id)


def _kept_status_refusal(existing: Registration | None, record: Record) -> str | None:
    if existing is None:  # a new record in the status it starts in: the transition rules above
        return None
    if record.status == RETURNED:
        return _review_kept_refusal(existing, record)
    return (_form_kept_refusal(existing, record, open_keys=FOLLOW_UP_KEYS.get(record.kind, ()))
            or _review_kept_refusal(existing, record))


def _form_kept_refusal(existing: Registration | None, record: Record, *, open_keys) -> str | None:
    if existing is None:
        return None
    old, new = existing.data or {}, record.data
    changed = sorted(key for key in set(old) | set(new) if old.get(key) != new.get(key) and key not in open_keys)
    if changed:
        return i18n.tr(i18n.MSG_FORM_CLOSED, keys=", ".join(changed[:MAX_SHOWN_KEYS]))
    return None


def _review_kept_refusal(existing: Registration | None, record: Record) -> str | None:
    """The review's comment and details are the reviewer's: a push that keeps the status keeps them."""
    if existing is None:
        return None
    if (existing.review_comment, existing.review_details) != (record.review_comment, record.review_details):
        return i18n.tr(i18n.MSG_REVIEW_CLOSED)
    return None


def _label(status: str) -> str:
    return app_translate("Status", LABELS[status]) if status in LABELS else status

