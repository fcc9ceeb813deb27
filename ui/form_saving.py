"""Saving, opening and sending a registration form: the part of ``RegistrationFormPage`` that talks to the
database worker. Kept apart so the page itself is only about widgets.

Autosave: when to save is ``ui.autosave.AutosavePolicy``'s answer; here the save itself.
"""

from __future__ import annotations

import time
from datetime import datetime

import shiboken6
from PySide6.QtCore import QCoreApplication

from app import record_views, registrations, status
from app.reference.regions import regions as shared_regions
from app.validation.issues import Issue
from ui.i18n import error_text

# The save and open callbacks below run on a closure's ``page``: ``page.tr`` there was filed by lupdate under a
# context "page" that no class has, so the birth and cataract forms said "Saved 07:24:07" in English. They name
# this module's context with QCoreApplication.translate instead.


class Saved:
    """Id and version of the stored record. Updated by the save job itself on the database worker, so a save
    queued before the previous one has reported back still sends the right ``expected_version``."""

    def __init__(self, registration_id: str | None):
        self.id = registration_id
        self.version: int | None = None


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
        self.ctx.runner.run_db(self._save_job(data), self._save_callback(then))

    def ensure_saved(self, then) -> None:
        """Calls ``then(id)`` once the record is stored: at once when it is, otherwise after saving the draft as
        autosave would. A photo or signature needs a record to belong to before the officer has typed much."""
        if self._saved.id is not None:
            then(self._saved.id)
            return

        def saved(result=None) -> None:
            if result is not None:
                then(result[0])

        self.save_now(then=saved, force=True)

    def store_context(self):
        """Read on the UI thread when a save is queued and handed to ``store``: what else a kind's save needs from
        its widgets, captured then so that a later edit cannot change a save already waiting."""
        return None

    def store(self, session, data: dict, submit: bool, now, today, context=None) -> tuple:
        """Writes the form on the database worker; returns (id, version, the NIK of a person already on this laptop
        that the record was linked to or "", status, issues or None).
        A kind that stores one form as several records (twins) overrides this."""
        saved, actor = self._saved, self.ctx.actor
        if saved.id is None:
            reg = registrations.create_draft(session, actor=actor, kind=self.KIND, now=now)
            session.flush()
            rid, version = reg.id, reg.version
        else:
            rid, version = saved.id, saved.version
        result = registrations.save_draft(session, actor=actor, registration_id=rid, data=data, now=now,
                                          expected_version=version)
        issues = None
        if submit:
            issues = registrations.submit(session, actor=actor, registration_id=rid, now=now, today=today,
                                          regions=shared_regions())
        reg = result.registration
        return reg.id, reg.version, next(iter(result.linked_niks), ""), reg.status, issues

    def committed(self, out: tuple) -> None:
        """Runs on the database worker once ``store``'s transaction is committed."""

    def _save_job(self, data: dict, submit: bool = False):
        saved, ws, context = self._saved, self.ctx.workspace, self.store_context()

        def job():
            with ws.transaction() as session:
                out = self.store(session, data, submit, ws.now(), ws.today(), context)
            # Only once committed: a failed save must leave the version the database still has.
            saved.id, saved.version = out[0], out[1]
            self.committed(out)
            return out

        return job

    def _save_callback(self, then):
        changes, page = self.ctx.changes, self

        def done(result=None, error=None):
            if result is not None:
                changes.registrations_changed.emit(page.changed_ids(result))
            if not shiboken6.isValid(page):
                return  # the page was closed and deleted while its last save ran; the save itself is done
            page.submit_button.setEnabled(True)
            if error is not None:
                page._dirty = True  # still to be saved: the next change, focus-out or button tries again
                page._set_state(QCoreApplication.translate("FormSaving", "Not saved: {error}").format(
                    error=error_text(error, page.language)), True)
                return
            page.switcher.hide()  # a stored record keeps its service
            saved = QCoreApplication.translate("FormSaving", "Saved {time}")
            page._set_state(saved.format(time=datetime.now().strftime("%H:%M:%S")))
            if result[2]:
                page._show_linked(result[2])
            if then is not None:
                then(result)

        return done

    def changed_ids(self, result: tuple) -> list[str]:
        return [result[0]]

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
        ws, saved, page = self.ctx.workspace, self._saved, self

        def job():
            with ws.transaction() as session:
                reg = registrations.get(session, registration_id)
                out = (dict(reg.data or {}), reg.version, reg.status,
                       record_views.review_note(session, registration_id))
            saved.version = out[1]
            return out

        def done(result=None, error=None):
            if not shiboken6.isValid(page):
                return
            if error is not None:
                page._set_state(QCoreApplication.translate("FormSaving", "Could not open: {error}").format(
                    error=error_text(error, page.language)), True)
                return
            data, _version, state, note = result
            page.show_review_note(note)
            page.set_values(data)
            page.body.setEnabled(state in status.EDITABLE)
            page._set_state(QCoreApplication.translate("FormSaving", "Opened"))
            page.validate()

        self.ctx.runner.run_db(job, done)

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
        self.ctx.runner.run_db(self._save_job(data, submit=True), self._save_callback(self._submitted))

    def _submitted(self, result) -> None:
        state, issues = result[3], result[4]
        if state != status.SUBMITTED:
            self._show_submit_issues(issues or [])
            return
        self._set_state(self.tr("Sent to supervisor"))
        self._finished = True
        self.submitted.emit(self.changed_ids(result))
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
