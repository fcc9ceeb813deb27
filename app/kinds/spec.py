"""What a registration kind (a service) declares about itself, for the generic screens and services to read.

Everything that differs between services is a value here, so that the records list, the record page, the
receipt, the follow-ups, Home, the attachment checklist and the server's checks of a pushed record have no
``if kind == ...`` of their own; a service's package (``app/kinds/<kind>/``) fills one ``KindSpec``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from app.attachment_needs import DEFAULT_OFFER, Need, Offer
from app.i18n import QT_TRANSLATE_NOOP
from app.reference.regions import Regions


def _no_follow_up(data: dict, today: date) -> tuple[date, str] | None:
    return None


def _no_attachments(data: dict) -> list[Need]:
    return []


@dataclass(frozen=True)
class Stage:
    """A step of the service that central reports (a complaint forwarded, then followed up), under one of the
    central statuses of ``app.status``: a record at that status shows the step's label instead of the status'."""

    status: str  # ACCEPTED or DONE
    label: str  # context "Status"


@dataclass(frozen=True)
class ExportRecord:
    """A record as central holds it, handed to a service's export (``Export.row``)."""

    id: str
    number: str  # the receipt number the citizen holds, e.g. LPR-261201-ABCDEF
    status: str
    stage: str | None
    data: dict
    created_at: datetime  # on the laptop, UTC
    regions: Regions  # to name the region codes


@dataclass(frozen=True)
class Export:
    """A file central hands to another system (SP4N-LAPOR!'s import): one row per record, in its columns."""

    target: str  # the system, as its people call it
    columns: tuple[str, ...]
    row: Callable[[ExportRecord], dict[str, str]]


@dataclass(frozen=True)
class ReceiptText:
    """What the citizen's receipt says about this service (English sources, context "Receipt")."""

    title: str
    next_steps: str
    come_back_days: int | None = None  # the earliest day to come back, counted from the day of the receipt
    # (data) -> (day, place) of an appointment the form itself names (a scheduled surgery) instead of a count
    appointment: Callable[[dict], tuple[date | None, str]] | None = None
    # The key of the name printed as "reported by": a newborn has no NIK, the person holding the receipt does.
    holder_key: str = ""
    # The key of what the service is about, printed under the service ("Perihal": a complaint's title).
    about_key: str = ""
    # (data) -> whether the citizen asked not to be named (an anonymous complaint): no name or NIK is printed.
    anonymous: Callable[[dict], bool] = lambda data: False
    # What the big number is called on the receipt: a complaint's is the number to follow it by, not an application.
    number_label: str = QT_TRANSLATE_NOOP("Receipt", "Registration number")


@dataclass(frozen=True)
class KindSpec:
    key: str
    title: str  # context "Kinds"
    validate: Callable  # (data, *, today, regions, for_submit) -> list[Issue]
    number_prefix: str  # of the receipt number, e.g. "KTP" in KTP-261201-ABCDEF
    receipt: ReceiptText
    fields: tuple = ()  # the form as a tuple of app.form_fields.Field, in display order
    # role -> key prefix of that person's values in the form's data, e.g. "mother" -> "mother_"
    person_roles: dict[str, str] = field(default_factory=lambda: {"subject": ""})
    subject_role: str = "subject"  # whose name and NIK the records list shows
    # Besides the subject, whose name or NIK finds the record in the records list, and whose NIK it shows when
    # the subject has none (a newborn): a birth is looked up by the mother, whose NIK the officer has at hand.
    searched_roles: tuple[str, ...] = ()
    shown_nik_role: str | None = None
    # For a kind whose form has no village: the people whose village (as known on this laptop) is the record's.
    village_roles: tuple[str, ...] = ()
    # (data, today) -> (due date, action key) of the next visit the officer must make, or None
    follow_up: Callable[[dict, date], tuple[date, str] | None] = _no_follow_up
    follow_up_sections: tuple[str, ...] = ()  # the sections of the form a follow-up visit fills in
    follow_up_labels: dict[str, str] = field(default_factory=dict)  # action key -> label (context "FollowUp")
    follow_up_starts: dict[str, str] = field(default_factory=dict)  # action key -> the field its visit starts at
    section_labels: dict[str, str] = field(default_factory=dict)  # Field.section -> title (context "Section")
    short_title: str = ""  # for a list column (context "Kinds"); the title when empty
    start_label: str = ""  # on the button that starts one (context "Kinds"); the title when empty
    # key -> (data) -> value or None: the values worked out from the others (the "computed" fields), never typed
    computed: dict[str, Callable[[dict], str | None]] = field(default_factory=dict)
    offer: Offer = DEFAULT_OFFER  # the photo and document buttons of its form
    # (data) -> the files the record asks for as it is filled in now, in the order the form lists them
    needed_attachments: Callable[[dict], list[Need]] = _no_attachments
    # key -> step, in the order the service goes through them; central sets them (``jemput-server set-status``)
    stages: dict[str, Stage] = field(default_factory=dict)
    export: Export | None = None  # what ``jemput-server export`` writes for this service, if anything
    # (data) -> the name the records list shows when it is not the subject's own (an anonymous complaint is
    # listed by what it is about); None: the subject's name
    list_name: Callable[[dict], str] | None = None

    def with_computed(self, data: dict) -> dict:
        """``data`` with its computed values worked out afresh ("" where one cannot be yet). Every write goes
        through this (``app.registrations``), so that a value is the same whoever saves: a form, a follow-up
        visit or another caller; a form page shows it as the officer types."""
        return {**data, **self.computed_values(data)}

    def computed_values(self, data: dict) -> dict:
        """The computed values alone, worked out from ``data`` ("" where one cannot be yet)."""
        return {key: compute(data) or "" for key, compute in self.computed.items()}
