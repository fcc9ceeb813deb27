"""Saving, opening and sending a registration form: the part of ``RegistrationFormPage`` that talks to the
database worker. Kept apart so the page itself is only about widgets. What a save does is ``app.form_service``'s;
here only when to call it, on the worker, and what the page shows of its ``FormSaved``.

Autosave: when to save is ``ui.forms.autosave.AutosavePolicy``'s answer; here the save itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication

from app import form_service, status
from app.errors import NewRegistrationsBlocked
from app.form_service import FormOpened, FormSaved
from app.validation.issues import Issue
from ui.common.operations import operation, query

# The save and open callbacks below run on a closure's ``page``: ``page.tr`` there was filed by lupdate under a
# context "page" that no class has, so the birth and cataract forms said "Saved 07:24:07" in English. They name
# this module's context with QCoreApplication.translate instead.


class Saved:
    """Id and version of the stored record (and the applications of a multiple birth). Updated by the save job
    itself on the database worker, so a save queued before the previous one has reported back still sends the
    right ``expected_version``. A plain object, not a widget: the worker may touch it."""

    def __init__(self, registration_id: str | None):
        self.id = registration_id
        self.version: int | None = None
        self.group: tuple[str, ...] = ()

    def remember(self, result: FormSaved) -> None:
        """Only once committed: a failed save must leave the version the database still has, and no ids of
        records never stored."""
        self.id, self.version = result.id, result.version
        self.group = result.group_ids or self.group


@dataclass(frozen=True)
class SaveJob:
    """One save as the database worker runs it: ``call`` inside the transaction, ``committed`` once that is
    committed and before any later save starts (so that it names the new version)."""

    call: Callable[[Any], FormSaved]  # given the session
    committed: Callable[[FormSaved], None]


class FormSaving:
    """Mixed into ``RegistrationFormPage``; expects its ``ctx``, ``spec``, ``values()`` and status widgets."""

    def _edited(self) -> None:
        if self._finished:
            return
        self._dirty = True
        self._validate_timer.start()
        delay = self._autosave.edited(time.monotonic(), self.ctx.settings.autosave_seconds)
        self._save_timer.start(int(1000 * delay))

    def _left_field(self) -> None:
        if self._dirty:
            self.save_now()

    def save_now(self, then=None, *, force: bool = False) -> None:
        """Queues a save of what the widgets hold now; ``then()`` runs on the UI thread once it is stored.
        ``force`` stores a new record even before anything is typed (a photo is content too)."""
        self._save_timer.stop()
        self._autosave.saved()
        data = self.values()
        empty_new = self._saved.id is None and not self._has_content(data) and not force
        if self._finished or empty_new or not (self._dirty or then):
            if then is not None:
                then()
            return
        self._dirty = False
        self._set_state(self.tr("Saving…"))
        self._queue_save(data, then)

    def ensure_saved(self, then) -> None:
        """Calls ``then(id)`` once the record is stored: at once when it is, otherwise after saving the draft as
        autosave would. A photo or signature needs a record to belong to before the officer has typed much."""
        if self._saved.id is not None:
            then(self._saved.id)
            return

        def saved(result: FormSaved | None = None) -> None:
            if result is not None:
                then(result.id)

        self.save_now(then=saved, force=True)

    def save_call(self, data: dict, submit: bool):
        """The service call that stores ``data``, made on the UI thread when the save is queued: what it needs
        from the widgets is read now, so that a later edit cannot change a save already waiting and the worker
        never touches a widget. Only the record's id and version are read when it runs (``Saved``).
        A kind that stores one form as several records (twins) overrides this."""
        saved, actor, kind, regions = self._saved, self.ctx.actor, self.KIND, self.ctx.workspace.regions

        def call(session, now, today) -> FormSaved:
            return form_service.save_form(session, actor=actor, kind=kind, registration_id=saved.id,
                                          expected_version=saved.version, data=data, submit=submit, now=now,
                                          today=today, regions=regions)

        return call

    def _save_job(self, data: dict, submit: bool = False) -> SaveJob:
        """A seam as well: the crash test reports each committed save by wrapping ``committed``."""
        ws, call = self.ctx.workspace, self.save_call(data, submit)
        return SaveJob(lambda session: call(session, ws.now(), ws.today()), self._saved.remember)

    def _queue_save(self, data: dict, then, *, submit: bool = False) -> None:
        # The operation announces the records saved even when the page was closed meanwhile.
        job = self._save_job(data, submit)
        operation(self.ctx, job.call, self._save_callback(then), on_error=self._save_failed,
                  committed=job.committed)

    def _save_failed(self, text: str) -> None:
        self._dirty = True  # still to be saved: the next change, focus-out or button tries again
        self._refused = True
        self.refused_text = text
        self._set_state(QCoreApplication.translate("FormSaving", "Not saved: {error}").format(error=text), True)

    def holds_refused_input(self) -> bool:
        """What was typed here was refused by the last save and is stored nowhere: leaving would lose it."""
        return self._refused and self._dirty and not self._finished

    def discard_refused_input(self) -> None:
        """The officer chose to leave without it: nothing more is tried when the page closes."""
        self._dirty = False
        self._finished = True

    def _retry_after_changes(self, _ids=None) -> None:
        # A new record refused at a guardrail: the sync that lifts it announces its changes, so try again then
        # rather than wait for the officer's next key.
        if self._refused and self._refused_by_guardrail and self._dirty and not self._finished:
            self.save_now()

    def _save_callback(self, then):
        page = self

        def done(result: FormSaved | None = None, error=None):
            if not shiboken6.isValid(page):
                return  # the page was closed and deleted while its last save ran; the save itself is done
            page.submit_button.setEnabled(True)
            if error is not None:
                if isinstance(error, NewRegistrationsBlocked) and not page._refused_by_guardrail:
                    page._refused_by_guardrail = True  # connected once, for the page's life
                    page.ctx.changes.registrations_changed.connect(page._retry_after_changes)
                return
            page._refused = False
            page.switcher.hide()  # a stored record keeps its service
            saved = QCoreApplication.translate("FormSaving", "Saved {time}")
            page._set_state(saved.format(time=datetime.now().strftime("%H:%M:%S")))
            if result.linked_nik:
                page._show_linked(result.linked_nik)
            if then is not None:
                then(result)

        return done

    def _set_state(self, text: str, is_error: bool = False) -> None:
        self.save_state.setObjectName("saveError" if is_error else "saveState")
        self.save_state.setWordWrap(is_error)
        self.save_state.style().unpolish(self.save_state)
        self.save_state.style().polish(self.save_state)
        self.save_state.setText(text)

    def _show_linked(self, nik: str) -> None:
        self._linked_nik = nik
        self.info.setText(self.tr("ℹ A person with NIK {nik} is already recorded on this laptop. This registration "
                                  "was linked to that person; check that the name and date of birth match.")
                          .format(nik=nik))
        self.info.show()

    # --- opening -------------------------------------------------------------------------------------------

    def _load(self, registration_id: str) -> None:
        saved, page, language = self._saved, self, self.ctx.settings.language

        def open_form(session) -> FormOpened:
            opened = form_service.open_form(session, registration_id=registration_id, language=language)
            saved.version = opened.version  # on the worker: a save queued behind this one names it
            return opened

        def done(result: FormOpened | None = None, error=None):
            if not shiboken6.isValid(page) or error is not None:
                return
            page.show_review_note(result.review_note, result.review_details)
            page.set_values(result.data)
            page.body.setEnabled(result.editable)
            page._set_state(QCoreApplication.translate("FormSaving", "Opened"))
            page.validate()

        query(self.ctx, open_form, done, on_error=self._open_failed)

    def _open_failed(self, text: str) -> None:
        self._set_state(QCoreApplication.translate("FormSaving", "Could not open: {error}").format(error=text), True)

    # --- leaving -------------------------------------------------------------------------------------------

    def save_and_close(self) -> None:
        self.save_now(then=lambda _result=None: self._leave())

    def _leave(self) -> None:
        self._finished = True
        self.closed.emit()

    def submit(self) -> None:
        self._submit_tried = True
        data = self.values()
        if self._saved.id is None and not self._has_content(data):
            self._show_submit_issues(self.validate())
            return
        self._save_timer.stop()
        self._dirty = False
        self._autosave.saved()
        self._set_state(self.tr("Sending…"))
        self.submit_button.setEnabled(False)
        self._queue_save(data, self._submitted, submit=True)

    def _submitted(self, result: FormSaved) -> None:
        if result.status != status.SUBMITTED:
            self._show_submit_issues(list(result.issues))
            return
        self._set_state(self.tr("Sent to supervisor"))
        self._finished = True
        self.submitted.emit(list(result.changed_ids))
        self.closed.emit()

    def _show_submit_issues(self, issues: list[Issue]) -> None:
        self.issues = issues
        self._show_issues(issues)
        self.after_validate(self.values(), issues)
        order = list(self.labels())
        errors = sorted((i for i in issues if i.is_error),
                        key=lambda i: order.index(i.field) if i.field in order else len(order))
        first = errors[0] if errors else None
        if first is not None:
            n = sum(1 for i in issues if i.is_error)
            self._set_state(self.tr("Not sent: {n} errors to correct first").format(n=n), True)
            self.focus_field(first.field)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The host window closes the page when the officer goes elsewhere: what waits for the timer is saved now.
        if self._dirty and not self._finished:
            self.save_now()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._dirty and not self._finished:
            self.save_now()
        super().hideEvent(event)

    def is_dirty(self) -> bool:
        return self._dirty

    def record_id(self) -> str | None:
        return self._saved.id
