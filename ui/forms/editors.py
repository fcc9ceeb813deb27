"""Editors for the field kinds beyond a line of text: time, number, checkbox, multichoice, computed, several lines
of text (what a complaint is about), and a regency picked from the whole country (the place of birth on an akta).

Same surface as every editor (``ui.forms.editor_base``): ``value()``, ``set_value()`` (silent) and ``edited`` fired
only by the officer's own action.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPlainTextEdit, QWidget

from app.form_fields import Field
from app.i18n import translate
from app.reference.regions import Regions
from app.validation.fields import LONG_TEXT_MAX, parse_time
from ui.forms.editor_base import CodeCombo, LineEditor

SOUTH_SUMATRA = "16"


class TimeEditor(LineEditor):
    """Hours and minutes: "1430" becomes 14:30 as it is typed; "14.30", the Indonesian way, is stored as 14:30."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("HH:MM")
        self.setMaxLength(5)

    def _on_text_edited(self, text: str) -> None:
        at_end = self.cursorPosition() == len(text)
        shaped = re.sub(r"[^\d:.]", "", text).replace(".", ":")
        if at_end and re.fullmatch(r"\d{3}", shaped):
            shaped = f"{shaped[:2]}:{shaped[2]}"
        if shaped != text:
            self.setText(shaped)
        self.edited.emit()

    def value(self) -> str:
        text = self.text().strip()
        parsed = parse_time(text)
        return parsed.strftime("%H:%M") if parsed else text


class NumberEditor(LineEditor):
    """A decimal number; the comma Indonesians write ("3,2") is kept as typed, and a dot is accepted too."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("0,0")
        self.setMaxLength(8)

    def _on_text_edited(self, text: str) -> None:
        kept = re.sub(r"[^\d,.]", "", text)
        if kept != text:
            self.setText(kept)
        self.edited.emit()


class CheckboxEditor(QCheckBox):
    edited = Signal()
    left = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.clicked.connect(lambda _checked: self.edited.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value) -> None:
        self.blockSignals(True)
        self.setChecked(value is True or value == "true")
        self.blockSignals(False)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.left.emit()


class MultiChoiceEditor(QWidget):
    """A tick box per option, in two columns; the stored value is the list of ticked codes in list order."""

    edited = Signal()
    left = Signal()

    def __init__(self, field: Field, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for n, choice in enumerate(field.choices or ()):
            box = QCheckBox(translate("ValueList", choice.label, language), self)
            box.clicked.connect(lambda _checked: self.edited.emit())
            box.installEventFilter(self)
            self.boxes[choice.code] = box
            grid.addWidget(box, n // 2, n % 2)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return super().eventFilter(watched, event)

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value) -> None:
        picked = set(value) if isinstance(value, (list, tuple)) else set()
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in picked)
            box.blockSignals(False)

    def setFocus(self, reason=Qt.FocusReason.OtherFocusReason) -> None:  # noqa: N802 - Qt's name
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            first.setFocus(reason)


class ComputedDisplay(QLabel):
    """A value the app works out from other fields: shown, never typed, so it looks unlike an input box."""

    edited = Signal()  # never emitted; present so the form treats every editor alike
    left = Signal()

    def __init__(self, field: Field, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = field.choices or ()
        self._language = language
        self._code = ""
        self.setProperty("computed", True)  # styled by the form; the object name is the field key
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_value("")

    def value(self) -> str:
        return self._code

    def set_value(self, value) -> None:
        self._code = str(value or "")
        shown = next((translate("ValueList", c.label, self._language) for c in self._choices
                      if c.code == self._code), self._code)
        self.setText(shown or "—")


class LongTextEditor(QPlainTextEdit):
    """Several lines in the citizen's own words; Tab moves on to the next field, as in every other editor."""

    edited = Signal()
    left = Signal()
    LINES = 5

    def __init__(self, field: Field, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._silent = False
        self.textChanged.connect(self._changed)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES + 14)

    def _changed(self) -> None:
        if self._silent:
            return
        if len(self.toPlainText()) > LONG_TEXT_MAX:  # more is not taken, as a digits field takes no 17th digit
            self._set_silently(self.toPlainText()[:LONG_TEXT_MAX])
        self.edited.emit()

    def _set_silently(self, text: str) -> None:
        self._silent = True
        try:
            self.setPlainText(text)
            self.moveCursor(self.textCursor().MoveOperation.End)
        finally:
            self._silent = False

    def value(self) -> str:
        return self.toPlainText().strip()

    def set_value(self, value) -> None:
        self._set_silently(str(value or ""))

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.left.emit()


class RegencyEditor(CodeCombo):
    """Every regency and city, South Sumatra's first (where nearly every birth is); type to search any."""

    def __init__(self, regions: Regions, parent: QWidget | None = None):
        super().__init__(parent)
        self.addItem("", "")
        provinces = sorted(regions.provinces(), key=lambda p: (p.code != SOUTH_SUMATRA, p.name))
        for province in provinces:
            for regency in sorted(regions.regencies(province.code), key=lambda r: r.name):
                self.addItem(f"{regency.name} — {province.name}", regency.code)
        self.finish_setup(searchable=True)
