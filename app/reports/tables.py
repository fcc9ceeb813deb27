"""What an export holds, as a table: a few lines above the header (the personal-data mark, what and by whom),
the header, and the rows, produced one at a time so that 100,000 records never sit in memory at once.

Rows of the records list come from ``app.registrations.search`` with the page's own ``RecordQuery``, in the
list's order, so the file is the list the person was looking at; the recap is one grouped query.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import record_views, registrations, status
from app.kinds import KINDS
from app.receipts import mask_nik
from app.record_views import RecordQuery
from app.reference.regions import Regions, regions_of
from app.registration_number import registration_number
from app.reports import labels
from db.models import Registration

# Rows fetched per query: big enough that 10,000 rows take ten queries, small enough to stay light in memory.
BATCH = 1000
Cell = str | int | datetime | None


@dataclass
class Table:
    title: str
    mark: str  # "DATA PRIBADI (UU 27/2022)", in the file's language: its properties and printed page header
    lines: list[str]  # said above the header: the personal-data mark first
    headers: list[str]
    widths: list[int]  # in characters, for the XLSX columns
    rows: Iterator[list[Cell]]
    total: int  # how many rows ``rows`` will give, for the progress bar
    nik_column: int | None = None  # written as text, never as a number that Excel would round
    footer: list[Cell] | None = None  # a last row in bold (the recap's totals)


class Places:
    """Village, district and regency names by village code, each looked up once per export."""

    def __init__(self, regions: Regions, language: str):
        self.regions, self.language = regions, language
        self._names: dict[str, str] = {}

    def name(self, code: str | None) -> str:
        if not code:
            return ""
        if code not in self._names:
            region = self.regions.get(code)
            self._names[code] = region.name if region else ""
        return self._names[code]

    def village_row(self, code: str | None) -> tuple[str, str, str]:
        """(village, district, regency) for a village code; the village's own code when it is unknown."""
        if not code:
            return labels.tr(labels.NO_VILLAGE, self.language), "", ""
        parts = code.split(".")
        district = ".".join(parts[:3]) if len(parts) >= 3 else ""
        regency = ".".join(parts[:2]) if len(parts) >= 2 else ""
        return self.name(code) or code, self.name(district), self.name(regency)


def list_rows(session: Session, query: RecordQuery, *, full_nik: bool, language: str) -> Iterator[list[Cell]]:
    """The records of ``query`` as export rows, newest first like the list."""
    places = Places(regions_of(session), language)
    offset = 0
    while True:
        page = registrations.search(session, text=query.text, kind=query.kind, state=query.state,
                                    owner_id=query.owner_id, village=query.village, offset=offset, limit=BATCH)
        if not page:
            return
        extra = {row.id: row for row in session.execute(
            select(Registration.id, Registration.created_at, Registration.submitted_at, Registration.review_comment,
                   Registration.status_note).where(Registration.id.in_([r.id for r in page])))}
        for row in page:
            yield _list_row(row, extra[row.id], places, full_nik=full_nik, language=language)
        if len(page) < BATCH:
            return
        offset += len(page)


def _list_row(row: registrations.RecordRow, extra, places: Places, *, full_nik: bool, language: str) -> list[Cell]:
    nik = row.subject_nik or row.other_nik
    whose = labels.SUBJECT if row.subject_nik else labels.WHOSE_NIK.get(row.other_nik_role or "", "")
    village, district, regency = places.village_row(row.village_code)
    return [
        registration_number(row.id, row.kind, extra.created_at),
        labels.kind_title(row.kind, language),
        row.subject_name,
        (nik if full_nik else mask_nik(nik)) if nik else "",
        labels.tr(whose, language) if nik and whose else "",
        village, district, regency, row.village_code or "",
        labels.status_text(row.kind, row.status, row.stage, language),
        labels.review_text(row.status, language),
        extra.review_comment or "",
        extra.status_note or "",
        labels.sync_text(waiting=row.waiting_to_send, on_server=row.on_server, language=language),
        row.owner_name,
        record_views.local_time(extra.created_at),
        record_views.local_time(extra.submitted_at) if extra.submitted_at else None,
        record_views.local_time(row.updated_at),
    ]


def list_table(session: Session, query: RecordQuery, *, full_nik: bool, language: str, lines: list[str]) -> Table:
    return Table(labels.tr(labels.LIST_TITLE, language), labels.tr(labels.PERSONAL_DATA_SHORT, language), lines, [labels.tr(h, language) for h in labels.LIST_HEADERS],
                 list(labels.LIST_WIDTHS), list_rows(session, query, full_nik=full_nik, language=language),
                 record_views.count(session, query), nik_column=labels.LIST_HEADERS.index("NIK"))


@dataclass(frozen=True)
class RecapLine:
    village_code: str | None
    kind: str
    counts: dict[str, int]  # status -> how many

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The month's first and the next month's first local midnight, in the naive UTC timestamps are stored in."""
    first = month.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return record_views.local_midnight_utc(first), record_views.local_midnight_utc(following)


def recap(session: Session, month: date, *, owner_id: str | None) -> list[RecapLine]:
    """Registrations taken (created) in ``month`` on this laptop, per village × service × status as it is now;
    by village code, then in the registry's order of services."""
    start, end = month_bounds(month)
    query = (select(Registration.village_code, Registration.kind, Registration.status, func.count())
             .where(Registration.created_at >= start, Registration.created_at < end)
             .group_by(Registration.village_code, Registration.kind, Registration.status))
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    grouped: dict[tuple[str | None, str], dict[str, int]] = {}
    for village, kind, state, n in session.execute(query):
        grouped.setdefault((village, kind), {})[state] = n
    order = {key: i for i, key in enumerate(KINDS)}
    keys = sorted(grouped, key=lambda k: (k[0] is None, k[0] or "", order.get(k[1], len(order)), k[1]))
    return [RecapLine(village, kind, grouped[(village, kind)]) for village, kind in keys]


def recap_table(session: Session, month: date, *, owner_id: str | None, language: str, lines: list[str]) -> Table:
    found = recap(session, month, owner_id=owner_id)
    places = Places(regions_of(session), language)
    statuses = list(status.STATUSES)
    headers = [labels.tr(h, language) for h in labels.RECAP_PLACE_HEADERS]
    headers += [labels.status_text("", s, None, language) for s in statuses] + [labels.tr(labels.TOTAL, language)]

    def rows() -> Iterator[list[Cell]]:
        for line in found:
            village, district, regency = places.village_row(line.village_code)
            yield [regency, district, village, line.village_code or "", labels.kind_title(line.kind, language),
                   *[line.counts.get(s, 0) for s in statuses], line.total]

    footer: list[Cell] = [labels.tr(labels.TOTAL, language), "", "", "", "",
                          *[sum(line.counts.get(s, 0) for line in found) for s in statuses],
                          sum(line.total for line in found)]
    title = labels.tr(labels.RECAP_TITLE, language).format(month=labels.month_label(month, language))
    return Table(title, labels.tr(labels.PERSONAL_DATA_SHORT, language), lines, headers, [*labels.RECAP_PLACE_WIDTHS, *[14] * len(statuses), 10], rows(), len(found),
                 footer=footer)
