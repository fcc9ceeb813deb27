"""Whose records a role sees (app.visibility), without Qt: the rule the records list, follow-ups, Home and the sync
pages share."""

from datetime import date, datetime

from app import auth, record_views, registrations, status
from app.auth import Actor
from app.visibility import owner_filter, sees_everyone

NOW = datetime(2026, 11, 2, 8, 0)


def _actor(role: str) -> Actor:
    return Actor("u-1", "someone", "Someone", role, "device-1")


def test_an_officer_sees_their_own_supervisors_and_admins_everyones():
    assert owner_filter(_actor("officer")) == "u-1"
    assert owner_filter(_actor("supervisor")) is None
    assert owner_filter(_actor("admin")) is None
    assert not sees_everyone(_actor("officer")) and sees_everyone(_actor("supervisor"))


def test_an_unknown_role_sees_only_its_own():
    assert owner_filter(_actor("central")) == "u-1"


def test_home_counts_what_waits_by_the_same_rule(workspace, officer):
    with workspace.transaction() as s:
        other = auth.create_user(s, username="budi", full_name="Budi", password="rahasia123", role="officer", now=NOW)
        boss = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor", now=NOW)
        budi = Actor(other.id, other.username, other.full_name, other.role, workspace.device_id)
        ani = Actor(boss.id, boss.username, boss.full_name, boss.role, workspace.device_id)
        for actor in (officer, budi):
            reg = registrations.create_draft(s, actor=actor, kind="ektp", now=NOW, data={"name": actor.full_name})
            s.flush()
            registrations.transition(s, actor=actor, registration_id=reg.id, action="submit", now=NOW)
        assert registrations.count(s, state=status.SUBMITTED, owner_id=owner_filter(officer)) == 1
        assert record_views.home_counts(s, actor=officer, today=date(2026, 11, 2)).waiting == 1
        assert record_views.home_counts(s, actor=ani, today=date(2026, 11, 2)).waiting == 2
