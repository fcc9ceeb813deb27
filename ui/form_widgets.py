"""Field editors built from the kinds in ``app.ektp.Field``, and the box that shows a field's label and findings.

Every editor has the same small surface so the form can treat them alike: ``value()`` (the string stored in the
record), ``set_value()`` (never reported as an edit) and an ``edited`` signal fired only by the officer's own
typing or picking, so that filling the form from a saved record does not look like new work to save.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.ektp import Field
from app.i18n import translate
from app.validation.issues import Issue
from ui.field_message import FieldMessage

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"  # amber dark enough to read on white in daylight
# Digits fields and how many digits each may hold; typing more is simply not taken.
DIGIT_LIMITS = {"nik": 16, "kk_number": 16, "mother_nik": 16, "father_nik": 16, "rt": 3, "rw": 3,
                "postal_code": 5}
# Longer lists get type-to-search: nobody scrolls through 89 occupations.
SEARCHABLE_CHOICES = 12
_DAY_FIRST = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


class LineEditor(QLineEdit):
    """A line edit whose text is the stored value."""

    edited = Signal()
    left = Signal()  # focus went elsewhere: a natural moment to save

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, _text: str) -> None:
        self.edited.emit()

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: str) -> None:
        self.setText(value or "")

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.left.emit()


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


class CodeCombo(QComboBox):
    """A list of coded options (value lists, regions): shows names, stores the code, can be typed into to search."""

    edited = Signal()
    left = Signal()
    _unlisted = ""  # words typed into the box that match no option: the value until the officer picks one

    def finish_setup(self, searchable: bool) -> None:
        """Call once the items are in."""
        self.setMaxVisibleItems(15)
        narrow(self)
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.lineEdit().editingFinished.connect(self._settle_text)
        self.activated.connect(self._picked)
        self.installEventFilter(self)

    def _picked(self, _index: int) -> None:
        self._unlisted = ""
        self.edited.emit()

    def _settle_text(self) -> None:
        """Typed text that names an option picks it. Other text stays as typed and is the value, so that the check
        says it is not an option: silently putting back the old choice would drop what the officer wrote, and
        keeping the old code under the new words would store something the officer no longer sees."""
        typed = self.currentText().strip()
        index = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        before = self.value()
        if index >= 0:
            self._unlisted = ""
            if index != self.currentIndex():
                self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
        else:
            self._unlisted = typed
        if self.value() != before:
            self.edited.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return super().eventFilter(watched, event)

    def value(self) -> str:
        return self._unlisted or str(self.currentData() or "")

    def set_value(self, value) -> None:
        value = str(value or "")
        self._unlisted = ""
        index = self.findData(value)
        if index < 0 and value:
            # A code this version does not know (newer master data): kept and shown as it is, never dropped.
            self.addItem(value, value)
            index = self.count() - 1
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)


class ChoiceEditor(CodeCombo):
    """A SIAK value list shown with its labels in the officer's language; the stored value is the SIAK code."""

    def __init__(self, field: Field, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        self.addItem("", "")
        for choice in field.choices or ():
            self.addItem(translate("ValueList", choice.label, language), choice.code)
        self.finish_setup(searchable=self.count() > SEARCHABLE_CHOICES)


def narrow(combo: QComboBox) -> None:
    """Lets a combo be as narrow as its grid cell: its longest item must not widen the whole form. The open list
    is as wide as the items need, so nothing is cut off where the officer chooses."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


# kind -> how to make its editor from ``ui.form_editors``
EXTRA_KINDS = {
    "time": lambda m, field, language, parent: m.TimeEditor(parent),
    "number": lambda m, field, language, parent: m.NumberEditor(parent),
    "checkbox": lambda m, field, language, parent: m.CheckboxEditor(translate("Form", field.label, language), parent),
    "multichoice": lambda m, field, language, parent: m.MultiChoiceEditor(field, language, parent),
    "computed": lambda m, field, language, parent: m.ComputedDisplay(field, language, parent),
}


def make_editor(field: Field, language: str, parent: QWidget | None = None) -> QWidget:
    """The editor for a non-region field (region fields come from ``ui.region_picker``)."""
    if field.kind in EXTRA_KINDS:
        from ui import form_editors  # the birth and cataract kinds; imported late as it builds on this module

        editor = EXTRA_KINDS[field.kind](form_editors, field, language, parent)
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
        # Always there, one line tall, even when empty: see ui.field_message.
        self.message = FieldMessage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        layout.addStretch(1)  # a row made taller by a neighbour's message keeps this field at the top

    def set_issues(self, issues: list[Issue], language: str) -> None:
        severity = "error" if any(i.is_error for i in issues) else "warning" if issues else ""
        lines = []
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
