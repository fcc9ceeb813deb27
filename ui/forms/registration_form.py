"""The page every registration form is: built from a ``KindSpec``'s fields, checked as the officer types, saved a
moment after every change so that a crash or power cut loses at most a second or two of typing, and sent to the
supervisor once it has no errors.

A kind's page (``ui.kinds.ektp``, ``ui.kinds.birth``, ``ui.kinds.cataract``) says where its fields go
(``build_sections``) and may add what only it shows (``after_validate``); the saving lives in
``ui.forms.saving``. Every form has a "Photos and documents" section (``ui.forms.attachments``): a kind's page places
``self.attachments`` where it belongs, otherwise it comes last; the button beside "Save & close" jumps to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from app import review
from app.i18n import translate
from app.kinds import kind_spec
from app.validation.issues import Issue
from app.validation.still_needed import still_needed
from ui.forms.autosave import AutosavePolicy
from ui.context import UiContext
from ui.forms.attachments import FormAttachments
from ui.forms.editors import RegencyEditor
from ui.forms.saving import FormSaving, Saved
from ui.forms.widgets import ERROR_COLOR, FieldBox, make_editor
from ui.forms.issue_panel import IssuePanel
from ui.forms.new_registration import ServiceButtons
from ui.records.notes import note_text
from ui.forms.region_picker import KEYS as PICKER_KEYS, RegionPicker

VALIDATE_DELAY_MS = 300  # soon enough to feel live, late enough not to flash an error on every keystroke
GRID_COLUMNS = 4
STYLE = f"""
QLabel#fieldLabel {{ font-size: 11pt; color: #263238; }}
QLabel#fieldMessage {{ font-size: 10.5pt; }}
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; color: #1b5e20; }}
QLabel#sectionNote {{ color: #455a64; }}
QLineEdit[severity="error"], QComboBox[severity="error"] {{ border: 2px solid {ERROR_COLOR}; border-radius: 3px; }}
QLineEdit[severity="warning"], QComboBox[severity="warning"] {{ border: 2px solid #d18a00; border-radius: 3px; }}
QLineEdit[severity="review"], QComboBox[severity="review"], QPlainTextEdit[severity="review"] {{ border: 2px solid #0b57d0; border-radius: 3px; }}
QCheckBox[severity="error"] {{ color: {ERROR_COLOR}; font-weight: bold; }}
QCheckBox[severity="warning"] {{ color: #8a5300; }}
QFrame#section {{ background: #ffffff; border: 1px solid #cfd8dc; border-radius: 6px; }}
QLabel[computed="true"] {{ background: #eceff1; border: 1px dashed #90a4ae; border-radius: 3px; padding: 4px 8px;
                   font-weight: bold; color: #263238; }}
QLabel#saveState {{ color: #455a64; }}
QLabel#saveError {{ color: {ERROR_COLOR}; font-weight: bold; }}
QLabel#info {{ background: #e3f2fd; color: #0d47a1; padding: 4px 8px; border-radius: 4px; }}
QLabel#banner {{ background: #fff3e0; color: #8a5300; padding: 4px 8px; border-radius: 4px; font-weight: bold; }}
"""


class RegistrationFormPage(FormSaving, QWidget):
    closed = Signal()
    switch_kind = Signal(str)  # the officer chose another service while this new form is still empty
    submitted = Signal(list)  # ids of the records sent to the supervisor (twins: one per child)
    KIND = ""
    # form key prefixes that get a province -> desa picker, e.g. "" (e-KTP household) or "patient_"
    REGION_PICKERS: tuple[str, ...] = ()
    # e.g. {"child_birth_place": "regency"}: region fields picked alone at one level, not as a picker row
    SINGLE_REGIONS: dict[str, str] = {}
    # section -> rows of keys: how the follow-up visit dialog (ui.follow_up.dialog) lays out the kind's
    # follow-up sections (``KindSpec.follow_up_sections``)
    FOLLOW_UP_ROWS: dict[str, tuple[tuple[str, ...], ...]] = {}

    def __init__(self, ctx: UiContext, registration_id: str | None = None, parent: QWidget | None = None):
        QWidget.__init__(self, parent)
        self.ctx = ctx
        self.spec = kind_spec(self.KIND)
        self.language = ctx.settings.language
        self.regions = ctx.workspace.regions
        self._saved = Saved(registration_id)
        self._dirty = False
        self._autosave = AutosavePolicy()
        self._submit_tried = False  # after a submit attempt, missing required fields stay marked
        self._finished = False  # submitted: nothing more to save
        # The last save was refused (a guardrail, a full disk): what the widgets hold is stored nowhere else.
        self._refused = False
        self._refused_by_guardrail = False
        self.refused_text = ""  # why, as the officer read it
        self._linked_nik = ""
        self._loaded_extra: dict = {}  # stored keys this page has no editor for; kept, never dropped
        self.issues: list[Issue] = []
        self.needed: list[Issue] = []  # what a submit would still ask for (app.validation.still_needed)
        self.setStyleSheet(STYLE)

        self.editors: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.pickers: dict[str, RegionPicker] = {}
        labels = self.labels()
        fields = {f.key: f for f in self.spec.fields}
        for prefix in self.REGION_PICKERS:
            self._add_picker(prefix, labels, fields)
        for field in self.spec.fields:
            if field.key in self.editors:
                continue
            if field.kind == "region":
                editor = RegencyEditor(self.regions)
                editor.setObjectName(f"field_{field.key}")
            else:
                editor = make_editor(field, self.language)
            editor.edited.connect(self._edited)
            editor.left.connect(self._left_field)
            self.editors[field.key] = editor
            shown = "" if field.kind == "checkbox" else labels[field.key]
            self.boxes[field.key] = FieldBox(field.key, shown, editor, field.required and bool(shown))

        self.attachments = FormAttachments(ctx, self.KIND, registration_id, ensure_record=self.ensure_saved)
        self.attachments.panel.changed.connect(self._attachments_changed)
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
            for key, value in self.defaults().items():
                self.editors[key].set_value(value)
            self.validate()

    def _add_picker(self, prefix: str, labels: dict[str, str], fields: dict) -> None:
        keys = {key: prefix + key for key in PICKER_KEYS}
        picker = RegionPicker(self.regions, {k: labels.get(full, k) for k, full in keys.items()},
                              {k for k, full in keys.items() if full in fields and fields[full].required})
        picker.changed.connect(self._edited)
        picker.left.connect(self._left_field)
        for key, full in keys.items():
            self.boxes[full] = picker.boxes[key]
            self.editors[full] = picker.combos[key]
        self.pickers[prefix] = picker

    # --- what a kind's page says ----------------------------------------------------------------------------

    def title_text(self) -> str:
        return translate("Kinds", self.spec.title, self.language)

    def build_sections(self, column: QVBoxLayout) -> None:
        """Adds the form's sections to ``column``; by default one per section, fields two columns wide."""
        for section, title in self.spec.section_labels.items():
            keys = [(f.key, 2) for f in self.spec.fields if f.section == section and f.kind != "computed"]
            column.addWidget(self.section(translate("Section", title, self.language), keys))

    def defaults(self) -> dict:
        """Values a new form starts with (e.g. today's date): they alone do not make a record worth saving."""
        return {}

    def after_validate(self, data: dict, issues: list[Issue]) -> None:
        """Whatever else the page shows from the current values (eligibility, documents needed...)."""

    # --- building ------------------------------------------------------------------------------------------

    def labels(self) -> dict[str, str]:
        return {f.key: translate("Form", f.label, self.language) for f in self.spec.fields}

    def _build(self) -> None:
        title = QLabel(self.title_text(), objectName="title")
        self.save_state = QLabel(objectName="saveState")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.switcher = ServiceButtons(current=self.KIND)
        self.switcher.chosen.connect(self.switch_kind)
        self.switcher.setVisible(self._saved.id is None)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(24)
        header.addWidget(self.switcher, 1)  # the room left beside the title; its buttons wrap within it
        header.addWidget(self.save_state)
        self.footer_note = QLabel(wordWrap=True, objectName="eligibility")
        # What the supervisor asked to correct stays in view above the fields until the record is sent again.
        self.review_note = QLabel(wordWrap=True, objectName="returnNote")
        self.review_note.hide()
        self.info = QLabel(wordWrap=True, objectName="info")
        self.info.hide()
        self.banner = QLabel(wordWrap=True, objectName="banner")
        self.banner.hide()

        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(0, 0, 12, 0)
        self.column.setSpacing(12)
        self.build_sections(self.column)
        if self.attachments.parentWidget() is None:  # the kind did not place it: last, after the documents
            self.column.addWidget(self.attachments)
        self.column.addStretch(1)
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
        # Beside the buttons rather than in the header, which the service switch already fills on a new form.
        self.attachments_button = QPushButton(objectName="attachmentsJump")
        self.attachments_button.clicked.connect(self.show_attachments)
        self.attachments.updated.connect(lambda: self.attachments_button.setText(self.attachments.summary()))
        self.attachments_button.setText(self.attachments.summary())
        buttons = QHBoxLayout()
        buttons.addWidget(self.footer_note, 1)
        buttons.addWidget(self.attachments_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.review_note)
        layout.addWidget(self.info)
        layout.addWidget(self.banner)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)

    def show_review_note(self, note, details: dict | None = None) -> None:
        """``note``: an ``app.record_views.Note`` on a returned record, or None; ``details``: the return's coded
        reasons and field comments (``app.review``), each comment shown under its own field."""
        self.review_note.setVisible(note is not None)
        if note is not None:
            text = note_text(note, self.tr(
                "Returned for correction by {who}, {when}: {text}. Correct it, then send it to the supervisor "
                "again."))
            reasons = [translate(review.CONTEXT, review.REASONS[code], self.language)
                       for code in review.reasons_of(details)]
            if reasons and ", ".join(reasons) != note.text:  # unless the reasons are the note's own words
                text += " " + self.tr("Reasons: {reasons}.").format(reasons=", ".join(reasons))
            comments = review.field_comments_of(details)
            if comments:
                text += " " + self.tr("The fields to correct are marked below.")
            self.review_note.setText(text)
        for key, box in self.boxes.items():
            box.set_review_comment(review.field_comments_of(details).get(key, "") if note is not None else "")

    def section(self, title: str, placed: list[tuple], note: QWidget | None = None,
                columns: int = GRID_COLUMNS) -> QFrame:
        """A framed section: its title, an optional widget beside it, then ``(key or widget, span)`` in a grid."""
        frame = QFrame(objectName="section")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(title, objectName="sectionTitle"))
        heading.addStretch(1)
        if note is not None:
            heading.addWidget(note, 3)
        grid.addLayout(heading, 0, 0, 1, columns)
        row, col = 1, 0
        for item, span in placed:
            widget = self.boxes[item] if isinstance(item, str) else item
            if col + span > columns:
                row, col = row + 1, 0
            grid.addWidget(widget, row, col, 1, span)
            col += span
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        return frame

    # --- values --------------------------------------------------------------------------------------------

    def _picker_keys(self) -> set[str]:
        return {prefix + key for prefix in self.pickers for key in PICKER_KEYS}

    def values(self) -> dict:
        in_pickers = self._picker_keys()
        data = dict(self._loaded_extra)
        data.update({key: editor.value() for key, editor in self.editors.items() if key not in in_pickers})
        for prefix, picker in self.pickers.items():
            data.update({prefix + key: value for key, value in picker.values().items()})
        # Shown as the officer types; the domain works them out again when it stores the record.
        return self.spec.with_computed(data)

    def set_values(self, data: dict) -> None:
        in_pickers = self._picker_keys()
        self._loaded_extra = {k: v for k, v in data.items() if k not in self.editors}
        for key, editor in self.editors.items():
            if key not in in_pickers:
                value = data.get(key)
                editor.set_value(value if isinstance(value, (bool, list)) else str(value or ""))
        for prefix, picker in self.pickers.items():
            picker.set_values({k: data.get(prefix + k, "") for k in PICKER_KEYS})

    def _has_content(self, data: dict) -> bool:
        # The default province and what the app computes are not something the officer typed: they make no record.
        skip = {prefix + "province_code" for prefix in self.pickers}
        skip |= {f.key for f in self.spec.fields if f.kind == "computed"}
        defaults = self.defaults()
        return any(value for key, value in data.items() if key not in skip and value != defaults.get(key))

    # --- live checks ---------------------------------------------------------------------------------------

    def validate(self) -> list[Issue]:
        data = self.values()
        today = self.ctx.workspace.today()
        self.issues = self.spec.validate(data, today=today, regions=self.regions, for_submit=self._submit_tried)
        # Before a submit attempt the missing values are not errors, but the officer still sees what is to do.
        self.needed = [] if self._submit_tried else still_needed(self.spec.validate, data, today=today,
                                                                 regions=self.regions, live=self.issues)
        self._show_issues(self.issues, self.needed)
        self.attachments.set_data(data)
        self.after_validate(data, self.issues)
        self.switcher.setVisible(self._saved.id is None and not self._has_content(data))
        if self._linked_nik and self._linked_nik not in self._niks(data):
            self.info.hide()
            self._linked_nik = ""
        return self.issues

    def _niks(self, data: dict) -> set[str]:
        return {str(data.get(prefix + "nik") or "") for prefix in self.spec.person_roles.values()}

    def _show_issues(self, issues: list[Issue], needed: list[Issue] = ()) -> None:
        by_field: dict[str, list[Issue]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue)
        for key, box in self.boxes.items():
            box.set_issues(by_field.get(key, []), self.language)
        self.issue_panel.set_issues(issues, self.labels(), self.language, needed)

    # --- photos and documents ------------------------------------------------------------------------------

    def show_attachments(self) -> None:
        self.scroll.ensureWidgetVisible(self.attachments, 20, 20)

    def _attachments_changed(self) -> None:
        if self._saved.id is not None:
            self.ctx.changes.registrations_changed.emit([self._saved.id])

    def focus_field(self, key: str) -> None:
        box, editor = self.boxes.get(key), self.editors.get(key)
        if box is None or editor is None:
            return
        self.scroll.ensureWidgetVisible(box, 20, 40)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
