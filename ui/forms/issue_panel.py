"""The list of everything wrong with the form, errors first, then what is still needed before it can be sent;
clicking a line takes the officer to that field.

Rows are word-wrapped labels in a scroll area rather than list items: a list view measures wrapped rows before
its width settles and then cuts long messages short with "…", and a message the officer cannot read is no help.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.validation.issues import REQUIRED_TEMPLATE, Issue
from ui.forms.widgets import ERROR_COLOR, WARNING_COLOR

NEEDED_COLOR = "#37474f"  # not a fault yet: a neutral dark grey that still reads as something to do


class IssueRow(QLabel):
    clicked = Signal(str)

    def __init__(self, text: str, field: str, color: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.field = field
        self.setWordWrap(True)
        self.setObjectName("issueRow")
        self.setStyleSheet(f"color: {color}; padding: 3px 4px;")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to go to the field"))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.field)
        super().mouseReleaseEvent(event)


class IssuePanel(QWidget):
    field_clicked = Signal(str)  # the key of the field the clicked finding is about

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(objectName="subtitle", wordWrap=True)
        self.rows_widget = QWidget(objectName="issueRows")
        self.rows_widget.setStyleSheet("QWidget#issueRows { background: #ffffff; }")
        self.rows = QVBoxLayout(self.rows_widget)
        self.rows.setContentsMargins(4, 4, 4, 4)
        self.rows.setSpacing(2)
        self.rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.rows_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        self.set_issues([], {}, "id")

    def set_issues(self, issues: list[Issue], labels: dict[str, str], language: str,
                   needed: list[Issue] = ()) -> None:
        """``labels`` maps field keys to the labels shown on the form, in form order: rows are sorted errors first,
        then as the fields come on the form, and each says which field it is about. ``needed`` (what a submit
        would still ask for, ``app.validation.still_needed``) follows, marked as to do rather than as wrong."""
        while self.rows.count() > 1:
            row = self.rows.takeAt(0).widget()
            row.hide()  # at once: deleteLater alone would paint the old row over the new ones until it runs
            row.deleteLater()
        position = {key: n for n, key in enumerate(labels)}
        ordered = sorted(issues, key=lambda i: (not i.is_error, position.get(i.field, len(position))))
        todo = sorted(needed, key=lambda i: position.get(i.field, len(position)))
        n_errors = sum(1 for i in issues if i.is_error)
        parts = []
        if issues:
            parts.append(self.tr("{errors} errors, {warnings} warnings").format(
                errors=n_errors, warnings=len(issues) - n_errors))
        if todo:
            parts.append(self.tr("Still to fill in: %n required field(s)", "", len(todo)))
        # "No problems" only when the form could be sent as it is, never on a form that is still empty.
        self.title.setText("\n".join(parts) or self.tr("No problems found"))
        explained: set[str] = set()
        for n, (issue, to_do) in enumerate([(i, False) for i in ordered] + [(i, True) for i in todo]):
            mark = "○" if to_do else "✖" if issue.is_error else "⚠"
            label, message = labels.get(issue.field, ""), issue.text(language)
            # Most messages already name their field; saying it twice makes a long list longer.
            named = not label or label.casefold() in message.casefold()
            color = NEEDED_COLOR if to_do else ERROR_COLOR if issue.is_error else WARNING_COLOR
            text = f"{mark} {message}" if named else f"{mark} {label}: {message}"
            if to_do and label and (issue.template == REQUIRED_TEMPLATE or issue.template in explained):
                # The title says these are still to fill in, and a reason shared by several (the witnesses) was
                # given on the first of them: the field's name is enough.
                text = f"{mark} {label}"
            if to_do:
                explained.add(issue.template)
            row = IssueRow(text, issue.field, color, self.rows_widget)
            row.clicked.connect(self.field_clicked)
            self.rows.insertWidget(n, row)

    def row_widgets(self) -> list[IssueRow]:
        return [self.rows.itemAt(n).widget() for n in range(self.rows.count() - 1)]

    def texts(self) -> list[str]:
        return [row.text() for row in self.row_widgets()]
