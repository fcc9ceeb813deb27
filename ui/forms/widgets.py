"""Field editors built from the kinds in ``app.form_fields.Field``, and the box that shows a field's label and findings.

Every editor has the surface ``ui.forms.editor_base`` describes; ``make_editor`` picks the one for a field, from here or
from ``ui.forms.editors`` (the kinds the birth and cataract forms add).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.form_fields import Field
from app.i18n import translate
from app.validation.issues import Issue
from ui.forms.editor_base import CodeCombo, LineEditor
from ui.common.field_message import FieldMessage
from ui.forms.editors import (CheckboxEditor, ComputedDisplay, LongTextEditor, MultiChoiceEditor, NumberEditor,
                              TimeEditor)

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"  # amber dark enough to read on white in daylight
REVIEW_COLOR = "#0b57d0"  # the supervisor's words: blue, neither an error of the form nor a warning
# Digits fields and how many digits each may hold; typing more is simply not taken.
DIGIT_LIMITS = {"nik": 16, "kk_number": 16, "mother_nik": 16, "father_nik": 16, "rt": 3, "rw": 3,
                "postal_code": 5}
# Longer lists get type-to-search: nobody scrolls through 89 occupations.
SEARCHABLE_CHOICES = 12
_DAY_FIRST = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


class DigitsEditor(LineEditor):
    """Digits only, at most ``limit``; spaces and dots from a pasted "1603 0571 ..." are dropped, not refused."""

    def __init__(self, limit: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.limit = limit
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

    def _on_text_edited(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())[: self.limit]
        if digits != text:
            cursor = self.cursorPosition() - sum(1 for ch in text[: self.cursorPosition()] if not ch.isdigit())
            self.setText(digits)
            self.setCursorPosition(max(0, min(cursor, len(digits))))
        self.edited.emit()


class PhoneEditor(LineEditor):
    def _on_text_edited(self, text: str) -> None:
        kept = re.sub(r"[^\d+\s\-]", "", text)[:20]
        if kept != text:
            self.setText(kept)
        self.edited.emit()


class DateEditor(LineEditor):
    """Typed day-month-year (DD-MM-YYYY): the dashes appear by themselves, so "17081990" becomes 17-08-1990.

    The stored value is ISO when the text is a real date, otherwise the text as typed, so that a half-typed
    date is still saved (and validation says what is wrong with it).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("DD-MM-YYYY")
        self.setMaxLength(10)

    def _on_text_edited(self, text: str) -> None:
        at_end = self.cursorPosition() == len(text)
        shaped = re.sub(r"[/. ]", "-", text)
        shaped = re.sub(r"[^\d-]", "", shaped)
        shaped = re.sub(r"-{2,}", "-", shaped)
        if at_end and re.fullmatch(r"\d{2}|\d{1,2}-\d{2}", shaped):
            shaped += "-"  # the officer keeps typing digits; the separator comes for free
        elif at_end and re.fullmatch(r"\d{3}", shaped):
            shaped = f"{shaped[:2]}-{shaped[2]}"
        elif at_end and re.fullmatch(r"\d{1,2}-\d{3}", shaped):
            shaped = f"{shaped[:-1]}-{shaped[-1]}"
        if shaped != text:
            self.setText(shaped)
        self.edited.emit()

    def value(self) -> str:
        text = self.text().strip().rstrip("-")
        if match := _DAY_FIRST.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                pass
        return text

    def set_value(self, value: str) -> None:
        value = value or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            year, month, day = value.split("-")
            value = f"{day}-{month}-{year}"
        self.setText(value)


class ChoiceEditor(CodeCombo):
    """A SIAK value list shown with its labels in the officer's language; the stored value is the SIAK code."""

    def __init__(self, field: Field, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        self.addItem("", "")
        for choice in field.choices or ():
            self.addItem(translate("ValueList", choice.label, language), choice.code)
        self.finish_setup(searchable=self.count() > SEARCHABLE_CHOICES)


# kind -> how to make its editor from ``ui.forms.editors``
EXTRA_KINDS = {
    "time": lambda field, language, parent: TimeEditor(parent),
    "number": lambda field, language, parent: NumberEditor(parent),
    "checkbox": lambda field, language, parent: CheckboxEditor(translate("Form", field.label, language), parent),
    "multichoice": lambda field, language, parent: MultiChoiceEditor(field, language, parent),
    "computed": lambda field, language, parent: ComputedDisplay(field, language, parent),
    "long_text": LongTextEditor,
}


def make_editor(field: Field, language: str, parent: QWidget | None = None) -> QWidget:
    """The editor for a non-region field (region fields come from ``ui.forms.region_picker``)."""
    if field.kind in EXTRA_KINDS:
        editor = EXTRA_KINDS[field.kind](field, language, parent)
    elif field.kind == "digits":
        sixteen = field.key.endswith(("nik", "kk_number"))
        editor = DigitsEditor(16 if sixteen else DIGIT_LIMITS.get(field.key, 20), parent)
        if sixteen:
            editor.setPlaceholderText("16 digit")
    elif field.kind == "date":
        editor = DateEditor(parent)
    elif field.kind == "choice":
        editor = ChoiceEditor(field, language, parent)
    elif field.kind == "phone":
        editor = PhoneEditor(parent)
        editor.setPlaceholderText("08…")
    else:
        editor = LineEditor(parent)
    editor.setObjectName(f"field_{field.key}")
    return editor


class FieldBox(QWidget):
    """Label above the editor, findings below it in red (errors) or amber (warnings)."""

    def __init__(self, key: str, label: str, editor: QWidget, required: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.editor = editor
        self.label = QLabel(f"{label} <span style='color:{ERROR_COLOR}'>*</span>" if required else label)
        self.label.setObjectName("fieldLabel")
        self.label.setBuddy(editor)
        self.label.setVisible(bool(label))  # a tick box carries its own label
        # Always there, one line tall, even when empty: see ui.common.field_message.
        self.message = FieldMessage()
        self._issues: list[Issue] = []
        self._language = "id"
        self.review_comment = ""  # what the supervisor wrote about this field when returning the record
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        layout.addStretch(1)  # a row made taller by a neighbour's message keeps this field at the top

    def set_review_comment(self, text: str) -> None:
        """The supervisor's comment on this field, shown under it (with its findings) until the record is sent."""
        self.review_comment = text
        self.set_issues(self._issues, self._language)

    def set_issues(self, issues: list[Issue], language: str) -> None:
        self._issues, self._language = list(issues), language
        severity = "error" if any(i.is_error for i in issues) else "warning" if issues else ""
        if not severity and self.review_comment:
            severity = "review"
        lines = []
        if self.review_comment:
            lines.append((REVIEW_COLOR, "✎ " + QCoreApplication.translate("FieldBox", "Supervisor: {text}").format(
                text=self.review_comment)))
        for issue in sorted(issues, key=lambda i: not i.is_error):
            color = ERROR_COLOR if issue.is_error else WARNING_COLOR
            mark = "✖" if issue.is_error else "⚠"
            lines.append((color, f"{mark} {issue.text(language)}"))
        self.message.set_lines(lines)
        if self.editor.property("severity") != severity:
            # The property drives the red or amber border in the form's style sheet; re-polish to apply it.
            self.editor.setProperty("severity", severity)
            self.editor.style().unpolish(self.editor)
            self.editor.style().polish(self.editor)

    def message_text(self) -> str:
        """Every finding in full, one a line (the line under the field may show them cut)."""
        return self.message.full_text()
