"""The dashboard's figures: what an officer (their own records) or a supervisor (everyone's on this laptop) sees at a
glance, computed from the local database in a handful of grouped queries.

Qt-free and read-only: ``dashboard(session, ...)`` returns one frozen ``Dashboard``. Labels are English sources
(services: context "Kinds"; statuses: context "Status") that the screen translates; villages come with their names.
Days are the laptop's calendar days (WIB in the field), not UTC's, like everything else an officer counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app import record_changes, status
from app.auth import Actor
from app.kinds import KINDS, status_source
from app.record_views import village_name
from app.visibility import owner_filter, sees_everyone
from db.models import Registration, SyncLog, User

DAYS = 30  # registrations per day over the last month
TOP_VILLAGES = 10
# Age of a record waiting for review, in days: (key, waited at least, waited less than); the screen labels them.
BACKLOG_BUCKETS = (("under_1", 0, 1), ("1_to_3", 1, 3), ("3_to_7", 3, 7), ("over_7", 7, None))


@dataclass(frozen=True)
class ServiceDays:
    kind: str
    title: str  # its short title, English source, context "Kinds"
    counts: tuple[int, ...]  # one per day of ``Dashboard.days``


@dataclass(frozen=True)
class Count:
    key: str  # a status label, a village code, a user id, a backlog bucket
    label: str  # what to show: a status label (English source, context "Status"), a village or officer name
    count: int


@dataclass(frozen=True)
class OfficerData:
    """How fresh this laptop's picture of one officer's work is.

    ``last_change``: the newest ``updated_at`` of their records held here, whoever made that change (the officer,
    a supervisor's decision, a status pulled from central). On a supervisor's laptop it says how recent the
    newest work of that officer is that reached this laptop; it cannot know what the officer did since on their
    own laptop. ``last_sync``: when this officer's last successful sync run from this laptop ended (the sync
    log), None if they never synced here (a supervisor's laptop sees its officers' records through its own
    sync, not theirs). ``days_since`` counts whole calendar days from the newer of the two to today."""

    user_id: str
    name: str
    records: int
    waiting_to_send: int  # not yet acknowledged by the server
    last_change: datetime | None  # naive UTC, as stored
    last_sync: datetime | None  # naive UTC
    days_since: int | None


@dataclass(frozen=True)
class Dashboard:
    everyone: bool  # a supervisor's or admin's view of every record on this laptop
    today: date
    total: int
    days: tuple[date, ...]  # the last ``DAYS`` local calendar days, oldest first, today last
    per_day: tuple[ServiceDays, ...]  # every registered service, in ``KINDS`` order
    by_status: tuple[Count, ...]  # most first
    by_village: tuple[Count, ...]  # the ``TOP_VILLAGES`` villages with the most records
    other_villages: int  # records of the other villages and of none
    by_officer: tuple[Count, ...]  # most first
    backlog: tuple[Count, ...]  # records waiting for a supervisor, by how long: one per ``BACKLOG_BUCKETS``
    overdue_follow_ups: int  # follow-up visits whose day has passed
    officers: tuple[OfficerData, ...]  # the stalest first


def dashboard(session: Session, *, actor: Actor, now: datetime, today: date, regions,
              utc_offset: timedelta | None = None) -> Dashboard:
    """The figures ``actor`` may see (``app.visibility``). ``now`` is naive UTC, as stored; ``today`` the local
    calendar day; ``utc_offset`` the laptop's time zone (the local one when not given), for counting per day."""
    owner = owner_filter(actor)
    offset = utc_offset if utc_offset is not None else _local_offset(now)
    mine = (lambda q: q.where(Registration.owner_id == owner)) if owner else (lambda q: q)

    days = tuple(today - timedelta(days=DAYS - 1 - i) for i in range(DAYS))
    since = datetime.combine(days[0], datetime.min.time()) - offset
    shift = f"{int(offset.total_seconds() // 60):+d} minutes"
    local_day = func.date(Registration.created_at, shift)
    per_kind = {kind: [0] * DAYS for kind in KINDS}
    index = {day.isoformat(): i for i, day in enumerate(days)}
    for kind, day, n in session.execute(mine(select(Registration.kind, local_day, func.count())
                                             .where(Registration.created_at >= since)
                                             .group_by(Registration.kind, local_day))):
        if kind in per_kind and day in index:
            per_kind[kind][index[day]] = n
    per_day = tuple(ServiceDays(kind, KINDS[kind].short_title or KINDS[kind].title, tuple(counts))
                    for kind, counts in per_kind.items())

    statuses: Counter[str] = Counter()
    for kind, state, stage, n in session.execute(
            mine(select(Registration.kind, Registration.status, Registration.stage, func.count())
                 .group_by(Registration.kind, Registration.status, Registration.stage))):
        statuses[status_source(kind, state, stage)] += n
    total = sum(statuses.values())
    by_status = tuple(Count(label, label, n) for label, n in statuses.most_common())

    villages = session.execute(mine(select(Registration.village_code, func.count().label("n"))
                                    .where(Registration.village_code.is_not(None))
                                    .group_by(Registration.village_code)
                                    .order_by(func.count().desc(), Registration.village_code)
                                    .limit(TOP_VILLAGES))).all()
    by_village = tuple(Count(code, village_name(code, regions), n) for code, n in villages)

    officers = _officers(session, owner=owner, mine=mine, today=today, offset=offset)
    by_officer = tuple(Count(o.user_id, o.name, o.records)
                       for o in sorted(officers, key=lambda o: (-o.records, o.name)) if o.records)

    waited = func.coalesce(Registration.submitted_at, Registration.updated_at)
    bucket = case(*[(waited > now - timedelta(days=high), key) for key, _low, high in BACKLOG_BUCKETS if high],
                  else_=BACKLOG_BUCKETS[-1][0])
    waiting = dict(session.execute(mine(select(bucket, func.count())
                                        .where(Registration.status == status.SUBMITTED).group_by(bucket))).all())
    backlog = tuple(Count(key, key, waiting.get(key, 0)) for key, _low, _high in BACKLOG_BUCKETS)

    follow_kinds = [key for key, spec in KINDS.items() if spec.follow_up_sections]
    overdue = session.scalar(mine(select(func.count()).select_from(Registration)
                                  .where(Registration.kind.in_(follow_kinds),
                                         Registration.due_date < today.isoformat())))

    return Dashboard(sees_everyone(actor), today, total, days, per_day, by_status, by_village,
                     total - sum(c.count for c in by_village), by_officer, backlog, overdue or 0, officers)


def _officers(session: Session, *, owner: str | None, mine, today: date, offset: timedelta
              ) -> tuple[OfficerData, ...]:
    """Every owner of a record seen here, and for a supervisor also the officer accounts with none yet."""
    # record_changes.waiting() less its "not in an open conflict", which would read every row instead of the
    # index ix_registrations_owner_sync alone; the few records held by a conflict are taken off after.
    sent = and_(Registration.status != status.DRAFT, Registration.version != Registration.synced_version)
    unsent = func.sum(case((sent, 1), else_=0))
    rows = session.execute(mine(select(Registration.owner_id, func.count(), unsent, func.max(Registration.updated_at))
                                .group_by(Registration.owner_id))).all()
    conflicted = list(session.scalars(record_changes.open_conflicts()))
    held = dict(session.execute(mine(select(Registration.owner_id, func.count())
                                     .where(sent, Registration.id.in_(conflicted))
                                     .group_by(Registration.owner_id))).all()) if conflicted else {}
    users = select(User.id, User.full_name, User.username)
    users = users.where(User.id == owner) if owner else users.where(
        (User.role == "officer") | User.id.in_([r[0] for r in rows]))
    names = {uid: full or username for uid, full, username in session.execute(users)}
    log = select(SyncLog.user_id, func.max(SyncLog.finished_at)).where(SyncLog.result == "ok",
                                                                       SyncLog.user_id.in_(list(names)))
    synced = dict(session.execute(log.group_by(SyncLog.user_id)).all())
    counts = {uid: (n, (waiting or 0) - held.get(uid, 0), newest) for uid, n, waiting, newest in rows}
    out = []
    for uid in set(names) | set(counts):
        n, waiting, newest = counts.get(uid, (0, 0, None))
        last_sync = synced.get(uid)
        known = [moment for moment in (newest, last_sync) if moment is not None]
        days_since = (today - (max(known) + offset).date()).days if known else None
        out.append(OfficerData(uid, names.get(uid, uid), n, waiting, newest, last_sync, days_since))
    # The stalest first: the officer whose data is oldest (or who has none) is whom a supervisor should call.
    out.sort(key=lambda o: (-(o.days_since if o.days_since is not None else 10**6), o.name))
    return tuple(out)


def _local_offset(now: datetime) -> timedelta:
    return now.replace(tzinfo=timezone.utc).astimezone().utcoffset() or timedelta(0)
