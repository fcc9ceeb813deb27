"""What the sync status bar and page read (app.sync_views), and the other read-models that cross to the UI thread
as named values, without Qt."""

from datetime import datetime

from app import auth, record_views, registrations, sync_views
from app.auth import Actor
from app.follow_up import visit_record
from db.models import SyncLog

NOW = datetime(2026, 11, 2, 8, 0)


def _submitted(session, actor, name):
    reg = registrations.create_draft(session, actor=actor, kind="ektp", now=NOW, data={"name": name})
    session.flush()
    registrations.transition(session, actor=actor, registration_id=reg.id, action="submit", now=NOW)
    return reg


def test_the_status_counts_what_waits_by_whose_records_the_actor_sees(workspace, officer):
    with workspace.transaction() as s:
        boss = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor", now=NOW)
        ani = Actor(boss.id, boss.username, boss.full_name, boss.role, workspace.device_id)
        _submitted(s, officer, "Siti's")
        _submitted(s, ani, "Ani's")
        s.add(SyncLog(started_at=NOW, finished_at=NOW, username="siti", result="ok", accepted=1, duplicates=2))
        s.add(SyncLog(started_at=NOW.replace(hour=9), username="siti", result="offline"))
    with workspace.transaction() as s:
        mine, all_of_them = sync_views.sync_status(s, actor=officer), sync_views.sync_status(s, actor=ani)
        runs = sync_views.sync_lists(s, actor=officer).runs
    assert (mine.pending, all_of_them.pending) == (1, 2)
    assert mine.actor == officer and not mine.enrolled and mine.server_url is None
    assert mine.last_ok == NOW  # the last run that went through, not the newest
    assert [(r.result, r.accepted) for r in runs] == [("offline", 0), ("ok", 3)]


def test_the_record_page_and_the_visit_dialog_read_named_values(workspace, officer):
    with workspace.transaction() as s:
        reg = registrations.create_draft(s, actor=officer, kind="ektp", now=NOW,
                                         data={"nik": "1603054506900003", "name": "RINA"})
        s.flush()
        detail = record_views.load_detail(s, reg.id)
        visit = visit_record(s, registration_id=reg.id)
    assert detail.person_id == reg.person_id is not None
    assert (visit.kind, visit.patient_name, visit.data["name"], visit.due_action) == ("ektp", "RINA", "RINA", None)
