"""What the records screens show, without Qt: a search result loaded a page at a time, one record with its history,
and the officer's counts for today. The Qt models in ui/ are thin adapters over these, so all of it is tested
without a display.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app import history_labels, record_changes, registrations, review, status
from app.i18n import translate
from app.auth import Actor
from app.registration_number import registration_number
from app.reference.regions import Regions, regions_of
from app.registrations import HistoryEntry, RecordRow
from app.visibility import owner_filter
from db.models import Registration

PAGE_SIZE = 200


@dataclass(frozen=True)
class RecordQuery:
    """What the officer typed and picked above the list; empty means everything."""

    text: str = ""
    kind: str | None = None
    state: str | None = None
    owner_id: str | None = None
    # any region code: a kecamatan or regency selects every village under it
    village: str | None = None


@dataclass(frozen=True)
class ListRow:
    """A search row plus the village name, looked up once when the page loads rather than on every repaint."""

    row: RecordRow
    village_name: str


def fetch_page(session: Session, query: RecordQuery, offset: int, limit: int) -> list[ListRow]:
    rows = registrations.search(session, text=query.text, kind=query.kind, state=query.state,
                                owner_id=query.owner_id, village=query.village, offset=offset, limit=limit)
    found = regions_of(session)
    return [ListRow(r, village_name(r.village_code, found)) for r in rows]


def count(session: Session, query: RecordQuery) -> int:
    return registrations.count(session, text=query.text, kind=query.kind, state=query.state,
                               owner_id=query.owner_id, village=query.village)


def village_name(code: str | None, regions: Regions) -> str:
    if not code:
        return ""
    region = regions.get(code)
    return region.name if region else code


@dataclass
class RecordPages:
    """The rows of one search loaded so far. Loading runs elsewhere (a worker); this only keeps the bookkeeping:
    which page comes next, whether the end was reached, and whether an answer still belongs to the current
    search (``generation`` goes up on every new search, so a late page of an old search is dropped)."""

    page_size: int = PAGE_SIZE
    query: RecordQuery = field(default_factory=RecordQuery)
    rows: list[ListRow] = field(default_factory=list)
    exhausted: bool = False
    loading: bool = False
    generation: int = 0

    def reset(self, query: RecordQuery) -> int:
        self.query = query
        self.rows = []
        self.exhausted = False
        self.loading = False
        self.generation += 1
        return self.generation

    def can_fetch_more(self) -> bool:
        return not self.exhausted and not self.loading

    def next_request(self) -> tuple[int, RecordQuery, int, int]:
        """(generation, query, offset, limit) for the next page; marks a load as under way."""
        self.loading = True
        return self.generation, self.query, len(self.rows), self.page_size

    def accept(self, generation: int, offset: int, rows: list[ListRow]) -> bool:
        """Takes a loaded page if it still belongs to this search and starts where the list ends."""
        if generation != self.generation or offset != len(self.rows):
            return False
        self.loading = False
        self.rows.extend(rows)
        self.exhausted = len(rows) < self.page_size
        return True

    def failed(self, generation: int) -> None:
        if generation == self.generation:
            self.loading = False
            # Not exhausted: scrolling again retries.

    def reload_request(self) -> tuple[int, RecordQuery, int]:
        """(generation, query, limit) to reload what is shown after a change, at least one page."""
        self.generation += 1
        self.loading = True
        return self.generation, self.query, max(len(self.rows), self.page_size)

    def accept_reload(self, generation: int, rows: list[ListRow], limit: int) -> bool:
        if generation != self.generation:
            return False
        self.loading = False
        self.rows = list(rows)
        self.exhausted = len(rows) < limit
        return True


@dataclass(frozen=True)
class Note:
    """A comment or status note someone else left on a record: what, who, when."""

    text: str
    by_name: str  # "" when the history does not say (a record from an older version)
    by_central: bool
    at: datetime | None


def latest_note(history: list[HistoryEntry], key: str, value: str | None) -> Note | None:
    """Who set ``key`` (review_comment, status_note) to its current ``value``, from the history."""
    if not value:
        return None
    for entry in reversed(history):
        change = entry.changes.get(key)
        if isinstance(change, list) and len(change) == 2 and change[1] == value:
            return Note(value, entry.user_name, entry.by_central, entry.at)
    return Note(value, "", False, None)


@dataclass(frozen=True)
class RecordDetail:
    id: str
    kind: str
    status: str
    data: dict
    review_comment: str | None
    owner_name: str
    created_at: datetime
    updated_at: datetime
    version: int
    history: list[HistoryEntry]
    # whom the record is about (the child of a birth, the patient of a screening), as the records list shows
    subject_name: str = ""
    review_note: Note | None = None  # the supervisor's (or the server's) comment on a returned record
    central_note: Note | None = None  # central staff's note with the status, e.g. "KTP sudah dicetak"
    waiting_to_send: bool = False
    on_server: bool = False
    person_id: str | None = None  # the subject's person, for their page and their documents
    stage: str | None = None  # the service's step central reported (``KindSpec.stages``)
    # (key, at the last return, now) of every field the officer changed since: for the supervisor's next look
    since_return: list[tuple[str, object, object]] = field(default_factory=list)
    remote_files: int = 0  # files of it on the server, not on this laptop (a team member's record for review)


def changed_since_return(history: list[HistoryEntry]) -> list[tuple[str, object, object]]:
    """What the officer changed in the form since the record was last sent back, as (field key, value at the
    return, value now), in form-key order: what the supervisor looks at before deciding again. Empty when it was
    never returned, or nothing changed."""
    returns = [n for n, entry in enumerate(history) if entry.action == "return"]
    if not returns:
        return []
    first: dict[str, object] = {}
    last: dict[str, object] = {}
    for entry in history[returns[-1] + 1:]:
        if entry.action not in ("edit", "follow_up", "received"):  # typed here, or the officer's copy received
            continue
        for key, (old, new) in entry.changes.items():
            if history_labels.form_key(key) is None:  # the status, a comment: not the form
                continue
            first.setdefault(key, old)
            last[key] = new
    return [(key, first[key], last[key]) for key in sorted(last) if first[key] != last[key]]


def load_detail(session: Session, registration_id: str) -> RecordDetail:
    """Everything the detail view shows, copied out so that it outlives the session."""
    reg = registrations.get(session, registration_id)
    history = registrations.history(session, reg.id)
    return RecordDetail(reg.id, reg.kind, reg.status, dict(reg.data or {}), reg.review_comment, reg.owner.full_name,
                        reg.created_at, reg.updated_at, reg.version, history, reg.subject_name,
                        latest_note(history, "review_comment", reg.review_comment),
                        latest_note(history, "status_note", reg.status_note),
                        record_changes.is_waiting(reg.status, reg.version, reg.synced_version), reg.server_version > 0,
                        reg.person_id, reg.stage, changed_since_return(history), len(reg.remote_files or ()))


def review_note(session: Session, registration_id: str, language: str = "id") -> Note | None:
    """What the officer must correct on a returned record, and who asked; None for any other status."""
    reg = registrations.get(session, registration_id)
    if reg.status != status.RETURNED:
        return None
    history = registrations.history(session, reg.id)
    note = latest_note(history, "review_comment", reg.review_comment)
    if note is None and reg.review_details:
        # Sent back with reasons and field comments only: the note is who and when, its words are the reasons.
        # The return itself: taken here ("return") or pulled from the server (a "status" change to returned).
        entry = next((e for e in reversed(history) if e.action == "return"
                      or (e.changes.get("status") or [None, None])[-1] == status.RETURNED), None)
        reasons = ", ".join(translate(review.CONTEXT, review.REASONS[code], language)
                            for code in review.reasons_of(reg.review_details))
        note = Note(reasons, entry.user_name if entry else "", bool(entry and entry.by_central),
                    entry.at if entry else None)
    return note


@dataclass(frozen=True)
class Numbered:
    """A record as the confirmation after sending it names it: the number the citizen quotes."""

    registration_id: str
    number: str
    kind: str
    subject_name: str


def numbered(session: Session, registration_ids: list[str]) -> list[Numbered]:
    out = []
    for rid in registration_ids:
        reg = registrations.get(session, rid)
        out.append(Numbered(reg.id, registration_number(reg.id, reg.kind, reg.created_at), reg.kind,
                            reg.subject_name))
    return out


@dataclass(frozen=True)
class CentralUpdate:
    """A record whose service moved on at central ("KTP sudah dicetak"), for the officer's home page."""

    registration_id: str
    kind: str
    status: str
    subject_name: str
    note: str
    at: datetime
    stage: str | None = None


def central_updates(session: Session, *, owner_id: str | None, limit: int = 5) -> list[CentralUpdate]:
    """The newest status notes from central on these records (everyone's for None), newest first."""
    query = (select(Registration).where(or_(and_(Registration.status_note.is_not(None), Registration.status_note != ""),
                                            Registration.stage.is_not(None)))
             .order_by(Registration.updated_at.desc()).limit(limit))
    if owner_id:
        query = query.where(Registration.owner_id == owner_id)
    return [CentralUpdate(r.id, r.kind, r.status, r.subject_name, r.status_note or "", r.updated_at, r.stage)
            for r in session.scalars(query)]


@dataclass(frozen=True)
class HomeCounts:
    drafts: int
    waiting: int
    submitted_today: int
    my_drafts: list[RecordRow]
    # returned record id -> what the supervisor or the server asked to correct
    comments: dict[str, str] = field(default_factory=dict)
    from_central: list[CentralUpdate] = field(default_factory=list)
    returned: int = 0  # of the drafts, those the supervisor sent back: someone waits for the correction


def home_counts(session: Session, *, actor: Actor, today: date, drafts_shown: int = 20) -> HomeCounts:
    """The officer's own drafts (returned ones included: both wait for them), what waits for a supervisor (all of
    it for a supervisor, their own for an officer) and what they submitted since local midnight."""
    own = actor.user_id
    waiting_owner = owner_filter(actor)
    returned_count = registrations.count(session, state=status.RETURNED, owner_id=own)
    drafts = registrations.count(session, state=status.DRAFT, owner_id=own) + returned_count
    waiting = registrations.count(session, state=status.SUBMITTED, owner_id=waiting_owner)
    since = local_midnight_utc(today)
    submitted_today = session.scalar(
        select(func.count()).select_from(Registration)
        .where(Registration.owner_id == own, Registration.submitted_at >= since))
    returned = registrations.search(session, state=status.RETURNED, owner_id=own, limit=drafts_shown)
    plain = registrations.search(session, state=status.DRAFT, owner_id=own, limit=drafts_shown)
    comments = dict(session.execute(select(Registration.id, Registration.review_comment)
                                    .where(Registration.id.in_([r.id for r in returned]))).all())
    # Returned records first: someone is waiting for the correction.
    return HomeCounts(drafts, waiting, submitted_today, (returned + plain)[:drafts_shown],
                      {rid: text for rid, text in comments.items() if text},
                      central_updates(session, owner_id=waiting_owner), returned_count)


def local_midnight_utc(day: date) -> datetime:
    """Start of the laptop's local calendar day in naive UTC, the form timestamps are stored in."""
    return datetime.combine(day, time()).astimezone().astimezone(timezone.utc).replace(tzinfo=None)


def local_time(moment: datetime) -> datetime:
    """A stored naive-UTC timestamp as the laptop's local time, for display."""
    return moment.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)

