"""A supervisor approves a record or sends it back with a comment; an officer sees no such buttons."""

from datetime import date, datetime

import pytest

from app import auth, registrations as regs
from app.settings import Settings
from ui.context import Changes, UiContext
from ui.records.detail import RecordDetailPage
from ui.common.tasks import TaskRunner

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def submitted(workspace, officer):
    from bench.realistic import person
    import random

    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                data=person(random.Random(5), "16.03.07.1001", date.today()))
        issues = regs.submit(s, actor=officer, registration_id=reg.id, now=T0, today=date.today(),
                             regions=workspace.regions)
        assert not [i for i in issues if i.severity == "error"]
        return reg.id


def page_for(qtbot, workspace, actor, tmp_path, rid):
    ctx = UiContext(workspace=workspace, actor=actor, runner=TaskRunner(synchronous=True),
                    settings=Settings(language="en"), data_dir=tmp_path, changes=Changes())
    page = RecordDetailPage(ctx, rid)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def supervisor(workspace):
    with workspace.transaction() as s:
        user = auth.create_user(s, username="ani", full_name="Ani", password="rahasia123", role="supervisor", now=T0)
        return auth.Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)


def test_officer_sees_no_review_buttons(qtbot, workspace, officer, submitted, tmp_path):
    page = page_for(qtbot, workspace, officer, tmp_path, submitted)
    assert page.review.isHidden()


def test_supervisor_sends_back_only_with_a_comment_then_officer_can_edit(qtbot, workspace, supervisor, submitted,
                                                                         tmp_path):
    page = page_for(qtbot, workspace, supervisor, tmp_path, submitted)
    assert not page.review.isHidden()
    page.review.return_button.click()
    assert not page.review.message.isHidden()  # no comment: refused with a reason
    with workspace.transaction() as s:
        assert regs.get(s, submitted).status == "submitted"
    qtbot.keyClicks(page.review.comment, "RT/RW tidak sesuai KK")
    page.review.return_button.click()
    with workspace.transaction() as s:
        reg = regs.get(s, submitted)
        assert (reg.status, reg.review_comment, reg.sync_state) == ("returned", "RT/RW tidak sesuai KK", "pending")
    assert page.review.isHidden()  # reloaded: nothing left to decide
    assert "RT/RW tidak sesuai KK" in page.comment.text()


def test_supervisor_approves(qtbot, workspace, supervisor, submitted, tmp_path):
    page = page_for(qtbot, workspace, supervisor, tmp_path, submitted)
    page.review.approve_button.click()
    with workspace.transaction() as s:
        assert regs.get(s, submitted).status == "approved"
        assert [e.action for e in regs.history(s, submitted)][-1] == "approve"
