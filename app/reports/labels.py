"""Words an export is written in: column headers, the review and sync states, month names, the personal-data
mark. English source strings marked for translation (context "Reports"), read through ``app.i18n.translate`` in
the language of the person exporting, so that a file made in Indonesian says everything in Indonesian."""

from __future__ import annotations

from datetime import date

from app import status
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.kinds import KINDS, status_source

CONTEXT = "Reports"

# The mark every exported file carries, on its first line and in its properties: what it holds and the law.
PERSONAL_DATA = QT_TRANSLATE_NOOP(
    "Reports", "PERSONAL DATA — protected by UU 27/2022 on Personal Data Protection. Use it only for the service; "
    "do not share it with anyone not entitled to it; delete it when no longer needed.")
PERSONAL_DATA_SHORT = QT_TRANSLATE_NOOP("Reports", "PERSONAL DATA (UU 27/2022)")
LIST_TITLE = QT_TRANSLATE_NOOP("Reports", "Jemput Bola registrations")
RECAP_TITLE = QT_TRANSLATE_NOOP("Reports", "Jemput Bola monthly recap, {month}")
EXPORTED_BY = QT_TRANSLATE_NOOP("Reports", "Exported {at} by {name} ({role}); {rows} rows; {niks}.")
NIKS_MASKED = QT_TRANSLATE_NOOP("Reports", "NIKs masked")
NIKS_FULL = QT_TRANSLATE_NOOP("Reports", "NIKs in full")
RECAP_NOTE = QT_TRANSLATE_NOOP(
    "Reports", "Registrations taken in {month}, counted by their status today. Exported {at} by {name} ({role}).")
NO_VILLAGE = QT_TRANSLATE_NOOP("Reports", "(no village yet)")
TOTAL = QT_TRANSLATE_NOOP("Reports", "Total")

# The records list, one column each, in this order.
LIST_HEADERS = (
    QT_TRANSLATE_NOOP("Reports", "Registration number"),
    QT_TRANSLATE_NOOP("Reports", "Service"),
    QT_TRANSLATE_NOOP("Reports", "Name"),
    QT_TRANSLATE_NOOP("Reports", "NIK"),
    QT_TRANSLATE_NOOP("Reports", "Whose NIK"),
    QT_TRANSLATE_NOOP("Reports", "Village"),
    QT_TRANSLATE_NOOP("Reports", "District"),
    QT_TRANSLATE_NOOP("Reports", "Regency/city"),
    QT_TRANSLATE_NOOP("Reports", "Region code"),
    QT_TRANSLATE_NOOP("Reports", "Status"),
    QT_TRANSLATE_NOOP("Reports", "Review"),
    QT_TRANSLATE_NOOP("Reports", "Supervisor's comment"),
    QT_TRANSLATE_NOOP("Reports", "Note from central"),
    QT_TRANSLATE_NOOP("Reports", "Sync"),
    QT_TRANSLATE_NOOP("Reports", "Officer"),
    QT_TRANSLATE_NOOP("Reports", "Registered on"),
    QT_TRANSLATE_NOOP("Reports", "Submitted on"),
    QT_TRANSLATE_NOOP("Reports", "Last changed"),
)
LIST_WIDTHS = (20, 18, 28, 19, 12, 22, 20, 22, 15, 24, 22, 30, 30, 18, 22, 17, 17, 17)
# The recap: where, which service, then one column per status and the total.
RECAP_PLACE_HEADERS = (
    QT_TRANSLATE_NOOP("Reports", "Regency/city"),
    QT_TRANSLATE_NOOP("Reports", "District"),
    QT_TRANSLATE_NOOP("Reports", "Village"),
    QT_TRANSLATE_NOOP("Reports", "Region code"),
    QT_TRANSLATE_NOOP("Reports", "Service"),
)
RECAP_PLACE_WIDTHS = (22, 20, 22, 15, 24)

SUBJECT = QT_TRANSLATE_NOOP("Reports", "the person")
WHOSE_NIK = {"mother": QT_TRANSLATE_NOOP("Reports", "mother")}

# Where a record stands with its supervisor, from its status: the review is over once it is approved, whatever
# central did with it since.
REVIEW = {
    status.DRAFT: QT_TRANSLATE_NOOP("Reports", "Not submitted yet"),
    status.SUBMITTED: QT_TRANSLATE_NOOP("Reports", "Waiting for review"),
    status.RETURNED: QT_TRANSLATE_NOOP("Reports", "Returned for correction"),
    status.APPROVED: QT_TRANSLATE_NOOP("Reports", "Approved"),
    status.ACCEPTED: QT_TRANSLATE_NOOP("Reports", "Approved"),
    status.DONE: QT_TRANSLATE_NOOP("Reports", "Approved"),
}
SYNC_WAITING = QT_TRANSLATE_NOOP("Reports", "Waiting to be sent")
SYNC_ON_SERVER = QT_TRANSLATE_NOOP("Reports", "On the server")
SYNC_LOCAL = QT_TRANSLATE_NOOP("Reports", "Only on this laptop")

MONTHS = (
    QT_TRANSLATE_NOOP("Reports", "January"), QT_TRANSLATE_NOOP("Reports", "February"),
    QT_TRANSLATE_NOOP("Reports", "March"), QT_TRANSLATE_NOOP("Reports", "April"),
    QT_TRANSLATE_NOOP("Reports", "May"), QT_TRANSLATE_NOOP("Reports", "June"),
    QT_TRANSLATE_NOOP("Reports", "July"), QT_TRANSLATE_NOOP("Reports", "August"),
    QT_TRANSLATE_NOOP("Reports", "September"), QT_TRANSLATE_NOOP("Reports", "October"),
    QT_TRANSLATE_NOOP("Reports", "November"), QT_TRANSLATE_NOOP("Reports", "December"),
)


def tr(text: str, language: str) -> str:
    return translate(CONTEXT, text, language)


def month_label(month: date, language: str) -> str:
    """"Desember 2026"."""
    return f"{tr(MONTHS[month.month - 1], language)} {month.year}"


def kind_title(kind: str, language: str) -> str:
    return translate("Kinds", KINDS[kind].title, language) if kind in KINDS else kind


def status_text(kind: str, state: str, stage: str | None, language: str) -> str:
    return translate("Status", status_source(kind, state, stage), language)


def review_text(state: str, language: str) -> str:
    return tr(REVIEW[state], language) if state in REVIEW else state


def sync_text(*, waiting: bool, on_server: bool, language: str) -> str:
    if waiting:
        return tr(SYNC_WAITING, language)
    return tr(SYNC_ON_SERVER if on_server else SYNC_LOCAL, language)
