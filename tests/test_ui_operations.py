"""ui/common/operations.py: an app function run in a transaction off the UI thread, its error shown, its changes
announced."""

from dataclasses import dataclass
from datetime import datetime

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QWidget

from app import errors, registrations
from db.models import Registration
from ui.common.operations import operation, query

T0 = datetime(2026, 11, 2, 9, 0)


@dataclass(frozen=True)
class Saved:
    changed_ids: tuple[str, ...]


class Answers:
    def __init__(self):
        self.calls = []

    def __call__(self, result=None, error=None):
        self.calls.append((result, error))


@pytest.fixture
def announced(ctx):
    ids = []
    ctx.changes.registrations_changed.connect(ids.append)
    return ids


def draft(session, officer):
    return registrations.create_draft(session, actor=officer, kind="ektp", now=T0, data={"name": "RINA"})


def test_a_query_answers_on_done_and_announces_nothing(ctx, officer, announced):
    answers = Answers()
    query(ctx, lambda session: session.query(Registration).count(), answers)
    assert answers.calls == [(0, None)]
    assert announced == []


def test_an_operation_commits_and_announces_the_ids_it_returns(ctx, officer, announced):
    answers = Answers()
    operation(ctx, lambda session: [draft(session, officer).id], answers)
    [(ids, error)] = answers.calls
    assert error is None and announced == [ids]
    with ctx.workspace.transaction() as s:
        assert s.get(Registration, ids[0]) is not None


def test_an_object_with_changed_ids_is_announced_too_and_empty_changes_are_not(ctx, announced):
    operation(ctx, lambda session: Saved(("a", "b")))
    operation(ctx, lambda session: Saved(()))
    operation(ctx, lambda session: [])
    operation(ctx, lambda session: "not a list of ids")
    assert announced == [["a", "b"]]


def test_a_failed_operation_rolls_back_shows_its_text_in_the_label_and_tells_on_done(ctx, officer, announced):
    label, answers = QLabel(), Answers()
    label.hide()

    def fails(session):
        draft(session, officer)
        raise errors.NotAllowed(errors.MSG_NOT_ALLOWED)

    operation(ctx, fails, answers, on_error=label)
    [(result, error)] = answers.calls
    assert result is None and isinstance(error, errors.NotAllowed)
    assert label.text() == errors.NotAllowed(errors.MSG_NOT_ALLOWED).text("en") and not label.isHidden()
    assert announced == []
    with ctx.workspace.transaction() as s:
        assert s.query(Registration).count() == 0


def test_any_error_becomes_plain_text_for_a_callable(ctx):
    said = []
    query(ctx, lambda session: 1 / 0, on_error=said.append)
    assert len(said) == 1 and "ZeroDivisionError" in said[0]


def test_committed_runs_after_the_commit_and_not_after_a_failure(ctx, officer):
    seen = []

    def committed(result):
        with ctx.workspace.transaction() as s:  # a second connection sees the row: it is committed
            seen.append(s.get(Registration, result[0]) is not None)

    operation(ctx, lambda session: [draft(session, officer).id], committed=committed)
    operation(ctx, lambda session: 1 / 0, committed=committed)
    assert seen == [True]


def test_a_closed_view_gets_no_answer_but_the_change_is_still_announced(ctx, officer, announced, qapp):
    answers = Answers()

    class Page(QWidget):
        def done(self, result=None, error=None):
            answers(result, error)

    page = Page()
    done = page.done
    shiboken6.delete(page)  # the officer closed the page while its save ran
    operation(ctx, lambda session: [draft(session, officer).id], done)
    assert answers.calls == [] and len(announced) == 1
