"""The one place ui/ opens a database transaction: an app function run off the UI thread (Anki's ``QueryOp`` and
``CollectionOp``, in two functions).

``fn(session)`` is a Qt-free app call. It runs on the database worker inside ``Workspace.transaction()``; its
result comes back on the UI thread to ``on_done(result=None, error=None)``, the contract of ``ui.common.tasks``. An error
is also turned into text an officer can read and handed to ``on_error``: a label (shown with the text), a
callable taking the text, or nothing (then it is only logged, for views that show no error or decide themselves).
``on_done`` still gets the error, to undo what the view did while it waited (re-enable a button).

    query(ctx, lambda s: record_views.load_detail(s, rid), self._loaded, on_error=self.error)
    operation(ctx, lambda s: registrations.transition(s, ...), self._done, on_error=self._say)

An operation announces what it changed through ``ctx.changes.registrations_changed`` before ``on_done`` runs, even
when the view that asked has been closed since: ``fn`` returns the ids (a list) or an object with ``changed_ids``
(``app.form_service.FormSaved``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel

from app.workspace import Workspace
from ui.context import UiContext
from ui.i18n import error_text
from ui.common.tasks import Callback, TaskRunner, alive, call_back

log = logging.getLogger(__name__)
ErrorView = QLabel | Callable[[str], None] | None


class Database(Protocol):
    """What a query needs: a ``UiContext``, or a model built with only the workspace and the runner."""

    workspace: Workspace
    runner: TaskRunner


def query(ctx: Database, fn: Callable[[Any], Any], on_done: Callback | None = None, *,
          on_error: ErrorView = None) -> None:
    """Reads with ``fn(session)`` on the database worker; ``on_done`` gets the answer on the UI thread."""
    _run(ctx, fn, _answer(ctx, on_done, on_error))


def operation(ctx: UiContext, fn: Callable[[Any], Any], on_done: Callback | None = None, *, on_error: ErrorView = None,
              committed: Callable[[Any], None] | None = None) -> None:
    """Writes with ``fn(session)`` and announces the ids it returns. ``committed(result)`` runs on the worker
    once the transaction is committed, before any later database task: for state that the next queued
    operation reads (the version a form's next save must name)."""
    answer = _answer(ctx, on_done, on_error)

    def announce_then_answer(result=None, error=None) -> None:
        ids = _changed_ids(result) if error is None else ()
        if ids:
            ctx.changes.registrations_changed.emit(ids)
        answer(result=result, error=error)

    _run(ctx, fn, announce_then_answer, committed)


def _changed_ids(result: Any) -> list[str]:
    if isinstance(result, list):
        return result
    return list(getattr(result, "changed_ids", ()))


def _run(ctx: Database, fn, callback: Callback, committed=None) -> None:
    workspace = ctx.workspace

    def work():
        with workspace.transaction() as session:
            result = fn(session)
        if committed is not None:
            committed(result)
        return result

    ctx.runner.run_db(work, callback)


def _answer(ctx: Database, on_done: Callback | None, on_error: ErrorView) -> Callback:
    def answer(result=None, error=None) -> None:
        if error is not None:
            _show_error(ctx, error, on_error)
        if on_done is not None:
            call_back(on_done, result, error)

    return answer


def _show_error(ctx: Database, error: BaseException, on_error: ErrorView) -> None:
    if on_error is None:
        log.info("database task failed, shown by its view or nowhere: %r", error)
        return
    if not alive(on_error):
        return
    text = error_text(error, ctx.settings.language)
    if isinstance(on_error, QLabel):
        on_error.setText(text)
        on_error.show()
    else:
        on_error(text)
