"""The dashboard's figures (app.dashboard) on a real SQLite workspace with records whose numbers are known."""

from datetime import date, datetime, timedelta

import pytest

from app import auth, registrations
from app.auth import Actor
from app.dashboard import DAYS, dashboard
from db.models import SyncConflict, SyncLog

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 5, 0)  # naive UTC: 12:00 WIB
WIB = timedelta(hours=7)


def _village(workspace, n: int) -> list[str]:
    codes = []
    for regency in workspace.regions.regencies("16"):
        for district in workspace.regions.districts(regency.code):
            codes += [v.code for v in workspace.regions.villages(district.code)]
            if len(codes) >= n:
                return codes[:n]
    return codes


def _user(session, workspace, username: str, role: str) -> Actor:
    user = auth.create_user(session, username=username, full_name=username.title(), password="rahasia123",
                            role=role, now=NOW - timedelta(days=90))
    return Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)


def _record(session, actor, kind="ektp", *, at=NOW, village=None, submit_at=None, data=None):
    values = {"name": "WARGA", **({"village_code": village} if village else {}), **(data or {})}
    reg = registrations.create_draft(session, actor=actor, kind=kind, now=at, data=values)
    session.flush()
    if submit_at is not None:
        registrations.transition(session, actor=actor, registration_id=reg.id, action="submit", now=submit_at)
        reg.submitted_at = submit_at
    return reg


@pytest.fixture
def team(workspace, officer):
    """Siti (the fixture's officer) and Budi, officers, and Ani their supervisor, with known records."""
    a, b = _village(workspace, 2)
    with workspace.transaction() as s:
        budi = _user(s, workspace, "budi", "officer")
        ani = _user(s, workspace, "ani", "supervisor")
        # Siti: 3 e-KTP today (local), one yesterday, one 40 days ago (outside the chart); 2 in village a.
        _record(s, officer, at=NOW, village=a)
        _record(s, officer, at=NOW - timedelta(hours=1), village=a, submit_at=NOW - timedelta(hours=2))
        _record(s, officer, at=NOW - timedelta(hours=2), submit_at=NOW - timedelta(days=2))
        _record(s, officer, at=NOW - timedelta(days=1), village=b, submit_at=NOW - timedelta(days=5))
        _record(s, officer, at=NOW - timedelta(days=40), village=b, submit_at=NOW - timedelta(days=10))
        # 23:30 UTC the day before is 06:30 WIB today: counted today on the laptop's calendar.
        _record(s, officer, "birth", at=datetime(2026, 11, 29, 23, 30), data={"child_name": "BAYI"})
        # Budi: one overdue referral (a cataract screening), one birth 3 days ago.
        _record(s, budi, "cataract", at=NOW - timedelta(days=3), village=a,
                data={"patient_name": "NENEK", "referred": True, "referral_date": "2026-11-01",
                      "surgery_scheduled_date": "2026-11-20"})
        _record(s, budi, "birth", at=NOW - timedelta(days=3), data={"child_name": "BAYI"})
        s.add(SyncLog(started_at=NOW - timedelta(days=9, minutes=5), finished_at=NOW - timedelta(days=9),
                      user_id=budi.user_id, username="budi", result="ok"))
        s.add(SyncLog(started_at=NOW - timedelta(days=1), finished_at=NOW - timedelta(days=1),
                      user_id=budi.user_id, username="budi", result="offline"))
    return {"siti": officer, "budi": budi, "ani": ani, "villages": (a, b)}


def _figures(workspace, actor):
    with workspace.transaction() as s:
        return dashboard(s, actor=actor, now=NOW, today=TODAY, regions=workspace.regions, utc_offset=WIB)


def test_registrations_per_day_by_service_on_the_local_calendar(workspace, team):
    board = _figures(workspace, team["ani"])
    assert len(board.days) == DAYS and board.days[-1] == TODAY and board.days[0] == TODAY - timedelta(days=29)
    per = {series.kind: series.counts for series in board.per_day}
    assert list(per) == ["ektp", "birth", "cataract", "complaint"]
    assert per["ektp"][-1] == 3 and per["ektp"][-2] == 1 and sum(per["ektp"]) == 4  # the 40-day-old one is out
    assert per["birth"][-1] == 1 and per["birth"][-4] == 1
    assert per["cataract"][-4] == 1 and sum(per["complaint"]) == 0


def test_counts_by_status_village_and_officer(workspace, team):
    board = _figures(workspace, team["ani"])
    assert board.total == 8
    assert {c.label: c.count for c in board.by_status} == {"Draft": 4, "Waiting for supervisor": 4}
    a, b = team["villages"]
    assert [(c.key, c.count) for c in board.by_village] == [(a, 3), (b, 2)]
    assert board.by_village[0].label == workspace.regions.get(a).name
    assert board.other_villages == 3
    assert [(c.label, c.count) for c in board.by_officer] == [("Siti Aminah", 6), ("Budi", 2)]


def test_backlog_by_age_and_overdue_follow_ups(workspace, team):
    board = _figures(workspace, team["ani"])
    assert [(c.key, c.count) for c in board.backlog] == [("under_1", 1), ("1_to_3", 1), ("3_to_7", 1),
                                                          ("over_7", 1)]
    assert board.overdue_follow_ups == 1


def test_an_officer_sees_only_their_own(workspace, team):
    board = _figures(workspace, team["budi"])
    assert not board.everyone and board.total == 2
    assert [(c.label, c.count) for c in board.by_officer] == [("Budi", 2)]
    assert board.overdue_follow_ups == 1 and sum(c.count for c in board.backlog) == 0
    assert [o.name for o in board.officers] == ["Budi"]
    siti = _figures(workspace, team["siti"])
    assert siti.total == 6 and siti.overdue_follow_ups == 0 and sum(c.count for c in siti.backlog) == 4


def test_age_of_each_officers_data(workspace, team):
    with workspace.transaction() as s:
        _user(s, workspace, "dewi", "officer")  # an account on this laptop with no record yet
    board = _figures(workspace, team["ani"])
    ages = {o.name: o for o in board.officers}
    assert set(ages) == {"Siti Aminah", "Budi", "Dewi"}  # the supervisor herself owns nothing: not listed
    assert ages["Budi"].last_sync == NOW - timedelta(days=9)  # the offline run does not count
    assert ages["Budi"].days_since == 3  # his newest record here is newer than his last sync
    assert ages["Budi"].records == 2 and ages["Budi"].waiting_to_send == 0  # drafts are not waiting
    assert ages["Siti Aminah"].last_sync is None and ages["Siti Aminah"].days_since == 0
    assert ages["Siti Aminah"].waiting_to_send == 4
    assert ages["Dewi"].days_since is None and ages["Dewi"].records == 0
    assert [o.name for o in board.officers] == ["Dewi", "Budi", "Siti Aminah"]  # the stalest first


def test_a_record_held_by_an_open_conflict_is_not_counted_as_waiting_to_be_sent(workspace, team):
    with workspace.transaction() as s:
        held = registrations.search(s, owner_id=team["siti"].user_id, state="submitted", limit=1)[0]
        s.add(SyncConflict(registration_id=held.id, server_version=1, server_copy={}, device_copy={},
                           detected_at=NOW))
    ages = {o.name: o for o in _figures(workspace, team["ani"]).officers}
    assert ages["Siti Aminah"].waiting_to_send == 3


def test_an_empty_laptop(workspace, officer):
    board = _figures(workspace, officer)
    assert board.total == 0 and board.by_status == () and board.by_village == () and board.other_villages == 0
    assert all(sum(s.counts) == 0 for s in board.per_day) and board.overdue_follow_ups == 0
    assert [(o.name, o.days_since) for o in board.officers] == [("Siti Aminah", None)]
