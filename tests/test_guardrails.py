"""The province's guardrails on the laptop (app.guardrails), without Qt: counting from the real local database and
the block of new registrations, which leaves drafts, corrections, receipts and the sync alone."""

from datetime import date, datetime, timedelta

import pytest

from app import auth, errors, form_service, guardrails, record_changes, registrations, status
from app.guardrails import Limits
from app.kinds.birth import group
from app.receipt_views import receipt_for
from app.reference.regions import shipped_regions
from db.models import Registration, SyncLog
from sample_records import valid_birth

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 9, 0)
R = shipped_regions()
VALID = valid_birth(born=TODAY - timedelta(days=10))


def save(session, actor, *, registration_id=None, expected_version=None, data=VALID, submit=False):
    return form_service.save_form(session, actor=actor, kind="birth", registration_id=registration_id,
                                  expected_version=expected_version, data=data, submit=submit, now=NOW,
                                  today=TODAY, regions=R)


def submitted(session, actor, n=1) -> list[str]:
    ids = []
    for _ in range(n):
        saved = save(session, actor, submit=True)
        assert saved.status == status.SUBMITTED, saved.issues
        ids.append(saved.id)
    return ids


def handed_over(session, ids) -> None:
    """What an accepted push does to a record: the server holds this version."""
    for rid in ids:
        reg = session.get(Registration, rid)
        record_changes.acknowledged(session, reg, sent_version=reg.version, server_version=1)


def synced(session, actor, at) -> None:
    session.add(SyncLog(started_at=at, finished_at=at, user_id=actor.user_id, username=actor.username, result="ok"))


def counts(session, actor, now=NOW) -> dict:
    return {g.key: (g.count, g.left, g.blocked) for g in guardrails.state(session, actor=actor, now=now).guardrails}


@pytest.fixture
def supervisor(workspace):
    with workspace.transaction() as s:
        user = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor",
                                now=NOW)
        return auth.Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)


def test_no_limits_no_guardrails_and_nothing_blocked(workspace, officer):
    with workspace.transaction() as s:
        submitted(s, officer, 3)
        assert guardrails.state(s, actor=officer, now=NOW).guardrails == ()
        guardrails.check_new_registration(s, actor=officer, now=NOW)


def test_limits_are_stored_once_and_the_newest_replace_them(workspace):
    with workspace.transaction() as s:
        assert guardrails.stored_limits(s) == Limits()
        assert guardrails.store_limits(s, Limits(30, 50, 7, "2026-12-01T08:00:00Z"))
        assert not guardrails.store_limits(s, Limits(30, 50, 7, "2026-12-01T08:00:00Z"))
        assert guardrails.store_limits(s, Limits(0, 12, 0, "2026-12-01T09:00:00Z"))
    with workspace.transaction() as s:
        assert guardrails.stored_limits(s) == Limits(0, 12, 0, "2026-12-01T09:00:00Z")


def test_counts_are_the_users_own_and_only_set_limits_show(workspace, officer, supervisor):
    with workspace.transaction() as s:
        guardrails.store_limits(s, Limits(max_waiting_review=5, max_not_handed_over=4))
        ids = submitted(s, officer, 3)
        save(s, officer)  # a draft: neither waiting for review nor waiting to be sent
        submitted(s, supervisor, 2)  # someone else's records on the same laptop
        handed_over(s, ids[:1])
        assert counts(s, officer) == {"waiting_review": (3, 2, False), "not_handed_over": (2, 2, False)}
        assert counts(s, supervisor) == {"waiting_review": (2, 3, False), "not_handed_over": (2, 2, False)}


def test_close_to_a_limit_is_a_warning_before_the_block():
    assert guardrails.Guardrail("not_handed_over", 50, 39).close is False  # 11 left of 50
    assert guardrails.Guardrail("not_handed_over", 50, 40).close is True  # 10 left: 20 %
    assert guardrails.Guardrail("days_since_handover", 3, 2).close is True  # one left counts as close
    at_limit = guardrails.Guardrail("waiting_review", 5, 5)
    assert (at_limit.left, at_limit.blocked, at_limit.close) == (0, True, False)
    assert guardrails.Guardrail("waiting_review", 5, 9).left == 0


def test_at_the_limit_a_new_registration_is_refused_with_what_to_do(workspace, officer):
    with workspace.transaction() as s:
        guardrails.store_limits(s, Limits(max_not_handed_over=2))
        submitted(s, officer, 2)
        before = s.query(Registration).count()
    with pytest.raises(errors.NewRegistrationsBlocked) as refused, workspace.transaction() as s:
        save(s, officer, data={"child_name": "Baru"})
    assert "Sinkronkan dulu" in refused.value.text("id")
    assert "2" in refused.value.text("id")
    assert "Sync first" in refused.value.text("en")
    with pytest.raises(errors.NewRegistrationsBlocked), workspace.transaction() as s:
        group.save_multiple_birth(s, actor=officer, group_ids=(), shared=VALID,
                                  children=[{"child_name": "Putri"}, {"child_name": "Putra"}], submit=False,
                                  now=NOW, today=TODAY, regions=R)
    with workspace.transaction() as s:
        assert s.query(Registration).count() == before  # nothing half-made


def test_at_the_limit_drafts_corrections_and_receipts_go_on(workspace, officer, supervisor):
    with workspace.transaction() as s:
        draft = save(s, officer, data={"child_name": "Ahmad"})
        [to_correct] = submitted(s, officer, 1)
        registrations.transition(s, actor=supervisor, registration_id=to_correct, action="return", now=NOW,
                                 comment="Berat lahir salah")
        guardrails.store_limits(s, Limits(max_waiting_review=1))
        [waiting] = submitted(s, officer, 1)
        assert guardrails.state(s, actor=officer, now=NOW).blocked
    with workspace.transaction() as s:
        # The draft in progress is still saved, and sent.
        again = save(s, officer, registration_id=draft.id, expected_version=draft.version,
                     data={**VALID, "child_name": "Ahmad Fauzi"})
        assert registrations.get(s, draft.id).data["child_name"] == "Ahmad Fauzi"
        assert save(s, officer, registration_id=draft.id, expected_version=again.version,
                    submit=True).status == status.SUBMITTED
        # The returned record is still correctable and goes back to the supervisor.
        reg = registrations.get(s, to_correct)
        corrected = save(s, officer, registration_id=to_correct, expected_version=reg.version,
                         data={**VALID, "child_weight": "3,1"}, submit=True)
        assert corrected.status == status.SUBMITTED
        # The receipt of a record already sent still prints.
        assert receipt_for(s, registration_id=waiting, language="id").number.startswith("AKL-")


def test_a_sync_that_hands_records_over_lifts_the_block(workspace, officer):
    with workspace.transaction() as s:
        guardrails.store_limits(s, Limits(max_not_handed_over=2))
        ids = submitted(s, officer, 2)
        assert guardrails.state(s, actor=officer, now=NOW).blocked
        handed_over(s, ids)
        assert counts(s, officer) == {"not_handed_over": (0, 2, False)}
        assert save(s, officer, data={"child_name": "Baru"}).status == status.DRAFT


def test_days_since_the_last_handover(workspace, officer):
    with workspace.transaction() as s:
        guardrails.store_limits(s, Limits(max_days_since_handover=7))
        # Nothing on the laptop: nothing to hand over, no days counted.
        assert counts(s, officer) == {"days_since_handover": (0, 7, False)}
        submitted(s, officer, 1)  # made at NOW: days count from the first record until a sync
        assert counts(s, officer, NOW + timedelta(days=5)) == {"days_since_handover": (5, 2, False)}
        # A sync that failed is no hand-over; one that ended well is.
        s.add(SyncLog(started_at=NOW + timedelta(days=1), finished_at=NOW + timedelta(days=1),
                      user_id=officer.user_id, result="offline"))
        assert counts(s, officer, NOW + timedelta(days=7)) == {"days_since_handover": (7, 0, True)}
        with pytest.raises(errors.NewRegistrationsBlocked) as refused:
            guardrails.check_new_registration(s, actor=officer, now=NOW + timedelta(days=7))
        assert "7" in refused.value.text("id")
        synced(s, officer, NOW + timedelta(days=6, hours=23))
        assert counts(s, officer, NOW + timedelta(days=7)) == {"days_since_handover": (0, 7, False)}


def test_a_damaged_limits_row_blocks_nobody(workspace, officer):
    from db.models import Meta

    with workspace.transaction() as s:
        s.merge(Meta(key=guardrails.LIMITS_KEY, value="{not json"))
        assert guardrails.stored_limits(s) == Limits()
        guardrails.check_new_registration(s, actor=officer, now=NOW)
