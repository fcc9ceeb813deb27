"""What the officer records on a follow-up visit to a screening already sent for review: the referral, the
surgery and the post-operative checks, and nothing else (``app.follow_up.record_follow_up``).

A dialog rather than the form: the rest of the record belongs to the review now, and an officer in a village
wants the three or four fields of this visit, not a long form with most of it locked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app import record_views
from app.follow_up import FOLLOW_UP_KEYS, VisitRecord, visit_record
from app.follow_up_visit import VisitSaved, save_visit
from app.i18n import translate
from app.kinds import kind_spec
from app.validation.issues import Issue
from ui.context import UiContext
from ui.kinds import FORM_PAGES, has_form
from ui.forms.widgets import FieldBox, make_editor
from ui.common.operations import operation, query
from ui.forms.registration_form import STYLE as FORM_STYLE
from ui.common.screen_fit import fit_to_screen

VALIDATE_DELAY_MS = 300
COLUMNS = 3
WIDTH = 960  # wide enough for three fields a row and their messages; well inside a 1366 px screen
STYLE = FORM_STYLE + """
QLabel#patient { font-size: 14pt; font-weight: bold; color: #263238; }
QLabel#due { background: #fff3e0; color: #8a5300; padding: 4px 8px; border-radius: 4px; font-weight: bold; }
QLabel#dialogError { color: #b3261e; font-weight: bold; }
"""


def title_text() -> str:
    """Also the record page's button: the same words for the same thing."""
    return QCoreApplication.translate("FollowUpDialog", "Record a follow-up visit")


def _same(old, new) -> bool:
    # An unticked box, an empty field and a key never stored all mean "not recorded".
    def norm(value):
        return "" if value in (None, "", False) else value

    return norm(old) == norm(new)


class FollowUpDialog(QDialog):
    saved = Signal(str)  # registration id, once the visit is stored

    def __init__(self, ctx: UiContext, registration_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.registration_id = ctx, registration_id
        self.language = ctx.settings.language
        self.regions = ctx.workspace.regions
        self.kind = ""
        self.data: dict = {}
        self.issues: list[Issue] = []
        self.editors: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.setWindowTitle(title_text())
        self.setStyleSheet(STYLE)
        self.setMinimumWidth(760)

        self.patient = QLabel(self.tr("Loading…"), objectName="patient", wordWrap=True)
        self.due = QLabel(objectName="due")
        self.due.hide()
        self.note = QLabel(self.tr("Only the referral, the surgery and the checks after it can be changed here; "
                                   "the record is sent to the server again at the next sync."),
                           objectName="sectionNote", wordWrap=True)
        self.content = QWidget()
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(0, 0, 8, 0)
        self.column.setSpacing(8)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.content)
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.error.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save visit"), objectName="primary")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)  # keeps the buttons at their own width while there is no error to show
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(8)
        header = QHBoxLayout()  # one line, not two: every pixel of height goes to the fields
        header.addWidget(self.patient, 1)
        header.addWidget(self.due)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate)
        self._load()

    # --- loading -------------------------------------------------------------------------------------------

    def _load(self) -> None:
        rid = self.registration_id
        query(self.ctx, lambda session: visit_record(session, registration_id=rid), self._loaded,
              on_error=self._show_error)

    def _loaded(self, result: VisitRecord | None = None, error=None) -> None:
        if error is not None:
            return
        self.kind, self.data = result.kind, result.data
        village_name = record_views.village_name(result.village_code, self.regions) if result.village_code else ""
        name = result.patient_name or self.tr("(no name)")
        self.patient.setText(" · ".join(part for part in (name, village_name) if part))
        self._show_due(result.due_date, result.due_action)
        self._build()
        self.validate()
        self._fit_to_screen()
        self._focus_due(result.due_action)

    def _show_due(self, due_date: str | None, due_action: str | None) -> None:
        if not due_action:
            self.due.setText(self.tr("No visit is due for this patient."))
        else:
            action = translate("FollowUp", kind_spec(self.kind).follow_up_labels.get(due_action, due_action),
                               self.language)
            day = f"{due_date[8:10]}-{due_date[5:7]}-{due_date[0:4]}" if due_date else ""
            self.due.setText(self.tr("This visit: {action} (due {date})").format(action=action, date=day))
        self.due.show()

    def _build(self) -> None:
        spec = kind_spec(self.kind)
        keys = FOLLOW_UP_KEYS.get(self.kind, ())
        fields = {f.key: f for f in spec.fields if f.key in keys}
        for key, field in fields.items():
            editor = make_editor(field, self.language)
            value = self.data.get(key)
            editor.set_value(value if isinstance(value, (bool, list)) else str(value or ""))
            editor.edited.connect(self._edited)
            self.editors[key] = editor
            label = "" if field.kind == "checkbox" else translate("Form", field.label, self.language)
            self.boxes[key] = FieldBox(key, label, editor, False)
            # "Kanan: tajam penglihatan pada hari 1" unwrapped would make the dialog wider than the screen.
            self.boxes[key].label.setWordWrap(True)
        # The kind's page says how its follow-up rows are laid out; keys it does not name still get an editor, in
        # a row of their own at the end of their section.
        layout = FORM_PAGES[self.kind].FOLLOW_UP_ROWS if has_form(self.kind) else {}
        for section in kind_spec(self.kind).follow_up_sections:
            rows = [tuple(k for k in row if k in fields) for row in layout.get(section, ())]
            placed = {k for row in rows for k in row}
            rest = tuple(f.key for f in fields.values() if f.section == section and f.key not in placed)
            rows += [rest[i:i + COLUMNS] for i in range(0, len(rest), COLUMNS)]
            title = translate("Section", spec.section_labels.get(section, section), self.language)
            self.column.addWidget(self._section(title, [row for row in rows if row]))
        self.column.addStretch(1)

    def _focus_due(self, due_action: str | None) -> None:
        """The cursor in the first field of this visit, scrolled into view: the referral above is mostly typed."""
        key = kind_spec(self.kind).follow_up_starts.get(due_action or "")
        if key in self.editors:
            self.scroll.ensureWidgetVisible(self.boxes[key], 20, 40)
            self.editors[key].setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_to_screen(self) -> None:
        """Every field in view without scrolling when the screen allows it; a 1366x768 laptop does."""
        chrome = self.sizeHint().height() - self.scroll.sizeHint().height()
        fit_to_screen(self, WIDTH, chrome + self.content.sizeHint().height() + 8)

    def _section(self, title: str, rows: list[tuple[str, ...]]) -> QFrame:
        frame = QFrame(objectName="section")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(title, objectName="sectionTitle"), 0, 0, 1, COLUMNS)
        column_width = (WIDTH - 120) // COLUMNS  # the dialog's and the sections' margins and spacing taken off
        for r, row in enumerate(rows, start=1):
            self._level_labels([self.boxes[key].label for key in row], column_width)
            for c, key in enumerate(row):
                # The last field of a short row takes the rest of it: a facility name needs the width.
                span = COLUMNS - c if c == len(row) - 1 else 1
                grid.addWidget(self.boxes[key], r, c, 1, span)
        for c in range(COLUMNS):
            grid.setColumnStretch(c, 1)
        return frame

    @staticmethod
    def _level_labels(labels: list[QLabel], width: int) -> None:
        """When one label of a row wraps, all of them take its two lines, text at the bottom: the editors then
        stay level, as they do on the form, instead of one dropping below its neighbours."""
        if not any(label.fontMetrics().horizontalAdvance(label.text()) > width for label in labels):
            return
        height = 2 * labels[0].fontMetrics().lineSpacing()
        for label in labels:
            label.setMinimumHeight(height)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    # --- values and checks ---------------------------------------------------------------------------------

    def updates(self) -> dict:
        """The follow-up values the officer changed, as ``record_follow_up`` takes them."""
        return {key: editor.value() for key, editor in self.editors.items()
                if not _same(self.data.get(key), editor.value())}

    def _edited(self) -> None:
        self.save_button.setEnabled(False)  # until the check below has seen the new value
        self._validate_timer.start()

    def validate(self) -> list[Issue]:
        self._validate_timer.stop()
        merged = {k: v for k, v in {**self.data, **self.updates()}.items() if v not in (None, "")}
        found = kind_spec(self.kind).validate(merged, today=self.ctx.workspace.today(), regions=self.regions,
                                              for_submit=True) if self.kind else []
        self.issues = [issue for issue in found if issue.field in self.editors]
        self._show_issues(self.issues)
        self.save_button.setEnabled(bool(self.updates()) and not any(i.is_error for i in self.issues))
        return self.issues

    def _show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[Issue]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue)
        for key, box in self.boxes.items():
            box.set_issues(by_field.get(key, []), self.language)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # --- saving --------------------------------------------------------------------------------------------

    def save(self) -> None:
        if any(i.is_error for i in self.validate()):
            return
        updates = self.updates()
        if not updates:
            return
        ws, actor, rid = self.ctx.workspace, self.ctx.actor, self.registration_id
        today, regions = ws.today(), self.regions
        self.save_button.setEnabled(False)
        self._show_error("")

        operation(self.ctx, lambda session: save_visit(session, actor=actor, registration_id=rid, updates=updates,
                                                       now=ws.now(), today=today, regions=regions),
                  self._saved, on_error=self._show_error)

    def _saved(self, result: VisitSaved | None = None, error=None) -> None:
        if error is not None:
            self.save_button.setEnabled(True)
            return
        if not result.stored:
            # The check on the worker saw what the dialog did not (a date typed in the last moment): show it.
            self._show_issues([i for i in result.issues if i.field in self.editors])
            self._show_error(self.tr("Nothing was saved: correct the fields marked in red."))
            self.save_button.setEnabled(True)
            return
        self.saved.emit(self.registration_id)
        self.accept()
