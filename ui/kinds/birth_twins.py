"""Twins and triplets on the birth form: how many babies, and a row per extra child for what is each child's own
(name, sex, time, weight, length). Everything else on the form is typed once and shared."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.kinds.birth import FIELDS_BY_KEY
from app.i18n import translate
from app.validation.issues import Issue
from ui.forms.widgets import FieldBox, make_editor

ROW_KEYS = ("child_name", "child_sex", "child_birth_time", "child_weight", "child_length")
ROW_SPANS = (3, 1, 1, 1, 1)
MAX_CHILDREN = 4


class ChildRow(QWidget):
    """One more baby of the same birth: its own fields, with the same editors as the first child's."""

    edited = Signal()

    def __init__(self, number: int, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.editors: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.addWidget(QLabel(self.tr("Child {n}").format(n=number), objectName="sectionNote"), 0, 0, 1, 7)
        col = 0
        for key, span in zip(ROW_KEYS, ROW_SPANS):
            field = FIELDS_BY_KEY[key]
            editor = make_editor(field, language)
            editor.setObjectName(f"child{number}_{key}")
            editor.edited.connect(self.edited)
            self.editors[key] = editor
            self.boxes[key] = FieldBox(key, translate("Form", field.label, language), editor, field.required)
            grid.addWidget(self.boxes[key], 1, col, 1, span)
            col += span
        for c in range(col):
            grid.setColumnStretch(c, 1)

    def values(self) -> dict[str, str]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def set_values(self, data: dict) -> None:
        for key, editor in self.editors.items():
            editor.set_value(str(data.get(key) or ""))

    def show_issues(self, issues: list[Issue]) -> None:
        for key, box in self.boxes.items():
            box.set_issues([i for i in issues if i.field == key], self.language)


class TwinsBox(QWidget):
    """The "Kembar" control and the rows of the second to fourth child."""

    count_changed = Signal(int)
    edited = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.count = QSpinBox(objectName="twinCount", minimum=1, maximum=MAX_CHILDREN)
        self.count.setSuffix(self.tr(" baby(ies)"))
        self.count.valueChanged.connect(self._count_changed)
        self.note = QLabel(wordWrap=True, objectName="sectionNote")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Born together (twins: Kembar):"), objectName="fieldLabel"))
        top.addWidget(self.count)
        top.addWidget(self.note, 1)
        self.rows: list[ChildRow] = []
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addLayout(top)
        layout.addLayout(self.rows_layout)

    def _count_changed(self, n: int) -> None:
        while len(self.rows) < n - 1:
            row = ChildRow(len(self.rows) + 2, self.language, self)
            row.edited.connect(self.edited)
            self.rows.append(row)
            self.rows_layout.addWidget(row)
        for i, row in enumerate(self.rows):
            row.setVisible(i < n - 1)
        self.count_changed.emit(n)

    def child_values(self) -> list[dict[str, str]]:
        """The extra children's own values (the first child's are on the main form)."""
        return [row.values() for row in self.rows[: self.count.value() - 1]]
