"""The e-KTP biodata form (F-1.01): built from ``app.ektp.EKTP_FIELDS``, checked as the officer types, saved
a moment after every change so that a crash or power cut loses at most a second or two of typing."""

from __future__ import annotations

import time
from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from app import registrations, status
from app.ektp import EKTP_FIELDS, FIELDS_BY_KEY, ektp_eligibility, validate_ektp
from app.i18n import translate
from app.reference.regions import regions as shared_regions
from app.validation.dates import parse_date
from app.validation.issues import Issue
from ui.context import UiContext
from ui.form_widgets import ERROR_COLOR, WARNING_COLOR, FieldBox, make_editor
from ui.i18n import error_text
from ui.issue_panel import IssuePanel
from ui.region_picker import KEYS as REGION_KEYS, RegionPicker

KIND = "ektp"
VALIDATE_DELAY_MS = 300  # soon enough to feel live, late enough not to flash an error on every keystroke
# While the officer types without pause, a save still happens this many autosave periods after the first
# unsaved keystroke: a pure debounce would never fire during a long stretch of typing.
MAX_WAIT_FACTOR = 1.5
GRID_COLUMNS = 4
# Where each field goes in a four-column grid, and how many columns it spans; fields not listed come last.
LAYOUT = {
    "household": [("head_of_family", 2), ("address", 2), ("rt", 1), ("rw", 1), ("postal_code", 1), ("phone", 1),
                  ("regions", 4)],
    "person": [("name", 2), ("nik", 2), ("kk_number", 2), ("sex", 1), ("blood_type", 1), ("birth_place", 2),
               ("birth_date", 1), ("religion", 1), ("marital_status", 2), ("relationship", 2), ("education", 2),
               ("occupation", 2), ("citizenship", 2), ("disability", 2), ("mother_name", 2), ("mother_nik", 2),
               ("father_name", 2), ("father_nik", 2), ("birth_certificate_no", 2), ("marriage_certificate_no", 2),
               ("marriage_date", 2)],
}
STYLE = f"""
QLabel#fieldLabel {{ font-size: 11pt; color: #263238; }}
QLabel#fieldMessage {{ font-size: 10.5pt; }}
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; color: #1b5e20; }}
QLineEdit[severity="error"], QComboBox[severity="error"] {{ border: 2px solid {ERROR_COLOR}; border-radius: 3px; }}
QLineEdit[severity="warning"], QComboBox[severity="warning"] {{ border: 2px solid #d18a00; border-radius: 3px; }}
QFrame#section {{ background: #ffffff; border: 1px solid #cfd8dc; border-radius: 6px; }}
QLabel#saveState {{ color: #455a64; }}
QLabel#saveError {{ color: {ERROR_COLOR}; font-weight: bold; }}
QLabel#info {{ background: #e3f2fd; color: #0d47a1; padding: 4px 8px; border-radius: 4px; }}
"""


class _Saved:
    """Id and version of the stored record. Updated by the save job itself on the database worker, so a save
    queued before the previous one has reported back still sends the right ``expected_version``."""

    def __init__(self, registration_id: str | None):
        self.id = registration_id
        self.version: int | None = None


class EktpFormPage(QWidget):
    closed = Signal()

    def __init__(self, ctx: UiContext, registration_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.language = ctx.settings.language
        self.regions = shared_regions()
        self._saved = _Saved(registration_id)
        self._dirty = False
        self._dirty_since: float | None = None
        self._submit_tried = False  # after a submit attempt, missing required fields stay marked
        self._finished = False  # submitted: nothing more to save
        self._linked_nik = ""
        self.issues: list[Issue] = []
        self.setStyleSheet(STYLE)

        self.editors: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        labels = self.labels()
        self.picker = RegionPicker(self.regions, {k: labels[k] for k in REGION_KEYS},
                                   {k for k in REGION_KEYS if FIELDS_BY_KEY[k].required})
        self.picker.changed.connect(self._edited)
        self.picker.left.connect(self._left_field)
        self.boxes.update(self.picker.boxes)
        self.editors.update(self.picker.combos)
        for field in EKTP_FIELDS:
            if field.kind == "region":
                continue
            editor = make_editor(field, self.language)
            editor.edited.connect(self._edited)
            editor.left.connect(self._left_field)
            self.editors[field.key] = editor
            self.boxes[field.key] = FieldBox(field.key, labels[field.key], editor, field.required)

        self._build()
        self._save_timer = QTimer(self, singleShot=True)
        self._save_timer.timeout.connect(self.save_now)
        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate)
        if registration_id:
            self.body.setEnabled(False)
            self.save_state.setText(self.tr("Opening…"))
            self._load(registration_id)
        else:
            self.validate()

    # --- building ------------------------------------------------------------------------------------------

    def labels(self) -> dict[str, str]:
        return {f.key: translate("Form", f.label, self.language) for f in EKTP_FIELDS}

    def _build(self) -> None:
        title = QLabel(self.tr("e-KTP biodata (F-1.01)"), objectName="title")
        self.save_state = QLabel(objectName="saveState")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.save_state)
        self.eligibility = QLabel(wordWrap=True, objectName="eligibility")
        self.info = QLabel(wordWrap=True, objectName="info")
        self.info.hide()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(12)
        column.addWidget(self._section(self.tr("Household data"), "household"))
        column.addWidget(self._section(self.tr("Personal data"), "person"))
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Fields narrow down to fit; a sideways scroll bar would hide half a row from the officer.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)

        self.issue_panel = IssuePanel()
        self.issue_panel.setFixedWidth(280)
        self.issue_panel.field_clicked.connect(self.focus_field)
        self.body = QWidget()
        middle = QHBoxLayout(self.body)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.scroll, 1)
        middle.addWidget(self.issue_panel)

        self.close_button = QPushButton(self.tr("Save && close"))
        self.close_button.clicked.connect(self.save_and_close)
        self.submit_button = QPushButton(self.tr("Send to supervisor"), objectName="primary")
        self.submit_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.eligibility, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.info)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)

    def _section(self, title: str, section: str) -> QFrame:
        frame = QFrame(objectName="section")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel(title, objectName="sectionTitle"), 0, 0, 1, GRID_COLUMNS)
        placed = [key for key, _span in LAYOUT[section]]
        extra = [(f.key, 2) for f in EKTP_FIELDS if f.section == section and f.key not in placed
                 and f.kind != "region"]
        row, col = 1, 0
        for key, span in LAYOUT[section] + extra:
            widget = self.picker if key == "regions" else self.boxes[key]
            if col + span > GRID_COLUMNS:
                row, col = row + 1, 0
            grid.addWidget(widget, row, col, 1, span)
            col += span
        for c in range(GRID_COLUMNS):
            grid.setColumnStretch(c, 1)
        return frame

    # --- values --------------------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        data = {key: editor.value() for key, editor in self.editors.items() if key not in REGION_KEYS}
        data.update(self.picker.values())
        return data

    def set_values(self, data: dict) -> None:
        for key, editor in self.editors.items():
            if key not in REGION_KEYS:
                editor.set_value(str(data.get(key) or ""))
        self.picker.set_values({k: data.get(k, "") for k in REGION_KEYS})

    def _has_content(self, data: dict) -> bool:
        # The default province alone is not something the officer typed: it makes no record.
        return any(value for key, value in data.items() if key != "province_code")

    # --- live checks ---------------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._finished:
            return
        self._dirty = True
        self._validate_timer.start()
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        period = max(0.0, float(self.ctx.settings.autosave_seconds))
        deadline = self._dirty_since + period * MAX_WAIT_FACTOR
        self._save_timer.start(int(1000 * max(0.0, min(period, deadline - now))))

    def validate(self) -> list[Issue]:
        data = self.values()
        today = self.ctx.workspace.today()
        self.issues = validate_ektp(data, today=today, regions=self.regions, for_submit=self._submit_tried)
        self._show_issues(self.issues)
        self._show_eligibility(data, today)
        if self._linked_nik and data.get("nik") != self._linked_nik:
            self.info.hide()
            self._linked_nik = ""
        return self.issues

    def _show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[Issue]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue)
        for key, box in self.boxes.items():
            box.set_issues(by_field.get(key, []), self.language)
        self.issue_panel.set_issues(issues, self.labels(), self.language)

    def _show_eligibility(self, data: dict, today) -> None:
        birth, _ = parse_date(data.get("birth_date"), today=today)
        marital = data.get("marital_status") or ""
        if birth is None or not marital:
            self.eligibility.setStyleSheet("color: #455a64;")
            self.eligibility.setText(self.tr("e-KTP eligibility: fill in the date of birth and the marital status."))
            return
        problem = ektp_eligibility(birth, marital, today=today)
        if problem is not None:
            self.eligibility.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
            self.eligibility.setText("✖ " + problem.text(self.language))
            return
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        self.eligibility.setStyleSheet("color: #1b5e20; font-weight: bold;")
        if age < 17:
            text = self.tr("✔ Eligible for an e-KTP: married ({age} years old)")
        else:
            text = self.tr("✔ Eligible for an e-KTP: {age} years old")
        self.eligibility.setText(text.format(age=age))

    def focus_field(self, key: str) -> None:
        box, editor = self.boxes.get(key), self.editors.get(key)
        if box is None or editor is None:
            return
        self.scroll.ensureWidgetVisible(box, 20, 40)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving --------------------------------------------------------------------------------------------

    def _left_field(self) -> None:
        if self._dirty:
            self.save_now()

    def save_now(self, then=None) -> None:
        """Queues a save of what the widgets hold now; ``then()`` runs on the UI thread once it is stored."""
        self._save_timer.stop()
        self._dirty_since = None
        data = self.values()
        if self._finished or (self._saved.id is None and not self._has_content(data)) or not (self._dirty or then):
            if then is not None:
                then()
            return
        self._dirty = False
        self._set_state(self.tr("Saving…"))
        self.ctx.runner.run_db(self._save_job(data), self._save_callback(then))

    def _save_job(self, data: dict, submit: bool = False):
        saved, ws, actor = self._saved, self.ctx.workspace, self.ctx.actor

        def job():
            with ws.transaction() as session:
                now = ws.now()
                if saved.id is None:
                    reg = registrations.create_draft(session, actor=actor, kind=KIND, now=now)
                    session.flush()
                    rid, version = reg.id, reg.version
                else:
                    rid, version = saved.id, saved.version
                result = registrations.save_draft(session, actor=actor, registration_id=rid, data=data, now=now,
                                                  expected_version=version)
                issues = None
                if submit:
                    issues = registrations.submit(session, actor=actor, registration_id=rid, now=now,
                                                  today=ws.today(), regions=shared_regions())
                reg = result.registration
                out = (reg.id, reg.version, result.linked_existing_person, reg.status, issues)
            # Only once committed: a failed save must leave the version the database still has.
            saved.id, saved.version = out[0], out[1]
            return out

        return job

    def _save_callback(self, then):
        changes, page = self.ctx.changes, self

        def done(result=None, error=None):
            if result is not None:
                changes.registrations_changed.emit([result[0]])
            if not shiboken6.isValid(page):
                return  # the page was closed and deleted while its last save ran; the save itself is done
            page.submit_button.setEnabled(True)
            if error is not None:
                page._dirty = True  # still to be saved: the next change, focus-out or button tries again
                page._set_state(self.tr("Not saved: {error}").format(error=error_text(error, page.language)), True)
                return
            page._set_state(self.tr("Saved {time}").format(time=datetime.now().strftime("%H:%M:%S")))
            if result[2]:
                page._show_linked(page.values().get("nik", ""))
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

    # --- loading -------------------------------------------------------------------------------------------

    def _load(self, registration_id: str) -> None:
        ws, saved, page = self.ctx.workspace, self._saved, self

        def job():
            with ws.transaction() as session:
                reg = registrations.get(session, registration_id)
                out = (dict(reg.data or {}), reg.version, reg.status)
            saved.version = out[1]
            return out

        def done(result=None, error=None):
            if not shiboken6.isValid(page):
                return
            if error is not None:
                page._set_state(self.tr("Could not open: {error}").format(
                    error=error_text(error, page.language)), True)
                return
            data, _version, state = result
            page.set_values(data)
            page.body.setEnabled(state in status.EDITABLE)
            page._set_state(self.tr("Opened"))
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
        self._dirty, self._dirty_since = False, None
        self._set_state(self.tr("Sending…"))
        self.submit_button.setEnabled(False)
        self.ctx.runner.run_db(self._save_job(data, submit=True), self._save_callback(self._submitted))

    def _submitted(self, result) -> None:
        _id, _version, _linked, state, issues = result
        if state != status.SUBMITTED:
            self._show_submit_issues(issues or [])
            return
        self._set_state(self.tr("Sent to supervisor"))
        self._finished = True
        self.closed.emit()

    def _show_submit_issues(self, issues: list[Issue]) -> None:
        self.issues = issues
        self._show_issues(issues)
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

